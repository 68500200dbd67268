/**
 * `pnpm bench:import [transactions=100000]`: the import benchmark (bench.ts) on PGlite (on disk)
 * and on PostgreSQL, one after the other, each in a process of its own, then their rows/s and the
 * load average side by side. PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres (a fresh database is created on that server and
 * dropped afterwards).
 *
 * `pnpm bench:import --bytes 500MB [--note N] [--pglite]`: the large-file benchmark (bench-bytes.ts),
 * a transactions.csv of that size imported from disk (dry run, then commit) with the peak memory of
 * the importing process; on PostgreSQL, and on PGlite too with --pglite (PGlite stores a few
 * thousand new rows a second: a 500 MB file takes it the better part of an hour).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const bytesAt = args.indexOf('--bytes');
const large = bytesAt >= 0;
const n = args.find((a) => /^[0-9]+$/.test(a)) ?? '100000';
const script = fileURLToPath(new URL(large ? './bench-bytes.ts' : './bench.ts', import.meta.url));
const scriptArgs = large ? args.filter((a) => a !== '--pglite') : [n];
const postgres =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const engines: Array<readonly [string, string | undefined]> = [
  ['PGlite', undefined],
  ['PostgreSQL', postgres],
];
const results: string[] = [];
for (const [label, url] of large && !args.includes('--pglite') ? engines.slice(1) : engines) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (url) env.DATABASE_URL = url;
  console.log(`\n== ${label}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...scriptArgs], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(run.stdout);
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT'));
  results.push(line ? line.replace(/^RESULT /, '') : `${label}: failed (exit ${run.status})`);
}
console.log(`\n${results.join('\n')}`);
