import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { MIB } from './versions.ts';

/*
 * The persisted domino matrices (table analytics_domino_matrix, migration
 * 2026_12_05_1100_domino_matrix_store; docs/domino-matrices.md "The persisted matrices"): one row per
 * tenant and period, tagged with the analytics_state.version it was built at.
 */

/** How much one tenant keeps: at most this many periods and bytes, the least recently used go first. */
export const STORE_LIMITS = { periods: 16, bytes: 512 * MIB };

export interface StoredMatrix {
  readonly matrix: Uint8Array;
  readonly builtAt: Date;
}

/** How many bytes of a stored matrix each part of a read carries (readStoredMatrix). */
const READ_SLICE_BYTES = 1 << 20;

/**
 * The period's matrix as stored at `version`, or null (none, or of another version). Read in parts
 * of 1 MiB, each as base64 text: the driver reads a whole bytea as hex text in one message, which
 * for the 10.7 MB of the whole recorded period at scale 100 took 0.5-0.75 s of Node's CPU (the
 * message grown chunk by chunk, 21 MB of hex text made a string and parsed), against 0.12-0.14 s
 * this way (docs/domino-matrices.md, "The persisted matrices").
 */
export async function readStoredMatrix(
  db: Kysely<Database>,
  tenantId: string,
  period: string,
  version: number,
): Promise<StoredMatrix | null> {
  const result = await sql<{ part: string; built_at: Date }>`
    SELECT encode(substring(m.matrix FROM 1 + k * ${READ_SLICE_BYTES} FOR ${READ_SLICE_BYTES}), 'base64') AS part,
           m.built_at
    FROM analytics_domino_matrix m,
         generate_series(0, (greatest(length(m.matrix), 1) - 1) / ${READ_SLICE_BYTES}) AS k
    WHERE m.tenant_id = ${tenantId} AND m.period = ${period} AND m.version = ${version}
    ORDER BY k`.execute(db);
  const first = result.rows[0];
  if (!first) return null;
  // Node's base64 decoder skips the line breaks encode() puts every 76 characters.
  const matrix = Buffer.concat(result.rows.map((row) => Buffer.from(row.part, 'base64')));
  return { matrix, builtAt: new Date(first.built_at) };
}

/** Notes that the period's matrix was read now (the least recently used are removed first). */
export async function touchStoredMatrix(db: Kysely<Database>, tenantId: string, period: string): Promise<void> {
  await sql`UPDATE analytics_domino_matrix SET used_at = now()
    WHERE tenant_id = ${tenantId} AND period = ${period}`.execute(db);
}

/**
 * How long a period stays on the warmer's list after its last use: when a write moves the version,
 * the stored matrices used in this window are rebuilt in the background (domino-warmer.ts).
 */
export const WARM_WINDOW_MINUTES = 60;

/** Why a matrix is stored: built for a request (`used`), or ahead by the warmer (`warmed`). */
export type StoreUse = 'used' | 'warmed';

/**
 * Stores the period's matrix built at `version`, replacing an older one (never a newer one: an
 * instance that read an older version loses). The tenant's rows of older versions lose their
 * bytes; those used within WARM_WINDOW_MINUTES stay as the warmer's list, the others go, and so do,
 * beyond STORE_LIMITS, the least recently used. A matrix larger than the whole budget is not
 * stored. A matrix built for a request counts as a use of the period (`used_at` now); one the
 * warmer built ahead (`warmed`) keeps the row's last use, so a period nobody asks for again leaves
 * the warmer's list after WARM_WINDOW_MINUTES instead of being rebuilt after every write for ever.
 * Returns whether it was stored.
 */
export async function storeMatrix(
  db: Kysely<Database>,
  tenantId: string,
  period: string,
  version: number,
  matrix: Uint8Array,
  limits = STORE_LIMITS,
  use: StoreUse = 'used',
): Promise<boolean> {
  if (matrix.byteLength > limits.bytes) return false;
  const inTransaction = <T>(run: (trx: Kysely<Database>) => Promise<T>) =>
    db.isTransaction ? run(db) : db.transaction().execute(run);
  return inTransaction(async (trx) => {
    const stored = await sql`
      INSERT INTO analytics_domino_matrix AS m (tenant_id, period, version, matrix, bytes)
      VALUES (${tenantId}, ${period}, ${version}, ${matrix}, ${matrix.byteLength})
      -- excluded.built_at and used_at are the columns' default, now(), and warming_since null:
      -- Citus allows no now() in DO UPDATE SET.
      ON CONFLICT (tenant_id, period) DO UPDATE
        SET version = excluded.version, matrix = excluded.matrix, bytes = excluded.bytes,
            built_at = excluded.built_at, warming_since = excluded.warming_since,
            used_at = ${use === 'warmed' ? sql`m.used_at` : sql`excluded.used_at`}
        WHERE m.version < excluded.version`.execute(trx);
    // The other periods' rows, skipping those another store holds at this moment: stores of
    // several periods after one write (two instances, the warmer beside a request) each hold their
    // own row of the older version, and waiting for another's row deadlocked with it. A row skipped
    // is being stored anew; what it kept of an older version goes with the next store.
    await sql`
      UPDATE analytics_domino_matrix SET matrix = '', bytes = 0
      WHERE tenant_id = ${tenantId} AND period IN (
        SELECT period FROM analytics_domino_matrix
        WHERE tenant_id = ${tenantId} AND version < ${version} AND bytes > 0
        FOR UPDATE SKIP LOCKED)`.execute(trx);
    await sql`
      DELETE FROM analytics_domino_matrix
      WHERE tenant_id = ${tenantId} AND period IN (
        SELECT period FROM analytics_domino_matrix
        WHERE tenant_id = ${tenantId}
          AND ((version < ${version} AND used_at < now() - make_interval(mins => ${WARM_WINDOW_MINUTES}))
            OR period IN (
              SELECT period FROM (
                SELECT period, row_number() OVER recent AS rank, sum(bytes) OVER recent AS total
                FROM analytics_domino_matrix
                WHERE tenant_id = ${tenantId}
                WINDOW recent AS (ORDER BY (period = ${period}) DESC, used_at DESC, period)
              ) ranked
              WHERE rank > ${limits.periods} OR total > ${limits.bytes}))
        FOR UPDATE SKIP LOCKED)`.execute(trx);
    return Number(stored.numAffectedRows ?? 0) > 0;
  });
}

/** A stored period whose matrix is older than its tenant's version. */
export interface StalePeriod {
  readonly tenantId: string;
  readonly period: string;
  /** The tenant's current analytics version. */
  readonly version: number;
  /** Never built: the whole recorded period listed by listUnbuiltTenants. */
  readonly seed: boolean;
}

/**
 * The stored periods, of every tenant, whose matrix is of an older version than their tenant's and
 * which were used within WARM_WINDOW_MINUTES, most recently used first, at most `limit`.
 */
export async function stalePeriods(db: Kysely<Database>, limit: number): Promise<StalePeriod[]> {
  const result = await sql<{ tenant_id: string; period: string; version: string; seed: boolean }>`
    SELECT m.tenant_id, m.period, s.version, m.version = 0 AS seed
    FROM analytics_domino_matrix m JOIN analytics_state s ON s.tenant_id = m.tenant_id
    WHERE m.version < s.version AND m.used_at >= now() - make_interval(mins => ${WARM_WINDOW_MINUTES})
    ORDER BY m.used_at DESC, m.tenant_id, m.period
    LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => ({
    tenantId: r.tenant_id,
    period: r.period,
    version: Number(r.version),
    seed: r.seed,
  }));
}

/** The store's key of the whole recorded period (periodKey with both ends open). */
export const WHOLE_PERIOD = '..';

/**
 * Puts the whole recorded period on the warmer's list (stalePeriods) of every tenant whose data
 * has been written (an analytics_state row) and which has no row in the store at all: a database
 * just loaded, imported or restored, or a store emptied. The row is a placeholder of version 0,
 * without bytes, so it is stale at once; its build stores the parts of every whole year and month
 * of the data (docs/domino-parts.md), from which a first request of any period is built. Returns
 * how many tenants it added.
 */
export async function listUnbuiltTenants(db: Kysely<Database>): Promise<number> {
  const result = await sql`
    INSERT INTO analytics_domino_matrix (tenant_id, period, version, matrix, bytes)
    SELECT s.tenant_id, ${WHOLE_PERIOD}, 0, ''::bytea, 0 FROM analytics_state s
    WHERE NOT EXISTS (SELECT 1 FROM analytics_domino_matrix m WHERE m.tenant_id = s.tenant_id)
    ON CONFLICT (tenant_id, period) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Claims a stale period for rebuilding: true for one caller (instance) at a time, unless the claim
 * is older than `staleSeconds` (its instance stopped or failed), false once the row is current.
 */
export async function claimStalePeriod(
  db: Kysely<Database>,
  stale: StalePeriod,
  staleSeconds: number,
): Promise<boolean> {
  const result = await sql`
    UPDATE analytics_domino_matrix SET warming_since = now()
    WHERE tenant_id = ${stale.tenantId} AND period = ${stale.period} AND version < ${stale.version}
      AND (warming_since IS NULL OR warming_since < now() - make_interval(secs => ${staleSeconds}))`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
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
