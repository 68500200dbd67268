import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { MIB } from './versions.ts';

/*
 * The persisted domino matrices (table analytics_domino_matrix, migration
 * 2026_12_05_1100_domino_matrix_store; docs/metrics.md "The persisted matrices"): one row per
 * tenant and period, tagged with the analytics_state.version it was built at.
 */

/** How much one tenant keeps: at most this many periods and bytes, the least recently used go first. */
export const STORE_LIMITS = { periods: 16, bytes: 512 * MIB };

export interface StoredMatrix {
  readonly matrix: Uint8Array;
  readonly builtAt: Date;
}

/** The period's matrix as stored at `version`, or null (none, or of another version). */
export async function readStoredMatrix(
  db: Kysely<Database>,
  tenantId: string,
  period: string,
  version: number,
): Promise<StoredMatrix | null> {
  const result = await sql<{ matrix: Uint8Array; built_at: Date }>`
    SELECT matrix, built_at FROM analytics_domino_matrix
    WHERE tenant_id = ${tenantId} AND period = ${period} AND version = ${version}`.execute(db);
  const row = result.rows[0];
  return row ? { matrix: row.matrix, builtAt: new Date(row.built_at) } : null;
}

/** Notes that the period's matrix was read now (the least recently used are removed first). */
export async function touchStoredMatrix(db: Kysely<Database>, tenantId: string, period: string): Promise<void> {
  await sql`UPDATE analytics_domino_matrix SET used_at = now()
    WHERE tenant_id = ${tenantId} AND period = ${period}`.execute(db);
}

/**
 * Stores the period's matrix built at `version`, replacing an older one (never a newer one: an
 * instance that read an older version loses), then removes the tenant's matrices of older
 * versions and, beyond STORE_LIMITS, the least recently used. A matrix larger than the whole
 * budget is not stored. Returns whether it was stored.
 */
export async function storeMatrix(
  db: Kysely<Database>,
  tenantId: string,
  period: string,
  version: number,
  matrix: Uint8Array,
  limits = STORE_LIMITS,
): Promise<boolean> {
  if (matrix.byteLength > limits.bytes) return false;
  const inTransaction = <T>(run: (trx: Kysely<Database>) => Promise<T>) =>
    db.isTransaction ? run(db) : db.transaction().execute(run);
  return inTransaction(async (trx) => {
    const stored = await sql`
      INSERT INTO analytics_domino_matrix AS m (tenant_id, period, version, matrix, bytes)
      VALUES (${tenantId}, ${period}, ${version}, ${matrix}, ${matrix.byteLength})
      -- excluded.built_at and used_at are the columns' default, now(): Citus allows no now() in DO UPDATE SET.
      ON CONFLICT (tenant_id, period) DO UPDATE
        SET version = excluded.version, matrix = excluded.matrix, bytes = excluded.bytes,
            built_at = excluded.built_at, used_at = excluded.used_at
        WHERE m.version < excluded.version`.execute(trx);
    await sql`
      DELETE FROM analytics_domino_matrix
      WHERE tenant_id = ${tenantId}
        AND (version < ${version} OR period IN (
          SELECT period FROM (
            SELECT period, row_number() OVER recent AS rank, sum(bytes) OVER recent AS total
            FROM analytics_domino_matrix
            WHERE tenant_id = ${tenantId} AND version >= ${version}
            WINDOW recent AS (ORDER BY (period = ${period}) DESC, used_at DESC, period)
          ) ranked
          WHERE rank > ${limits.periods} OR total > ${limits.bytes}))`.execute(trx);
    return Number(stored.numAffectedRows ?? 0) > 0;
  });
}

/** The tenant's stored matrices (tests, diagnostics): period, version and size, most recently used first. */
export async function storedMatrices(
  db: Kysely<Database>,
  tenantId: string,
): Promise<Array<{ period: string; version: number; bytes: number; builtAt: Date }>> {
  const result = await sql<{ period: string; version: string; bytes: number; built_at: Date }>`
    SELECT period, version, bytes, built_at FROM analytics_domino_matrix
    WHERE tenant_id = ${tenantId} ORDER BY used_at DESC, period`.execute(db);
  return result.rows.map((r) => ({
    period: r.period,
    version: Number(r.version),
    bytes: Number(r.bytes),
    builtAt: new Date(r.built_at),
  }));
}
