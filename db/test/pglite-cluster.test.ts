import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/connection.ts';
import type { Database } from '../src/database.ts';
import {
  pgliteVersion,
  readCluster,
  readClusterManifest,
  readStoredCluster,
  STORED_CLUSTER_FILE,
  STORED_CLUSTER_MANIFEST,
  storedClusterMismatch,
} from '../src/pglite-cluster.ts';
import { INITDB_START_PARAMS, START_PARAMS } from '../src/pglite-params.ts';

// src/pglite-cluster.ts: a new embedded database starts as a copy of the empty cluster stored in
// db/pglite/. These tests fail when that cluster is not what initdb makes now (after an upgrade of
// PGlite or a change of the initdb settings): `pnpm --filter @jejaring/db cluster:emit` makes it again.

/** What initdb decides, read from a running cluster: equal for two clusters initdb made alike. */
const CATALOG = `SELECT
  (SELECT catalog_version_no FROM pg_control_system())::text AS catalog_version,
  version() AS server_version,
  (SELECT string_agg(format('%s %s %s %s', datname, pg_encoding_to_char(encoding), datcollate, datctype), ', ' ORDER BY datname)
     FROM pg_database) AS databases,
  (SELECT string_agg(rolname, ', ' ORDER BY rolname) FROM pg_roles) AS roles,
  (SELECT md5(string_agg(format('%s.%s %s', n.nspname, c.relname, c.relkind), ',' ORDER BY n.nspname, c.relname))
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace) AS relations,
  (SELECT md5(string_agg(format('%s %s(%s) %s', p.oid, p.proname, pg_get_function_identity_arguments(p.oid), md5(coalesce(p.prosrc, ''))), ',' ORDER BY p.oid))
     FROM pg_proc p) AS functions,
  (SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE source = 'configuration file') AS settings`;

const systemIdentifier = async (db: Kysely<Database>) =>
  (await sql<{ id: string }>`SELECT system_identifier::text AS id FROM pg_control_system()`.execute(db)).rows[0]?.id;

describe('the stored empty cluster (db/pglite)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-cluster-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  let stored: Blob;
  beforeAll(async () => {
    const blob = await readStoredCluster();
    if (!blob) throw new Error(`the stored cluster cannot be used: ${storedClusterMismatch(readClusterManifest())}`);
    stored = blob;
  });

  it('was made by the installed PGlite with the initdb settings of pglite-params.ts', () => {
    const manifest = readClusterManifest();
    expect(manifest?.pglite).toBe(pgliteVersion());
    expect(manifest?.initdbStartParams).toEqual(INITDB_START_PARAMS);
    expect(storedClusterMismatch(manifest)).toBeNull();
  });

  it('holds the catalogs, databases, roles and configuration that initdb makes now', async () => {
    const fresh = await PGlite.create({ startParams: START_PARAMS, initDbStartParams: INITDB_START_PARAMS });
    const copy = await PGlite.create({ startParams: START_PARAMS, loadDataDir: stored });
    try {
      const expected = (await fresh.query(CATALOG)).rows[0] as Record<string, string>;
      const actual = (await copy.query(CATALOG)).rows[0] as Record<string, string>;
      expect(actual).toEqual(expected);
      // Two clusters: initdb gives each its own system identifier.
      const ids = await Promise.all(
        [fresh, copy].map(
          async (db) => (await db.query(`SELECT system_identifier::text AS id FROM pg_control_system()`)).rows[0],
        ),
      );
      expect(ids[0]).not.toEqual(ids[1]);
    } finally {
      await fresh.close();
      await copy.close();
    }
  }, 60_000);

  it('a new directory starts as a copy of it (no initdb), takes writes and reopens with them', async () => {
    const memory = await openDatabase({ engine: 'memory', loadDataDir: stored });
    const storedId = await systemIdentifier(memory.db);
    await memory.close();

    const dir = path.join(root, 'new');
    const first = await openDatabase({ engine: 'pglite', dir });
    try {
      expect(await systemIdentifier(first.db)).toBe(storedId);
      await sql`CREATE TABLE kept (n int)`.execute(first.db);
      await sql`INSERT INTO kept VALUES (41), (42)`.execute(first.db);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ engine: 'pglite', dir });
    try {
      expect(await systemIdentifier(again.db)).toBe(storedId);
      const rows = await sql<{ n: number }>`SELECT n FROM kept ORDER BY n`.execute(again.db);
      expect(rows.rows.map((r) => r.n)).toEqual([41, 42]);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('is not used when its manifest names another PGlite or other settings, or its file is damaged', async () => {
    const manifest = readClusterManifest();
    if (!manifest) throw new Error('no manifest');
    const copy = (name: string, bytes: Buffer, changes: Partial<typeof manifest> = {}) => {
      const file = path.join(root, `${name}.tar.br`);
      const manifestFile = path.join(root, `${name}.json`);
      fs.writeFileSync(file, bytes);
      fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, ...changes }));
      return readCluster(file, manifestFile);
    };
    const bytes = fs.readFileSync(STORED_CLUSTER_FILE);
    // The unchanged copy is read: what the other cases change is what makes them fail.
    expect((await copy('same', bytes))?.size).toBe(manifest.tarBytes);
    expect(await copy('older', bytes, { pglite: '0.0.1' })).toBeNull();
    expect(await copy('settings', bytes, { initdbStartParams: ['--set', 'shared_buffers=32MB'] })).toBeNull();
    expect(storedClusterMismatch({ ...manifest, pglite: '0.0.1' })).toBe(
      `made by PGlite 0.0.1, ${pgliteVersion()} is installed`,
    );
    // Another tarball of the same size (one byte changed), a truncated file, not Brotli at all.
    const tar = zlib.brotliDecompressSync(bytes);
    tar[tar.length - 1] = (tar.at(-1) ?? 0) ^ 1;
    expect(
      await copy('changed', zlib.brotliCompressSync(tar, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } })),
    ).toBeNull();
    expect(await copy('truncated', bytes.subarray(0, bytes.length >> 1))).toBeNull();
    expect(await copy('not-brotli', Buffer.from('not a tarball'))).toBeNull();
    // A manifest that is not JSON: not used, and no error (initdb runs instead).
    const badManifest = path.join(root, 'bad-manifest.json');
    fs.writeFileSync(badManifest, '{"pglite": ');
    expect(await readCluster(STORED_CLUSTER_FILE, badManifest)).toBeNull();
    expect(fs.existsSync(STORED_CLUSTER_MANIFEST)).toBe(true);
  }, 60_000);
});
