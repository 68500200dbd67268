import { type Kysely, sql } from 'kysely';
import {
  BASELINE_ROLLUP_FUNCTIONS,
  FILL_PARTY_YEAR,
  PARTY_YEAR,
  PARTY_YEAR_FUNCTIONS,
  PARTY_YEAR_TABLE,
} from './analytics/party-year.sql.ts';

/*
 * The yearly flows of the parties of L (db/migrations/analytics/party-year.sql.ts): the table,
 * the functions that list the rollups redefined to keep it (analytics_apply feeds it like
 * analytics_party_month, by year), and the existing months summed into it. On Citus, `pnpm cli
 * citus distribute` run again distributes the new table by tenant_id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(PARTY_YEAR_TABLE).execute(db);
  await sql.raw(`CREATE INDEX ${PARTY_YEAR}_empty_idx ON ${PARTY_YEAR} (tenant_id) WHERE n = 0`).execute(db);
  for (const definition of PARTY_YEAR_FUNCTIONS) await sql.raw(definition).execute(db);
  await sql.raw(FILL_PARTY_YEAR).execute(db);
  await sql.raw(`ANALYZE ${PARTY_YEAR}`).execute(db);
}

/** Back to the baseline's functions, then the table gone. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const definition of BASELINE_ROLLUP_FUNCTIONS) await sql.raw(definition).execute(db);
  await sql.raw(`DROP TABLE ${PARTY_YEAR}`).execute(db);
}
