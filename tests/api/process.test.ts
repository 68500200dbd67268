import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Starts server/src/main.ts as `pnpm start` runs it (NODE_ENV=production), on PGlite in `dir`. */
function startProcess(dir: string): { child: ChildProcess; url: Promise<string>; exit: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TSX_TSCONFIG_PATH: 'server/tsconfig.json',
    PGLITE_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx/esm', 'server/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /GraphQL\s+(http:\/\/\S+)\/graphql/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${stderr}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exit };
}

describe('the server process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-process-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops on SIGTERM within seconds, releasing the PGlite directory for the next process', async () => {
    const data = path.join(dir, 'pglite');
    for (const round of [1, 2]) {
      const server = startProcess(data);
      children.push(server.child);
      const url = await server.url;
      expect((await fetch(`${url}/readyz`)).status, `round ${round}`).toBe(200);
      server.child.kill('SIGTERM');
      const code = await Promise.race([
        server.exit,
        new Promise<string>((resolve) => setTimeout(() => resolve('still running after 15 s'), 15_000)),
      ]);
      expect(code, `round ${round}`).toBe(0);
      expect(fs.existsSync(`${data}.lock`), `round ${round}: lock left behind`).toBe(false);
    }
  }, 120_000);
});
