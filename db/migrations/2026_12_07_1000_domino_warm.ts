import { type Kysely, sql } from 'kysely';

/*
 * The warming of domino matrices after a write (server/src/analytics/domino-warmer.ts; docs/domino-matrices.md
 * "The persisted matrices"): `warming_since` says that an instance has claimed a stale row to
 * rebuild it, so that several instances on one database do not all build the same matrix. A row
 * of an older version keeps its period and its last use (the warmer's list of what to rebuild)
 * but no longer its bytes; the store empties them when a newer version is stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE analytics_domino_matrix ADD COLUMN warming_since timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE analytics_domino_matrix DROP COLUMN warming_since`.execute(db);
}
