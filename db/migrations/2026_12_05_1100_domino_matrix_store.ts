import { type Kysely, sql } from 'kysely';

/*
 * The persisted store of domino matrices (docs/metrics.md "Re-spending rounds", docs/domino-matrices.md "The
 * persisted matrices"): one row per tenant and period, the period's re-spending matrix in binary form
 * (server/src/analytics/domino-matrix.ts), tagged with the analytics_state.version it was built
 * at. A restart or another instance reads it instead of rebuilding; a row of an older version is
 * rebuilt on demand and replaced; old versions and the least recently used periods are removed.
 * Keyed tenant first, so it lives on the tenant's shard when tables are distributed by tenant.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE analytics_domino_matrix (
      tenant_id text NOT NULL,
      period text NOT NULL,
      version bigint NOT NULL,
      matrix bytea NOT NULL,
      bytes integer NOT NULL,
      built_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, period)
    )`.execute(db);
  // Typed arrays of floats do not compress: store them as they are, without trying.
  await sql`ALTER TABLE analytics_domino_matrix ALTER COLUMN matrix SET STORAGE EXTERNAL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE analytics_domino_matrix`.execute(db);
}
