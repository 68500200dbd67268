/**
 * API benchmark (`pnpm bench:api`): starts the real server (server/src/main.ts, in its own
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
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type DatabaseHandle, openDatabase } from '@jejaring/db';
import { mulberry32 } from '@jejaring/db/testing';
import { loadServerConfig } from '@jejaring/server/config';
import { createLogger } from '@jejaring/server/logger';
import { startServer } from '@jejaring/server/start';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jejaring_scale10';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const WARMUP = 20;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const OUT = path.join(ROOT, 'bench-results/api.json');

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; NaN elsewhere). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command; clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `pnpm start`'s entry point in its own process and waits until /readyz answers 200. */
async function startServerProcess(port: number): Promise<{ url: string; child: ChildProcess }> {
  // node itself (with tsx as a loader), so the child's pid is the server's and its CPU time can be read.
  const child = spawn(process.execPath, ['--import', 'tsx/esm', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: 'server/tsconfig.json',
      DATABASE_URL,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'off',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${stderr}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { url, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`the server did not become ready in 120 s:\n${stderr}`);
}

/** Counts the SQL statements the server runs (once per result), to report statements per request. */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    return args.result;
  }
}

interface Request {
  readonly label: string;
  readonly variables: Record<string, unknown>;
}

interface Scenario {
  readonly name: string;
  readonly query: string;
  readonly requests: Request[];
  /** Checks a response holds the page it should. */
  readonly rows: (data: Record<string, unknown>) => number;
}

const ENTERPRISES = `query BenchEnterprises($after: String, $filter: EnterpriseFilter) {
  enterprises(first: 50, after: $after, filter: $filter) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id name nib sizeClass status verification
      region { code name }
      products(first: 5) { nodes { id name category unitPrice } }
    } }
  }
}`;

const TRANSACTIONS = `query BenchTransactions($after: String, $filter: TransactionFilter, $orderBy: TransactionOrder) {
  transactions(first: 100, after: $after, filter: $filter, orderBy: $orderBy) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id amount occurredOn category
      buyer { __typename id name kind }
      seller { __typename id name kind isLocal }
    } }
  }
}`;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

const round = (n: number) => Math.round(n * 10) / 10;

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
  const server = await startServerProcess(await freePort());
  process.stderr.write(`server process ${server.child.pid} listening on ${server.url}\n`);
  try {
    const db = plain.db;
    const tenant = config.db.tenant;
    const counts = await db
      .selectFrom('party')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('tenant_id', '=', tenant)
      .groupBy('kind')
      .execute();
    const transactionsCount = Number(
      (
        await db
          .selectFrom('transaction')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('tenant_id', '=', tenant)
          .executeTakeFirst()
      )?.n ?? 0,
    );
    const productsCount = Number(
      (
        await db
          .selectFrom('product')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('tenant_id', '=', tenant)
          .executeTakeFirst()
      )?.n ?? 0,
    );
    const tenantRow = await db
      .selectFrom('tenant')
      .select(['demo_seed', 'demo_scale'])
      .where('id', '=', tenant)
      .executeTakeFirst();
    const dataset = {
      tenant,
      demoSeed: tenantRow?.demo_seed ?? null,
      demoScale: tenantRow?.demo_scale ?? null,
      parties: Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)])),
      products: productsCount,
      transactions: transactionsCount,
    };
    process.stderr.write(`dataset: ${JSON.stringify(dataset)}\n`);
    if (transactionsCount === 0)
      throw new Error('the database holds no transactions: load the demo first (pnpm cli demo --scale 10)');

    const gql = async (query: string, variables: Record<string, unknown>, url = server.url) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    };

    // Cursors to start pages from, spread over the whole list: walk it 500 rows at a time.
    process.stderr.write('collecting cursors and filters…\n');
    const walk = async (list: string, limit: number): Promise<string[]> => {
      const cursors: string[] = [];
      let after: string | null = null;
      while (cursors.length < limit) {
        const result = await gql(
          `query($after: String) { page: ${list}(first: 500, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor } } }`,
          {
            after,
          },
        );
        const page = result.data?.page as {
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: Array<{ cursor: string }>;
        };
        page.edges.forEach((edge, i) => {
          if (i % 25 === 0) cursors.push(edge.cursor);
        });
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return cursors;
    };
    const enterpriseCursors = await walk('enterprises', 2_000);
    const transactionCursors = await walk('transactions', 1_000);
    const regions = await gql(
      'query($t: String!) { regions(filter: { parentCode: $t }, first: 100) { nodes { code } } }',
      { t: tenant },
    );
    const districts = ((regions.data as { regions: { nodes: Array<{ code: string }> } }).regions.nodes ?? []).map(
      (n) => n.code,
    );
    const agencyList = await gql('{ agencies(first: 100) { nodes { id } } }', {});
    const agencies = (agencyList.data as { agencies: { nodes: Array<{ id: string }> } }).agencies.nodes.map(
      (n) => n.id,
    );
    const years = await db
      .selectFrom('transaction')
      .select((eb) => eb.fn.min('occurred_on').as('first'))
      .select((eb) => eb.fn.max('occurred_on').as('last'))
      .where('tenant_id', '=', tenant)
      .executeTakeFirstOrThrow();
    const firstYear = Number(String(years.first).slice(0, 4));
    const lastYear = Number(String(years.last).slice(0, 4));

    const random = mulberry32(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const enterpriseRequests: Request[] = Array.from({ length: REQUESTS + WARMUP }, (_, i) => {
      switch (i % 4) {
        case 0:
        case 1:
          return { label: 'any page (cursor)', variables: { after: pick(enterpriseCursors) } };
        case 2:
          return { label: 'a district', variables: { filter: { regionCode: pick(districts) } } };
        default:
          return {
            label: 'micro and small of a district, verified',
            variables: {
              filter: { regionCode: pick(districts), sizeClasses: ['MICRO', 'SMALL'], verifications: ['VERIFIED'] },
            },
          };
      }
    });
    const categories = ['FOOD_STAPLES', 'SNACKS', 'GARMENTS', 'CATERING', 'PRINTING_STATIONERY', 'SERVICES'];
    const transactionRequests: Request[] = Array.from({ length: REQUESTS + WARMUP }, (_, i) => {
      const year = firstYear + Math.floor(random() * (lastYear - firstYear + 1));
      switch (i % 5) {
        case 0:
        case 1:
          return { label: 'any page (cursor)', variables: { after: pick(transactionCursors) } };
        case 2:
          return {
            label: 'a fiscal year, largest first',
            variables: { filter: { fiscalYear: year }, orderBy: { field: 'AMOUNT', direction: 'DESC' } },
          };
        case 3: {
          const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
          return {
            label: 'a month and a category',
            variables: {
              filter: { from: `${year}-${month}-01`, to: `${year}-${month}-28`, categories: [pick(categories)] },
            },
          };
        }
        default:
          return {
            label: 'an agency with its network, local sellers',
            variables: {
              filter: { agencyIds: [pick(agencies)], includeNetwork: true, sellerLocal: true, fiscalYear: year },
            },
          };
      }
    });

    const scenarios: Scenario[] = [
      {
        name: '50 enterprises + region + products',
        query: ENTERPRISES,
        requests: enterpriseRequests,
        rows: (data) => (data.enterprises as { edges: unknown[] }).edges.length,
      },
      {
        name: '100 transactions + buyer + seller',
        query: TRANSACTIONS,
        requests: transactionRequests,
        rows: (data) => (data.transactions as { edges: unknown[] }).edges.length,
      },
    ];

    const results = [];
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
        /** CPU the server process spent per request (excludes PostgreSQL and the load generator). */
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

    const header = [
      'scenario',
      'requests',
      'conc.',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'mean ms',
      'req/s',
      'rows/req',
      'SQL/req',
      'server CPU ms/req',
      'errors',
    ];
    const table = results.map((r) => [
      r.scenario,
      String(r.requests),
      String(r.concurrency),
      String(r.p50Ms),
      String(r.p95Ms),
      String(r.p99Ms),
      String(r.meanMs),
      String(r.requestsPerSecond),
      String(r.rowsPerRequest),
      String(r.sqlStatementsPerRequest),
      String(r.serverCpuMsPerRequest),
      String(r.errors),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] as string).length)));
    const line = (cells: string[]) =>
      `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
    process.stdout.write(
      `\n${line(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|\n`,
    );
    for (const row of table) process.stdout.write(`${line(row)}\n`);
    for (const r of results) {
      process.stdout.write(`\n${r.scenario}, by variation:\n`);
      for (const v of r.variations)
        process.stdout.write(
          `  ${v.label.padEnd(44)} n=${String(v.requests).padStart(4)}  p50 ${v.p50Ms} ms  p95 ${v.p95Ms} ms\n`,
        );
    }

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
