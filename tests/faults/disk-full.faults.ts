import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@jejaring/db';
import { checkPgliteIndexes } from '@jejaring/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { exitWithin, spawnServer } from '../support/process.ts';
import { adminHeaders, preparePgliteDir, TENANT } from './pglite-dir.ts';
import { errorCode, type Outcome, post, reportFigures, round, succeeded } from './support.ts';

const REGISTER = 'mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { enterprise { id name } } }';
const ABOUT = '{ about { tenantName demoData } }';
/** Free bytes left beside the database when the disk is "full". */
const LEFT_FREE = 96 * 1024;

/** Free bytes on the file system holding `dir` (df, in KiB blocks). */
function freeBytes(dir: string): number {
  const out = execFileSync('df', ['-k', '--output=avail', dir]).toString().trim().split('\n');
  return Number(out.at(-1)) * 1024;
}

// A PGlite directory on a small file system of its own (a 200 MB tmpfs; mounting needs root, as
// CI runs): filled up while the server writes, then freed again.
describe('the disk full under the embedded database', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-disk-full-'));
  const mount = path.join(root, 'disk');
  const dir = path.join(mount, 'pglite');
  const filler = path.join(mount, 'filler');
  let mounted = false;
  afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', mount]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses writes with a coded STORAGE_FULL (507), keeps reading, corrupts nothing and writes again once space returns', async () => {
    fs.mkdirSync(mount);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200m,mode=0700', 'tmpfs', mount], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(
        `this case needs a file system of its own and could not mount a tmpfs (run the suite as root, as CI does): ${(error as { stderr?: Buffer }).stderr?.toString().trim()}`,
      );
    }
    mounted = true;
    await preparePgliteDir(dir);
    const server = spawnServer({ PGLITE_DIR: dir, LOG_LEVEL: 'warn' });
    const url = await server.url;
    const headers = await adminHeaders(url);
    const write = (name: string) =>
      post(`${url}/graphql`, JSON.stringify({ query: REGISTER, variables: { input: { name } } }), headers);

    // Some writes while there is room; then fill the disk, leaving LEFT_FREE, and write until a
    // write is refused.
    const confirmed: string[] = [];
    for (let i = 0; i < 10; i++) {
      const name = `Usaha Sebelum Penuh ${i}`;
      if (succeeded(await write(name))) confirmed.push(name);
    }
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, freeBytes(mount) - LEFT_FREE)));
    let refused: Outcome | undefined;
    for (let i = 0; i < 5_000 && !refused; i++) {
      const name = `Usaha Disk Penuh ${String(i).padStart(4, '0')} ${'x'.repeat(150)}`;
      const outcome = await write(name);
      if (succeeded(outcome)) confirmed.push(name);
      else refused = outcome;
    }
    const readWhileFull = await post(`${url}/graphql`, JSON.stringify({ query: ABOUT }), headers);
    const healthz = (await fetch(`${url}/healthz`)).status;

    // Space returns: the very next write is stored, without a restart.
    fs.rmSync(filler);
    const freedAt = performance.now();
    const afterFreeing = await write('Usaha Setelah Dikosongkan');
    const resumeMs = performance.now() - freedAt;
    if (succeeded(afterFreeing)) confirmed.push('Usaha Setelah Dikosongkan');
    server.child.kill('SIGTERM');
    const exitCode = await exitWithin(server, 20_000);

    const handle = await openDatabase({ engine: 'pglite', dir });
    let stored: Set<string>;
    try {
      const rows = await handle.db
        .selectFrom('party')
        .select('name')
        .where('tenant_id', '=', TENANT)
        .where('name', 'like', 'Usaha %')
        .execute();
      stored = new Set(rows.map((row) => row.name));
    } finally {
      await handle.close();
    }
    const indexesChecked = await checkPgliteIndexes(dir);
    const message =
      refused?.kind === 'answer'
        ? (refused.json as { errors?: Array<{ message: string }> }).errors?.[0]?.message
        : undefined;
    reportFigures('disk-full', {
      fileSystem: 'tmpfs 200 MB',
      leftFreeBytes: LEFT_FREE,
      writesConfirmedBeforeTheRefusal: confirmed.length - (succeeded(afterFreeing) ? 1 : 0),
      refusal: refused?.kind === 'answer' ? { status: refused.status, code: errorCode(refused), message } : refused,
      readWhileFull: succeeded(readWhileFull),
      resumeMsAfterFreeing: round(resumeMs),
      exitCode,
      storedOfConfirmed: `${confirmed.filter((n) => stored.has(n)).length}/${confirmed.length}`,
      indexesChecked,
    });
    expect(refused?.kind === 'answer' && refused.status).toBe(507);
    expect(errorCode(refused as Outcome)).toBe('STORAGE_FULL');
    expect(message).toMatch(/Penyimpanan server penuh.*\/ The server's storage is full/);
    expect(succeeded(readWhileFull)).toBe(true);
    expect(healthz).toBe(200);
    expect(succeeded(afterFreeing)).toBe(true);
    expect(exitCode).toBe(0);
    expect(confirmed.length).toBeGreaterThanOrEqual(11);
    expect(confirmed.filter((name) => !stored.has(name))).toEqual([]);
    expect(indexesChecked).toBeGreaterThan(20);
  });
});
