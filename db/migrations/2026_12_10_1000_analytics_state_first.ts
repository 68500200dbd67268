import { type Kysely, sql } from 'kysely';
import { PREVIOUS_STATE_FUNCTIONS, STATE_FIRST_FUNCTIONS } from './analytics/state-first.sql.ts';

/*
 * analytics_record and analytics_reclassify lock the tenant's analytics_state row (bump its version)
 * before they touch a rollup, so that concurrent writers of a tenant take turns instead of
 * deadlocking on rollup rows (db/migrations/analytics/state-first.sql.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const definition of STATE_FIRST_FUNCTIONS) await sql.raw(definition).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const definition of PREVIOUS_STATE_FUNCTIONS) await sql.raw(definition).execute(db);
}
