import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own, on a port of its own (55xx), that the test may stop,
 * crash and restart: fault tests never touch the machine's shared server on 5432. initdb,
 * pg_basebackup and pg_ctl run as the `postgres` user when the tests run as root (PostgreSQL
 * refuses root). A cluster can be a streaming replica of another (`replicaOf`).
 */
export interface PrivateCluster {
  readonly port: number;
  /** postgres://postgres@127.0.0.1:PORT/<database> */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** `fast` ends every session with an error first; `immediate` kills the server as a crash would. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the server if it runs and deletes its files. */
  destroy(): Promise<void>;
  /** Stops the server cleanly, copies its data directory to `dir` (a template), starts it again. */
  saveData(dir: string): Promise<void>;
  /** The server's log so far (with `log_statement=all` in `settings`, every statement it ran). */
  log(): string;
}

export interface PrivateClusterOptions {
  /** A data directory saved by `saveData`: copied instead of running initdb. */
  readonly template?: string;
  /**
   * A streaming replica of this running cluster: its data directory is a `pg_basebackup -R` of
   * it (standby.signal and primary_conninfo written), and it starts as a hot standby.
   */
  readonly replicaOf?: PrivateCluster;
  /** More server settings, `name=value` (e.g. `log_statement=all`). */
  readonly settings?: readonly string[];
}

function asPostgresUser(): { user: string | null } {
  return { user: process.getuid?.() === 0 ? 'postgres' : null };
}

function command(bin: string, args: string[]): [string, string[]] {
  const { user } = asPostgresUser();
  return user ? ['runuser', ['-u', user, '--', bin, ...args]] : [bin, args];
}

async function freePort(): Promise<number> {
  const tried = new Set<number>();
  while (tried.size < 100) {
    const port = 5500 + Math.floor(Math.random() * 100);
    if (tried.has(port)) continue;
    tried.add(port);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free && !fs.existsSync(`/tmp/.s.PGSQL.${port}`)) return port;
  }
  throw new Error('no free port in 5500-5599 for a private PostgreSQL cluster');
}

/**
 * initdb into a temporary directory and start the server (about 2-4 s).
 *
 * @example
 * const cluster = await startPrivateCluster();
 * await cluster.createDatabase('jejaring_faults');
 * await cluster.stop('immediate'); await cluster.start();
 * await cluster.destroy();
 */
export async function startPrivateCluster(given: PrivateClusterOptions = {}): Promise<PrivateCluster> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-pg-'));
  const data = path.join(root, 'data');
  if (asPostgresUser().user) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    fs.chownSync(root, uid, gid);
  }
  let port = await freePort();
  const pgCtl = (args: string[]) => run(...command('pg_ctl', ['-D', data, ...args]));
  if (given.template) {
    // cp -a keeps the owner (postgres) and the 0700 mode PostgreSQL insists on.
    await run('cp', ['-a', given.template, data]);
  } else if (given.replicaOf) {
    // The primary's pg_hba.conf (initdb -A trust) lets 127.0.0.1 connect for replication.
    const source = ['-h', '127.0.0.1', '-p', String(given.replicaOf.port), '-U', 'postgres'];
    await run(
      ...command('pg_basebackup', [...source, '-D', data, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']),
    );
  } else {
    await run(
      ...command('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']),
    );
  }
  const options = () =>
    [
      `-p ${port}`,
      `-k ${root}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c max_connections=40',
      '-c shared_buffers=16MB',
      // Streaming replication (PostgreSQL 15's defaults, stated): a replica needs WAL senders.
      '-c wal_level=replica',
      '-c max_wal_senders=4',
      ...(given.settings ?? []).map((setting) => `-c ${setting}`),
    ].join(' ');
  let running = false;
  const start = async () => {
    await pgCtl(['-o', options(), '-l', path.join(root, 'log'), '-w', '-t', '30', 'start']);
    running = true;
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await pgCtl(['-m', mode, '-w', '-t', '30', 'stop']);
    running = false;
  };
  // A test that dies half-way must not leave a server behind.
  const onExit = () => {
    if (!running) return;
    try {
      execFileSync(...command('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
    } catch {}
  };
  process.on('exit', onExit);
  // Another test file may have picked the same port a moment ago: then try another.
  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      port = await freePort();
    }
  }
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    start,
    stop,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
    },
    async saveData(dir) {
      await stop('fast');
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      await run('cp', ['-a', data, dir]);
      await start();
    },
    log: () => fs.readFileSync(path.join(root, 'log'), 'utf8'),
    async destroy() {
      process.off('exit', onExit);
      if (running) await stop('immediate').catch(() => {});
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
