/**
 * Side by side with PostGraphile v5 (`pnpm bench:peer`): our server (its own process,
 * NODE_ENV=production, as the API benchmark starts it) and PostGraphile (installed outside the
 * workspace, see peer/postgraphile.ts) on the same PostgreSQL database, for three list queries:
 *   - a page of 50 enterprises with their region and products,
 *   - a page of 100 transactions with buyer and seller,
 *   - an agency with its network units.
 * Before timing, every request variant is sent to both servers and must return the same rows (the
 * same ids, as many). Then, per query, the same closed-loop load (BENCH_CONCURRENCY clients for
 * BENCH_SECONDS) alternates: ours, theirs, ours, theirs… BENCH_ROUNDS rounds each, after a warm-up.
 * Prints p50/p95/p99, requests/s, the server's CPU and PostgreSQL's (every postgres process on the
 * machine) per request per server, the ratios ours/theirs and
 * the load average; writes bench-results/peer.json. PostGraphile only reads (read-only transactions).
 *
 * Our server is the compiled build (tests/bench/api/process.ts) with LOG_LEVEL=warn, as in bench:api, and
 * the benchmark's address exempt from the rate limit (RATE_LIMIT_EXEMPT): the load comes from one
 * account at one address.
 *
 * Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/jejaring_scale10, loaded by
 * `pnpm cli demo --scale 10`), BENCH_CONCURRENCY (4), BENCH_SECONDS (10), BENCH_ROUNDS (3),
 * BENCH_PAGES (page variants per list, 40), PEER_CACHE_DIR (where PostGraphile is installed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadServerConfig } from '@jejaring/server/config';
import { freePort, startServerProcess } from './api/process.ts';
import { analystHeaders } from './api/sign-in.ts';
import { type Round, runRound, type Target } from './peer/load.ts';
import { installPostgraphile, POSTGRAPHILE_VERSION, startPostgraphile } from './peer/postgraphile.ts';
import { buildPeerQueries, type PeerQuery, type Post } from './peer/queries.ts';
import { type PeerResult, printPeerResults, type ServerFigures, summarise } from './peer/report.ts';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jejaring_scale10';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PAGES = Number(process.env.BENCH_PAGES ?? 40);
const WARMUP_SECONDS = 3;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const OUT = path.join(ROOT, 'bench-results/peer.json');

const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

/** Sends every variant to both servers; throws unless each pair returns the same rows. */
async function checkSameRows(post: Post, query: PeerQuery, ours: string, theirs: string): Promise<number> {
  let rows = 0;
  for (const variant of query.variants) {
    const a = query.oursRows(await post(ours, query.ours, variant.ours));
    const b = query.theirsRows(await post(theirs, query.theirs, variant.theirs));
    if (a.length !== b.length || a.some((key, i) => key !== b[i]))
      throw new Error(
        `${query.name}, ${variant.label}: the servers return different rows (${a.length} against ${b.length}; first difference ${a.find((k, i) => k !== b[i])})`,
      );
    rows += a.length;
  }
  return rows / query.variants.length;
}

async function main(): Promise<void> {
  const started = performance.now();
  process.stderr.write(`bench:peer on ${DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}\n`);
  const versions = installPostgraphile();
  const tenant = loadServerConfig({ ...process.env, DATABASE_URL }).db.tenant;
  // The load comes from one address and one account: exempt it from the rate limit (as bench:soak does).
  process.env.RATE_LIMIT_EXEMPT ??= '127.0.0.1,::1,::ffff:127.0.0.1';
  const ours = await startServerProcess(ROOT, DATABASE_URL, await freePort());
  const theirs = await startPostgraphile(DATABASE_URL, await freePort()).catch((error: unknown) => {
    ours.child.kill('SIGTERM');
    throw error;
  });
  process.stderr.write(
    `ours: pid ${ours.child.pid} at ${ours.url}; PostGraphile: pid ${theirs.child.pid} at ${theirs.url}\n`,
  );
  try {
    const signedIn = await analystHeaders(ours.url);
    const post: Post = async (url, query, variables) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(url === ours.url ? signedIn : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 500)}`);
      return body.data;
    };
    process.stderr.write('collecting cursors on both servers…\n');
    const queries = await buildPeerQueries(post, { ours: ours.url, theirs: theirs.url }, tenant, PAGES);
    const loadAtStart = loadAverage();
    const results: PeerResult[] = [];
    for (const query of queries) {
      const rowsPerRequest = await checkSameRows(post, query, ours.url, theirs.url);
      process.stderr.write(
        `${query.name}: ${query.variants.length} variants, the same rows on both (${rowsPerRequest.toFixed(1)} a request)\n`,
      );
      const targets: Record<'ours' | 'theirs', Target> = {
        ours: {
          url: ours.url,
          headers: signedIn,
          query: query.ours,
          variables: query.variants.map((v) => v.ours),
          pid: ours.child.pid,
        },
        theirs: {
          url: theirs.url,
          headers: {},
          query: query.theirs,
          variables: query.variants.map((v) => v.theirs),
          pid: theirs.child.pid,
        },
      };
      const rounds: Record<'ours' | 'theirs', Round[]> = { ours: [], theirs: [] };
      for (const side of ['ours', 'theirs'] as const) await runRound(targets[side], CONCURRENCY, WARMUP_SECONDS);
      for (let round = 1; round <= ROUNDS; round++) {
        for (const side of ['ours', 'theirs'] as const) {
          const measured = await runRound(targets[side], CONCURRENCY, SECONDS);
          rounds[side].push(measured);
          process.stderr.write(
            `  round ${round} ${side.padEnd(6)} ${measured.latencies.length} requests, ${measured.errors} errors, load ${loadAverage().join(' ')}\n`,
          );
        }
      }
      const figures: Record<'ours' | 'theirs', ServerFigures> = {
        ours: summarise(rounds.ours),
        theirs: summarise(rounds.theirs),
      };
      results.push({ query: query.name, variants: query.variants.length, rowsPerRequest, ...figures });
    }
    const loadAtEnd = loadAverage();
    printPeerResults(results, { concurrency: CONCURRENCY, seconds: SECONDS, rounds: ROUNDS, loadAtStart, loadAtEnd });
    const report = {
      benchmark: 'peer',
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadAtEnd,
      database: DATABASE_URL.replace(/:[^:@/]*@/, ':***@'),
      ours: { nodeEnv: 'production', entry: 'server/dist/src/main.js' },
      theirs: { postgraphile: POSTGRAPHILE_VERSION, versions, preset: 'amber' },
      concurrency: CONCURRENCY,
      secondsPerRound: SECONDS,
      rounds: ROUNDS,
      results,
      durationSeconds: Math.round((performance.now() - started) / 1000),
    };
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nwrote ${OUT}\n`);
    if (results.some((r) => r.ours.errors > 0 || r.theirs.errors > 0)) process.exitCode = 1;
  } finally {
    ours.child.kill('SIGTERM');
    theirs.child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:peer failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
