import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { factsCte, withCtes } from './facts.sql.ts';
import { reachCte } from './reach.sql.ts';
import { cachedAnalytic } from './result-cache.sql.ts';
import type { SpendScope } from './spend-scope.ts';

export interface DistrictSpendData {
  regionCode: string;
  name: string;
  toLocalUmkm: number;
  sellersReached: number;
}

/**
 * docs/metrics.md "By district": for every kecamatan of the regency (zeros included), the scoped
 * spending paid to local UMKM sellers located there and how many distinct such sellers were paid.
 * Local sellers whose region is the regency itself (no kecamatan) appear in no district.
 */
export async function spendByDistrict(db: Kysely<Database>, scope: SpendScope): Promise<DistrictSpendData[]> {
  const rows = await cachedAnalytic(
    db,
    scope.tenantId,
    'spendByDistrict',
    sql<{ code: string; name: string; to_local_umkm: number; sellers_reached: number }>`${withCtes(
      factsCte('cells', scope, 'cells'),
      reachCte('reached', scope, 'NONE'),
    )},
    tenant_region AS (SELECT region_code AS c FROM tenant WHERE id = ${scope.tenantId}),
    amounts AS (SELECT district, sum(amount) AS to_local_umkm FROM cells WHERE is_local_umkm GROUP BY district),
    sellers AS (SELECT district, count(DISTINCT seller_id) AS sellers_reached FROM reached GROUP BY district),
    paid AS (
      SELECT amounts.district, amounts.to_local_umkm, coalesce(sellers.sellers_reached, 0) AS sellers_reached
      FROM amounts LEFT JOIN sellers ON sellers.district = amounts.district
    )
    SELECT r.code, r.name, coalesce(paid.to_local_umkm, 0) AS to_local_umkm,
           coalesce(paid.sellers_reached, 0) AS sellers_reached
    FROM region r
    JOIN tenant_region tr ON r.parent_code = tr.c
    LEFT JOIN paid ON paid.district = r.code
    WHERE r.level = 3
    ORDER BY r.code`,
  );
  return rows.map((row) => ({
    regionCode: row.code,
    name: row.name,
    toLocalUmkm: Number(row.to_local_umkm),
    sellersReached: Number(row.sellers_reached),
  }));
}
