import { type Kysely, sql } from 'kysely';

/*
 * Import jobs: an uploaded file waits on the server's disk while it is checked (a dry run) and
 * then committed; the job keeps its status, progress and report, so a client can poll it and a
 * restarted server knows which jobs it lost (status CHECKING or COMMITTING with no runner).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE import_job (
      tenant_id text NOT NULL REFERENCES tenant(id),
      id bigserial, -- not an identity column (2026_11_30_0910_domain)
      status text NOT NULL CHECK (status IN ('UPLOADED', 'CHECKING', 'CHECKED', 'COMMITTING', 'COMMITTED', 'FAILED')),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      format text NOT NULL,
      size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
      file_path text,
      all_or_nothing boolean NOT NULL DEFAULT false,
      progress jsonb,
      report jsonb,
      error_code text,
      error_message text,
      created_by bigint,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id)
    )`.execute(db);
  await sql`CREATE INDEX import_job_recent ON import_job (tenant_id, created_at DESC)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS import_job`.execute(db);
}
