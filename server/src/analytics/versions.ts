import type { Database } from '@jejaring/db';
import { type Kysely, type QueryResult, type RawBuilder, sql, type Transaction } from 'kysely';
import { analyticsSlot } from './admission.ts';

/**
 * The tenant's analytics_state counters: `version` moves with every write that can change a
 * measure, `panel` with writes to the survey panel (snapshots, parties, profiles, assistance).
 */
export async function analyticsVersions(
  db: Kysely<Database>,
  tenantId: string,
): Promise<{ version: number; panel: number }> {
  const result = await sql<{ version: number; panel_version: number }>`
    SELECT version, panel_version FROM analytics_state WHERE tenant_id = ${tenantId}`.execute(db);
  const row = result.rows[0];
  return { version: Number(row?.version ?? 0), panel: Number(row?.panel_version ?? 0) };
}

/** One mebibyte, for cache budgets. */
export const MIB = 1024 * 1024;

/**
 * Roughly how many bytes `value` takes on the heap: typed arrays by their buffer, strings two bytes
 * a character, numbers and booleans eight, arrays, plain objects and Maps by their contents plus a
 * small overhead per slot. An estimate for bounding caches, not an exact count.
 */
export function estimateBytes(value: unknown): number {
  if (value === null || value === undefined) return 8;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return 8;
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (ArrayBuffer.isView(value)) return 64 + value.byteLength;
  if (value instanceof Map) {
    let bytes = 64;
    for (const [k, v] of value) bytes += 16 + estimateBytes(k) + estimateBytes(v);
    return bytes;
  }
  if (value instanceof Set) {
    let bytes = 64;
    for (const v of value) bytes += 8 + estimateBytes(v);
    return bytes;
  }
  if (Array.isArray(value)) {
    let bytes = 32;
    for (const item of value) bytes += 8 + estimateBytes(item);
    return bytes;
  }
  if (typeof value === 'object') {
    let bytes = 32;
    for (const [k, v] of Object.entries(value)) bytes += 8 + estimateBytes(k) + estimateBytes(v);
    return bytes;
  }
  return 8;
}

/**
 * A small per-database (per Kysely instance) LRU of derived values tagged with the version they
 * were derived at. Read the version before deriving: a write in between only causes a recompute.
 * Bounded twice: at most `entries` values, and at most `maxBytes` of them as estimateBytes counts
 * (a week of varied filters at scale 100 must not grow the heap); a value larger than the whole
 * budget is returned but not kept.
 */
export class VersionedCache<T> {
  private readonly byDb = new WeakMap<
    Kysely<Database>,
    { entries: Map<string, { version: string; value: T; bytes: number }>; bytes: number }
  >();
  private readonly entries: number;
  private readonly maxBytes: number;

  constructor(limits: { entries: number; maxBytes: number }) {
    this.entries = limits.entries;
    this.maxBytes = limits.maxBytes;
  }

  /** Values and estimated bytes kept for `db` (tests, diagnostics). */
  held(db: Kysely<Database>): { entries: number; bytes: number } {
    const cache = this.byDb.get(db);
    return { entries: cache?.entries.size ?? 0, bytes: cache?.bytes ?? 0 };
  }

  async get(db: Kysely<Database>, key: string, version: string, derive: () => Promise<T>): Promise<T> {
    const hit = this.peek(db, key);
    if (hit && hit.version === version) return hit.value;
    const value = await derive();
    this.put(db, key, version, value);
    return value;
  }

  /** The value kept for `key`, at whatever version it was derived (marked as used). */
  peek(db: Kysely<Database>, key: string): { version: string; value: T } | undefined {
    const entries = this.byDb.get(db)?.entries;
    const hit = entries?.get(key);
    if (!entries || !hit) return undefined;
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit;
  }

  /** Keeps `value` for `key` at `version`, replacing what was kept, then drops the least recently used beyond the bounds. */
  put(db: Kysely<Database>, key: string, version: string, value: T): void {
    let cache = this.byDb.get(db);
    if (!cache) {
      cache = { entries: new Map(), bytes: 0 };
      this.byDb.set(db, cache);
    }
    const bytes = estimateBytes(value);
    const old = cache.entries.get(key);
    if (old) {
      cache.entries.delete(key);
      cache.bytes -= old.bytes;
    }
    if (bytes > this.maxBytes) return;
    cache.entries.set(key, { version, value, bytes });
    cache.bytes += bytes;
    while (cache.entries.size > this.entries || cache.bytes > this.maxBytes) {
      const [oldestKey, oldest] = cache.entries.entries().next().value as [string, { bytes: number }];
      cache.entries.delete(oldestKey);
      cache.bytes -= oldest.bytes;
    }
  }
}

/**
 * Settings for analytic statements, local to their transaction: no JIT compilation (PostgreSQL
 * compiles any plan costed above jit_above_cost, which for these aggregations over rollups costs
 * hundreds of milliseconds and saves a few), more sort/hash memory than the 4 MB default (64 MB,
 * or ANALYTICS_WORK_MEM_MB through the API: admission.ts), which spills a million-row hash join
 * to disk, and random_page_cost 1.1 instead of 4 (the default assumes spinning disks): the rollups are read from memory and lie on disk in the order their
 * months were written, so a range of months is an index range scan, not a scan of the whole
 * rollup (scale 100, p95 of spendFlows 108 → 85 ms, spendByDistrict 152 → 123 ms).
 */
const settings = (workMemMb: number, serial = false) => sql`SELECT set_config('jit', 'off', true),
  set_config('work_mem', ${`${workMemMb}MB`}, true), set_config('random_page_cost', '1.1', true)
  ${serial ? sql`, set_config('max_parallel_workers_per_gather', '0', true)` : sql``}`;

/** How an analytic statement runs: `serial`, without parallel workers (analytic's caller says why). */
export interface AnalyticOptions {
  readonly serial?: boolean;
}

/**
 * Runs `run` in a transaction with the analytic settings (or in the caller's transaction), once
 * admitted: the API bounds how many run at once (admission.ts).
 */
export async function withWorkMem<T>(
  db: Kysely<Database>,
  run: (trx: Kysely<Database>) => Promise<T>,
  options: AnalyticOptions = {},
): Promise<T> {
  if (db.isTransaction) return run(db);
  const slot = await analyticsSlot(db);
  try {
    return await db.transaction().execute(async (trx: Transaction<Database>) => {
      await settings(slot.workMemMb, options.serial).execute(trx);
      return run(trx);
    });
  } finally {
    slot.release();
  }
}

/**
 * Runs each of `runs` with the analytic settings, once admitted (one slot for them all), each in
 * a transaction of its own and all at once: on PostgreSQL they run side by side on as many
 * connections (PGlite, with its one connection, runs them in turn). Side by side they share the
 * slot's work_mem, an equal part each, so a slot never holds more than one statement would. With
 * `consistent` they run one after the other in one REPEATABLE READ transaction, on one snapshot;
 * in the caller's transaction, if `db` is one, in turn too.
 */
export async function withWorkMemEach<T>(
  db: Kysely<Database>,
  runs: ReadonlyArray<(trx: Kysely<Database>) => Promise<T>>,
  options: { consistent?: boolean } = {},
): Promise<T[]> {
  const inTurn = async (trx: Kysely<Database>) => {
    const results: T[] = [];
    for (const run of runs) results.push(await run(trx));
    return results;
  };
  if (db.isTransaction) return inTurn(db);
  const slot = await analyticsSlot(db);
  try {
    if (options.consistent) {
      return await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx: Transaction<Database>) => {
          await settings(slot.workMemMb).execute(trx);
          return inTurn(trx);
        });
    }
    const share = Math.max(1, Math.floor(slot.workMemMb / runs.length));
    return await Promise.all(
      runs.map((run) =>
        db.transaction().execute(async (trx: Transaction<Database>) => {
          await settings(share).execute(trx);
          return run(trx);
        }),
      ),
    );
  } finally {
    slot.release();
  }
}

/** Executes one analytic statement with the analytic settings. */
export function analytic<R>(
  db: Kysely<Database>,
  query: RawBuilder<R>,
  options: AnalyticOptions = {},
): Promise<QueryResult<R>> {
  return withWorkMem(db, (trx) => query.execute(trx), options);
}
