import { type Kysely, sql } from 'kysely';
import { fillFunction } from './analytics/classify.sql.ts';
import { ALL_ROLLUPS_NOW, UPSERTS_NOW } from './analytics/party-year.sql.ts';

/*
 * analytics_fill(tenant) (db/migrations/analytics/classify.sql.ts): the rollups of a tenant that
 * has none yet (analytics_party_year among them), written in one pass with plain INSERTs. The
 * demo loader uses it on a new database, with the rollups' indexes dropped, instead of
 * analytics_rebuild (docs/start-and-memory.md, the first start).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(fillFunction(UPSERTS_NOW, ALL_ROLLUPS_NOW)).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION analytics_fill(text)`.execute(db);
}
