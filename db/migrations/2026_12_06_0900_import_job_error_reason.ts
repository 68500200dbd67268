import { type Kysely, sql } from 'kysely';

/*
 * A failed or cancelled import job keeps its reason in each language ({ id, en }) beside the
 * combined "Indonesian / English" message, so the dashboard shows the one the user chose. Rows
 * written before this column have it null; readers fall back to error_message.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE import_job ADD COLUMN error_reason jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE import_job DROP COLUMN error_reason`.execute(db);
}
