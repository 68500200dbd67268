import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnUntilReady } from '../api/process.ts';

/*
 * PostGraphile v5 for the side-by-side benchmark, kept out of the workspace: installed once with npm
 * into a cache directory outside the repository (not a project dependency), started as a child
 * process from a small server file written there.
 */

export const POSTGRAPHILE_VERSION = '5.1.5';

/** Where PostGraphile is installed: PEER_CACHE_DIR, else ~/.cache/jejaring-bench/postgraphile-<version>. */
export function postgraphileDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return process.env.PEER_CACHE_DIR ?? path.join(base, 'jejaring-bench', `postgraphile-${POSTGRAPHILE_VERSION}`);
}

/** Node 20 lacks Promise.withResolvers, which PostGraphile v5 uses: preloaded with `node --import`. */
const POLYFILL = `if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
`;

/*
 * The Amber preset as it comes, with two plugins off: mutations (the benchmark only reads; the pool's
 * transactions are read-only as well) and PgIndexBehaviorsPlugin, which hides relations without a
 * full index: the parent → units relation of party is indexed by a partial index
 * (WHERE parent_id IS NOT NULL), which it ignores. Same pool size as our server (10).
 */
const SERVER = `import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const port = Number(process.env.PORT);
const preset = {
  extends: [PostGraphileAmberPreset],
  disablePlugins: ['PgIndexBehaviorsPlugin', 'MutationPlugin'],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['public'],
      poolConfig: { max: 10, options: '-c default_transaction_read_only=on' },
    }),
  ],
  grafserv: { port, graphiql: false, watch: false },
  grafast: { explain: false },
};
const serv = postgraphile(preset).createServ(grafserv);
const server = createServer();
await serv.addTo(server);
server.listen(port, '127.0.0.1');
`;

/** Installs PostGraphile into its cache directory unless it is there; returns the installed versions. */
export function installPostgraphile(): Record<string, string> {
  const dir = postgraphileDir();
  const installed = path.join(dir, 'node_modules/postgraphile/package.json');
  const version = () => (JSON.parse(fs.readFileSync(installed, 'utf8')) as { version: string }).version;
  if (!fs.existsSync(installed) || version() !== POSTGRAPHILE_VERSION) {
    process.stderr.write(`installing postgraphile@${POSTGRAPHILE_VERSION} into ${dir} (once)…\n`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `postgraphile@${POSTGRAPHILE_VERSION}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  fs.writeFileSync(path.join(dir, 'polyfill.mjs'), POLYFILL);
  fs.writeFileSync(path.join(dir, 'server.mjs'), SERVER);
  const versionOf = (name: string) =>
    (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  return Object.fromEntries(['postgraphile', 'grafast', 'graphile-build-pg', 'pg'].map((n) => [n, versionOf(n)]));
}

/** Starts PostGraphile (NODE_ENV=production) and waits until it answers a query. */
export async function startPostgraphile(
  databaseUrl: string,
  port: number,
): Promise<{ url: string; child: ChildProcess }> {
  return spawnUntilReady('PostGraphile', ['--import', './polyfill.mjs', 'server.mjs'], {
    cwd: postgraphileDir(),
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'production' },
    port,
    ready: async (url) =>
      (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
        })
      ).status === 200,
  });
}
