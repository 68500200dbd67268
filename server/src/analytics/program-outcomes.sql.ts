import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { reaches, share } from './measures.ts';
import { cachedAnalytic } from './result-cache.sql.ts';
import { loadTargets, type TargetSource } from './targets.sql.ts';

export type ProgramStatus = 'MET' | 'BELOW_TARGET' | 'NO_TARGET' | 'NO_SPEND';

export interface ProgramOutcomeData {
  programId: number;
  agencyId: number;
  code: string;
  name: string;
  budget: number;
  realized: number;
  realizationRate: number | null;
  toLocalUmkm: number;
  localUmkmShare: number | null;
  target: number | null;
  targetSource: TargetSource | null;
  umkmReached: number;
  enterprisesAssisted: number;
  status: ProgramStatus;
}

/**
 * docs/metrics-outcomes.md "Program outcomes": for each program of the fiscal year (of one agency when given),
 * its budget against the transactions tagged with it (any buyer, any date).
 */
export async function programOutcomes(
  db: Kysely<Database>,
  tenantId: string,
  fiscalYear: number,
  agencyId: number | null,
): Promise<ProgramOutcomeData[]> {
  const agencyFilter = agencyId === null ? sql`` : sql`AND pr.agency_id = ${agencyId}`;
  const [result, targets] = await Promise.all([
    cachedAnalytic(
      db,
      tenantId,
      'programOutcomes',
      sql<{
        id: number;
        agency_id: number;
        code: string;
        name: string;
        agency_name: string;
        budget: number;
        local_target_share: number | null;
        realized: number;
        to_local_umkm: number;
        umkm_reached: number;
        assisted: number;
      }>`
      WITH programs AS (
        SELECT pr.* FROM program pr WHERE pr.tenant_id = ${tenantId} AND pr.fiscal_year = ${fiscalYear} ${agencyFilter}
      ),
      spent AS (
        SELECT ps.program_id, sum(ps.amount) AS realized,
               coalesce(sum(ps.amount) FILTER (WHERE ps.seller_class = 'LOCAL_UMKM'), 0) AS to_local_umkm
        FROM analytics_program_spend ps JOIN programs pr ON pr.id = ps.program_id
        WHERE ps.tenant_id = ${tenantId}
        GROUP BY ps.program_id
      )
      -- Per program, index range scans (a year holds a few hundred programs, the tables millions of rows).
      SELECT pr.id, pr.agency_id, pr.code, pr.name, ag.name AS agency_name, pr.budget, pr.local_target_share,
             coalesce(spent.realized, 0) AS realized, coalesce(spent.to_local_umkm, 0) AS to_local_umkm,
             reached.umkm_reached, assisted.assisted
      FROM programs pr
      JOIN party ag ON ag.tenant_id = ${tenantId} AND ag.id = pr.agency_id
      LEFT JOIN spent ON spent.program_id = pr.id
      CROSS JOIN LATERAL (
        SELECT count(*) AS umkm_reached FROM analytics_program_seller ps
        WHERE ps.tenant_id = ${tenantId} AND ps.program_id = pr.id AND ps.n > 0
      ) reached
      CROSS JOIN LATERAL (
        SELECT count(DISTINCT a.enterprise_id) AS assisted FROM assistance a
        WHERE a.tenant_id = ${tenantId} AND a.program_id = pr.id
      ) assisted`,
    ),
    loadTargets(db, tenantId, [fiscalYear]),
  ]);
  const rows = result.map((row) => {
    const realized = Number(row.realized);
    const toLocalUmkm = Number(row.to_local_umkm);
    const budget = Number(row.budget);
    const own = row.local_target_share === null ? null : Number(row.local_target_share);
    const inherited = targets.get('LOCAL_UMKM_SHARE', fiscalYear, Number(row.agency_id));
    const target = own ?? inherited?.share ?? null;
    const targetSource: TargetSource | null = own !== null ? 'PROGRAM' : (inherited?.source ?? null);
    let status: ProgramStatus;
    if (realized === 0) status = 'NO_SPEND';
    else if (target === null) status = 'NO_TARGET';
    else status = reaches(toLocalUmkm, realized, target, 100) ? 'MET' : 'BELOW_TARGET';
    return {
      programId: Number(row.id),
      agencyId: Number(row.agency_id),
      agencyName: row.agency_name,
      code: row.code,
      name: row.name,
      budget,
      realized,
      realizationRate: share(realized, budget),
      toLocalUmkm,
      localUmkmShare: share(toLocalUmkm, realized),
      target,
      targetSource,
      umkmReached: Number(row.umkm_reached),
      enterprisesAssisted: Number(row.assisted),
      status,
    };
  });
  rows.sort(
    (a, b) =>
      (a.agencyName < b.agencyName ? -1 : a.agencyName > b.agencyName ? 1 : 0) ||
      a.agencyId - b.agencyId ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      a.programId - b.programId,
  );
  return rows.map(({ agencyName: _, ...row }) => row);
}
