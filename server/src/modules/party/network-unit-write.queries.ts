import type { Database, UnitType } from '@jejaring/db';
import type { Kysely } from 'kysely';

export interface NetworkUnitColumns {
  parent_id: number;
  name: string;
  region_code: string | null;
  is_government: boolean;
  unit_type: UnitType;
  members: number | null;
}

/** Inserts a network unit (party and profile) under its parent; returns its id. */
export async function insertNetworkUnit(
  trx: Kysely<Database>,
  tenantId: string,
  ref: string,
  c: NetworkUnitColumns,
): Promise<number> {
  const { unit_type, members, ...party } = c;
  const row = await trx
    .insertInto('party')
    .values({ tenant_id: tenantId, ref, kind: 'NETWORK_UNIT', ...party })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('network_unit_profile')
    .values({ tenant_id: tenantId, party_id: row.id, unit_type, members })
    .execute();
  return row.id;
}
