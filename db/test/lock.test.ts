import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/connection.ts';
import { DirectoryLockedError } from '../src/lock.ts';
import { migrateToLatest } from '../src/migrate.ts';

const run = promisify(execFile);
const CLI = new URL('../src/cli.ts', import.meta.url).pathname;
const TSX = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;

// The lock guards PGlite's data directory; PostgreSQL needs none, so this runs on PGlite only.
describe('the PGlite data directory lock', () => {
  let dir: string;
  let first: DatabaseHandle;

  beforeAll(async () => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-lock-')), 'pglite');
    first = await openDatabase({ engine: 'pglite', dir });
    await migrateToLatest(first.db, '61.12');
    await first.db
      .insertInto('party')
      .values(
        Array.from({ length: 200 }, (_, i) => ({
          tenant_id: '61.12',
          ref: `E${i}`,
          kind: 'ENTERPRISE' as const,
          name: `Usaha ${i}`,
          region_code: '61.12',
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await first?.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('makes a second process on the same directory exit with a clear message', async () => {
    const second = run(TSX, [CLI, 'stats'], { env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' } });
    const failure = await second.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      `The database directory ${dir} is in use by another Jejaring process (pid ${process.pid})`,
    );
  });

  it('refuses a second open in the same process too', async () => {
    await expect(openDatabase({ engine: 'pglite', dir })).rejects.toThrow(DirectoryLockedError);
  });

  it('keeps every row the first process committed, before and after it closes', async () => {
    const count = async (handle: DatabaseHandle) =>
      (
        await handle.db
          .selectFrom('party')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    expect(await count(first)).toBe(200);
    await first.close();
    const reopened = await openDatabase({ engine: 'pglite', dir });
    try {
      expect(await count(reopened)).toBe(200);
    } finally {
      await reopened.close();
    }
  });

  it('takes over a stale lock whose owner has exited', async () => {
    fs.writeFileSync(`${dir}.lock`, '2147483646\n'); // no such process
    const handle = await openDatabase({ engine: 'pglite', dir });
    expect(fs.readFileSync(`${dir}.lock`, 'utf8').trim()).toBe(String(process.pid));
    await handle.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
