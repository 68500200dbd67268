import { type Kysely, sql } from 'kysely';
import {
  FILL_GOV_SELLER_YEAR,
  GOV_SELLER_YEAR,
  GOV_SELLER_YEAR_FILL,
  GOV_SELLER_YEAR_FUNCTIONS,
  GOV_SELLER_YEAR_TABLE,
  PREVIOUS_FILL,
  PREVIOUS_ROLLUP_FUNCTIONS,
} from './analytics/gov-seller-year.sql.ts';

/*
 * What government buyers paid each local UMKM seller per year (db/migrations/analytics/
 * gov-seller-year.sql.ts): the table, the functions that list the rollups redefined to keep it
 * (analytics_apply, the rebuild, the fill), and the existing seller-months summed into it. On
 * Citus, `pnpm cli citus distribute` run again distributes the new table by tenant_id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(GOV_SELLER_YEAR_TABLE).execute(db);
  await sql.raw(`CREATE INDEX ${GOV_SELLER_YEAR}_empty_idx ON ${GOV_SELLER_YEAR} (tenant_id) WHERE n = 0`).execute(db);
  for (const definition of GOV_SELLER_YEAR_FUNCTIONS) await sql.raw(definition).execute(db);
  await sql`DROP FUNCTION analytics_fill(text, boolean)`.execute(db);
  await sql.raw(GOV_SELLER_YEAR_FILL).execute(db);
  await sql.raw(FILL_GOV_SELLER_YEAR).execute(db);
  await sql.raw(`ANALYZE ${GOV_SELLER_YEAR}`).execute(db);
}

/** Back to the functions of the migrations before, then the table gone. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const definition of PREVIOUS_ROLLUP_FUNCTIONS) await sql.raw(definition).execute(db);
  await sql`DROP FUNCTION analytics_fill(text, boolean)`.execute(db);
  await sql.raw(PREVIOUS_FILL).execute(db);
  await sql.raw(`DROP TABLE ${GOV_SELLER_YEAR}`).execute(db);
}
