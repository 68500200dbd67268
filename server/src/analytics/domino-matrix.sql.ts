import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { periodStart, periodsBetween } from './dates.ts';
import { currentHeld, holdSectors, readParsedPart, sectorsHeld } from './domino-held.ts';
import { buildMatrix, type DominoMatrix } from './domino-matrix.ts';
import { type Part, type PartKey, type PartRead, partsOf, readSectors } from './domino-parts.sql.ts';
import {
  type FlowsRead,
  joinPairs,
  matrixSource,
  type PairsRead,
  readFlows,
  readPairs,
  readSnapshots,
  type SnapshotsRead,
} from './domino-source.ts';
import { splitRange } from './periods.ts';
import { withWorkMemEach } from './versions.ts';

/** A period as the matrix sees it: the filter's inclusive day range, open ends null. */
export interface MatrixPeriod {
  readonly tenantId: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** What one of loadMatrix's statements answers (each field from the statement that reads it). */
interface Answer {
  /** A part's pairs, or those of the days at the edges (read with their flows), parsed as they come. */
  readonly pairs: PairsRead;
  readonly flows: FlowsRead;
  readonly snapshots: SnapshotsRead;
  readonly sectors: Array<[string, string]>;
  /** A whole year's or month's part as its statement answered it (domino-parts.sql.ts). */
  readonly part: PartRead;
  /** A whole year's or month's part this process held at its current version (domino-held.ts). */
  readonly held: PartKey;
  /** The sectors were held at the classes' current version (domino-held.ts), not read. */
  readonly heldSectors: true;
}

/** A period's matrix, with the parts it read from the tables (for the caller to store), those it read stored and those it held. */
export interface LoadedMatrix {
  readonly matrix: DominoMatrix;
  readonly newParts: Part[];
  readonly storedParts: PartKey[];
  /** The parts this process held already, parsed, at their current version (nothing read of them). */
  readonly heldParts: PartKey[];
  /** The parties' sectors were held at the classes' current version (not read). */
  readonly heldSectors: boolean;
}

/**
 * The period's matrix: every (buyer, seller, amount) between parties of L, what parties of L
 * received and paid, the snapshots' revenue and the parties' sectors. Whole years and whole months
 * come as parts (domino-parts.sql.ts): those this process holds parsed at their current version
 * (`heldParts`, the default; held per `db`), else stored ones of their current version
 * (`storedParts`, the default), else read from the rollups (analytics_pair_month; analytics_party_year
 * and analytics_snapshot_year for a year, analytics_party_month and enterprise_snapshot for a month)
 * and returned as `newParts` for the caller to store. The days of partial months at the edges come
 * from the purchases, with the snapshots of those months. With the analytic settings
 * (withWorkMemEach): in the caller's transaction, if `db` is one.
 */
export async function loadMatrix(
  db: Kysely<Database>,
  period: MatrixPeriod,
  options: { storedParts?: boolean; heldParts?: boolean } = {},
): Promise<LoadedMatrix> {
  const t = period.tenantId;
  const useStored = options.storedParts ?? true;
  const useHeld = options.heldParts ?? true;
  const { years, months, days } = splitRange(period.from, period.to, true);
  // The statements (they may run on a read replica), each answering texts (domino-source.ts), each
  // text one aggregate so that its fields stay in step: one per part (a whole year or month) this
  // process does not hold at its current version (one statement reads the versions of those it holds); the
  // purchases of the days at the edges (their pairs and both flows, read once); the snapshots of the
  // partial months at the edges; the classified parties by sector, unless this process holds them at
  // the classes' current version (which partsOf's statement reads). A pair or party repeated over
  // parts and days is summed in Node (buildMatrix, matrixSource). On PostgreSQL they run at once on
  // as many connections (withWorkMemEach), so the database's cores share the work. Each also answers
  // the tenant's analytics version, which every write that changes what they read moves in the same
  // transaction: equal versions mean they saw the same data; otherwise they run again one after the
  // other in one REPEATABLE READ transaction.
  const version = sql<number>`(SELECT version FROM analytics_state WHERE tenant_id = ${t})`;
  type Versioned = Partial<Answer> & { version: number | null };
  type Run = (trx: Kysely<Database>) => Promise<Versioned>;
  const liveRuns: Run[] = [];
  if (days.length) {
    const inDays = sql.join(
      days.map(([a, b]) => sql`t.occurred_on BETWEEN ${a}::date AND ${b}::date`),
      sql` OR `,
    );
    liveRuns.push(async (trx) => {
      const result = await sql<{ version: number | null; flows: string | null; day_pairs: string | null }>`
        WITH days AS MATERIALIZED (
          SELECT t.buyer_id, t.seller_id, t.amount, b.in_l AS buyer_in_l, s.in_l AS seller_in_l
          FROM "transaction" t
          JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id
          JOIN analytics_party_class s ON s.tenant_id = t.tenant_id AND s.party_id = t.seller_id
          WHERE t.tenant_id = ${t} AND (${inDays}) AND (b.in_l OR s.in_l)
        )
        SELECT ${version} AS version,
          (SELECT string_agg(concat_ws(' ', party_id, received, paid), ' ')
           FROM (SELECT buyer_id, 0::bigint, amount FROM days WHERE buyer_in_l
                 UNION ALL SELECT seller_id, amount, 0::bigint FROM days WHERE seller_in_l) flow(party_id, received, paid)) AS flows,
          (SELECT string_agg(concat_ws(' ', buyer_id, seller_id, amount), ' ')
           FROM days WHERE buyer_in_l AND seller_in_l) AS day_pairs`.execute(trx);
      const row = result.rows[0];
      return {
        version: row?.version ?? null,
        flows: readFlows(row?.flows ?? ''),
        pairs: readPairs(row?.day_pairs ?? ''),
      };
    });
  }
  // A snapshot counts for every month overlapping the period (docs/metrics.md): those of the
  // partial months at the edges are read here, the others with their parts.
  const partialMonths = [
    ...new Set(days.flatMap(([a, b]) => periodsBetween(periodStart(a, 'MONTH'), periodStart(b, 'MONTH'), 'MONTH'))),
  ];
  if (partialMonths.length) {
    liveRuns.push(async (trx) => {
      const result = await sql<{ version: number | null; snapshots: string | null }>`
        SELECT ${version} AS version,
          (SELECT string_agg(concat_ws(' ', enterprise_id, revenue), ' ') FROM enterprise_snapshot
           WHERE tenant_id = ${t} AND revenue IS NOT NULL
             AND period IN (${sql.join(partialMonths.map((m) => sql`${m}::date`))})) AS snapshots`.execute(trx);
      const row = result.rows[0];
      return { version: row?.version ?? null, snapshots: readSnapshots(row?.snapshots ?? '') };
    });
  }
  // The classified parties by sector, held at the version of the classes the statement saw.
  const sectorsRun: Run = async (trx) => {
    const read = await readSectors(trx, t);
    if (useHeld) holdSectors(db, t, read.classVersion, read.sectors);
    return { version: read.tenantVersion, sectors: read.sectors };
  };
  // The parts' list, then the parts beside the other statements.
  const readAll = async (list: Kysely<Database>, run: (runs: Run[]) => Promise<Array<Awaited<ReturnType<Run>>>>) => {
    const found = await partsOf(list, t, years, months);
    const sectors = useHeld ? sectorsHeld(db, t, found.classVersion) : null;
    const held = useHeld ? await currentHeld(db, list, t, found.parts) : { tenantVersion: null, parts: [] };
    const current = new Set(held.parts.map(({ key }) => key));
    const partRuns: Run[] = found.parts
      .filter((key) => !current.has(key))
      .map((key) => async (trx) => {
        const { read, parsed } = await readParsedPart(db, trx, t, key, { useStored, hold: useHeld });
        return { version: read.tenantVersion, part: read, ...parsed };
      });
    const heldAnswers = held.parts.map(
      ({ key, parsed }): Versioned => ({ version: held.tenantVersion, held: key, ...parsed }),
    );
    // Held sectors are current at the class version partsOf's statement saw, so at its tenant version.
    const sectorsAnswer: Versioned[] = sectors ? [{ version: found.tenantVersion, sectors, heldSectors: true }] : [];
    return [
      ...(await run([...partRuns, ...liveRuns, ...(sectors ? [] : [sectorsRun])])),
      ...heldAnswers,
      ...sectorsAnswer,
      { version: found.tenantVersion },
    ];
  };
  let answers = await readAll(db, (runs) => withWorkMemEach(db, runs));
  if (new Set(answers.map((answer) => answer.version)).size > 1) {
    const [consistent] = await withWorkMemEach(db, [(trx) => readAll(trx, (runs) => withWorkMemEach(trx, runs))], {
      consistent: true,
    });
    answers = consistent ?? [];
  }
  const reads = answers.flatMap((answer) => (answer.part ? [answer.part] : []));
  const source = matrixSource({
    pairs: joinPairs(answers.flatMap((answer) => (answer.pairs ? [answer.pairs] : []))),
    flows: answers.flatMap((answer) => (answer.flows ? [answer.flows] : [])),
    snapshots: answers.flatMap((answer) => (answer.snapshots ? [answer.snapshots] : [])),
    sectors: answers.flatMap((answer) => answer.sectors ?? []),
  });
  return {
    matrix: buildMatrix(source),
    newParts: reads.filter((read) => !read.stored && read.part.version > 0).map((read) => read.part),
    storedParts: reads.filter((read) => read.stored).map(({ part: { span, start } }) => ({ span, start })),
    heldParts: answers.flatMap((answer) => (answer.held ? [answer.held] : [])),
    heldSectors: answers.some((answer) => answer.heldSectors),
  };
}
