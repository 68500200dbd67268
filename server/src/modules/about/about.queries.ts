import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';

/** The tenant row with the date range its transactions cover. */
export async function findAbout(db: Kysely<Database>, tenantId: string) {
  const tenant = await db
    .selectFrom('tenant')
    .select(['id', 'name', 'region_code', 'demo_seed', 'demo_scale'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
  const range = await db
    .selectFrom('transaction')
    .select((eb) => [eb.fn.min('occurred_on').as('first'), eb.fn.max('occurred_on').as('last')])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return tenant
    ? { ...tenant, first: (range?.first as string | null) ?? null, last: (range?.last as string | null) ?? null }
    : null;
}
