import { type Kysely, sql } from 'kysely';
import { CLASS_VERSION_DOWN, CLASS_VERSION_UP } from './analytics/class-version.sql.ts';

/*
 * The version of each tenant's party classes (db/migrations/analytics/class-version.sql.ts), which
 * lets a server hold the parties' sectors its domino matrices read. On Citus, `pnpm cli citus
 * distribute` run again distributes the new table by tenant_id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of CLASS_VERSION_UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of CLASS_VERSION_DOWN) await sql.raw(statement).execute(db);
}
