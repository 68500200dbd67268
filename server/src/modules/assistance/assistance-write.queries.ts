import type { AssistanceKind, Database } from '@jejaring/db';
import type { Kysely } from 'kysely';

export interface AssistanceColumns {
  enterprise_id: number;
  program_id: number | null;
  kind: AssistanceKind;
  occurred_on: string;
}

/** A program's agency and fiscal year, or null when there is no such program. */
export async function findProgramScope(
  db: Kysely<Database>,
  tenantId: string,
  id: number,
): Promise<{ agency_id: number; fiscal_year: number } | null> {
  const row = await db
    .selectFrom('program')
    .select(['agency_id', 'fiscal_year'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertAssistance(
  trx: Kysely<Database>,
  tenantId: string,
  ref: string,
  c: AssistanceColumns,
): Promise<number> {
  const row = await trx
    .insertInto('assistance')
    .values({ tenant_id: tenantId, ref, ...c })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
