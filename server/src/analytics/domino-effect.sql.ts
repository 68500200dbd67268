import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { factsCte, withCtes } from './facts.sql.ts';
import { splitRange } from './periods.ts';
import type { SpendScope } from './spend-scope.ts';
import { analytic, analyticsVersions, MIB, VersionedCache, withWorkMem } from './versions.ts';

export interface SectorAmountData {
  sector: string;
  amount: number;
}
export interface DominoRoundData {
  round: number;
  amount: number;
  parties: number;
  bySector: SectorAmountData[];
}
export interface DominoEffectData {
  injection: number;
  rounds: DominoRoundData[];
  multiplier: number | null;
  limitMultiplier: number | null;
  converged: boolean;
  iterations: number;
}

/** A round adding less than this fraction of R1 ends the limit iteration (docs/metrics.md). */
export const CONVERGENCE = 1e-9;
export const MAX_ITERATIONS = 1000;
export const MAX_ROUNDS = 20;

/**
 * The re-spending coefficients m[i][j] of one period as a sparse matrix (compressed rows): row i
 * lists the parties of L that i paid and the fraction of its revenue each got.
 */
export interface DominoMatrix {
  /** Party id → row/column index. */
  readonly index: Map<number, number>;
  /** KBLI section of each party that receives in the matrix (null for pure buyers). */
  readonly sectors: Array<string | null>;
  readonly rowStart: Int32Array;
  readonly cols: Int32Array;
  readonly coef: Float64Array;
}

/**
 * The matrix depends only on the period (not on agencies, categories or network), so a process
 * keeps the last few, tagged with the tenant's analytics version (bumped by every write that can
 * change it): a stale entry is rebuilt.
 */
const matrices = new VersionedCache<DominoMatrix>({ entries: 12, maxBytes: 64 * MIB });

/** The rows of the period's matrix, aggregated in SQL from the rollups (and the partial months). */
async function loadMatrix(db: Kysely<Database>, scope: SpendScope): Promise<DominoMatrix> {
  const t = scope.tenantId;
  const { months, days } = splitRange(scope.from, scope.to);
  const range = months[0];
  const monthFilter = (column: string) => {
    const parts: RawBuilder<unknown>[] = [sql`tenant_id = ${t}`];
    if (range?.first) parts.push(sql`${sql.ref(column)} >= ${range.first}::date`);
    if (range?.last) parts.push(sql`${sql.ref(column)} <= ${range.last}::date`);
    return sql.join(parts, sql` AND `);
  };
  const rawJoin = sql`FROM "transaction" t
      JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id
      JOIN analytics_party_class s ON s.tenant_id = t.tenant_id AND s.party_id = t.seller_id`;
  const pairParts: RawBuilder<unknown>[] = [];
  const flowParts: RawBuilder<unknown>[] = [];
  if (range) {
    pairParts.push(sql`SELECT buyer_id, seller_id, amount FROM analytics_pair_month WHERE ${monthFilter('month')}`);
    flowParts.push(sql`SELECT party_id, received, paid FROM analytics_party_month WHERE ${monthFilter('month')}`);
  }
  for (const [a, b] of days) {
    const inDays = sql`t.tenant_id = ${t} AND t.occurred_on BETWEEN ${a}::date AND ${b}::date`;
    pairParts.push(sql`SELECT t.buyer_id, t.seller_id, t.amount ${rawJoin} WHERE ${inDays} AND b.in_l AND s.in_l`);
    flowParts.push(sql`SELECT t.buyer_id, 0::bigint, t.amount ${rawJoin} WHERE ${inDays} AND b.in_l`);
    flowParts.push(sql`SELECT t.seller_id, t.amount, 0::bigint ${rawJoin} WHERE ${inDays} AND s.in_l`);
  }
  if (pairParts.length === 0) {
    return {
      index: new Map(),
      sectors: [],
      rowStart: new Int32Array(1),
      cols: new Int32Array(0),
      coef: new Float64Array(0),
    };
  }
  // Snapshot months overlapping the period: from the month of `from` to the month of `to`.
  const snapshotPeriod = [sql`sn.tenant_id = ${t}`];
  if (scope.from) snapshotPeriod.push(sql`sn.period >= date_trunc('month', ${scope.from}::date::timestamp)::date`);
  if (scope.to) snapshotPeriod.push(sql`sn.period <= ${scope.to}::date`);
  const result = await analytic(
    db,
    sql<{ buyer_id: number; seller_id: number; amount: number; revenue: number; sector: string }>`
    WITH pair AS (
      SELECT buyer_id, seller_id, sum(amount) AS amount
      FROM (${sql.join(pairParts, sql` UNION ALL `)}) x(buyer_id, seller_id, amount)
      GROUP BY buyer_id, seller_id
    ),
    flow AS (
      SELECT party_id, sum(received) AS received, sum(paid) AS paid
      FROM (${sql.join(flowParts, sql` UNION ALL `)}) x(party_id, received, paid)
      WHERE party_id IN (SELECT buyer_id FROM pair)
      GROUP BY party_id
    ),
    snap AS (
      SELECT sn.enterprise_id, sum(sn.revenue) AS revenue
      FROM enterprise_snapshot sn
      WHERE ${sql.join(snapshotPeriod, sql` AND `)} AND sn.enterprise_id IN (SELECT buyer_id FROM pair)
      GROUP BY sn.enterprise_id
    )
    SELECT pair.buyer_id, pair.seller_id, pair.amount,
           greatest(flow.received, flow.paid, coalesce(snap.revenue, 0)) AS revenue, c.sector
    FROM pair
    JOIN flow ON flow.party_id = pair.buyer_id
    LEFT JOIN snap ON snap.enterprise_id = pair.buyer_id
    JOIN analytics_party_class c ON c.tenant_id = ${t} AND c.party_id = pair.seller_id
    ORDER BY pair.buyer_id`,
  );
  return buildMatrix(result.rows);
}

/** Compressed rows of m[i][j] = amount(i → j) / rev[i] from pair rows sorted by buyer. */
export function buildMatrix(
  rows: ReadonlyArray<{ buyer_id: number; seller_id: number; amount: number; revenue: number; sector: string }>,
): DominoMatrix {
  const index = new Map<number, number>();
  const sectors: Array<string | null> = [];
  const at = (id: number) => {
    let i = index.get(id);
    if (i === undefined) {
      i = sectors.length;
      index.set(id, i);
      sectors.push(null);
    }
    return i;
  };
  for (const row of rows) {
    at(Number(row.buyer_id));
    sectors[at(Number(row.seller_id))] = row.sector;
  }
  const n = sectors.length;
  const counts = new Int32Array(n + 1);
  for (const row of rows) {
    if (Number(row.revenue) > 0) {
      const i = (index.get(Number(row.buyer_id)) as number) + 1;
      counts[i] = (counts[i] as number) + 1;
    }
  }
  for (let i = 0; i < n; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
  const rowStart = counts;
  const fill = rowStart.slice(0, n);
  const cols = new Int32Array(rowStart[n] as number);
  const coef = new Float64Array(rowStart[n] as number);
  for (const row of rows) {
    const revenue = Number(row.revenue);
    // A buyer with no revenue at all has no row: m[i][j] is 0 (docs/metrics.md).
    if (!(revenue > 0)) continue;
    const i = index.get(Number(row.buyer_id)) as number;
    const k = fill[i] as number;
    cols[k] = index.get(Number(row.seller_id)) as number;
    coef[k] = Number(row.amount) / revenue;
    fill[i] = k + 1;
  }
  return { index, sectors, rowStart, cols, coef };
}

/** The period's matrix, from the process cache while the tenant's data has not changed. */
export async function dominoMatrix(db: Kysely<Database>, scope: SpendScope): Promise<DominoMatrix> {
  const { version } = await analyticsVersions(db, scope.tenantId);
  const key = `${scope.tenantId}|${scope.from ?? ''}|${scope.to ?? ''}`;
  return matrices.get(db, key, String(version), () => withWorkMem(db, (trx) => loadMatrix(trx, scope)));
}

/** R1 per local UMKM seller: the scoped government buyers' payments, from the per-seller rollup. */
async function injection(db: Kysely<Database>, scope: SpendScope) {
  const sellers = factsCte('sellers', scope, 'sellers', {
    agencyIds: scope.agencyIds,
    network: scope.includeNetwork ? 'include' : 'exclude',
    governmentOnly: true,
  });
  const result = await analytic(
    db,
    sql<{ seller_id: number; amount: number; sector: string }>`${withCtes(sellers)}
    SELECT seller_id, sum(amount) AS amount, min(sector) AS sector FROM sellers GROUP BY seller_id`,
  );
  return result.rows;
}

/**
 * docs/metrics.md "Re-spending rounds": R1 is the scoped government spending at local UMKM sellers;
 * each next round is what the receivers of the last one pay on to other local non-government
 * parties, in proportion of their revenue. Only aggregates leave the database (per-seller
 * injections and per-pair sums), and the cascade is iterated on the sparse matrix.
 */
export async function dominoEffect(db: Kysely<Database>, scope: SpendScope, rounds: number): Promise<DominoEffectData> {
  const [x1, matrix] = await Promise.all([injection(db, scope), dominoMatrix(db, scope)]);
  return cascade(x1, matrix, rounds);
}

/** The iteration itself: pure, on the injection and the matrix. */
export function cascade(
  x1: ReadonlyArray<{ seller_id: number; amount: number; sector: string }>,
  matrix: DominoMatrix,
  rounds: number,
): DominoEffectData {
  const { rowStart, cols, coef } = matrix;
  const m = matrix.sectors.length;
  // Sellers of the injection outside the matrix receive in round 1 only: extra indices after it.
  const sectors = matrix.sectors.slice();
  const start: Array<[number, number]> = [];
  for (const row of x1) {
    let i = matrix.index.get(Number(row.seller_id));
    if (i === undefined) {
      i = sectors.length;
      sectors.push(row.sector);
    } else {
      sectors[i] = row.sector;
    }
    start.push([i, Number(row.amount)]);
  }
  const n = sectors.length;
  let x = new Float64Array(n);
  for (const [i, amount] of start) x[i] = (x[i] as number) + amount;
  const r1 = start.reduce((sum, [, amount]) => sum + amount, 0);

  const describe = (round: number, v: Float64Array, amount: number): DominoRoundData => {
    const bySector = new Map<string, number>();
    let parties = 0;
    for (let i = 0; i < n; i++) {
      const value = v[i] as number;
      if (value > 0) {
        parties++;
        const s = sectors[i] ?? 'UNKNOWN';
        bySector.set(s, (bySector.get(s) ?? 0) + value);
      }
    }
    return {
      round,
      amount,
      parties,
      bySector: [...bySector]
        .map(([sector, value]) => ({ sector, amount: value }))
        .sort((a, b) => b.amount - a.amount || (a.sector < b.sector ? -1 : 1)),
    };
  };

  const list: DominoRoundData[] = [describe(1, x, r1)];
  let sumRequested = r1;
  let sumAll = r1;
  let converged = r1 === 0;
  let iterations = 1;
  for (let k = 2; k <= Math.max(rounds, converged ? 0 : MAX_ITERATIONS); k++) {
    const next = new Float64Array(n);
    for (let i = 0; i < m; i++) {
      const value = x[i] as number;
      if (value === 0) continue;
      for (let p = rowStart[i] as number, end = rowStart[i + 1] as number; p < end; p++) {
        const j = cols[p] as number;
        next[j] = (next[j] as number) + value * (coef[p] as number);
      }
    }
    let amount = 0;
    for (let j = 0; j < n; j++) amount += next[j] as number;
    x = next;
    if (k <= rounds) {
      list.push(describe(k, x, amount));
      sumRequested += amount;
    }
    if (!converged) {
      sumAll += amount;
      iterations = k;
      if (amount < CONVERGENCE * r1) converged = true;
    }
    if (converged && k >= rounds) break;
  }
  return {
    injection: r1,
    rounds: list,
    multiplier: r1 === 0 ? null : sumRequested / r1,
    limitMultiplier: r1 === 0 || !converged ? null : sumAll / r1,
    converged,
    iterations,
  };
}
