import { type Kysely, sql } from 'kysely';
import { APPLY_PENDING_FUNCTIONS } from './analytics/pending.sql.ts';
import { SCHEDULED_FUNCTIONS } from './analytics/scheduled.sql.ts';

/*
 * The scheduler's apply for one tenant (docs/scale-out.md, "Rollups"):
 * analytics_apply_pending_tenant(tenant, batch) applies what was recorded for that tenant only, so
 * on Citus each of its statements names one tenant and runs on that tenant's shards, and a
 * scheduler (pg_cron) can run one job per tenant. analytics_apply_pending(batch) becomes a loop
 * over the tenants that have something recorded, calling it: one definition of the apply.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of APPLY_PENDING_FUNCTIONS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION analytics_apply_pending_tenant(text, integer)`.execute(db);
  // The baseline's all-tenant function, as it was.
  const original = SCHEDULED_FUNCTIONS.find((s) => s.includes('FUNCTION analytics_apply_pending('));
  if (original) await sql.raw(original.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')).execute(db);
}
