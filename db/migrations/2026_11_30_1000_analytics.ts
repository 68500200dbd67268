import { type Kysely, sql } from 'kysely';
import { APPLY_FUNCTION } from './analytics/apply.sql.ts';
import { CLASSIFY_FUNCTIONS } from './analytics/classify.sql.ts';
import { SCHEDULED_FUNCTIONS } from './analytics/scheduled.sql.ts';
import { ALL_ROLLUPS, TABLES } from './analytics/tables.ts';
import { TRIGGERS } from './analytics/triggers.sql.ts';

/*
 * The analytics rollups (docs/data-model.md "Analytics rollups", docs/metrics.md): pre-aggregated
 * spending for the measures of server/src/analytics, kept in step with every write by one apply
 * function, called by statement triggers (TRIGGER mode, the default) or by a scheduler (SCHEDULED
 * mode, docs/scale-out.md "Rollups").
 *
 * The baseline of the analytics schema, before the first release: it replaces the chain
 * 2026_11_30_1000_analytics_rollup, 1010_analytics_domino, 1200_analytics_panel_version,
 * 1210_analytics_yearly, 1220_analytics_statistics, 1230_analytics_agency_year and
 * 1240_analytics_registry_version, which restated the apply SQL in each, and the later
 * 2026_12_05_1310_apply_pending_tenant, 1320_shard_triggers and 1330_plpgsql_functions, which
 * rewrote functions for a distributed engine. It builds the same tables, columns and indexes, with
 * each function and trigger defined once, in its final form, in the modules of ./analytics/:
 *
 *   tables.ts           the rollup tables and indexes, the mode setting and the scheduler's queues
 *   apply.sql.ts        analytics_apply(tenant, deltas): how purchases feed every rollup
 *   classify.sql.ts     the classification of parties, reclassification, the rebuild
 *   scheduled.sql.ts    the two modes: recording, analytics_apply_pending(_tenant), analytics_set_mode
 *   triggers.sql.ts     the statement triggers
 *
 * A database migrated with the old chains is refused by db/src/migrate.ts (it must be recreated).
 * After the first release, a change comes as a new migration (never an edit of these modules).
 */

const STATEMENTS = [
  ...TABLES,
  APPLY_FUNCTION,
  ...CLASSIFY_FUNCTIONS,
  ...SCHEDULED_FUNCTIONS,
  ...TRIGGERS,
  // Existing data (none in a new database): classify every party and aggregate every purchase.
  'SELECT analytics_rebuild(id) FROM tenant',
  ...ALL_ROLLUPS.map((t) => `ANALYZE ${t}`),
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const functions = await sql<{ signature: string }>`
    SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
    WHERE p.proname LIKE 'analytics\\_%' AND p.pronamespace = current_schema()::regnamespace`.execute(db);
  // Dropping the trigger functions drops their triggers with them.
  for (const { signature } of functions.rows) await sql.raw(`DROP FUNCTION IF EXISTS ${signature} CASCADE`).execute(db);
  await sql.raw('DROP INDEX IF EXISTS transaction_program_seller_idx').execute(db);
  for (const table of [
    ...ALL_ROLLUPS,
    'analytics_state',
    'analytics_setting',
    'analytics_pending_transaction',
    'analytics_pending_party',
  ]) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
  await sql.raw('DROP TYPE IF EXISTS analytics_delta').execute(db);
}
