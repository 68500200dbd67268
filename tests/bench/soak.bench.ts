/**
 * Soak benchmark (`pnpm bench:soak`): does a long run grow? Starts the real server
 * (the compiled server/dist in its own process, as `pnpm start` runs it), sends the dashboard's
 * operations at a steady rate for a while and prints, every `--every` seconds, the server's
 * resident memory (RSS, from /proc), the machine's load average, the requests answered, errors
 * and latency. Writes bench-results/soak.json.
 *
 *   pnpm bench:soak [--minutes 2] [--rate 20] [--every 10]
 *
 * Database: DATABASE_URL when set (a database already migrated and loaded, e.g. jejaring_scale10;
 * nothing is written), else a fresh PGlite directory in the temporary folder with the demo data
 * (loaded on the first start, about 20-40 s, not measured).
 *
 * Reading it: RSS rises during the first minutes (code JIT-compiled, Apollo's document cache and
 * the pool filling up) and should then stay flat; a line that keeps rising at the same rate is a
 * leak. Every answer must be 200 without errors.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MIX as ANONYMOUS_MIX } from '../faults/mix.ts';
import { COMPILED_SERVER_ARGS, ensureServerBuilt } from '../support/server-build.ts';
import { analystHeaders } from './api/sign-in.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const OUT = path.join(ROOT, 'bench-results/soak.json');

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '2' },
    rate: { type: 'string', default: '20' },
    every: { type: 'string', default: '10' },
  },
});
const MINUTES = Number(values.minutes);
const RATE = Number(values.rate);
const EVERY_S = Number(values.every);

/**
 * The dashboard's operation mix (the fault suite's anonymous one, tests/faults/mix.ts), plus a
 * transaction list: the soak signs in as an analyst, who reads those too.
 */
const MIX: Array<[string, Record<string, unknown>]> = [...ANONYMOUS_MIX, ['ListGovernmentOrders', { first: 20 }]];
const documents = MIX.map(([name, variables]) => ({
  name,
  body: JSON.stringify({
    query: fs.readFileSync(path.join(ROOT, 'schema/operations/dashboard', `${name}.graphql`), 'utf8'),
    variables,
    operationName: name,
  }),
}));

/** Resident memory of a process in MB (Linux /proc), NaN elsewhere. */
function rssMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

function startServer(): Promise<{ child: ChildProcess; url: string; dir: string | null }> {
  const dir = process.env.DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-soak-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    RATE_LIMIT_EXEMPT: '127.0.0.1,::1,::ffff:127.0.0.1',
    ...(dir ? { PGLITE_DIR: path.join(dir, 'pglite'), DEMO_DATA: 'auto' } : { DEMO_DATA: 'off' }),
  };
  ensureServerBuilt(ROOT);
  const child = spawn(process.execPath, COMPILED_SERVER_ARGS, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /GraphQL\s+(http:\/\/\S+)\/graphql/.exec(stderr);
      if (match?.[1]) resolve({ child, url: match[1], dir });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${stderr}`)));
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number) : Number.NaN;

async function main(): Promise<void> {
  process.stderr.write(`starting the server (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite with demo data'})…\n`);
  const { child, url, dir } = await startServer();
  const signedIn = await analystHeaders(url);
  const rows: Array<Record<string, number>> = [];
  let sent = 0;
  let errors = 0;
  let inFlight = 0;
  let window: number[] = [];
  const all: number[] = [];
  const send = async (index: number) => {
    const doc = documents[index % documents.length] as (typeof documents)[number];
    const started = performance.now();
    inFlight++;
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedIn },
        body: doc.body,
      });
      const body = (await response.json()) as { errors?: Array<{ message: string }> };
      if (response.status !== 200 || body.errors?.length) {
        errors++;
        if (errors <= 5) process.stderr.write(`${doc.name}: ${response.status} ${body.errors?.[0]?.message}\n`);
      }
    } catch (error) {
      errors++;
      if (errors <= 5) process.stderr.write(`${doc.name}: ${(error as Error).message}\n`);
    } finally {
      inFlight--;
      const ms = performance.now() - started;
      window.push(ms);
      all.push(ms);
    }
  };
  const startedAt = performance.now();
  const endAt = startedAt + MINUTES * 60_000;
  const sample = () => {
    const sorted = [...window].sort((a, b) => a - b);
    const row = {
      seconds: Math.round((performance.now() - startedAt) / 1000),
      rssMb: Math.round(rssMb(child.pid) * 10) / 10,
      load1: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
      requests: sent,
      errors,
      inFlight,
      p50ms: Math.round(percentile(sorted, 50)),
      p99ms: Math.round(percentile(sorted, 99)),
    };
    window = [];
    rows.push(row);
    console.log(
      Object.values(row)
        .map((v) => String(v).padStart(9))
        .join(''),
    );
  };
  console.log(
    ['seconds', 'rss MB', 'load1', 'requests', 'errors', 'inflight', 'p50 ms', 'p99 ms']
      .map((h) => h.padStart(9))
      .join(''),
  );
  sample();
  const sampler = setInterval(sample, EVERY_S * 1000);
  // A steady rate: request i is sent at startedAt + i / RATE seconds, whatever the answers take.
  while (performance.now() < endAt) {
    const due = startedAt + (sent / RATE) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    void send(sent++);
  }
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  clearInterval(sampler);
  sample();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });

  const sorted = all.sort((a, b) => a - b);
  const measured = rows.slice(1);
  const firstMinute = measured.find((row) => (row.seconds ?? 0) >= 60) ?? measured[0];
  const last = measured.at(-1);
  const summary = {
    minutes: MINUTES,
    ratePerSecond: RATE,
    requests: sent,
    errors,
    p50ms: Math.round(percentile(sorted, 50)),
    p99ms: Math.round(percentile(sorted, 99)),
    rssMbAfterFirstMinute: firstMinute?.rssMb,
    rssMbAtEnd: last?.rssMb,
    rssMbMax: Math.max(...rows.map((row) => row.rssMb ?? 0)),
  };
  console.log(`\n${JSON.stringify(summary)}`);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${JSON.stringify({ summary, samples: rows }, null, 2)}\n`);
  if (errors > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
