/**
 * API benchmark (`pnpm bench:api`): starts the real server (the compiled server/dist, in its own
 * process, NODE_ENV=production) on PostgreSQL with the demo data and measures two typical pages
 * at p50/p95 over many requests with varied cursors and filters:
 *   - 50 enterprises with their region and products,
 *   - 100 transactions with buyer and seller.
 * The SQL statements per request are counted on a second, in-process server with a counting
 * Kysely plugin (one request per scenario). Prints a table and writes bench-results/api.json.
 *
 * Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/jejaring_scale10, a
 * database loaded with `pnpm cli demo --scale 10`), BENCH_REQUESTS (per scenario, default 400),
 * BENCH_CONCURRENCY (default 4), TENANT (default 61.12).
 */
import fs from 'node:fs';
import path from 'node:path';
import { type DatabaseHandle, openDatabase } from '@jejaring/db';
import { loadServerConfig } from '@jejaring/server/config';
import { createLogger } from '@jejaring/server/logger';
import { startServer } from '@jejaring/server/start';
import { cpuMs, freePort, StatementCounter, startServerProcess } from './api/process.ts';
import { percentile, printResults, round, type ScenarioResult } from './api/report.ts';
import { buildScenarios, describeDataset, type Request } from './api/scenarios.ts';
import { analystHeaders } from './api/sign-in.ts';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jejaring_scale10';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const WARMUP = 20;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const OUT = path.join(ROOT, 'bench-results/api.json');

async function main(): Promise<void> {
  const started = performance.now();
  process.stderr.write(`bench:api on ${DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}\n`);
  const counter = new StatementCounter();
  const plain: DatabaseHandle = await openDatabase({ engine: 'postgres', url: DATABASE_URL }, { poolSize: 4 });
  const database: DatabaseHandle = { ...plain, db: plain.db.withPlugin(counter) };
  const config = loadServerConfig({
    ...process.env,
    DATABASE_URL,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'warn',
  });
  // The in-process server only counts statements; the timings come from the server process.
  const probeServer = await startServer(config, createLogger(config.logLevel), database);
  // The load comes from one address and one account: exempt it from the rate limit (as bench:peer does).
  process.env.RATE_LIMIT_EXEMPT ??= '127.0.0.1,::1,::ffff:127.0.0.1';
  const server = await startServerProcess(ROOT, DATABASE_URL, await freePort());
  process.stderr.write(`server process ${server.child.pid} listening on ${server.url}\n`);
  try {
    const db = plain.db;
    const tenant = config.db.tenant;
    const dataset = await describeDataset(db, tenant);
    process.stderr.write(`dataset: ${JSON.stringify(dataset)}\n`);
    if (dataset.transactions === 0)
      throw new Error('the database holds no transactions: load the demo first (pnpm cli demo --scale 10)');

    const signedIn = await analystHeaders(server.url);
    const gql = async (query: string, variables: Record<string, unknown>, url = server.url) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedIn },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    };

    const scenarios = await buildScenarios(gql, db, tenant, REQUESTS + WARMUP);

    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      const timings: number[] = [];
      const byLabel = new Map<string, number[]>();
      let errors = 0;
      let rows = 0;
      let done = 0;
      let next = 0;
      const total = scenario.requests.length;
      const measuredFrom = performance.now();
      let cpuFrom = cpuMs(server.child.pid);
      let windowStart = measuredFrom;
      const worker = async () => {
        for (;;) {
          const index = next++;
          if (index >= total) return;
          const request = scenario.requests[index] as Request;
          const t0 = performance.now();
          const result = await gql(scenario.query, request.variables);
          const ms = performance.now() - t0;
          if (index === WARMUP) {
            windowStart = performance.now();
            cpuFrom = cpuMs(server.child.pid);
          }
          if (result.errors || !result.data) {
            errors++;
            if (errors <= 3) process.stderr.write(`\n  error: ${JSON.stringify(result.errors).slice(0, 300)}\n`);
          } else if (index >= WARMUP) {
            timings.push(ms);
            byLabel.set(request.label, [...(byLabel.get(request.label) ?? []), ms]);
            rows += scenario.rows(result.data);
          }
          done++;
          if (done % 25 === 0 || done === total)
            process.stderr.write(`\r  ${scenario.name}: ${done}/${total} requests`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const seconds = (performance.now() - windowStart) / 1000;
      const serverCpuMs = cpuMs(server.child.pid) - cpuFrom;
      process.stderr.write('\n');
      timings.sort((a, b) => a - b);
      // One request on the instrumented in-process server, to count its statements.
      const probe = scenario.requests[WARMUP] as Request;
      const countBefore = counter.count;
      await gql(scenario.query, probe.variables, probeServer.url);
      const perRequest = counter.count - countBefore;
      results.push({
        scenario: scenario.name,
        requests: timings.length,
        warmup: WARMUP,
        concurrency: CONCURRENCY,
        p50Ms: round(percentile(timings, 50)),
        p95Ms: round(percentile(timings, 95)),
        p99Ms: round(percentile(timings, 99)),
        meanMs: round(timings.reduce((a, b) => a + b, 0) / Math.max(1, timings.length)),
        serverCpuMsPerRequest: round(serverCpuMs / Math.max(1, timings.length)),
        maxMs: round(timings.at(-1) ?? Number.NaN),
        requestsPerSecond: round(timings.length / seconds),
        rowsPerRequest: round(rows / Math.max(1, timings.length)),
        sqlStatementsPerRequest: round(perRequest),
        errors,
        variations: [...byLabel].map(([label, ms]) => {
          const sorted = [...ms].sort((a, b) => a - b);
          return {
            label,
            requests: ms.length,
            p50Ms: round(percentile(sorted, 50)),
            p95Ms: round(percentile(sorted, 95)),
          };
        }),
      });
    }

    printResults(results);

    const report = {
      benchmark: 'api',
      at: new Date().toISOString(),
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      loadAverageAtEnd: (await import('node:os')).loadavg().map(round),
      engine: plain.engine,
      database: plain.location,
      dataset,
      results,
      durationSeconds: round((performance.now() - started) / 1000),
    };
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nwrote ${OUT}\n`);
    if (results.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    server.child.kill('SIGTERM');
    await probeServer.stop();
    await plain.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:api failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
