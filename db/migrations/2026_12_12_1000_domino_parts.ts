import { type Kysely, sql } from 'kysely';
import {
  DOMINO_PART,
  PART_DEFINITIONS,
  PART_DROPS,
  PART_STATE,
  PART_STATE_SEED,
  PART_TABLES,
} from './analytics/domino-parts.sql.ts';

/*
 * The stored parts of the domino matrices (db/migrations/analytics/domino-parts.sql.ts): the
 * months' and years' versions with the triggers that move them, the store of the parts, and a
 * version for every month and year the watched tables already hold. On Citus, `pnpm cli citus
 * distribute` run again distributes the new tables by tenant_id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of PART_TABLES) await sql.raw(table).execute(db);
  for (const definition of PART_DEFINITIONS) await sql.raw(definition).execute(db);
  await sql.raw(PART_STATE_SEED).execute(db);
}

/** The triggers and functions gone, then the tables. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const drop of PART_DROPS) await sql.raw(drop).execute(db);
  await sql.raw(`DROP TABLE ${DOMINO_PART}`).execute(db);
  await sql.raw(`DROP TABLE ${PART_STATE}`).execute(db);
}
