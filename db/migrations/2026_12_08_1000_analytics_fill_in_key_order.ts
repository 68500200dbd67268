import { type Kysely, sql } from 'kysely';
import { fillFunction } from './analytics/classify.sql.ts';
import { ALL_ROLLUPS_NOW, UPSERTS_NOW } from './analytics/party-year.sql.ts';

/*
 * analytics_fill(tenant, key_order): with key_order, each rollup's rows are written in the order
 * of its primary key, months or years first (db/migrations/analytics/apply.sql.ts, inKeyOrder),
 * instead of the order its hash aggregates gave. A range of months then reads the pages that hold
 * it, not every page of the table: at scale 100 a domino matrix of one fiscal year read all 6,808
 * pages of analytics_pair_month for 140,152 rows (docs/domino-matrices.md "Building a matrix"). It costs
 * the sorts, so the demo loader asks for it only for large loads (demo/load.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION analytics_fill(text)`.execute(db);
  await sql.raw(fillFunction(UPSERTS_NOW, ALL_ROLLUPS_NOW, true)).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION analytics_fill(text, boolean)`.execute(db);
  await sql.raw(fillFunction(UPSERTS_NOW, ALL_ROLLUPS_NOW)).execute(db);
}
