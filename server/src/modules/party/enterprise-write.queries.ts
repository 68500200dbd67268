import type { Database, EnterpriseProfileValues, PartyTable, Verification } from '@jejaring/db';
import { type Kysely, type Selectable, sql } from 'kysely';

/** The columns of an enterprise that data entry writes (party and enterprise_profile). */
export type EnterpriseColumns = Pick<
  Selectable<PartyTable>,
  'name' | 'region_code' | 'npwp' | 'size_class' | 'status' | 'registered_on'
> &
  Omit<EnterpriseProfileValues, 'verification'>;

export interface EnterpriseState extends EnterpriseColumns {
  id: number;
  verification: Verification;
}

/** An enterprise's written columns, locked for the rest of the transaction; null if no such enterprise. */
export async function lockEnterprise(
  trx: Kysely<Database>,
  tenantId: string,
  id: number,
): Promise<EnterpriseState | null> {
  const row = await trx
    .selectFrom('party as p')
    .innerJoin('enterprise_profile as ep', (join) =>
      join.onRef('ep.tenant_id', '=', 'p.tenant_id').onRef('ep.party_id', '=', 'p.id'),
    )
    .select([
      'p.id',
      'p.name',
      'p.region_code',
      'p.npwp',
      'p.size_class',
      'p.status',
      'p.registered_on',
      'ep.nib',
      'ep.kbli_code',
      'ep.owner_name',
      'ep.owner_nik',
      'ep.owner_gender',
      'ep.founded_year',
      'ep.employees',
      'ep.capital',
      'ep.annual_revenue',
      'ep.size_basis',
      'ep.verification',
    ])
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', id)
    .where('p.kind', '=', 'ENTERPRISE')
    .forUpdate()
    .executeTakeFirst();
  return (row as EnterpriseState | undefined) ?? null;
}

/** The columns of `party`. */
function partyColumns({ name, region_code, npwp, size_class, status, registered_on }: EnterpriseColumns) {
  return { name, region_code, npwp, size_class, status, registered_on };
}

/** The columns of `enterprise_profile`. */
function profileColumns(c: EnterpriseColumns) {
  const { name: _n, region_code: _r, npwp: _p, size_class: _s, status: _t, registered_on: _o, ...profile } = c;
  return profile;
}

/** Inserts an enterprise (party and profile) as a DRAFT; returns its id. */
export async function insertEnterprise(
  trx: Kysely<Database>,
  tenantId: string,
  ref: string,
  c: EnterpriseColumns,
  registeringAgencyId: number | null,
): Promise<number> {
  const party = await trx
    .insertInto('party')
    .values({
      tenant_id: tenantId,
      ref,
      kind: 'ENTERPRISE',
      ...partyColumns(c),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('enterprise_profile')
    .values({
      tenant_id: tenantId,
      party_id: party.id,
      ...profileColumns(c),
      registering_agency_id: registeringAgencyId,
    })
    .execute();
  return party.id;
}

/** Rewrites an enterprise's columns (both tables; the rollup triggers reclassify it if needed). */
export async function updateEnterpriseColumns(
  trx: Kysely<Database>,
  tenantId: string,
  id: number,
  c: EnterpriseColumns,
): Promise<void> {
  await trx
    .updateTable('party')
    .set({ ...partyColumns(c), updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
  await trx
    .updateTable('enterprise_profile')
    .set(profileColumns(c))
    .where('tenant_id', '=', tenantId)
    .where('party_id', '=', id)
    .execute();
}

export async function setEnterpriseVerification(
  trx: Kysely<Database>,
  tenantId: string,
  id: number,
  verification: Verification,
): Promise<void> {
  await trx
    .updateTable('enterprise_profile')
    .set({ verification })
    .where('tenant_id', '=', tenantId)
    .where('party_id', '=', id)
    .execute();
  await trx
    .updateTable('party')
    .set({ updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** The party (other than `exceptId`) that already has this NIB or NPWP, if any. */
export async function findPartyWithIdentifier(
  trx: Kysely<Database>,
  tenantId: string,
  which: 'nib' | 'npwp',
  value: string,
  exceptId: number | null,
): Promise<number | null> {
  const query =
    which === 'nib'
      ? trx
          .selectFrom('enterprise_profile')
          .select('party_id as id')
          .where('tenant_id', '=', tenantId)
          .where('nib', '=', value)
      : trx.selectFrom('party').select('id').where('tenant_id', '=', tenantId).where('npwp', '=', value);
  const rows = await query.execute();
  return rows.map((r) => r.id).find((id) => id !== exceptId) ?? null;
}

/** How similar two names must be (pg_trgm similarity, 0-1) to call them a likely duplicate. */
export const DUPLICATE_SIMILARITY = 0.6;

/**
 * Enterprises in the same region (a village) whose names are very similar to
 * `name` (trigram similarity at least DUPLICATE_SIMILARITY), most similar first.
 */
export async function findLikelyDuplicates(
  db: Kysely<Database>,
  tenantId: string,
  regionCode: string,
  name: string,
  exceptId: number | null,
): Promise<Array<{ id: number; name: string; score: number }>> {
  const result = await sql<{ id: number; name: string; score: number }>`
    SELECT id, name, similarity(name, ${name})::float8 AS score
    FROM party
    WHERE tenant_id = ${tenantId} AND region_code = ${regionCode}
      AND kind = 'ENTERPRISE' AND id <> ${exceptId ?? 0}
      AND similarity(name, ${name}) >= ${DUPLICATE_SIMILARITY}
    ORDER BY score DESC, id
    LIMIT 10`.execute(db);
  return result.rows;
}
