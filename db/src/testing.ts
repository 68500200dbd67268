import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { migrations } from '../migrations/index.ts';
import { distributeSchema } from './citus.queries.ts';
import { allowMultiShardByDesign, prepareCitusDatabase, ROUTED_ONLY_OPTIONS } from './citus-test.queries.ts';
import { parsePostgresUrl } from './config.ts';
import { type DatabaseHandle, openDatabase } from './connection.ts';
import type { Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { pgliteVersion, readStoredCluster } from './pglite-cluster.ts';
import { INITDB_START_PARAMS } from './pglite-params.ts';
import { createDatabase, dropDatabase, ensureTemplateDatabase } from './test-database.queries.ts';

/** The tenant every test fixture belongs to unless it says otherwise. */
export const TEST_TENANT = '61.12';

/**
 * Which engine the test run uses: PostgreSQL when DATABASE_URL is set, else in-memory PGlite; a
 * Citus cluster in the Citus lane (`pnpm test:citus` sets CITUS_LANE with DATABASE_URL on its
 * coordinator).
 */
export const testEngine: 'pglite' | 'postgres' | 'citus' = process.env.DATABASE_URL
  ? process.env.CITUS_LANE === '1'
    ? 'citus'
    : 'postgres'
  : 'pglite';

/** Shards per distributed table in the Citus lane: a test database is small, and each shard costs. */
const CITUS_TEST_SHARDS = 4;

const DB_ROOT = new URL('..', import.meta.url);

/** A hash of everything that shapes a freshly migrated database: migrations and reference data. */
function schemaFingerprint(tenants: string[]): string {
  const hash = createHash('sha256').update(tenants.join(','));
  for (const folder of ['migrations', 'reference', 'src']) {
    const dir = new URL(`${folder}/`, DB_ROOT);
    // Subfolders too (db/migrations/analytics holds the baseline's SQL).
    for (const file of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
      if (/\.(ts|csv)$/.test(file)) hash.update(file).update(fs.readFileSync(new URL(file, dir)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Writes an in-memory PGlite database's tarball to `file`, atomically: parallel workers never read half a file. */
async function saveSnapshot(handle: DatabaseHandle, file: string): Promise<void> {
  const blob = await (handle.snapshot as () => Promise<Blob>)();
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temporary, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(temporary, file);
}

/**
 * A tarball of an in-memory PGlite database cached on disk (its path), made once: with `prepare`,
 * an empty cluster (below) it fills; without, the empty cluster itself, made by initdb.
 */
async function cachedSnapshot(file: string, prepare?: (handle: DatabaseHandle) => Promise<void>): Promise<string> {
  if (fs.existsSync(file)) return file;
  const handle = await openDatabase(
    prepare ? { engine: 'memory', loadDataDir: await emptyCluster() } : { engine: 'memory' },
  );
  try {
    await prepare?.(handle);
    await saveSnapshot(handle, file);
    return file;
  } finally {
    await handle.close();
  }
}

/**
 * An empty PGlite cluster (initdb done, nothing migrated), to open copies of: initdb takes 3.5-5 s
 * of WebAssembly, loading the tarball well under a second. The stored one (pglite-cluster.ts), read
 * once per process; when it does not fit the installed PGlite, one made here, cached on disk and
 * keyed by PGlite's version and the initdb settings (pglite-params.ts).
 */
function emptyCluster(): Promise<Blob> {
  emptyClusterRead ??= readStoredCluster().then((stored) => stored ?? madeEmptyCluster());
  return emptyClusterRead;
}

let emptyClusterRead: Promise<Blob> | null = null;

async function madeEmptyCluster(): Promise<Blob> {
  const key = createHash('sha256').update(pgliteVersion()).update(JSON.stringify(INITDB_START_PARAMS));
  const file = path.join(os.tmpdir(), `jejaring-pglite-empty-${key.digest('hex').slice(0, 16)}.tar`);
  return new Blob([fs.readFileSync(await cachedSnapshot(file))]);
}

/**
 * A migrated in-memory PGlite database, as a tarball cached on disk (its path): the migrations
 * take ~1-2 s on an empty cluster, opening a copy of the tarball under 1 s. The cache key covers
 * the migrations and the reference data, so a schema change makes a new template.
 */
function pgliteTemplate(tenants: string[]): Promise<string> {
  const file = path.join(os.tmpdir(), `jejaring-pglite-template-${schemaFingerprint(tenants)}.tar`);
  return cachedSnapshot(file, async (handle) => {
    for (const tenant of tenants) await migrateToLatest(handle.db, tenant);
  });
}

/** The Citus lane's test databases, by handle: their URLs, for serverDatabase. */
const citusUrls = new WeakMap<DatabaseHandle, string>();

/**
 * The migrated template database on the PostgreSQL server `url` names, built once per schema (the
 * same fingerprint as the PGlite template) and copied for each test file (db/src/test-database.queries.ts).
 */
async function postgresTemplate(url: string, tenants: string[]): Promise<string> {
  const template = `jejaring_template_${schemaFingerprint(tenants)}`;
  await ensureTemplateDatabase(url, template, async (databaseUrl) => {
    const handle = await openDatabase({ engine: 'postgres', url: databaseUrl }, { poolSize: 1 });
    try {
      for (const tenant of tenants) await migrateToLatest(handle.db, tenant);
    } finally {
      await handle.close();
    }
  });
  return template;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; with DATABASE_URL, a
 * new database created on that PostgreSQL server and dropped again on close. Real migrations, no mocks.
 *
 * @example
 * let handle: DatabaseHandle;
 * beforeAll(async () => { handle = await createTestDatabase(); });
 * afterAll(() => handle.close());
 */
export async function createTestDatabase(
  options: { tenants?: string[]; migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  const tenants = options.tenants ?? [TEST_TENANT];
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  if (!url) {
    if (options.migrate === false) return openDatabase({ engine: 'memory', loadDataDir: await emptyCluster() });
    const loadDataDir = new Blob([fs.readFileSync(await pgliteTemplate(tenants))]);
    return openDatabase({ engine: 'memory', loadDataDir });
  } else {
    const server = new URL(parsePostgresUrl('DATABASE_URL', url));
    const name = `jejaring_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    // On plain PostgreSQL a migrated database is a copy of the template; Citus does not copy
    // databases (nor make them on its workers), so there each one is migrated and distributed.
    const copied = options.migrate !== false && testEngine === 'postgres';
    const template = copied ? await postgresTemplate(url, tenants) : undefined;
    await createDatabase(url, name, template);
    server.pathname = `/${name}`;
    const dropOnWorkers = testEngine === 'citus' ? await prepareCitusDatabase(url, name) : null;
    const inner = await openDatabase({ engine: 'postgres', url: server.toString() }, { poolSize: 4 });
    handle = {
      ...inner,
      async close() {
        await inner.close();
        await dropOnWorkers?.();
        await dropDatabase(url, name);
      },
    };
    if (copied) return handle;
    if (testEngine === 'citus') citusUrls.set(handle, server.toString());
  }
  if (options.migrate !== false) {
    for (const tenant of tenants) await migrateToLatest(handle.db, tenant);
    if (testEngine === 'citus') await distributeSchema(handle.db, { shardCount: CITUS_TEST_SHARDS });
  }
  return handle;
}

/**
 * The database a test's server should use: `handle` itself, but in the Citus lane a second pool
 * on the same database under the lane's routing check (db/src/citus-test.queries.ts): a statement
 * the server sends that Citus would run on more than one shard fails, except the few that read
 * every regency by design. The test's own statements (fixtures, checks) keep `handle`. Close the
 * returned handle when it is not `handle`.
 */
export async function serverDatabase(handle: DatabaseHandle): Promise<DatabaseHandle> {
  const url = citusUrls.get(handle);
  if (!url) return handle;
  const routed = new URL(url);
  routed.searchParams.set('options', ROUTED_ONLY_OPTIONS);
  return openDatabase(
    { engine: 'postgres', url: routed.toString() },
    { poolSize: 4, wrapPool: allowMultiShardByDesign },
  );
}

/**
 * Fills the empty directory `dir` with a migrated PGlite database, the cached template unpacked
 * (well under a second; migrating the directory takes seconds): for tests whose server or CLI
 * processes open a PGlite directory that need not start empty. Returns `dir`.
 *
 * @example
 * const dir = await createTestPgliteDir(fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-x-')));
 * const server = spawnServer({ PGLITE_DIR: dir });
 */
export async function createTestPgliteDir(dir: string, options: { tenants?: string[] } = {}): Promise<string> {
  const template = await pgliteTemplate(options.tenants ?? [TEST_TENANT]);
  fs.mkdirSync(dir, { recursive: true });
  // Its members are named /base, /global, …: tar strips the leading slash (saying so on stderr).
  execFileSync('tar', ['-xf', template, '-C', dir, '--no-same-owner'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return dir;
}

/**
 * mulberry32: a small, fast, seeded PRNG (floats in [0, 1), period 2^32), for test data and
 * benchmarks that must ask the same things on every run.
 *
 * @example
 * const random = mulberry32(4);
 * const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every analytics rollup table (db/migrations/analytics/: tables.ts and the later ones), for tests comparing them with a rebuild. */
export const ROLLUP_TABLES = [
  'analytics_party_class',
  'analytics_spend_month',
  'analytics_spend_cell_month',
  'analytics_seller_month',
  'analytics_program_spend',
  'analytics_program_seller',
  'analytics_pair_month',
  'analytics_party_month',
  'analytics_spend_year',
  'analytics_spend_cell_year',
  'analytics_seller_year',
  'analytics_agency_year',
  'analytics_party_year',
  'analytics_gov_seller_year',
  'analytics_snapshot_year',
] as const;

/**
 * Runs one migration's down and then its up again on a migrated database: what its up writes into
 * existing data (a new rollup filled from the others) can then be compared with what the code keeps.
 */
export async function rerunMigration(db: Kysely<Database>, name: string): Promise<void> {
  const migration = migrations[name];
  if (!migration?.down) throw new Error(`no migration ${name} with a down`);
  await migration.down(db);
  await migration.up(db);
}

/** Every rollup row, in a stable order, to compare what the triggers maintained with `analytics_rebuild`. */
export async function rollupRows(db: Kysely<Database>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const table of ROLLUP_TABLES) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(db);
    out.push(table, rows.rows.map((r) => JSON.stringify(r)).sort());
  }
  return out;
}

/**
 * Every rollup table's row count and a digest of its rows (md5 over their text, in a stable order),
 * computed by the database: for tests comparing large rollups (a demo load), where rollupRows
 * would carry every row into JavaScript. A mismatch names the table, not the row.
 */
export async function rollupDigests(db: Kysely<Database>): Promise<Record<string, { rows: number; digest: string }>> {
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const table of ROLLUP_TABLES) {
    const result = await sql<{ rows: number; digest: string | null }>`SELECT count(*)::int AS rows,
        md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) AS digest
      FROM ${sql.table(table)} r`.execute(db);
    const row = result.rows[0];
    out[table] = { rows: row?.rows ?? 0, digest: row?.digest ?? '' };
  }
  return out;
}
export { checkPgliteIndexes } from './pglite-check.queries.ts';
