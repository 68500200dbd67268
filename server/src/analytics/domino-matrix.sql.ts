import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { firstDayOfYear, yearOf } from './dates.ts';
import { buildMatrix, type DominoMatrix } from './domino-matrix.ts';
import { joinPairs, matrixSource, type PairsRead, readPairs } from './domino-source.ts';
import { readYearPart, type YearPart, type YearRead, yearsOf } from './domino-year-parts.sql.ts';
import { type PeriodRange, splitRange } from './periods.ts';
import { withWorkMemEach } from './versions.ts';

/** A period as the matrix sees it: the filter's inclusive day range, open ends null. */
export interface MatrixPeriod {
  readonly tenantId: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** What loadMatrix's statements answer, each part from one of them. */
interface MatrixParts {
  readonly pairs: PairsRead;
  /** The pairs of the days at the edges, read with the edges' flows. */
  readonly dayPairs: PairsRead;
  readonly flows: string;
  readonly snapshots: string;
  readonly sectors: Array<[string, string]>;
  /** A whole year's part (domino-year-parts.sql.ts). */
  readonly year: YearRead;
}

/** A period's matrix, with the whole years' parts it read from the rollups (to be stored). */
export interface LoadedMatrix {
  readonly matrix: DominoMatrix;
  readonly newParts: YearPart[];
  /** The whole years whose stored parts were read. */
  readonly storedYears: number[];
}

/**
 * The period's matrix, from the rollups and the transactions (the days of partial months): every
 * (buyer, seller, amount) between parties of L (analytics_pair_month, by month), what parties of L
 * received and paid (analytics_party_year for whole years, analytics_party_month for the months
 * at the edges), the snapshots' revenue and the parties' sectors. Whole calendar years come from
 * their stored parts when those are of the year's current version (`storedParts`, the default),
 * else from the rollups, and are then returned as `newParts` for the caller to store. With the
 * analytic settings (withWorkMemEach): in the caller's transaction, if `db` is one.
 */
export async function loadMatrix(
  db: Kysely<Database>,
  period: MatrixPeriod,
  options: { storedParts?: boolean } = {},
): Promise<LoadedMatrix> {
  const t = period.tenantId;
  const useStored = options.storedParts ?? true;
  // Pairs rarely repeat over months (at scale 100, 728,455 pair-months for 682,362 pairs): they are
  // read by month. Whole years come as yearly parts; the months and days at the edges as below.
  const byYear = splitRange(period.from, period.to, true);
  const { days } = byYear;
  const inRange = (column: string, range: PeriodRange) => {
    const parts: RawBuilder<unknown>[] = [sql`tenant_id = ${t}`];
    if (range.first) parts.push(sql`${sql.ref(column)} >= ${range.first}::date`);
    if (range.last) parts.push(sql`${sql.ref(column)} <= ${range.last}::date`);
    return sql.join(parts, sql` AND `);
  };
  const pairParts: RawBuilder<unknown>[] = [];
  const edgeFlows: RawBuilder<unknown>[] = [];
  for (const range of byYear.months) {
    pairParts.push(sql`SELECT buyer_id, seller_id, amount FROM analytics_pair_month WHERE ${inRange('month', range)}`);
    edgeFlows.push(sql`SELECT party_id, received, paid FROM analytics_party_month WHERE ${inRange('month', range)}`);
  }
  if (days.length) {
    // The purchases of the days at the edges, read once, by the edges' statement, for their pairs
    // and both flows.
    edgeFlows.push(sql`SELECT buyer_id, 0::bigint, amount FROM days WHERE buyer_in_l`);
    edgeFlows.push(sql`SELECT seller_id, amount, 0::bigint FROM days WHERE seller_in_l`);
  }
  // Snapshot months overlapping the period outside its whole years (those are in the years' parts).
  const snapshotParts = snapshotRows(t, period, byYear.years);
  // The statements (they may run on a read replica), each answering texts (domino-source.ts), each
  // text one aggregate so that its fields stay in step: one per whole year (its stored part, or its
  // pairs, flows and snapshots from the rollups); the flows of the months and days at the edges, as
  // they are (summed per party in Node), that statement also answering the pairs of the days at the
  // edges (so the days' purchases and their parties' classes are read once); the pairs of the edge
  // months as they are (a pair repeated over months, days or years is summed by buildMatrix); the
  // snapshots' revenue of the edge months and the classified parties by sector. On PostgreSQL they
  // run at once on as many connections (withWorkMemEach), so the database's cores share the work.
  // Each also answers the tenant's analytics version, which every write that changes what they read
  // moves in the same transaction: equal versions mean they saw the same data; otherwise they run
  // again one after the other in one REPEATABLE READ transaction.
  const version = sql<number>`(SELECT version FROM analytics_state WHERE tenant_id = ${t})`;
  // Only the edges' statement reads the days, and only when the period has some.
  const inDays = sql.join(
    days.map(([a, b]) => sql`t.occurred_on BETWEEN ${a}::date AND ${b}::date`),
    sql` OR `,
  );
  const daysCte = sql`WITH days AS MATERIALIZED (
      SELECT t.buyer_id, t.seller_id, t.amount, b.in_l AS buyer_in_l, s.in_l AS seller_in_l
      FROM "transaction" t
      JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id
      JOIN analytics_party_class s ON s.tenant_id = t.tenant_id AND s.party_id = t.seller_id
      WHERE t.tenant_id = ${t} AND (${inDays}) AND (b.in_l OR s.in_l)
    )`;
  const dayPairsText = sql`(SELECT string_agg(concat_ws(' ', buyer_id, seller_id, amount), ' ')
    FROM days WHERE buyer_in_l AND seller_in_l)`;
  type Run = (trx: Kysely<Database>) => Promise<Partial<MatrixParts> & { version: number | null }>;
  const edgeRuns: Run[] = [];
  if (edgeFlows.length) {
    const withDays = days.length > 0;
    edgeRuns.push(async (trx) => {
      const result = await sql<{ version: number | null; flows: string | null; day_pairs: string | null }>`${
        withDays ? daysCte : sql``
      }
      SELECT ${version} AS version,
        (SELECT string_agg(concat_ws(' ', party_id, received, paid), ' ')
         FROM (${sql.join(edgeFlows, sql` UNION ALL `)}) flow(party_id, received, paid)) AS flows,
        ${withDays ? dayPairsText : sql`NULL::text`} AS day_pairs`.execute(trx);
      const row = result.rows[0];
      const read = { version: row?.version ?? null, flows: row?.flows ?? '' };
      return withDays ? { ...read, dayPairs: readPairs(row?.day_pairs ?? '') } : read;
    });
  }
  if (pairParts.length) {
    edgeRuns.push(async (trx) => {
      const result = await sql<{ version: number | null; pairs: string | null }>`SELECT ${version} AS version,
          (SELECT string_agg(concat_ws(' ', a, b, amount), ' ')
           FROM (${sql.join(pairParts, sql` UNION ALL `)}) pair(a, b, amount)) AS pairs`.execute(trx);
      return { version: result.rows[0]?.version ?? null, pairs: readPairs(result.rows[0]?.pairs ?? '') };
    });
  }
  edgeRuns.push(async (trx) => {
    const snapshots = snapshotParts.length
      ? sql`(SELECT string_agg(concat_ws(' ', enterprise_id, revenue), ' ')
         FROM (${sql.join(snapshotParts, sql` UNION ALL `)}) snap(enterprise_id, revenue))`
      : sql`NULL::text`;
    const result = await sql<{
      version: number | null;
      snapshots: string | null;
      sectors: Array<[string, string]> | null;
    }>`SELECT ${version} AS version, ${snapshots} AS snapshots,
        (SELECT json_agg(json_build_array(sector, parties))
         FROM (
           SELECT sector, string_agg(party_id::text, ' ') FROM analytics_party_class WHERE tenant_id = ${t} GROUP BY sector
         ) c(sector, parties)) AS sectors`.execute(trx);
    const row = result.rows[0];
    return { version: row?.version ?? null, snapshots: row?.snapshots ?? '', sectors: row?.sectors ?? [] };
  });
  // The whole years' list, then their parts beside the edges' statements.
  const readAll = async (list: Kysely<Database>, run: (runs: Run[]) => Promise<Array<Awaited<ReturnType<Run>>>>) => {
    const years = byYear.years ? await yearsOf(list, t, byYear.years) : { tenantVersion: null, years: [] };
    const yearRuns: Run[] = years.years.map((year) => async (trx) => {
      const read = await readYearPart(trx, t, year, useStored);
      return { version: read.tenantVersion, year: read };
    });
    const parts = await run([...yearRuns, ...edgeRuns]);
    return byYear.years ? [...parts, { version: years.tenantVersion }] : parts;
  };
  let parts = await readAll(db, (runs) => withWorkMemEach(db, runs));
  if (new Set(parts.map((part) => part.version)).size > 1) {
    const [consistent] = await withWorkMemEach(db, [(trx) => readAll(trx, (runs) => withWorkMemEach(trx, runs))], {
      consistent: true,
    });
    parts = consistent ?? [];
  }
  const years = parts.flatMap((part) => (part.year ? [part.year] : []));
  const pairs = [
    ...parts.flatMap((part) => [part.pairs, part.dayPairs]),
    ...years.map((read) => readPairs(read.part.pairs)),
  ].filter((read): read is PairsRead => read !== undefined);
  const texts = (pick: (part: Partial<MatrixParts>) => string | undefined, ofYear: (part: YearPart) => string) => [
    ...parts.flatMap((part) => {
      const text = pick(part);
      return text ? [text] : [];
    }),
    ...years.flatMap((read) => (ofYear(read.part) ? [ofYear(read.part)] : [])),
  ];
  const source = matrixSource({
    pairs: joinPairs(pairs),
    flows: texts(
      (part) => part.flows,
      (part) => part.flows,
    ),
    snapshots: texts(
      (part) => part.snapshots,
      (part) => part.snapshots,
    ),
    sectors: parts.flatMap((part) => part.sectors ?? []),
  });
  return {
    matrix: buildMatrix(source),
    newParts: years.filter((read) => !read.stored && read.versioned).map((read) => read.part),
    storedYears: years.filter((read) => read.stored).map((read) => read.part.year),
  };
}

/**
 * The snapshots' revenue of the months overlapping the period outside its whole years `years`
 * (splitRange's, open ends allowed; those are read with the years' parts), as (enterprise_id,
 * revenue) rows from enterprise_snapshot; none when the period is whole years. Summed per
 * enterprise in Node, the same as summing the period's snapshots, whose null revenues add nothing.
 */
function snapshotRows(tenantId: string, period: MatrixPeriod, years: PeriodRange | null): RawBuilder<unknown>[] {
  const months = [sql`tenant_id = ${tenantId}`, sql`revenue IS NOT NULL`];
  if (period.from) months.push(sql`period >= date_trunc('month', ${period.from}::date::timestamp)::date`);
  if (period.to) months.push(sql`period <= ${period.to}::date`);
  const outside: RawBuilder<unknown>[] = [];
  if (years?.first) outside.push(sql`period < ${years.first}::date`);
  if (years?.last) outside.push(sql`period >= ${firstDayOfYear(yearOf(years.last) + 1)}::date`);
  if (years && outside.length === 0) return [];
  if (years) months.push(sql`(${sql.join(outside, sql` OR `)})`);
  return [sql`SELECT enterprise_id, revenue FROM enterprise_snapshot WHERE ${sql.join(months, sql` AND `)}`];
}
