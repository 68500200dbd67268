import type { CoopType, Database, SizeClass } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';

export interface CooperativeColumns {
  name: string;
  region_code: string | null;
  npwp: string | null;
  size_class: SizeClass | null;
  registered_on: string | null;
  registration_no: string | null;
  coop_type: CoopType;
  members_count: number | null;
}

/** Inserts a cooperative (party and profile) as a DRAFT; returns its id. */
export async function insertCooperative(
  trx: Kysely<Database>,
  tenantId: string,
  ref: string,
  c: CooperativeColumns,
): Promise<number> {
  const { registration_no, coop_type, members_count, ...party } = c;
  const row = await trx
    .insertInto('party')
    .values({ tenant_id: tenantId, ref, kind: 'COOPERATIVE', ...party })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('cooperative_profile')
    .values({ tenant_id: tenantId, party_id: row.id, registration_no, coop_type, members_count })
    .execute();
  return row.id;
}

/** Makes an enterprise a member of a cooperative (again: its joining date is updated); false if either is missing. */
export async function upsertMembership(
  trx: Kysely<Database>,
  tenantId: string,
  cooperativeId: number,
  memberId: number,
  joinedOn: string | null,
): Promise<boolean> {
  const result = await sql`
    INSERT INTO cooperative_membership (tenant_id, cooperative_id, member_id, joined_on)
    SELECT ${tenantId}, c.party_id, e.party_id, ${joinedOn}::date
    FROM cooperative_profile c, enterprise_profile e
    WHERE c.tenant_id = ${tenantId} AND c.party_id = ${cooperativeId}
      AND e.tenant_id = ${tenantId} AND e.party_id = ${memberId}
    ON CONFLICT (tenant_id, cooperative_id, member_id) DO UPDATE SET joined_on = excluded.joined_on`.execute(trx);
  return Number(result.numAffectedRows ?? 0n) > 0;
}
