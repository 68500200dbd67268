import { type ChildProcess, execFile, spawn } from 'node:child_process';
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
const DB_ROOT = new URL('..', import.meta.url).pathname;
const BOOT_ID = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

/** A process's start time in clock ticks since boot (field 22 of /proc/PID/stat), computed here independently. */
function startTimeOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
}

// The lock guards PGlite's data directory; PostgreSQL needs none, so this runs on PGlite only.
describe('the PGlite data directory lock', () => {
  let dir: string;
  let first: DatabaseHandle | null = null;
  /*
   * Each test first puts the directory in the state it starts from: opened (and locked) by this
   * process as `first`, or closed; a test that leaves a lock of another process removes it. So
   * the tests pass in any order.
   */
  const holding = async (): Promise<DatabaseHandle> => {
    first ??= await openDatabase({ engine: 'pglite', dir });
    return first;
  };
  const released = async () => {
    await first?.close();
    first = null;
  };

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
  const writeLock = (owner: { pid: number; bootId: string; startTime: number }, at = dir) =>
    fs.writeFileSync(`${at}.lock`, `${JSON.stringify(owner)}\n`);

  afterAll(async () => {
    await first?.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('makes a second process on the same directory exit with a clear message', async () => {
    await holding();
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
    await holding();
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
    expect(await count(await holding())).toBe(200);
    await released();
    const reopened = await openDatabase({ engine: 'pglite', dir });
    try {
      expect(await count(reopened)).toBe(200);
    } finally {
      await reopened.close();
    }
  });

  it('takes over a stale lock whose owner has exited', async () => {
    await released();
    fs.writeFileSync(`${dir}.lock`, '2147483646\n'); // an older lock file: a PID of no process
    const handle = await openDatabase({ engine: 'pglite', dir });
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8'))).toMatchObject({
      pid: process.pid,
      bootId: BOOT_ID,
      startTime: startTimeOf(process.pid),
    });
    await handle.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('takes over a lock left by an earlier process that had the same PID (a restarted container)', async () => {
    await released();
    writeLock({ pid: process.pid, bootId: BOOT_ID, startTime: startTimeOf(process.pid) - 500 });
    const handle = await openDatabase({ engine: 'pglite', dir });
    await handle.close();
  });

  describe('with a PID that belongs to a live process', () => {
    let other: ChildProcess;
    beforeAll(() => {
      other = spawn('sleep', ['60'], { stdio: 'ignore' });
    });
    afterAll(() => {
      other.kill('SIGKILL');
    });

    it('refuses while that process is the one that wrote the lock', async () => {
      await released();
      const pid = other.pid as number;
      writeLock({ pid, bootId: BOOT_ID, startTime: startTimeOf(pid) });
      try {
        await expect(openDatabase({ engine: 'pglite', dir })).rejects.toThrow(
          `The database directory ${dir} is in use by another Jejaring process (pid ${pid})`,
        );
      } finally {
        fs.rmSync(`${dir}.lock`); // the live process's lock would refuse every later open
      }
    });

    it('takes over when the PID was reused by another process (a different start time)', async () => {
      await released();
      const pid = other.pid as number;
      writeLock({ pid, bootId: BOOT_ID, startTime: startTimeOf(pid) - 1 });
      const handle = await openDatabase({ engine: 'pglite', dir });
      await handle.close();
    });

    it('takes over a lock written before the machine last booted', async () => {
      await released();
      const pid = other.pid as number;
      writeLock({ pid, bootId: '00000000-0000-0000-0000-000000000000', startTime: startTimeOf(pid) });
      const handle = await openDatabase({ engine: 'pglite', dir });
      await handle.close();
    });
  });

  it('lets exactly one of six processes that find the same stale lock at once take it', async () => {
    const raceDir = path.join(path.dirname(dir), 'race');
    const go = `${raceDir}.go`;
    writeLock({ pid: 2147483646, bootId: BOOT_ID, startTime: 1 }, raceDir);
    // Each waits for the go file, then takes the lock (db/src/lock.ts alone, no PGlite) and holds it for 2 s.
    const script = `
      import fs from 'node:fs';
      import { lockDirectory } from './src/lock.ts';
      console.log('ready');
      while (!fs.existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 1));
      try { lockDirectory(${JSON.stringify(raceDir)}); console.log('won'); await new Promise((r) => setTimeout(r, 2000)); }
      catch (error) { console.log(error.name === 'DirectoryLockedError' ? 'refused' : String(error)); }`;
    const children = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--import', 'tsx/esm', '--input-type=module', '-e', script], {
        cwd: DB_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    const outputs = children.map(
      (child) =>
        new Promise<string>((resolve) => {
          let out = '';
          child.stdout?.on('data', (chunk: Buffer) => {
            out += chunk.toString();
          });
          child.on('exit', () => resolve(out));
        }),
    );
    const ready = children.map((child) => new Promise<void>((resolve) => child.stdout?.once('data', () => resolve())));
    await Promise.all(ready);
    fs.writeFileSync(go, '');
    const results = (await Promise.all(outputs)).map((out) => out.replace('ready', '').trim());
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'refused')).toHaveLength(5);
    expect(fs.existsSync(`${raceDir}.lock`)).toBe(false); // released at the winner's exit
  }, 60_000);
});
