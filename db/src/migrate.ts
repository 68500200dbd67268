import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations } from '../migrations/index.ts';
import type { DatabaseHandle } from './connection.ts';
import type { Database } from './database.ts';
import { loadReferenceData } from './reference.ts';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Brings the schema up to date, then loads the reference data and creates the tenant. Idempotent:
 * running it on an up-to-date database changes nothing. Returns the names of the migrations applied.
 *
 * Migrations are named by the time their work began, and work done side by side lands in any
 * order: a database that already ran a later-named migration still gets an earlier-named one that
 * landed after it (pending migrations run in name order). Each migration therefore touches only
 * objects of its own or of migrations that landed before it (docs/operations.md "Upgrading").
 */
export async function migrateToLatest(db: Kysely<Database>, tenantId: string): Promise<string[]> {
  await refuseFoldedMigrations(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  await loadReferenceData(db, tenantId);
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Migrations of earlier, unreleased builds that were folded since into the migrations named (those
 * now doing their work): a database that ran them has a schema those cannot be applied over.
 */
const ANALYTICS = ['2026_11_30_1000_analytics'];
export const FOLDED_MIGRATIONS: Readonly<Record<string, readonly string[]>> = {
  '2026_11_30_1000_analytics_rollup': ANALYTICS,
  '2026_11_30_1010_analytics_domino': ANALYTICS,
  '2026_11_30_1200_analytics_panel_version': ANALYTICS,
  '2026_11_30_1210_analytics_yearly': ANALYTICS,
  '2026_11_30_1220_analytics_statistics': ANALYTICS,
  '2026_11_30_1230_analytics_agency_year': ANALYTICS,
  '2026_11_30_1240_analytics_registry_version': ANALYTICS,
  // Ids from sequences: every migration that creates a table with an id creates it as bigserial.
  '2026_12_05_1300_sequence_ids': [
    '2026_11_30_0910_domain',
    '2026_11_30_1000_analytics',
    '2026_12_04_1300_identities',
    '2026_12_04_1600_import_job',
    '2026_12_05_0510_procurement_plan',
  ],
  '2026_12_05_1310_apply_pending_tenant': ANALYTICS,
  '2026_12_05_1320_shard_triggers': ANALYTICS,
  '2026_12_05_1330_plpgsql_functions': ANALYTICS,
};

/**
 * Refuses, before changing anything, a database that records a folded migration: it was made by a
 * build from before the first release and must be recreated (docs/operations.md "Upgrading").
 */
async function refuseFoldedMigrations(db: Kysely<Database>): Promise<void> {
  const table = await sql<{ t: string | null }>`SELECT to_regclass('kysely_migration')::text AS t`.execute(db);
  if (!table.rows[0]?.t) return;
  const rows = await sql<{ name: string }>`
    SELECT name FROM kysely_migration WHERE name IN (${sql.join(Object.keys(FOLDED_MIGRATIONS))}) ORDER BY name`.execute(
    db,
  );
  if (rows.rows.length === 0) return;
  const names = rows.rows.map((r) => r.name);
  throw new MigrationError(
    `This database was created by an earlier, unreleased build of Jejaring: it records the migration(s) ` +
      `${names.join(', ')}, since folded into ${[...new Set(names.flatMap((n) => FOLDED_MIGRATIONS[n] ?? []))].sort().join(', ')}. ` +
      'It cannot be migrated: export its data with the build that made it (pnpm cli export DIR), recreate the ' +
      'database (PostgreSQL: drop and create the database of DATABASE_URL; the embedded database: stop Jejaring and ' +
      'delete the PGlite data directory, PGLITE_DIR, by default .data/pglite), then import the data again. Nothing was changed.',
  );
}

/** True when every known migration has been applied (used by the readiness probe). */
export async function isMigrated(db: Kysely<Database>): Promise<boolean> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}

/**
 * The advisory lock that serialises start-up work on one PostgreSQL database (migrations, the
 * reference data, the demo decision) across instances; an arbitrary constant, "JEJARING" read as
 * digits of a phone keypad.
 */
export const STARTUP_LOCK_KEY = 53_527_464;

/**
 * Runs `work` holding the start-up lock: on PostgreSQL a session advisory lock on a connection of
 * its own, so two instances starting at once migrate one after the other (the second finds
 * nothing left to do) and `onWait` is called when another instance holds it. The lock is
 * released when `work` ends, or by PostgreSQL if this process dies. PGlite needs none: its
 * directory lock admits one process.
 *
 * @example
 * await withStartupLock(handle, () => migrateToLatest(handle.db, tenant), () => log('waiting'));
 */
export async function withStartupLock<T>(
  handle: DatabaseHandle,
  work: () => Promise<T>,
  onWait?: () => void,
): Promise<T> {
  if (handle.engine !== 'postgres') return work();
  return handle.db.connection().execute(async (connection) => {
    const key = sql.lit(STARTUP_LOCK_KEY);
    const tried = await sql<{ got: boolean }>`SELECT pg_try_advisory_lock(${key}) AS got`.execute(connection);
    if (!tried.rows[0]?.got) {
      onWait?.();
      await sql`SELECT pg_advisory_lock(${key})`.execute(connection);
    }
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${key})`.execute(connection).catch(() => {});
    }
  });
}
