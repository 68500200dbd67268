import { createHash } from 'node:crypto';
import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { analytic, MIB, VersionedCache } from './versions.ts';

/*
 * The shared result cache of the spending measures (migration 2026_12_05_1000_result_cache,
 * docs/performance.md "Rollups and caches"): the rows an analytic statement returned, stored in the
 * database under (tenant, SHA-256 of the statement's SQL and parameters) with the tenant's
 * analytics_state.version they were computed at. The statement is built from the normalised
 * filter (SpendScope), so equal filters give equal keys. Every server instance reads and writes
 * the same rows, and a restart keeps them.
 *
 * Exactness: the version is read before the statement runs; a write committed in between moves
 * the version past the one the rows are stored with, so they are never served (a recompute, not a
 * stale answer). A row is served only while its version is the tenant's current one, and every
 * write that can change what the statements read moves it (rollups, parties, profiles, surveys,
 * assistance, programs, policy targets).
 *
 * In front of it, each process keeps the answers it last served, by database handle and key, at
 * their version (frozen: every caller shares them). The lookup still reads the tenant's version,
 * but asks the row's answer only when the process holds none at that version: a large answer (the
 * rows of four-level flows, about 200 KB of JSON) is then not fetched and parsed again.
 */

/** The answers this process served, at their version (bounded like the other analytics caches). */
const served = new VersionedCache<unknown>({ entries: 512, maxBytes: 64 * MIB });

/** `value` and everything in it made read-only, so that no caller can change a shared answer. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) frozen(item);
  }
  return value;
}

/**
 * The cache key of a statement: its SQL text and parameters, hashed, with `extra` for what a
 * computation on its rows adds (dominoEffect's rounds).
 */
export function statementKey(db: Kysely<Database>, query: RawBuilder<unknown>, extra = ''): string {
  const compiled = query.compile(db);
  return createHash('sha256')
    .update(compiled.sql)
    .update('\0')
    .update(JSON.stringify(compiled.parameters))
    .update('\0')
    .update(extra)
    .digest('hex');
}

/**
 * The rows of an analytic statement of `measure` for `tenantId`, from the shared cache when it
 * holds them at the tenant's current version, else computed (analytic()) and stored. Rows must be
 * JSON values (numbers, strings, booleans, null), as the drivers return them here.
 */
export function cachedAnalytic<R>(
  db: Kysely<Database>,
  tenantId: string,
  measure: string,
  query: RawBuilder<R>,
): Promise<R[]> {
  return cachedResult(db, tenantId, measure, statementKey(db, query), async () => (await analytic(db, query)).rows);
}

/**
 * A measure's answer under `key` for `tenantId`: from the shared cache when it holds one at the
 * tenant's current version, else `compute()`d and stored. The answer must be a JSON value whose
 * numbers are finite (dominoEffect's, built from the rows of its statements).
 */
export async function cachedResult<T>(
  db: Kysely<Database>,
  tenantId: string,
  measure: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const memoKey = `${tenantId}|${key}`;
  const held = served.peek(db, memoKey);
  const found = await sql<{ version: string; rows: T | null; standby: boolean }>`
    SELECT s.version, CASE WHEN s.version = ${held ? held.version : '-1'}::bigint THEN NULL ELSE c.rows END AS rows,
      pg_is_in_recovery() AS standby
    FROM analytics_state s
    LEFT JOIN analytics_result c ON c.tenant_id = s.tenant_id AND c.key = ${key} AND c.version = s.version
    WHERE s.tenant_id = ${tenantId}`.execute(db);
  const state = found.rows[0];
  const version = state ? String(state.version) : null;
  if (held && held.version === version) return held.value as T;
  if (state?.rows) {
    served.put(db, memoKey, String(version), frozen(state.rows));
    return state.rows;
  }
  const result = frozen(await compute());
  // No state row yet (a tenant nothing was ever written for): nothing to tag the answer with. A
  // read replica (a standby) serves the answers the primary stored, but cannot store any.
  if (state) {
    if (!state.standby) await store(db, tenantId, key, measure, Number(state.version), result);
    served.put(db, memoKey, String(version), result);
  }
  return result;
}

/**
 * Stores an answer under its key and version, then drops the tenant's answers of older versions
 * that no other store holds at that moment.
 *
 * Two statements, the drop skipping locked rows: requests arriving together after a write (a
 * dashboard asks for several measures at once) store at the same moment, each updating its own
 * key's row of the older version, and a drop that waited for those rows deadlocked with them
 * (PostgreSQL then aborts one store: an internal error for that measure, after a second's wait).
 * A row skipped is being replaced by its own store or dropped by another; what is left of an older
 * version goes with the next store.
 */
async function store(
  db: Kysely<Database>,
  tenantId: string,
  key: string,
  measure: string,
  version: number,
  rows: unknown,
): Promise<void> {
  await sql`
    INSERT INTO analytics_result (tenant_id, key, measure, version, rows)
    VALUES (${tenantId}, ${key}, ${measure}, ${version}, ${JSON.stringify(rows)}::jsonb)
    -- excluded.created_at is the column's default, now(): Citus allows no now() in DO UPDATE SET.
    ON CONFLICT (tenant_id, key) DO UPDATE SET measure = excluded.measure, version = excluded.version,
      rows = excluded.rows, created_at = excluded.created_at
    WHERE analytics_result.version <= excluded.version`.execute(db);
  await sql`
    DELETE FROM analytics_result
    WHERE tenant_id = ${tenantId} AND key IN (
      SELECT key FROM analytics_result WHERE tenant_id = ${tenantId} AND version < ${version}
      FOR UPDATE SKIP LOCKED)`.execute(db);
}
