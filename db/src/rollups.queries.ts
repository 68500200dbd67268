import { type Kysely, sql } from 'kysely';
import { ALL_ROLLUPS_NEXT } from '../migrations/analytics/gov-seller-year.sql.ts';
import { SNAPSHOT_YEAR, SNAPSHOT_YEAR_INSERT_TRIGGER } from '../migrations/analytics/snapshot-year.sql.ts';
import type { Database } from './database.ts';
import type { RollupMode } from './enums.ts';

/*
 * The two modes of keeping the analytics rollups (docs/scale-out.md "Rollups"; the functions are
 * in db/migrations/analytics/scheduled.sql.ts): TRIGGER, the default, applies every write at once
 * in its own transaction; SCHEDULED records writes and leaves them to analytics_apply_pending,
 * run by `pnpm cli rollups apply` or the server's ROLLUP_INTERVAL.
 */

/** The mode the rollups are kept in. */
export async function rollupMode(db: Kysely<Database>): Promise<RollupMode> {
  const row = await sql<{ mode: RollupMode }>`SELECT analytics_mode() AS mode`.execute(db);
  return row.rows[0]?.mode ?? 'TRIGGER';
}

/**
 * Switches the mode: waits for the writers in flight and holds new ones until it commits; back to
 * TRIGGER, applies what was recorded first. Returns the number of changes it applied.
 */
export async function setRollupMode(db: Kysely<Database>, mode: RollupMode): Promise<number> {
  const row = await sql<{ applied: string }>`SELECT analytics_set_mode(${mode}) AS applied`.execute(db);
  return Number(row.rows[0]?.applied ?? 0);
}

/**
 * Applies every recorded change (purchases in batches of `batch` per tenant, then the parties to
 * reclassify), in one transaction; returns how many it applied (0 in TRIGGER mode: nothing is
 * recorded). With `tenant`, only that tenant's changes (on Citus every statement then runs on the
 * tenant's shard). Safe to run at any time and from several processes: they take turns.
 */
export async function applyPendingRollups(db: Kysely<Database>, batch = 50_000, tenant?: string): Promise<number> {
  const row =
    tenant === undefined
      ? await sql<{ applied: string }>`SELECT analytics_apply_pending(${batch}::int) AS applied`.execute(db)
      : await sql<{
          applied: string;
        }>`SELECT analytics_apply_pending_tenant(${tenant}, ${batch}::int) AS applied`.execute(db);
  return Number(row.rows[0]?.applied ?? 0);
}

/**
 * How many recorded changes wait for the scheduler: purchase rows and parties to reclassify (of
 * every tenant, or of `tenant`).
 */
export async function pendingRollupChanges(
  db: Kysely<Database>,
  tenant?: string,
): Promise<{ transactions: number; parties: number }> {
  const row = await sql<{ transactions: string; parties: string }>`
    SELECT (SELECT count(*) FROM analytics_pending_transaction WHERE ${tenant ?? null}::text IS NULL OR tenant_id = ${tenant ?? null}) AS transactions,
           (SELECT count(*) FROM analytics_pending_party WHERE ${tenant ?? null}::text IS NULL OR tenant_id = ${tenant ?? null}) AS parties`.execute(
    db,
  );
  return { transactions: Number(row.rows[0]?.transactions ?? 0), parties: Number(row.rows[0]?.parties ?? 0) };
}

/** True when no rollup table holds a row of any tenant (a new database). */
export async function rollupsEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await sql<{ empty: boolean }>`SELECT ${sql.raw(
    ALL_ROLLUPS_NEXT.map((t) => `NOT EXISTS (SELECT 1 FROM ${t})`).join(' AND '),
  )} AS empty`.execute(db);
  return Boolean(row.rows[0]?.empty);
}

/** The rollup tables: every one a rebuild or a fill writes. */
export const ROLLUPS: readonly string[] = ALL_ROLLUPS_NEXT;

/**
 * Writes every class and rollup of a tenant whose rollups hold none of its rows, in one pass with
 * plain INSERTs (analytics_fill): for a bulk load, which may drop the rollups' indexes and keys
 * first and re-create them after. Fails when the tenant already has rollup rows. With `keyOrder`
 * each rollup's rows are sorted and written in its key order (apply.sql.ts inKeyOrder).
 */
export async function fillRollups(db: Kysely<Database>, tenantId: string, keyOrder = false): Promise<void> {
  await sql`SELECT analytics_fill(${tenantId}, ${keyOrder})`.execute(db);
  await rebuildSnapshotYears(db, tenantId);
}

/**
 * The tenant's snapshots summed anew by enterprise and year (analytics_snapshot_year, kept by its
 * own triggers otherwise: db/migrations/analytics/snapshot-year.sql.ts), in key order.
 */
async function rebuildSnapshotYears(db: Kysely<Database>, tenantId: string): Promise<void> {
  await sql`SELECT analytics_snapshot_year_rebuild(${tenantId})`.execute(db);
}

/** Recomputes every class and rollup of a tenant from its parties, purchases and snapshots. */
export async function rebuildRollups(db: Kysely<Database>, tenantId: string): Promise<void> {
  await sql`SELECT analytics_rebuild(${tenantId})`.execute(db);
  await rebuildSnapshotYears(db, tenantId);
}

/**
 * The triggers that keep the rollups while rows are inserted (db/migrations/analytics/triggers.sql.ts,
 * snapshot-year.sql.ts): the purchases applied, new parties classified, parties reclassified when a
 * profile arrives, the rollups' statistics checked after each statement, and the snapshots summed
 * by year. The demo loader's bulk mode turns them off for its load and rebuilds the rollups once
 * instead. The version and cache triggers stay on.
 */
const ROLLUP_INSERT_TRIGGERS: ReadonlyArray<readonly [table: string, trigger: string]> = [
  ['transaction', 'analytics_transaction_insert'],
  ['transaction', 'analytics_zz_statistics_transaction'],
  ['party', 'analytics_party_insert'],
  ['party', 'analytics_zz_statistics_party'],
  ['enterprise_profile', 'analytics_enterprise_profile_insert'],
  ['network_unit_profile', 'analytics_network_unit_profile_insert'],
  ['enterprise_snapshot', SNAPSHOT_YEAR_INSERT_TRIGGER],
];

/**
 * Turns the rollup insert triggers off or on again. DDL: within a transaction it takes an ACCESS
 * EXCLUSIVE lock on those tables until commit, and a rollback undoes it; so the caller must
 * rebuild the rollups of what it inserted (rebuildRollups) before it commits.
 */
export async function setRollupInsertTriggers(db: Kysely<Database>, enabled: boolean): Promise<void> {
  const action = sql.raw(enabled ? 'ENABLE' : 'DISABLE');
  for (const [table, trigger] of ROLLUP_INSERT_TRIGGERS)
    await sql`ALTER TABLE ${sql.table(table)} ${action} TRIGGER ${sql.ref(trigger)}`.execute(db);
}

/** Planner statistics for the rollup tables alone (after a rebuild filled them). */
export async function analyzeRollups(db: Kysely<Database>): Promise<void> {
  await sql.raw(`ANALYZE ${[...ALL_ROLLUPS_NEXT, SNAPSHOT_YEAR].join(', ')}`).execute(db);
}
