import type { Database, UnitType } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { AMOUNT_COLUMNS, factsCte, type SummaryRow, withCtes } from './facts.sql.ts';
import { type SpendSummaryData, share, toSummary } from './measures.ts';
import { cachedAnalytic } from './result-cache.sql.ts';
import type { SpendScope } from './spend-scope.ts';
import { loadTargets } from './targets.sql.ts';

export interface UnitTypeSpendData {
  unitType: UnitType;
  units: number;
  activeUnits: number;
  summary: SpendSummaryData;
}

export interface NetworkReachData {
  agencyId: number;
  direct: SpendSummaryData;
  network: SpendSummaryData;
  byUnitType: UnitTypeSpendData[];
  amplification: number | null;
  sellersReachedDirect: number;
  sellersReachedOnlyViaNetwork: number;
}

/**
 * docs/metrics.md "Network reach" of one agency: its own purchases against those of every unit of its
 * network (any depth, government or not). The scope's agencyIds and includeNetwork are ignored.
 */
export async function networkReach(
  db: Kysely<Database>,
  scope: SpendScope,
  agencyId: number,
): Promise<NetworkReachData> {
  const t = scope.tenantId;
  const buyers = { agencyIds: [agencyId], network: 'include' } as const;
  const ctes = withCtes(factsCte('spend', scope, 'spend', buyers), factsCte('sellers', scope, 'sellers', buyers));
  // One row per unit type ('AGENCY' for the agency itself), and one for the agency and one for its network.
  const part = sql`CASE WHEN grouping(buyer_kind) = 0 THEN buyer_kind
    WHEN buyer_kind = 'AGENCY' THEN 'DIRECT' ELSE 'NETWORK' END`;
  const since = [sql`true`];
  if (scope.from) since.push(sql`t.occurred_on >= ${scope.from}::date`);
  if (scope.to) since.push(sql`t.occurred_on <= ${scope.to}::date`);
  if (scope.categories) since.push(sql`t.category IN (${sql.join(scope.categories.map((c) => sql`${c}`))})`);
  if (scope.accountPrefix) since.push(sql`t.account_code LIKE ${`${scope.accountPrefix}%`}`);
  const [parts, units, targets] = await Promise.all([
    cachedAnalytic(
      db,
      t,
      'networkReach',
      sql<SummaryRow & { part: string; only_network: number }>`${ctes},
      amounts AS (
        SELECT ${part} AS part, ${AMOUNT_COLUMNS}
        FROM spend GROUP BY GROUPING SETS ((buyer_kind), ((buyer_kind = 'AGENCY')))
      ),
      seller_kinds AS (SELECT DISTINCT seller_id, buyer_kind FROM sellers),
      reached AS (
        SELECT ${part} AS part, count(DISTINCT seller_id) AS sellers_reached
        FROM seller_kinds GROUP BY GROUPING SETS ((buyer_kind), ((buyer_kind = 'AGENCY')))
      ),
      only_network AS (
        SELECT count(*) AS n FROM (
          SELECT seller_id FROM seller_kinds GROUP BY seller_id HAVING bool_and(buyer_kind <> 'AGENCY')
        ) s
      )
      SELECT amounts.*, coalesce(reached.sellers_reached, 0) AS sellers_reached,
             (SELECT n FROM only_network) AS only_network
      FROM amounts LEFT JOIN reached ON reached.part = amounts.part`,
    ),
    // Units of the network by type, and how many bought anything in scope (a probe of the buyer index).
    sql<{ unit_type: UnitType; units: number; active_units: number }>`
      SELECT c.buyer_kind AS unit_type, count(*) AS units,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM "transaction" t
          WHERE t.tenant_id = ${t} AND t.buyer_id = c.party_id AND ${sql.join(since, sql` AND `)}
        )) AS active_units
      FROM analytics_party_class c
      WHERE c.tenant_id = ${t} AND c.agency_id = ${agencyId} AND c.buyer_kind <> 'AGENCY'
      GROUP BY c.buyer_kind`.execute(db),
    loadTargets(db, t, scope.fiscalYear === null ? [] : [scope.fiscalYear]),
  ]);
  const target = targets.get('LOCAL_UMKM_SHARE', scope.fiscalYear, agencyId);
  const umkTarget = targets.get('UMK_SHARE', scope.fiscalYear, agencyId);
  const rows = new Map(parts.map((row) => [row.part, row]));
  // GROUPING SETS on (buyer_kind = 'AGENCY') yields no 'DIRECT'/'NETWORK' row when one side is empty.
  const direct = toSummary(rows.get('DIRECT'), target, umkTarget);
  const network = toSummary(rows.get('NETWORK'), target, umkTarget);
  const byUnitType = units.rows
    .map((row) => ({
      unitType: row.unit_type,
      units: Number(row.units),
      activeUnits: Number(row.active_units),
      summary: toSummary(rows.get(row.unit_type), target, umkTarget),
    }))
    .sort((a, b) => b.summary.total - a.summary.total || (a.unitType < b.unitType ? -1 : 1));
  return {
    agencyId,
    direct,
    network,
    byUnitType,
    amplification: share(direct.toLocalUmkm + network.toLocalUmkm, direct.toLocalUmkm),
    sellersReachedDirect: direct.sellersReached,
    sellersReachedOnlyViaNetwork: Number(parts[0]?.only_network ?? 0),
  };
}
