/**
 * Two builds of the server side by side (`pnpm bench:ab --a DIR --b DIR`): for a change too small
 * for runs one after the other to show. These machines' speed drifts by 10–20 % from one run to the
 * next, so both builds serve at the same time, on the same database, under the same closed-loop
 * load (--clients per build, for --seconds per round, --rounds rounds after a warm-up); the drift
 * then hits both alike. Per round it prints each build's requests, CPU per request (its process,
 * from /proc) and p95, and the ratios B/A; at the end the median CPU ratio and the throughput ratio.
 * Before timing, the builds must answer every request variant with the same bytes.
 *
 * A and B are checkouts with their dependencies installed (`pnpm install`); each is built when
 * stale. For the commit before a change: `git worktree add ../before HEAD~1`, then
 * `pnpm install --frozen-lockfile` there. Both run as `pnpm start` does (compiled, NODE_ENV=production).
 *
 * Options: --a DIR, --b DIR (default: this checkout), --query enterprises|transactions (the API
 * benchmark's pages, tests/bench/api/scenarios.ts), --clients N (2), --seconds N (7), --rounds N (8).
 * Environment: DATABASE_URL (default jejaring_scale10, `pnpm cli demo --scale 10`). Writes
 * bench-results/ab.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuMs, freePort, startServerProcess } from './api/process.ts';
import { ENTERPRISES, TRANSACTIONS } from './api/scenarios.ts';
import { analystHeaders } from './api/sign-in.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jejaring_scale10';
const QUERIES = { enterprises: ENTERPRISES, transactions: TRANSACTIONS } as const;
const QUERY_NAME = (option('query') ?? 'enterprises') as keyof typeof QUERIES;
const QUERY = QUERIES[QUERY_NAME];
const CLIENTS = Number(option('clients') ?? 2);
const SECONDS = Number(option('seconds') ?? 7);
const ROUNDS = Number(option('rounds') ?? 8);
const PAGES = 30;

interface Build {
  readonly name: 'A' | 'B';
  readonly dir: string;
  readonly url: string;
  readonly pid: number | undefined;
  readonly headers: Record<string, string>;
  readonly stop: () => void;
}

async function start(name: 'A' | 'B', dir: string): Promise<Build> {
  // The server as the API benchmark runs it (built when stale, compiled, NODE_ENV=production).
  const { url, child } = await startServerProcess(dir, DATABASE_URL, await freePort());
  const headers = { 'content-type': 'application/json', ...(await analystHeaders(url)) };
  return { name, dir, url, pid: child.pid, headers, stop: () => child.kill('SIGTERM') };
}

async function post(build: Build, variables: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${build.url}/graphql`, {
    method: 'POST',
    headers: build.headers,
    body: JSON.stringify({ query: QUERY, variables }),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"'))
    throw new Error(`${build.name}: ${response.status} ${text.slice(0, 300)}`);
  return text;
}

/** The first page and the pages after it, by the list's own end cursors. */
async function variants(build: Build): Promise<Array<Record<string, unknown>>> {
  const found: Array<Record<string, unknown>> = [{}];
  for (let i = 0; i < PAGES; i++) {
    const data = JSON.parse(await post(build, found.at(-1) ?? {})) as {
      data: Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string } }>;
    };
    const page = Object.values(data.data)[0];
    if (!page?.pageInfo.hasNextPage) break;
    found.push({ after: page.pageInfo.endCursor });
  }
  return found;
}

interface Side {
  readonly requests: number;
  readonly cpuPerRequest: number;
  readonly p95: number;
}

/** One round: CLIENTS clients per build, all at once; what each build served and spent. */
async function round(builds: readonly Build[], vars: ReadonlyArray<Record<string, unknown>>, seconds: number) {
  const until = performance.now() + seconds * 1000;
  const latencies: number[][] = builds.map(() => []);
  const cpuFrom = builds.map((b) => cpuMs(b.pid));
  await Promise.all(
    builds.flatMap((build, k) =>
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let n = client; performance.now() < until; n += CLIENTS) {
          const t0 = performance.now();
          await post(build, vars[n % vars.length] ?? {});
          latencies[k]?.push(performance.now() - t0);
        }
      }),
    ),
  );
  return builds.map((build, k): Side => {
    const sorted = (latencies[k] ?? []).sort((x, y) => x - y);
    return {
      requests: sorted.length,
      cpuPerRequest: (cpuMs(build.pid) - (cpuFrom[k] ?? 0)) / sorted.length,
      p95: sorted[Math.floor(0.95 * (sorted.length - 1))] ?? Number.NaN,
    };
  });
}

const median = (values: number[]) =>
  [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
const fixed = (n: number, digits = 2) => n.toFixed(digits);
const load = () => os.loadavg().map((l) => fixed(l));

async function main(): Promise<void> {
  // The load comes from one address and one account: exempt it from the rate limit (as bench:peer does).
  process.env.RATE_LIMIT_EXEMPT ??= '127.0.0.1,::1,::ffff:127.0.0.1';
  const dirA = path.resolve(option('a') ?? ROOT);
  const dirB = path.resolve(option('b') ?? ROOT);
  const builds = [await start('A', dirA), await start('B', dirB)];
  try {
    const vars = await variants(builds[0] as Build);
    for (const v of vars) {
      const [a, b] = await Promise.all(builds.map((build) => post(build, v)));
      if (a !== b) throw new Error(`A and B answer ${JSON.stringify(v)} differently`);
    }
    process.stdout.write(
      `bench:ab, ${QUERY_NAME}: A ${dirA}, B ${dirB}; ${vars.length} pages, the same answers from both; ${CLIENTS} clients each, ${ROUNDS} rounds of ${SECONDS} s; load ${load().join(' ')}\n\n`,
    );
    await round(builds, vars, 15); // warm-up: the first seconds run on code V8 has not optimised yet
    const rounds: Side[][] = [];
    process.stdout.write(
      '| round | A requests | A CPU ms/req | A p95 ms | B requests | B CPU ms/req | B p95 ms | CPU B/A |\n',
    );
    process.stdout.write('|---:|---:|---:|---:|---:|---:|---:|---:|\n');
    for (let i = 1; i <= ROUNDS; i++) {
      const [a, b] = (await round(builds, vars, SECONDS)) as [Side, Side];
      rounds.push([a, b]);
      process.stdout.write(
        `| ${i} | ${a.requests} | ${fixed(a.cpuPerRequest)} | ${fixed(a.p95, 1)} | ${b.requests} | ${fixed(b.cpuPerRequest)} | ${fixed(b.p95, 1)} | ${fixed(b.cpuPerRequest / a.cpuPerRequest, 3)} |\n`,
      );
    }
    const cpuRatio = median(rounds.map(([a, b]) => (b as Side).cpuPerRequest / (a as Side).cpuPerRequest));
    const total = (k: number) => rounds.reduce((sum, sides) => sum + (sides[k]?.requests ?? 0), 0);
    const throughputRatio = total(1) / total(0);
    process.stdout.write(
      `\nmedian CPU per request B/A ${fixed(cpuRatio, 3)}; requests B/A ${fixed(throughputRatio, 3)}; load ${load().join(' ')}\n`,
    );
    const out = path.join(ROOT, 'bench-results/ab.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      `${JSON.stringify({ query: QUERY_NAME, a: dirA, b: dirB, clients: CLIENTS, seconds: SECONDS, rounds, cpuRatio, throughputRatio, loadAverageAtEnd: os.loadavg() }, null, 2)}\n`,
    );
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    for (const build of builds) build.stop();
  }
}

await main();
