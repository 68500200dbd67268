import type { Database, PolicyMetric } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import type { CollectionTargetRow } from './target.queries.ts';

export interface PolicyTargetColumns {
  name: string;
  legal_basis: string | null;
  metric: PolicyMetric;
  target_share: number;
  fiscal_year: number;
  agency_id: number | null;
}

/**
 * Sets the target of a metric in a year, for the regency (agency null) or one agency: a target
 * already set for that scope is replaced. Returns its id and the share it had before (null if new).
 */
export async function upsertPolicyTarget(
  trx: Kysely<Database>,
  tenantId: string,
  ref: string,
  c: PolicyTargetColumns,
): Promise<{ id: number; before: number | null }> {
  const before = await sql<{ id: number; target_share: number }>`
    SELECT id, target_share FROM policy_target
    WHERE tenant_id = ${tenantId} AND metric = ${c.metric} AND fiscal_year = ${c.fiscal_year}
      AND coalesce(agency_id, 0) = coalesce(${c.agency_id}::bigint, 0)
    FOR UPDATE`.execute(trx);
  const existing = before.rows[0];
  if (existing) {
    await trx
      .updateTable('policy_target')
      .set({ name: c.name, legal_basis: c.legal_basis, target_share: c.target_share })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, before: Number(existing.target_share) };
  }
  const row = await trx
    .insertInto('policy_target')
    .values({ tenant_id: tenantId, ref, ...c })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, before: null };
}

/** The level of a region code (3 = a district), or null when it does not exist. */
export async function findRegionLevel(db: Kysely<Database>, code: string): Promise<number | null> {
  const row = await db.selectFrom('region').select('level').where('code', '=', code).executeTakeFirst();
  return row?.level ?? null;
}

/** Sets a district's collection target for a year; returns the target it replaced, if any. */
export async function upsertCollectionTarget(
  trx: Kysely<Database>,
  tenantId: string,
  t: CollectionTargetRow,
): Promise<CollectionTargetRow | null> {
  const before = await trx
    .selectFrom('collection_target')
    .select(['region_code', 'year', 'enterprises', 'cooperatives'])
    .where('tenant_id', '=', tenantId)
    .where('region_code', '=', t.region_code)
    .where('year', '=', t.year)
    .forUpdate()
    .executeTakeFirst();
  await trx
    .insertInto('collection_target')
    .values({ tenant_id: tenantId, ...t })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'region_code', 'year']).doUpdateSet((eb) => ({
        enterprises: eb.ref('excluded.enterprises'),
        cooperatives: eb.ref('excluded.cooperatives'),
      })),
    )
    .execute();
  return before ?? null;
}
