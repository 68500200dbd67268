import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/connection.ts';
import { DURABLE_START_PARAMS, DurableNodeFS } from '../src/durable-fs.ts';

// The embedded database's durability (docs/operations.md, "What a confirmed write survives").
describe('PGlite directory durability', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-durable-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('opens a directory database with fsync on and the WAL synced by fsync()', async () => {
    const handle = await openDatabase({ engine: 'pglite', dir: path.join(root, 'opened') });
    try {
      const settings = await sql<{ fsync: string; method: string; commit: string }>`
        SELECT current_setting('fsync') AS fsync, current_setting('wal_sync_method') AS method,
               current_setting('synchronous_commit') AS commit`.execute(handle.db);
      expect(settings.rows[0]).toEqual({ fsync: 'on', method: 'fsync', commit: 'on' });
    } finally {
      await handle.close();
    }
  });

  it('each committed transaction reaches fsync(2) before the commit returns', async () => {
    const fsys = new DurableNodeFS(path.join(root, 'counted'));
    const pglite = await PGlite.create({ fs: fsys, startParams: DURABLE_START_PARAMS });
    try {
      await pglite.exec('CREATE TABLE t (id int PRIMARY KEY)');
      for (let i = 1; i <= 10; i++) {
        const before = fsys.syncs;
        await pglite.query('INSERT INTO t VALUES ($1)', [i]);
        // The WAL record of the commit, synced once at least (more when a segment or file is new).
        expect(fsys.syncs).toBeGreaterThan(before);
      }
      // A read-only statement writes no WAL: nothing to sync.
      const before = fsys.syncs;
      await pglite.query('SELECT count(*) FROM t');
      expect(fsys.syncs).toBe(before);
    } finally {
      await pglite.close();
    }
  });

  it('PGlite as shipped (fsync off, no fsync in its file system) syncs nothing on commit', async () => {
    // What the fix is for: the same inserts with PGlite's defaults never call fsync(2). Counted
    // through the same file system class, with PostgreSQL's fsync left off as PGlite ships it.
    const fsys = new DurableNodeFS(path.join(root, 'shipped'));
    const pglite = await PGlite.create({ fs: fsys });
    try {
      await pglite.exec('CREATE TABLE t (id int PRIMARY KEY)');
      const before = fsys.syncs;
      for (let i = 1; i <= 10; i++) await pglite.query('INSERT INTO t VALUES ($1)', [i]);
      expect(fsys.syncs).toBe(before);
      expect((await pglite.query<{ f: string }>(`SELECT current_setting('fsync') AS f`)).rows[0]?.f).toBe('off');
    } finally {
      await pglite.close();
    }
  });
});
