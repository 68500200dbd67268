import type { Kysely } from 'kysely';
import type { Database, SatkerMappingSource } from '../../src/database.ts';

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

/** A work unit's stored mapping: the agency it is, and who set it. */
export interface StoredMapping {
  readonly agencyRef: string;
  readonly source: SatkerMappingSource;
}

/** The tenant's satker_mapping, by kd_satker. */
export async function storedMappings(db: Kysely<Database>, tenantId: string): Promise<Map<string, StoredMapping>> {
  const rows = await db
    .selectFrom('satker_mapping as m')
    .innerJoin('party as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.agency_id'))
    .select(['m.kd_satker', 'm.source', 'p.ref'])
    .where('m.tenant_id', '=', tenantId)
    .execute();
  return new Map(rows.map((r) => [r.kd_satker, { agencyRef: r.ref, source: r.source }]));
}
