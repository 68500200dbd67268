import type { Database, PartyStatus } from '@jejaring/db';
import type { Kysely } from 'kysely';
import type { SnapshotRow } from './snapshot.queries.ts';

/** One month of an enterprise, or null when none was recorded. */
export async function findSnapshot(
  db: Kysely<Database>,
  tenantId: string,
  enterpriseId: number,
  period: string,
): Promise<SnapshotRow | null> {
  const row = await db
    .selectFrom('enterprise_snapshot')
    .select(['enterprise_id', 'period', 'revenue', 'employees', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('enterprise_id', '=', enterpriseId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row ?? null;
}

/** Records one month of an enterprise; a month recorded before is replaced. */
export async function upsertSnapshot(
  trx: Kysely<Database>,
  tenantId: string,
  s: { enterprise_id: number; period: string; revenue: number | null; employees: number | null; status: PartyStatus },
): Promise<void> {
  await trx
    .insertInto('enterprise_snapshot')
    .values({ tenant_id: tenantId, ...s })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'enterprise_id', 'period']).doUpdateSet((eb) => ({
        revenue: eb.ref('excluded.revenue'),
        employees: eb.ref('excluded.employees'),
        status: eb.ref('excluded.status'),
      })),
    )
    .execute();
}
