import { type Kysely, sql } from 'kysely';

/*
 * Import jobs can end CANCELLED: a job running when the server is stopped (SIGTERM) is rolled back
 * and marked so, instead of being left CHECKING or COMMITTING (docs/operations.md, "Stopping").
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE import_job DROP CONSTRAINT import_job_status_check`.execute(db);
  await sql`
    ALTER TABLE import_job ADD CONSTRAINT import_job_status_check
      CHECK (status IN ('UPLOADED', 'CHECKING', 'CHECKED', 'COMMITTING', 'COMMITTED', 'FAILED', 'CANCELLED'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`UPDATE import_job SET status = 'FAILED' WHERE status = 'CANCELLED'`.execute(db);
  await sql`ALTER TABLE import_job DROP CONSTRAINT import_job_status_check`.execute(db);
  await sql`
    ALTER TABLE import_job ADD CONSTRAINT import_job_status_check
      CHECK (status IN ('UPLOADED', 'CHECKING', 'CHECKED', 'COMMITTING', 'COMMITTED', 'FAILED'))`.execute(db);
}
