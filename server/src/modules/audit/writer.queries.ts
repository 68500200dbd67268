import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';

/** The agency that registered an enterprise (null when imported or registered by an administrator). */
export async function findRegisteringAgency(
  db: Kysely<Database>,
  tenantId: string,
  enterpriseId: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('enterprise_profile')
    .select('registering_agency_id')
    .where('tenant_id', '=', tenantId)
    .where('party_id', '=', enterpriseId)
    .executeTakeFirst();
  return row?.registering_agency_id ?? null;
}
