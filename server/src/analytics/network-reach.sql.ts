import type { Database, UnitType } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { type SpendSummaryData, share, toSummary } from './measures.ts';
import { SUMMARY_COLUMNS, type SpendScope, type SummaryRow, withFacts } from './scope.ts';
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
 * METRICS.md "Network reach" of one agency: its own purchases against those of every unit of its
 * network (any depth, government or not). The scope's agencyIds and includeNetwork are ignored.
 */
export async function networkReach(
  db: Kysely<Database>,
  scope: SpendScope,
  agencyId: number,
): Promise<NetworkReachData> {
  const facts = withFacts(scope, { agencyIds: [agencyId], network: 'include' });
  const [parts, units, only, targets] = await Promise.all([
    sql<SummaryRow & { part: string; by_type: number }>`${facts}
      SELECT CASE WHEN grouping(buyer_kind) = 0 THEN buyer_kind
                  WHEN buyer_kind = 'AGENCY' THEN 'DIRECT' ELSE 'NETWORK' END AS part,
             count(DISTINCT buyer_id) AS active_units,
             ${SUMMARY_COLUMNS}
      FROM facts
      GROUP BY GROUPING SETS ((buyer_kind), ((buyer_kind = 'AGENCY')))`.execute(db),
    sql<{ unit_type: UnitType; units: number }>`${facts}
      SELECT coalesce(np.unit_type, 'OTHER') AS unit_type, count(*) AS units
      FROM network n
      LEFT JOIN network_unit_profile np ON np.tenant_id = ${scope.tenantId} AND np.party_id = n.unit_id
      GROUP BY 1`.execute(db),
    sql<{ n: number }>`${facts}
      SELECT count(*) AS n FROM (
        SELECT seller_id FROM facts WHERE is_local_umkm
        GROUP BY seller_id HAVING bool_and(buyer_kind <> 'AGENCY')
      ) s`.execute(db),
    loadTargets(db, scope.tenantId, scope.fiscalYear === null ? [] : [scope.fiscalYear]),
  ]);
  const target = targets.get('LOCAL_UMKM_SHARE', scope.fiscalYear, agencyId);
  const umkTarget = targets.get('UMK_SHARE', scope.fiscalYear, agencyId);
  const rows = new Map(parts.rows.map((row) => [row.part, row]));
  // GROUPING SETS on (buyer_kind = 'AGENCY') yields no 'DIRECT'/'NETWORK' row when one side is empty.
  const direct = toSummary(rows.get('DIRECT'), target, umkTarget);
  const network = toSummary(rows.get('NETWORK'), target, umkTarget);
  const byUnitType = units.rows
    .map((row) => {
      const spent = rows.get(row.unit_type) as (SummaryRow & { active_units?: number }) | undefined;
      return {
        unitType: row.unit_type,
        units: Number(row.units),
        activeUnits: Number(spent?.active_units ?? 0),
        summary: toSummary(spent, target, umkTarget),
      };
    })
    .sort((a, b) => b.summary.total - a.summary.total || (a.unitType < b.unitType ? -1 : 1));
  return {
    agencyId,
    direct,
    network,
    byUnitType,
    amplification: share(direct.toLocalUmkm + network.toLocalUmkm, direct.toLocalUmkm),
    sellersReachedDirect: direct.sellersReached,
    sellersReachedOnlyViaNetwork: Number(only.rows[0]?.n ?? 0),
  };
}
