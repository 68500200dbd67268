import type { Database, PolicyMetric } from '@jejaring/db';
import type { Kysely } from 'kysely';

/** Where a target came from: a program's own, its agency's, or the regency-wide one. */
export type TargetSource = 'PROGRAM' | 'AGENCY' | 'TENANT';

export interface ResolvedTarget {
  readonly share: number;
  readonly source: Exclude<TargetSource, 'PROGRAM'>;
}

/** The policy targets of a tenant, resolved per metric, year and agency. */
export interface TargetBook {
  /** The agency's own target when it has one, else the tenant-wide one, else null. */
  get(metric: PolicyMetric, year: number | null, agencyId: number | null): ResolvedTarget | null;
}

/** Loads every policy target of the given years (all years when omitted): a small table. */
export async function loadTargets(
  db: Kysely<Database>,
  tenantId: string,
  years?: readonly number[],
): Promise<TargetBook> {
  let query = db
    .selectFrom('policy_target')
    .select(['metric', 'fiscal_year', 'agency_id', 'target_share'])
    .where('tenant_id', '=', tenantId);
  if (years) {
    if (years.length === 0) return { get: () => null };
    query = query.where('fiscal_year', 'in', [...new Set(years)]);
  }
  const rows = await query.execute();
  const byKey = new Map<string, number>();
  for (const row of rows) {
    byKey.set(`${row.metric}|${row.fiscal_year}|${row.agency_id ?? ''}`, Number(row.target_share));
  }
  return {
    get(metric, year, agencyId) {
      if (year === null) return null;
      if (agencyId !== null) {
        const own = byKey.get(`${metric}|${year}|${agencyId}`);
        if (own !== undefined) return { share: own, source: 'AGENCY' };
      }
      const tenant = byKey.get(`${metric}|${year}|`);
      return tenant === undefined ? null : { share: tenant, source: 'TENANT' };
    },
  };
}
