import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { COMPILED_SERVER_ARGS, ensureServerBuilt } from '../../support/server-build.ts';

/* The API benchmark's server process, its CPU time and PostgreSQL's, and a statement counter for the in-process probe. */

/** The CPU time (user + system) in a process's /proc/PID/stat text, in ms. */
function statCpuMs(stat: string): number {
  const fields = stat.split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command; clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; NaN elsewhere). */
export function cpuMs(pid: number | undefined): number {
  try {
    return statCpuMs(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU milliseconds spent so far by each PostgreSQL process on this machine, by process id (Linux
 * /proc; empty elsewhere): statements run on several connections, parallel workers count too.
 */
export function postgresCpuSnapshot(): Map<number, number> {
  const cpu = new Map<number, number>();
  if (!fs.existsSync('/proc')) return cpu;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    if (stat.includes('(postgres)')) cpu.set(Number(entry), statCpuMs(stat));
  }
  return cpu;
}

/**
 * CPU milliseconds the PostgreSQL processes spent since `before` (postgresCpuSnapshot): each running
 * process's own increase, a process started since counting whole. A process that ended meanwhile
 * counts nothing (its last moments are lost), so the figure can only be low, never negative; and it
 * includes anything else the database server does meanwhile: measure on a quiet database.
 */
export function postgresCpuSince(before: ReadonlyMap<number, number>): number {
  let ms = 0;
  for (const [pid, cpu] of postgresCpuSnapshot()) ms += cpu - (before.get(pid) ?? 0);
  return ms;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Spawns `node args…` in `cwd` and waits (up to 120 s) until `ready(url)` holds, keeping its stderr
 * for the error when it exits or never gets ready. Shared by the benches' server processes.
 */
export async function spawnUntilReady(
  name: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; port: number; ready: (url: string) => Promise<boolean> },
): Promise<{ url: string; child: ChildProcess }> {
  // node itself, so the child's pid is the server's and its CPU time can be read.
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${stderr}`);
    if (await options.ready(url).catch(() => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`${name} did not become ready in 120 s:\n${stderr}`);
}

/** Starts the compiled server (`pnpm start`'s, built when stale) in its own process and waits until /readyz answers 200. */
export async function startServerProcess(
  root: string,
  databaseUrl: string,
  port: number,
): Promise<{ url: string; child: ChildProcess }> {
  ensureServerBuilt(root);
  return spawnUntilReady('the server', COMPILED_SERVER_ARGS, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'off',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    port,
    ready: async (url) => (await fetch(`${url}/readyz`)).status === 200,
  });
}

/** Counts the SQL statements the server runs (once per result), to report statements per request. */
export class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    return args.result;
  }
}
