import { type Kysely, sql } from 'kysely';
import {
  DOMINO_YEAR,
  YEAR_PART_DEFINITIONS,
  YEAR_PART_DROPS,
  YEAR_PART_TABLES,
  YEAR_STATE,
  YEAR_STATE_SEED,
} from './analytics/year-parts.sql.ts';

/*
 * The domino matrix's yearly parts (db/migrations/analytics/year-parts.sql.ts): the years'
 * versions with the triggers that move them, the store of the parts, and a version for every year
 * the rollups already hold. On Citus, `pnpm cli citus distribute` run again distributes the new
 * tables by tenant_id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of YEAR_PART_TABLES) await sql.raw(table).execute(db);
  for (const definition of YEAR_PART_DEFINITIONS) await sql.raw(definition).execute(db);
  await sql.raw(YEAR_STATE_SEED).execute(db);
}

/** The triggers and functions gone, then the tables. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const drop of YEAR_PART_DROPS) await sql.raw(drop).execute(db);
  await sql.raw(`DROP TABLE ${DOMINO_YEAR}`).execute(db);
  await sql.raw(`DROP TABLE ${YEAR_STATE}`).execute(db);
}
