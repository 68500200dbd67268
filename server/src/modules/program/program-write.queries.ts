import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';

export interface ProgramColumns {
  agency_id: number;
  code: string;
  name: string;
  fiscal_year: number;
  budget: number;
  local_target_share: number | null;
}

/** Is this id an agency of the tenant? */
export async function isAgency(db: Kysely<Database>, tenantId: string, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('agency_profile')
    .select('party_id')
    .where('tenant_id', '=', tenantId)
    .where('party_id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Does the agency already have a program with this code in the year? */
export async function programCodeTaken(db: Kysely<Database>, tenantId: string, c: ProgramColumns): Promise<boolean> {
  const row = await db
    .selectFrom('program')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('agency_id', '=', c.agency_id)
    .where('fiscal_year', '=', c.fiscal_year)
    .where('code', '=', c.code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertProgram(trx: Kysely<Database>, tenantId: string, ref: string, c: ProgramColumns) {
  const row = await trx
    .insertInto('program')
    .values({ tenant_id: tenantId, ref, ...c })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
