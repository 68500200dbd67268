import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestPgliteDir } from '@jejaring/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { exitWithin, ROOT, type ServerProcess, spawnServer } from '../support/process.ts';

const run = promisify(execFile);

describe('the server process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-process-'));
  const servers: ServerProcess[] = [];
  afterAll(() => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops on SIGTERM within seconds, releasing the PGlite directory for the next process', async () => {
    const data = await createTestPgliteDir(path.join(dir, 'pglite'));
    for (const round of [1, 2]) {
      const server = spawnServer({ PGLITE_DIR: data, LOG_LEVEL: 'warn' });
      servers.push(server);
      const url = await server.url;
      expect((await fetch(`${url}/readyz`)).status, `round ${round}`).toBe(200);
      server.child.kill('SIGTERM');
      expect(await exitWithin(server, 15_000), `round ${round}`).toBe(0);
      expect(fs.existsSync(`${data}.lock`), `round ${round}: lock left behind`).toBe(false);
    }
  }, 120_000);

  /** The compiled server on a PGlite directory of its own, listening. */
  async function listening(name: string): Promise<{ server: ServerProcess; data: string }> {
    const data = await createTestPgliteDir(path.join(dir, name));
    const server = spawnServer({ PGLITE_DIR: data });
    servers.push(server);
    await server.url;
    return { server, data };
  }

  it('stops gracefully on SIGHUP (the terminal it ran in was closed): exit code 0, lock released', async () => {
    const { server, data } = await listening('pglite-hup');
    server.child.kill('SIGHUP');
    expect(await exitWithin(server, 15_000)).toBe(0);
    expect(server.logs().map((line) => line.msg)).toContain('stopped');
    expect(fs.existsSync(`${data}.lock`), 'lock left behind').toBe(false);
  }, 60_000);

  it('stops on SIGTERM, exit code 0, when the reader of its log has gone away', async () => {
    // A supervisor or a pipe (`npm start | tee`, a journal restarted) that ends before the server:
    // the log lines written from then on fail with EPIPE, and the server must still stop.
    const { server, data } = await listening('pglite-gone');
    server.child.stdout?.destroy();
    server.child.stderr?.destroy();
    // 'exit', not exitWithin's 'close': the output streams were destroyed here.
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
    expect(await Promise.race([exited, timeout])).toBe(0);
    expect(fs.existsSync(`${data}.lock`), 'lock left behind').toBe(false);
  }, 60_000);

  it('refuses to start on a port another process holds: exit 1, says why, lock released', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const port = (holder.address() as net.AddressInfo).port;
      const data = await createTestPgliteDir(path.join(dir, 'pglite-port'));
      const server = spawnServer({ PGLITE_DIR: data, PORT: String(port) });
      servers.push(server);
      expect(await exitWithin(server, 30_000)).toBe(1);
      expect(server.stderr()).toContain(`error: cannot listen on 127.0.0.1:${port}: another process uses that port`);
      expect(server.logs().map((line) => line.msg)).not.toContain('listening');
      expect(fs.existsSync(`${data}.lock`), 'lock left behind').toBe(false);
    } finally {
      holder.close();
    }
  }, 60_000);

  it('refuses to start on a HOST that is not an address of this machine: exit 1, says why', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737), reserved for documentation: no machine has it.
    const data = await createTestPgliteDir(path.join(dir, 'pglite-host'));
    const server = spawnServer({ PGLITE_DIR: data, HOST: '192.0.2.1' });
    servers.push(server);
    expect(await exitWithin(server, 30_000)).toBe(1);
    expect(server.stderr()).toContain('error: cannot listen on 192.0.2.1:0: HOST is not an address of this machine');
  }, 60_000);

  it('logs an unhandled rejection and keeps running; logs an uncaught exception and exits 1 after closing', async () => {
    // The handlers main.ts installs (server/src/shutdown.ts guardProcess), in a process of their own.
    const script = `
      import { createLogger } from './server/src/logger.ts';
      import { guardProcess } from './server/src/shutdown.ts';
      guardProcess(createLogger('info'), async () => { console.log(JSON.stringify({ msg: 'closed' })); });
      Promise.reject(new Error('a forgotten await'));
      setTimeout(() => { console.log(JSON.stringify({ msg: 'alive' })); throw new Error('thrown in a timer'); }, 200);
      setTimeout(() => console.log(JSON.stringify({ msg: 'never' })), 4000);`;
    const failure = await run(process.execPath, ['--import', 'tsx/esm', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: 'server/tsconfig.json' },
    }).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const lines = (failure?.stdout ?? '')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const said = lines.map((line) => [line.msg, line.err?.message, line.level]);
    // The logger and console.log are two writers: only the order within each is certain.
    expect(said.slice(0, 2)).toEqual([
      ['unhandled promise rejection (the server keeps running)', 'a forgotten await', 50],
      ['alive', undefined, undefined],
    ]);
    expect(said.slice(2)).toEqual(
      expect.arrayContaining([
        [
          'uncaught exception: exiting with code 1 so the service manager restarts a clean process',
          'thrown in a timer',
          60,
        ],
        ['closed', undefined, undefined],
      ]),
    );
    expect(said).toHaveLength(4); // 'never' was not reached
  });
});
