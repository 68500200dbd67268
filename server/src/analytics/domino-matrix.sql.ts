import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { buildMatrix, type DominoMatrix } from './domino-matrix.ts';
import { splitRange } from './periods.ts';

/** A period as the matrix sees it: the filter's inclusive day range, open ends null. */
export interface MatrixPeriod {
  readonly tenantId: string;
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * The rows of the period's matrix, read from the rollups (whole months) and the transactions
 * (the days of partial months): every (buyer, seller, amount) between parties of L, and for every
 * party met there its revenue and KBLI section. Runs in the caller's transaction (withWorkMem).
 */
export async function loadMatrix(db: Kysely<Database>, period: MatrixPeriod): Promise<DominoMatrix> {
  const t = period.tenantId;
  const { months, days } = splitRange(period.from, period.to);
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
    const none = new Float64Array(0);
    return buildMatrix({ parties: none, revenue: none, sector: [], buyers: none, sellers: none, amounts: none });
  }
  // Snapshot months overlapping the period: from the month of `from` to the month of `to`.
  const snapshotPeriod = [sql`sn.tenant_id = ${t}`];
  if (period.from) snapshotPeriod.push(sql`sn.period >= date_trunc('month', ${period.from}::date::timestamp)::date`);
  if (period.to) snapshotPeriod.push(sql`sn.period <= ${period.to}::date`);
  // One statement (it may run on a read replica): the pair rows as they are (a pair repeated over
  // months or days is summed by buildMatrix), then one row per party met, with its revenue if it buys.
  const result = await sql<{ a: string; b: string | null; amount: string | null; sector: string | null }>`
    WITH pair AS MATERIALIZED (${sql.join(pairParts, sql` UNION ALL `)}),
    buyer AS (SELECT DISTINCT buyer_id AS party_id FROM pair),
    flow AS (
      SELECT party_id, sum(received) AS received, sum(paid) AS paid
      FROM (${sql.join(flowParts, sql` UNION ALL `)}) x(party_id, received, paid)
      WHERE party_id IN (SELECT party_id FROM buyer)
      GROUP BY party_id
    ),
    snap AS (
      SELECT sn.enterprise_id, sum(sn.revenue) AS revenue
      FROM enterprise_snapshot sn
      WHERE ${sql.join(snapshotPeriod, sql` AND `)} AND sn.enterprise_id IN (SELECT party_id FROM buyer)
      GROUP BY sn.enterprise_id
    ),
    party AS (SELECT party_id FROM buyer UNION SELECT seller_id FROM pair)
    SELECT buyer_id AS a, seller_id AS b, amount, NULL AS sector FROM pair
    UNION ALL
    SELECT party.party_id, NULL, greatest(flow.received, flow.paid, snap.revenue), c.sector
    FROM party
    JOIN analytics_party_class c ON c.tenant_id = ${t} AND c.party_id = party.party_id
    LEFT JOIN flow ON flow.party_id = party.party_id
    LEFT JOIN snap ON snap.enterprise_id = party.party_id`.execute(db);
  const rows = result.rows;
  let pairCount = 0;
  for (const row of rows) if (row.b !== null) pairCount++;
  const buyers = new Float64Array(pairCount);
  const sellers = new Float64Array(pairCount);
  const amounts = new Float64Array(pairCount);
  const partyRows: Array<{ id: number; revenue: number; sector: string | null }> = [];
  let k = 0;
  for (const row of rows) {
    if (row.b !== null) {
      buyers[k] = Number(row.a);
      sellers[k] = Number(row.b);
      amounts[k] = Number(row.amount);
      k++;
    } else {
      partyRows.push({ id: Number(row.a), revenue: Number(row.amount ?? 0), sector: row.sector });
    }
  }
  partyRows.sort((x, y) => x.id - y.id);
  const source = {
    parties: Float64Array.from(partyRows, (p) => p.id),
    revenue: Float64Array.from(partyRows, (p) => p.revenue),
    sector: partyRows.map((p) => p.sector),
    buyers,
    sellers,
    amounts,
  };
  return buildMatrix(source);
}
