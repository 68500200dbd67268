import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { firstDayOfYear, yearOf } from './dates.ts';
import { buildMatrix, type DominoMatrix } from './domino-matrix.ts';
import { joinPairs, matrixSource, type PairsRead, readPairs } from './domino-source.ts';
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
}

/**
 * The period's matrix, from the rollups and the transactions (the days of partial months): every
 * (buyer, seller, amount) between parties of L (analytics_pair_month, by month), what parties of L
 * received and paid (analytics_party_year for whole years, analytics_party_month for the months
 * at the edges), the snapshots' revenue and the parties' sectors. With the analytic settings
 * (withWorkMemEach): in the caller's transaction, if `db` is one.
 */
export async function loadMatrix(db: Kysely<Database>, period: MatrixPeriod): Promise<DominoMatrix> {
  const t = period.tenantId;
  // Pairs rarely repeat over months (at scale 100, 728,455 pair-months for 682,362 pairs): they are
  // read by month. What each party received and paid is read by whole years where it can.
  const { months, days } = splitRange(period.from, period.to);
  const byYear = splitRange(period.from, period.to, true);
  const inRange = (column: string, range: PeriodRange, cast: 'date' | 'smallint') => {
    const value = (v: string) => (cast === 'date' ? sql`${v}::date` : sql`${yearOf(v)}::smallint`);
    const parts: RawBuilder<unknown>[] = [sql`tenant_id = ${t}`];
    if (range.first) parts.push(sql`${sql.ref(column)} >= ${value(range.first)}`);
    if (range.last) parts.push(sql`${sql.ref(column)} <= ${value(range.last)}`);
    return sql.join(parts, sql` AND `);
  };
  const pairParts: RawBuilder<unknown>[] = [];
  // The flows in two groups, read by two statements side by side: whole years, and the months and
  // days at the edges.
  const yearFlows: RawBuilder<unknown>[] = [];
  const edgeFlows: RawBuilder<unknown>[] = [];
  for (const range of months) {
    pairParts.push(
      sql`SELECT buyer_id, seller_id, amount FROM analytics_pair_month WHERE ${inRange('month', range, 'date')}`,
    );
  }
  if (byYear.years) {
    yearFlows.push(
      sql`SELECT party_id, received, paid FROM analytics_party_year WHERE ${inRange('year', byYear.years, 'smallint')}`,
    );
  }
  for (const range of byYear.months) {
    edgeFlows.push(
      sql`SELECT party_id, received, paid FROM analytics_party_month WHERE ${inRange('month', range, 'date')}`,
    );
  }
  if (days.length) {
    // The purchases of the days at the edges, read once, by the edges' statement, for their pairs
    // and both flows.
    edgeFlows.push(sql`SELECT buyer_id, 0::bigint, amount FROM days WHERE buyer_in_l`);
    edgeFlows.push(sql`SELECT seller_id, amount, 0::bigint FROM days WHERE seller_in_l`);
  }
  if (pairParts.length === 0 && days.length === 0) {
    const none = new Float64Array(0);
    return buildMatrix({ parties: none, revenue: none, sector: [], buyers: none, sellers: none, amounts: none });
  }
  // Snapshot months overlapping the period: from the month of `from` to the month of `to`; those of
  // the whole years summed by year already (analytics_snapshot_year), the others read as they are.
  const snapshotParts = snapshotRows(t, period, byYear.years);
  // Up to four statements (they may run on a read replica), each answering texts
  // (domino-source.ts), each text one aggregate so that its fields stay in step: the flows of whole
  // years and those of the edges, as they are (summed per party in Node, cheaper than a hash
  // aggregate of numeric sums here), the edges' statement also answering the pairs of the days at
  // the edges (so the days' purchases and their parties' classes are read once); the pairs of the
  // months as they are (a pair repeated over months or days is summed by buildMatrix), read in Node
  // as soon as they come; the snapshots' revenue per enterprise and the classified parties by
  // sector. On PostgreSQL they run at once on as many connections (withWorkMemEach), so the
  // database's cores share the work. Each also answers the tenant's analytics version, which every
  // write that changes what they read moves in the same transaction: equal versions mean they saw
  // the same data; otherwise they run again one after the other in one REPEATABLE READ transaction.
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
  const flows = (parts: RawBuilder<unknown>[], withDays: boolean) => async (trx: Kysely<Database>) => {
    const result = await sql<{ version: number | null; flows: string | null; day_pairs: string | null }>`${
      withDays ? daysCte : sql``
    }
      SELECT ${version} AS version,
        (SELECT string_agg(concat_ws(' ', party_id, received, paid), ' ')
         FROM (${sql.join(parts, sql` UNION ALL `)}) flow(party_id, received, paid)) AS flows,
        ${withDays ? dayPairsText : sql`NULL::text`} AS day_pairs`.execute(trx);
    const row = result.rows[0];
    const read = { version: row?.version ?? null, flows: row?.flows ?? '' };
    return withDays ? { ...read, dayPairs: readPairs(row?.day_pairs ?? '') } : read;
  };
  const runs: Array<(trx: Kysely<Database>) => Promise<Partial<MatrixParts> & { version: number | null }>> = [
    ...(edgeFlows.length ? [flows(edgeFlows, days.length > 0)] : []),
    ...(yearFlows.length ? [flows(yearFlows, false)] : []),
  ];
  if (pairParts.length) {
    runs.push(async (trx) => {
      const result = await sql<{ version: number | null; pairs: string | null }>`SELECT ${version} AS version,
          (SELECT string_agg(concat_ws(' ', a, b, amount), ' ')
           FROM (${sql.join(pairParts, sql` UNION ALL `)}) pair(a, b, amount)) AS pairs`.execute(trx);
      return { version: result.rows[0]?.version ?? null, pairs: readPairs(result.rows[0]?.pairs ?? '') };
    });
  }
  runs.push(async (trx) => {
    const result = await sql<{
      version: number | null;
      snapshots: string | null;
      sectors: Array<[string, string]> | null;
    }>`SELECT ${version} AS version,
        (SELECT string_agg(concat_ws(' ', enterprise_id, revenue), ' ')
         FROM (
           SELECT sn.enterprise_id, sum(sn.revenue) FROM (${sql.join(snapshotParts, sql` UNION ALL `)}) sn
           GROUP BY sn.enterprise_id
         ) snap(enterprise_id, revenue)) AS snapshots,
        (SELECT json_agg(json_build_array(sector, parties))
         FROM (
           SELECT sector, string_agg(party_id::text, ' ') FROM analytics_party_class WHERE tenant_id = ${t} GROUP BY sector
         ) c(sector, parties)) AS sectors`.execute(trx);
    const row = result.rows[0];
    return { version: row?.version ?? null, snapshots: row?.snapshots ?? '', sectors: row?.sectors ?? [] };
  });
  let parts = await withWorkMemEach(db, runs);
  if (new Set(parts.map((part) => part.version)).size > 1)
    parts = await withWorkMemEach(db, runs, { consistent: true });
  // Each part answers its own fields (the edges' statement alone the days' pairs), but the flows
  // come from up to two.
  const {
    pairs = readPairs(''),
    dayPairs = readPairs(''),
    snapshots = '',
    sectors = [],
  }: Partial<MatrixParts> = Object.assign({}, ...parts);
  const source = matrixSource({
    pairs: joinPairs(pairs, dayPairs),
    flows: parts.flatMap((part) => (part.flows ? [part.flows] : [])),
    snapshots,
    sectors,
  });
  return buildMatrix(source);
}

/**
 * The snapshots' revenue of the months overlapping the period, as (enterprise_id, revenue) rows
 * with revenue: the whole years `years` (splitRange's, open ends allowed) from
 * analytics_snapshot_year, the other months from enterprise_snapshot. Summed per enterprise, the
 * same as summing the period's snapshots, whose null revenues add nothing.
 */
function snapshotRows(tenantId: string, period: MatrixPeriod, years: PeriodRange | null): RawBuilder<unknown>[] {
  const months = [sql`tenant_id = ${tenantId}`, sql`revenue IS NOT NULL`];
  if (period.from) months.push(sql`period >= date_trunc('month', ${period.from}::date::timestamp)::date`);
  if (period.to) months.push(sql`period <= ${period.to}::date`);
  if (!years)
    return [sql`SELECT enterprise_id, revenue FROM enterprise_snapshot WHERE ${sql.join(months, sql` AND `)}`];
  const inYears = [sql`tenant_id = ${tenantId}`];
  const outside: RawBuilder<unknown>[] = [];
  if (years.first) {
    inYears.push(sql`year >= ${yearOf(years.first)}::smallint`);
    outside.push(sql`period < ${years.first}::date`);
  }
  if (years.last) {
    inYears.push(sql`year <= ${yearOf(years.last)}::smallint`);
    outside.push(sql`period >= ${firstDayOfYear(yearOf(years.last) + 1)}::date`);
  }
  const rows = [sql`SELECT enterprise_id, revenue FROM analytics_snapshot_year WHERE ${sql.join(inYears, sql` AND `)}`];
  if (outside.length) {
    rows.push(
      sql`SELECT enterprise_id, revenue FROM enterprise_snapshot
        WHERE ${sql.join(months, sql` AND `)} AND (${sql.join(outside, sql` OR `)})`,
    );
  }
  return rows;
}
