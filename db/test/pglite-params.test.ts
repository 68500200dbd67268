import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/connection.ts';

// src/pglite-params.ts: initdb runs with 16 MB of shared buffers, the database itself with 128 MB.
describe('PGlite shared buffers', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-params-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const sharedBuffers = async (target: Parameters<typeof openDatabase>[0]) => {
    const handle = await openDatabase(target);
    try {
      const row = await sql<{ value: string }>`SELECT current_setting('shared_buffers') AS value`.execute(handle.db);
      return row.rows[0]?.value;
    } finally {
      await handle.close();
    }
  };

  it('a new directory: initdb wrote 16 MB, the database runs with 128 MB, now and reopened', async () => {
    const dir = path.join(root, 'dir');
    expect(await sharedBuffers({ engine: 'pglite', dir })).toBe('128MB');
    const conf = fs.readFileSync(path.join(dir, 'postgresql.conf'), 'utf8');
    expect(conf).toMatch(/^shared_buffers = 16MB/m);
    expect(await sharedBuffers({ engine: 'pglite', dir })).toBe('128MB');
  });

  it('in memory: 128 MB', async () => {
    expect(await sharedBuffers({ engine: 'memory' })).toBe('128MB');
  });
});
