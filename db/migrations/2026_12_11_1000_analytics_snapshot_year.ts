import { type Kysely, sql } from 'kysely';
import {
  SNAPSHOT_YEAR,
  SNAPSHOT_YEAR_DEFINITIONS,
  SNAPSHOT_YEAR_DROPS,
  SNAPSHOT_YEAR_EMPTY_INDEX,
  SNAPSHOT_YEAR_TABLE,
} from './analytics/snapshot-year.sql.ts';

/*
 * The snapshots' revenue per enterprise and year (db/migrations/analytics/snapshot-year.sql.ts):
 * the table, its functions and triggers on enterprise_snapshot, and the snapshots already there
 * summed into it, tenant by tenant. On Citus, `pnpm cli citus distribute` run again distributes the
 * new table by tenant_id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(SNAPSHOT_YEAR_TABLE).execute(db);
  await sql.raw(SNAPSHOT_YEAR_EMPTY_INDEX).execute(db);
  for (const definition of SNAPSHOT_YEAR_DEFINITIONS) await sql.raw(definition).execute(db);
  await sql`SELECT analytics_snapshot_year_rebuild(t.tenant_id)
    FROM (SELECT DISTINCT tenant_id FROM enterprise_snapshot) t`.execute(db);
  await sql.raw(`ANALYZE ${SNAPSHOT_YEAR}`).execute(db);
}

/** The triggers and functions gone, then the table. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const drop of SNAPSHOT_YEAR_DROPS) await sql.raw(drop).execute(db);
  await sql.raw(`DROP TABLE ${SNAPSHOT_YEAR}`).execute(db);
}
