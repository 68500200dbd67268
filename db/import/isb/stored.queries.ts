import type { Kysely } from 'kysely';
import type { Database } from '../../src/database.ts';

/** The tenant's stored agencies: agency code → party ref (work units map onto them by code). */
export async function storedAgencies(db: Kysely<Database>, tenantId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('agency_profile as a')
    .innerJoin('party as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.party_id'))
    .select(['a.code', 'p.ref'])
    .where('a.tenant_id', '=', tenantId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.ref]));
}
