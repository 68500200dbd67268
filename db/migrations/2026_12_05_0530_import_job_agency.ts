import { type Kysely, sql } from 'kysely';

/*
 * Operators import too: a job records the agency it writes for (the uploading operator's; null
 * for an administrator), and the import engine confines such a job to that agency, its network and
 * the enterprises it registered (db/import/scope.ts; docs/imports.md, "Access").
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE import_job ADD COLUMN agency_id bigint`.execute(db);
  await sql`ALTER TABLE import_job ADD CONSTRAINT import_job_agency_fk
    FOREIGN KEY (tenant_id, agency_id) REFERENCES agency_profile (tenant_id, party_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE import_job DROP COLUMN agency_id`.execute(db);
}
