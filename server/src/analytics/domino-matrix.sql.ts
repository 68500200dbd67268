import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { yearOf } from './dates.ts';
import { buildMatrix, type DominoMatrix } from './domino-matrix.ts';
import { matrixSource } from './domino-source.ts';
import { type PeriodRange, splitRange } from './periods.ts';

/** A period as the matrix sees it: the filter's inclusive day range, open ends null. */
export interface MatrixPeriod {
  readonly tenantId: string;
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * The period's matrix, from the rollups and the transactions (the days of partial months): every
 * (buyer, seller, amount) between parties of L (analytics_pair_month, by month), what parties of L
 * received and paid (analytics_party_year for whole years, analytics_party_month for the months
 * at the edges), the snapshots' revenue and the parties' sectors. Runs in the caller's
 * transaction (withWorkMem).
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
  const flowParts: RawBuilder<unknown>[] = [];
  for (const range of months) {
    pairParts.push(
      sql`SELECT buyer_id, seller_id, amount FROM analytics_pair_month WHERE ${inRange('month', range, 'date')}`,
    );
  }
  if (byYear.years) {
    flowParts.push(
      sql`SELECT party_id, received, paid FROM analytics_party_year WHERE ${inRange('year', byYear.years, 'smallint')}`,
    );
  }
  for (const range of byYear.months) {
    flowParts.push(
      sql`SELECT party_id, received, paid FROM analytics_party_month WHERE ${inRange('month', range, 'date')}`,
    );
  }
  if (days.length) {
    // The purchases of the days at the edges, read once for the pairs and both flows.
    pairParts.push(sql`SELECT buyer_id, seller_id, amount FROM days WHERE buyer_in_l AND seller_in_l`);
    flowParts.push(sql`SELECT buyer_id, 0::bigint, amount FROM days WHERE buyer_in_l`);
    flowParts.push(sql`SELECT seller_id, amount, 0::bigint FROM days WHERE seller_in_l`);
  }
  if (pairParts.length === 0) {
    const none = new Float64Array(0);
    return buildMatrix({ parties: none, revenue: none, sector: [], buyers: none, sellers: none, amounts: none });
  }
  const inDays = days.length
    ? sql.join(
        days.map(([a, b]) => sql`t.occurred_on BETWEEN ${a}::date AND ${b}::date`),
        sql` OR `,
      )
    : sql`false`;
  // Snapshot months overlapping the period: from the month of `from` to the month of `to`.
  const snapshotPeriod = [sql`sn.tenant_id = ${t}`];
  if (period.from) snapshotPeriod.push(sql`sn.period >= date_trunc('month', ${period.from}::date::timestamp)::date`);
  if (period.to) snapshotPeriod.push(sql`sn.period <= ${period.to}::date`);
  // One statement (it may run on a read replica), answering one row of texts (domino-source.ts),
  // each one aggregate so that its fields stay in step: the pairs as they are (a pair repeated
  // over months or days is summed by buildMatrix), the flows as they are (summed per party in
  // Node, cheaper than a hash aggregate of numeric sums here), the snapshots' revenue per
  // enterprise, and the classified parties by sector.
  const result = await sql<{
    pairs: string | null;
    flows: string | null;
    snapshots: string | null;
    sectors: Array<[string, string]> | null;
  }>`WITH days AS MATERIALIZED (
      SELECT t.buyer_id, t.seller_id, t.amount, b.in_l AS buyer_in_l, s.in_l AS seller_in_l
      FROM "transaction" t
      JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id
      JOIN analytics_party_class s ON s.tenant_id = t.tenant_id AND s.party_id = t.seller_id
      WHERE t.tenant_id = ${t} AND (${inDays}) AND (b.in_l OR s.in_l)
    )
    SELECT
      (SELECT string_agg(concat_ws(' ', a, b, amount), ' ')
       FROM (${sql.join(pairParts, sql` UNION ALL `)}) pair(a, b, amount)) AS pairs,
      (SELECT string_agg(concat_ws(' ', party_id, received, paid), ' ')
       FROM (${sql.join(flowParts, sql` UNION ALL `)}) flow(party_id, received, paid)) AS flows,
      (SELECT string_agg(concat_ws(' ', enterprise_id, revenue), ' ')
       FROM (
         SELECT sn.enterprise_id, sum(sn.revenue) FROM enterprise_snapshot sn
         WHERE ${sql.join(snapshotPeriod, sql` AND `)}
         GROUP BY sn.enterprise_id HAVING sum(sn.revenue) IS NOT NULL
       ) snap(enterprise_id, revenue)) AS snapshots,
      (SELECT json_agg(json_build_array(sector, parties))
       FROM (
         SELECT sector, string_agg(party_id::text, ' ') FROM analytics_party_class WHERE tenant_id = ${t} GROUP BY sector
       ) c(sector, parties)) AS sectors`.execute(db);
  const row = result.rows[0];
  const source = matrixSource({
    pairs: row?.pairs ?? '',
    flows: row?.flows ?? '',
    snapshots: row?.snapshots ?? '',
    sectors: row?.sectors ?? [],
  });
  return buildMatrix(source);
}
