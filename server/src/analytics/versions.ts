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

/**
 * A small per-database (per Kysely instance) LRU of derived values tagged with the version they
 * were derived at. Read the version before deriving: a write in between only causes a recompute.
 */
export class VersionedCache<T> {
  private readonly byDb = new WeakMap<Kysely<Database>, Map<string, { version: string; value: T }>>();
  constructor(private readonly size: number) {}

  async get(db: Kysely<Database>, key: string, version: string, derive: () => Promise<T>): Promise<T> {
    let entries = this.byDb.get(db);
    if (!entries) {
      entries = new Map();
      this.byDb.set(db, entries);
    }
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      entries.delete(key);
      entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const value = await derive();
    entries.set(key, { version, value });
    while (entries.size > this.size) entries.delete(entries.keys().next().value as string);
    return value;
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
const settings = (workMemMb: number) => sql`SELECT set_config('jit', 'off', true),
  set_config('work_mem', ${`${workMemMb}MB`}, true), set_config('random_page_cost', '1.1', true)`;

/**
 * Runs `run` in a transaction with the analytic settings (or in the caller's transaction), once
 * admitted: the API bounds how many run at once (admission.ts).
 */
export async function withWorkMem<T>(db: Kysely<Database>, run: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return run(db);
  const slot = await analyticsSlot(db);
  try {
    return await db.transaction().execute(async (trx: Transaction<Database>) => {
      await settings(slot.workMemMb).execute(trx);
      return run(trx);
    });
  } finally {
    slot.release();
  }
}

/** Executes one analytic statement with the analytic settings. */
export function analytic<R>(db: Kysely<Database>, query: RawBuilder<R>): Promise<QueryResult<R>> {
  return withWorkMem(db, (trx) => query.execute(trx));
}
