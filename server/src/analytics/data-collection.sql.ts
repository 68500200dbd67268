import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { lastDayOfYear } from './dates.ts';
import { share } from './measures.ts';
import { validateYear } from './spend-scope.ts';
import { analytic, analyticsVersions, MIB, VersionedCache } from './versions.ts';

export interface DistrictProgressData {
  regionCode: string;
  name: string;
  enterprisesRegistered: number;
  enterprisesVerified: number;
  enterprisesTarget: number | null;
  enterprisesProgress: number | null;
  cooperativesRegistered: number;
  cooperativesVerified: number;
  cooperativesTarget: number | null;
  cooperativesProgress: number | null;
}

/**
 * docs/metrics-outcomes.md "Data-collection progress": per kecamatan (all listed), enterprises and cooperatives
 * registered by the end of `year` and not rejected, how many are verified, against the target.
 */
export async function dataCollectionProgress(
  db: Kysely<Database>,
  tenantId: string,
  year: number,
): Promise<DistrictProgressData[]> {
  validateYear(year, 'year');
  const { panel } = await analyticsVersions(db, tenantId);
  return progress.get(db, `${tenantId}|${year}`, String(panel), () => compute(db, tenantId, year));
}

/** Progress per year, kept while the registry (parties, profiles, targets) is unchanged. */
const progress = new VersionedCache<DistrictProgressData[]>({ entries: 16, maxBytes: 16 * MIB });

async function compute(db: Kysely<Database>, tenantId: string, year: number): Promise<DistrictProgressData[]> {
  const result = await analytic(
    db,
    sql<{
      code: string;
      name: string;
      e_registered: number;
      e_verified: number;
      c_registered: number;
      c_verified: number;
      e_target: number | null;
      c_target: number | null;
    }>`
    WITH tenant_region AS (SELECT region_code AS c FROM tenant WHERE id = ${tenantId}),
    registry AS (
      SELECT left(p.region_code, 8) AS district, p.kind,
             CASE p.kind WHEN 'ENTERPRISE' THEN coalesce(ep.verification, 'DRAFT')
                         ELSE coalesce(cp.verification, 'DRAFT') END AS verification
      FROM party p
      LEFT JOIN enterprise_profile ep ON p.kind = 'ENTERPRISE' AND ep.tenant_id = p.tenant_id AND ep.party_id = p.id
      LEFT JOIN cooperative_profile cp ON p.kind = 'COOPERATIVE' AND cp.tenant_id = p.tenant_id AND cp.party_id = p.id
      WHERE p.tenant_id = ${tenantId} AND p.kind IN ('ENTERPRISE', 'COOPERATIVE')
        AND p.registered_on <= ${lastDayOfYear(year)}::date AND length(p.region_code) >= 8
    ),
    counted AS (
      SELECT district,
        count(*) FILTER (WHERE kind = 'ENTERPRISE') AS e_registered,
        count(*) FILTER (WHERE kind = 'ENTERPRISE' AND verification = 'VERIFIED') AS e_verified,
        count(*) FILTER (WHERE kind = 'COOPERATIVE') AS c_registered,
        count(*) FILTER (WHERE kind = 'COOPERATIVE' AND verification = 'VERIFIED') AS c_verified
      FROM registry WHERE verification <> 'REJECTED'
      GROUP BY district
    )
    SELECT r.code, r.name,
           coalesce(c.e_registered, 0) AS e_registered, coalesce(c.e_verified, 0) AS e_verified,
           coalesce(c.c_registered, 0) AS c_registered, coalesce(c.c_verified, 0) AS c_verified,
           ct.enterprises AS e_target, ct.cooperatives AS c_target
    FROM region r
    JOIN tenant_region tr ON r.parent_code = tr.c
    LEFT JOIN counted c ON c.district = r.code
    LEFT JOIN collection_target ct ON ct.tenant_id = ${tenantId} AND ct.region_code = r.code AND ct.year = ${year}
    WHERE r.level = 3
    ORDER BY r.code`,
  );
  return result.rows.map((row) => {
    const eTarget = row.e_target === null ? null : Number(row.e_target);
    const cTarget = row.c_target === null ? null : Number(row.c_target);
    const eVerified = Number(row.e_verified);
    const cVerified = Number(row.c_verified);
    return {
      regionCode: row.code,
      name: row.name,
      enterprisesRegistered: Number(row.e_registered),
      enterprisesVerified: eVerified,
      enterprisesTarget: eTarget,
      enterprisesProgress: eTarget === null ? null : share(eVerified, eTarget),
      cooperativesRegistered: Number(row.c_registered),
      cooperativesVerified: cVerified,
      cooperativesTarget: cTarget,
      cooperativesProgress: cTarget === null ? null : share(cVerified, cTarget),
    };
  });
}
