import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { factsCte, type SpendScope, withCtes } from './scope.ts';

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

/** A round adding less than this fraction of R1 ends the limit iteration (METRICS.md). */
export const CONVERGENCE = 1e-9;
export const MAX_ITERATIONS = 1000;
export const MAX_ROUNDS = 20;

/**
 * The data of the re-spending cascade, aggregated in SQL: the injection per local UMKM seller,
 * and the re-spending coefficients m[i][j] between local non-government parties, as pair sums and
 * the buyer's revenue. Only aggregates leave the database, never single transactions.
 */
export async function dominoInputs(db: Kysely<Database>, scope: SpendScope) {
  const t = scope.tenantId;
  const injection = factsCte('sellers', scope, 'sellers', {
    agencyIds: scope.agencyIds,
    network: scope.includeNetwork ? 'include' : 'exclude',
    governmentOnly: true,
  });
  const inPeriod = (column: string) => {
    const parts = [sql`true`];
    if (scope.from) parts.push(sql`${sql.ref(column)} >= ${scope.from}::date`);
    if (scope.to) parts.push(sql`${sql.ref(column)} <= ${scope.to}::date`);
    return sql.join(parts, sql` AND `);
  };
  // Snapshot months overlapping the period: from the month of `from` to the month of `to`.
  const snapshotPeriod = [sql`true`];
  if (scope.from) snapshotPeriod.push(sql`sn.period >= date_trunc('month', ${scope.from}::date::timestamp)::date`);
  if (scope.to) snapshotPeriod.push(sql`sn.period <= ${scope.to}::date`);
  const [x1, pairs] = await Promise.all([
    sql<{ seller_id: number; amount: number; sector: string }>`${withCtes(injection)}
      SELECT seller_id, sum(amount) AS amount, min(sector) AS sector
      FROM sellers GROUP BY seller_id`.execute(db),
    sql<{ buyer_id: number; seller_id: number; amount: number; revenue: number; sector: string }>`
      WITH pair AS (
        SELECT t.buyer_id, t.seller_id, sum(t.amount) AS amount
        FROM "transaction" t
        JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id AND b.in_l
        JOIN analytics_party_class s ON s.tenant_id = t.tenant_id AND s.party_id = t.seller_id AND s.in_l
        WHERE t.tenant_id = ${t} AND ${inPeriod('t.occurred_on')}
        GROUP BY t.buyer_id, t.seller_id
      ),
      spender AS (SELECT DISTINCT buyer_id AS id FROM pair),
      revenue AS (
        SELECT s.id,
          greatest(
            (SELECT coalesce(sum(t.amount), 0) FROM "transaction" t
              WHERE t.tenant_id = ${t} AND t.seller_id = s.id AND ${inPeriod('t.occurred_on')}),
            (SELECT coalesce(sum(sn.revenue), 0) FROM enterprise_snapshot sn
              WHERE sn.tenant_id = ${t} AND sn.enterprise_id = s.id AND ${sql.join(snapshotPeriod, sql` AND `)}),
            (SELECT coalesce(sum(t.amount), 0) FROM "transaction" t
              WHERE t.tenant_id = ${t} AND t.buyer_id = s.id AND ${inPeriod('t.occurred_on')})
          ) AS revenue
        FROM spender s
      )
      SELECT pair.buyer_id, pair.seller_id, pair.amount, revenue.revenue, c.sector
      FROM pair
      JOIN revenue ON revenue.id = pair.buyer_id
      JOIN analytics_party_class c ON c.tenant_id = ${t} AND c.party_id = pair.seller_id`.execute(db),
  ]);
  return { injection: x1.rows, pairs: pairs.rows };
}

/**
 * METRICS.md "Re-spending rounds": R1 is the scoped government spending at local UMKM sellers;
 * each next round is what the receivers of the last one pay on to other local non-government
 * parties, in proportion of their revenue. The cascade is iterated on the aggregated sparse matrix.
 */
export async function dominoEffect(db: Kysely<Database>, scope: SpendScope, rounds: number): Promise<DominoEffectData> {
  const inputs = await dominoInputs(db, scope);
  return cascade(inputs.injection, inputs.pairs, rounds);
}

/** The iteration itself: pure, on aggregated inputs. */
export function cascade(
  injection: ReadonlyArray<{ seller_id: number; amount: number; sector: string }>,
  pairs: ReadonlyArray<{ buyer_id: number; seller_id: number; amount: number; revenue: number; sector: string }>,
  rounds: number,
): DominoEffectData {
  // Compact indices for every party that can hold money.
  const index = new Map<number, number>();
  const sectors: string[] = [];
  const at = (id: number, sector: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = sectors.length;
      index.set(id, i);
      sectors.push(sector);
    }
    return i;
  };
  for (const row of injection) at(Number(row.seller_id), row.sector);
  for (const row of pairs) at(Number(row.seller_id), row.sector);
  const n = sectors.length;
  // Rows of M: for each buyer, its sellers and coefficients.
  const out: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  for (const row of pairs) {
    const buyer = index.get(Number(row.buyer_id));
    const revenue = Number(row.revenue);
    // A buyer nobody pays and who received no injection never holds money: skip its row.
    if (buyer === undefined || revenue === 0) continue;
    (out[buyer] as Array<[number, number]>).push([index.get(Number(row.seller_id)) as number, Number(row.amount) / revenue]);
  }
  let x = new Float64Array(n);
  for (const row of injection) x[index.get(Number(row.seller_id)) as number] = Number(row.amount);
  const r1 = injection.reduce((sum, row) => sum + Number(row.amount), 0);

  const describe = (round: number, v: Float64Array, amount: number): DominoRoundData => {
    const bySector = new Map<string, number>();
    let parties = 0;
    for (let i = 0; i < n; i++) {
      const value = v[i] as number;
      if (value > 0) {
        parties++;
        const s = sectors[i] as string;
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
    for (let i = 0; i < n; i++) {
      const value = x[i] as number;
      if (value === 0) continue;
      for (const [j, m] of out[i] as Array<[number, number]>) next[j] = (next[j] as number) + value * m;
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
