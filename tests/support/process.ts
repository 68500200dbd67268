import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { COMPILED_SERVER_ARGS } from './server-build.ts';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** The compiled server (server/dist) running in a child process, as `pnpm start` runs it (NODE_ENV=production). */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** The base URL, once it listens (rejects if the process exits first). */
  readonly url: Promise<string>;
  /** The exit code (null when killed by a signal). */
  readonly exit: Promise<number | null>;
  /** The JSON log lines written so far (stdout). */
  logs(): Array<Record<string, unknown>>;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/**
 * Starts the server process with `env` on top of the test's environment: PGlite in `PGLITE_DIR`
 * unless `DATABASE_URL` is given, on a free port, without demo data, logging at `info`.
 *
 * @example
 * const server = spawnServer({ PGLITE_DIR: dir });
 * const url = await server.url;
 * server.child.kill('SIGTERM'); expect(await server.exit).toBe(0);
 */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    RATE_LIMIT_EXEMPT: '127.0.0.1,::1,::ffff:127.0.0.1',
  };
  delete childEnv.DATABASE_URL;
  Object.assign(childEnv, env);
  // Built by the projects' globalSetup (tests/support/build-server.setup.ts).
  const child = spawn(process.execPath, COMPILED_SERVER_ARGS, {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const url = new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /GraphQL\s+(http:\/\/\S+)\/graphql/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${stderr}`)));
  });
  url.catch(() => {}); // awaited by the test; an early exit must not be an unhandled rejection
  // 'close', not 'exit': a process can exit before its last output has been read here, and
  // `logs()` must then hold every line it wrote ('close' comes once its output streams ended).
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    url,
    exit,
    logs: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stderr: () => stderr,
  };
}

/** Resolves with the exit code, or with `timeout` when the process is still running after `ms`. */
export function exitWithin(server: ServerProcess, ms: number): Promise<number | null | 'timeout'> {
  return Promise.race([
    server.exit,
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref()),
  ]);
}

/** Polls `check` every 50 ms until it returns true or `ms` pass; returns how long it took, or null. */
export async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}
