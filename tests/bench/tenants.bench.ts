/**
 * Many tenants, one PostgreSQL (`pnpm bench:tenants`): does a regency's analytics cost the same
 * among 20 regencies as alone? The keys of every index and rollup start with the tenant, so they
 * should. Three databases (tests/bench/tenants/build-db.ts builds them once, `--build`; later runs
 * reuse them): `jj_tenants20` with 20 regencies (Kubu Raya at scale 10, 19 at scale 1),
 * `jj_tenants_alone` with Pontianak at scale 1 only, `jj_tenants_big` with Kubu Raya at scale 10
 * only. One real server per database, in this process; each request names its regency in the
 * Jejaring-Regency header.
 *
 * For each tenant (Pontianak, scale 1; Kubu Raya, scale 10) and each analytics query, every
 * variable set runs once on both servers (cold), then the measured runs alternate between the
 * tenant alone and the tenant among 20 (same variables, one after the other), so that the
 * machine's load drifts alike for both. Prints p50/p95 per side and their ratio, with the load
 * average, and writes bench-results/tenants.json.
 *
 * Options: --build (build the databases first), --runs N (measured runs per query and side,
 * default 30), --only name,name, --host-url postgres://postgres@127.0.0.1:5432.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@jejaring/db';
import { mulberry32 } from '@jejaring/db/testing';
import { loadServerConfig } from '@jejaring/server/config';
import { createLogger } from '@jejaring/server/logger';
import { type Running, startServer } from '@jejaring/server/start';
import { sql } from 'kysely';
import {
  BIG_TENANT,
  buildTenantDatabases,
  DB_ALONE,
  DB_BIG,
  DB_MANY,
  SMALL_TENANT,
  TENANTS,
} from './tenants/build-db.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const HOST = option('host-url') ?? 'postgres://postgres@127.0.0.1:5432';
const RUNS = Number(option('runs') ?? 30);
const ONLY = option('only')?.split(',');
const OUT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bench-results/tenants.json');

const SUMMARY = 'total transactionCount toLocalUmkm localUmkmShare toLocal localShare sellersReached target';
const QUERIES: Record<string, string> = {
  spendSummary: `query($filter: SpendFilter) { spendSummary(filter: $filter) { ${SUMMARY} } }`,
  spendTrend: `query($filter: SpendFilter) { spendTrend(filter: $filter, interval: MONTH) { periodStart ${SUMMARY} } }`,
  agencyScorecard: `query($filter: SpendFilter) { agencyScorecard(filter: $filter) { rank agency { id name } total toLocalUmkm localUmkmShare sellersReached grade } }`,
  spendFlows: `query($filter: SpendFilter) { spendFlows(filter: $filter, levels: [AGENCY, CATEGORY, SELLER_CLASS]) { total nodes { id value } links { source target value } } }`,
  spendByDistrict: `query($filter: SpendFilter) { spendByDistrict(filter: $filter) { region { code } toLocalUmkm sellersReached } }`,
  programOutcomes: `query($year: Int!) { programOutcomes(fiscalYear: $year) { program { id } budget realized toLocalUmkm localUmkmShare status } }`,
  dominoEffect: `query($filter: SpendFilter) { dominoEffect(filter: $filter, rounds: 3) { injection multiplier rounds { round amount } } }`,
  recoveryIndex: `query($from: Date) { recoveryIndex(groupBy: DISTRICT, from: $from) { key points { period index } } }`,
};

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const load = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

/** The databases hold what build-db.ts puts there (transactions per tenant), or null when one is missing. */
async function holdings(): Promise<Record<string, Record<string, number>> | null> {
  const out: Record<string, Record<string, number>> = {};
  for (const name of [DB_MANY, DB_ALONE, DB_BIG]) {
    let handle: Awaited<ReturnType<typeof openDatabase>> | undefined;
    try {
      handle = await openDatabase({ engine: 'postgres', url: `${HOST}/${name}` }, { poolSize: 1 });
      const rows = await sql<{ tenant_id: string; n: string }>`
        SELECT t.id AS tenant_id, (SELECT count(*) FROM "transaction" x WHERE x.tenant_id = t.id) AS n
        FROM tenant t ORDER BY t.id`.execute(handle.db);
      out[name] = Object.fromEntries(rows.rows.map((r) => [r.tenant_id, Number(r.n)]));
    } catch {
      return null;
    } finally {
      await handle?.close();
    }
  }
  const many = out[DB_MANY] ?? {};
  return TENANTS.every((t) => (many[t] ?? 0) > 0) ? out : null;
}

async function serve(database: string, tenant: string): Promise<Running> {
  const config = loadServerConfig({
    DATABASE_URL: `${HOST}/${database}`,
    TENANT: tenant,
    DEMO_DATA: 'off',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_EXEMPT: '127.0.0.1,::1,::ffff:127.0.0.1',
  });
  return startServer(config, createLogger(config.logLevel));
}

async function ask(url: string, regency: string, query: string, variables: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'jejaring-regency': regency },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: Array<{ message: string }> };
  const ms = performance.now() - started;
  if (body.errors) throw new Error(`${regency} ${query.slice(0, 50)}…: ${body.errors[0]?.message}`);
  return ms;
}

function variableSets(name: string): Array<Record<string, unknown>> {
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
  if (name === 'programOutcomes') return years.map((year) => ({ year }));
  if (name === 'recoveryIndex') return [{}, { from: '2021-01-01' }, { from: '2023-01-01' }];
  return [
    ...years.map((fiscalYear) => ({ filter: { fiscalYear } })),
    { filter: { fiscalYear: 2024, includeNetwork: true } },
    { filter: { from: '2023-04-01', to: '2024-09-30' } },
  ];
}

interface Side {
  p50: number;
  p95: number;
  coldP50: number;
}
const side = (times: number[], cold: number[]): Side => {
  const t = [...times].sort((a, b) => a - b);
  const c = [...cold].sort((a, b) => a - b);
  return { p50: quantile(t, 0.5), p95: quantile(t, 0.95), coldP50: quantile(c, 0.5) };
};

async function main(): Promise<void> {
  if (process.argv.includes('--build')) await buildTenantDatabases(HOST);
  const held = await holdings();
  if (!held)
    throw new Error(`the databases of this benchmark are missing or incomplete: run pnpm bench:tenants --build`);
  const loadBefore = load();
  process.stderr.write(`tenants bench: ${RUNS} runs per query and side, load average ${loadBefore.join(' ')}\n`);
  const many = await serve(DB_MANY, BIG_TENANT);
  const results: Array<Record<string, unknown>> = [];
  try {
    for (const [tenant, scale, aloneDb] of [
      [SMALL_TENANT, 1, DB_ALONE],
      [BIG_TENANT, 10, DB_BIG],
    ] as const) {
      const alone = await serve(aloneDb, tenant);
      try {
        for (const [name, query] of Object.entries(QUERIES)) {
          if (ONLY && !ONLY.includes(name)) continue;
          const sets = variableSets(name);
          const cold = { alone: [] as number[], many: [] as number[] };
          for (const v of sets) {
            cold.alone.push(await ask(alone.url, tenant, query, v));
            cold.many.push(await ask(many.url, tenant, query, v));
          }
          const times = { alone: [] as number[], many: [] as number[] };
          const order = mulberry32(name.length * 31 + scale);
          for (let i = 0; i < RUNS; i++) {
            const v = sets[Math.floor(order() * sets.length)] as Record<string, unknown>;
            // Alternate which side goes first, so neither always follows the other's warm-up.
            const pair = i % 2 === 0 ? (['alone', 'many'] as const) : (['many', 'alone'] as const);
            for (const which of pair)
              times[which].push(await ask(which === 'alone' ? alone.url : many.url, tenant, query, v));
          }
          const a = side(times.alone, cold.alone);
          const m = side(times.many, cold.many);
          const row = {
            tenant,
            scale,
            query: name,
            alone: a,
            among20: m,
            p50Ratio: m.p50 / a.p50,
            p95Ratio: m.p95 / a.p95,
            load: load(),
          };
          results.push(row);
          process.stderr.write(
            `  ${tenant} s${scale} ${name.padEnd(16)} alone p50 ${a.p50.toFixed(1).padStart(7)} p95 ${a.p95.toFixed(1).padStart(7)} | among 20 p50 ${m.p50.toFixed(1).padStart(7)} p95 ${m.p95.toFixed(1).padStart(7)} | ×${row.p50Ratio.toFixed(2)} (load ${row.load[0]})\n`,
          );
        }
      } finally {
        await alone.stop();
      }
    }
  } finally {
    await many.stop();
  }
  const loadAfter = load();
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(
    OUT,
    `${JSON.stringify({ at: new Date().toISOString(), runs: RUNS, cpus: os.cpus().length, loadBefore, loadAfter, databases: held, results }, null, 2)}\n`,
  );
  const medianRatio = (key: 'p50Ratio' | 'p95Ratio', tenant: string) => {
    const r = results
      .filter((x) => x.tenant === tenant)
      .map((x) => x[key] as number)
      .sort((a, b) => a - b);
    return quantile(r, 0.5).toFixed(2);
  };
  process.stdout.write(
    `\nmedian over the queries of (among 20 ÷ alone): ${SMALL_TENANT} (scale 1) p50 ×${medianRatio('p50Ratio', SMALL_TENANT)}, p95 ×${medianRatio('p95Ratio', SMALL_TENANT)}; ` +
      `${BIG_TENANT} (scale 10) p50 ×${medianRatio('p50Ratio', BIG_TENANT)}, p95 ×${medianRatio('p95Ratio', BIG_TENANT)}; load average ${loadBefore[0]} → ${loadAfter[0]}\nwrote ${OUT}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
