/**
 * `pnpm bench:import [transactions=100000]`: the import benchmark (bench.ts) on PGlite (on disk)
 * and on PostgreSQL, one after the other, each in a process of its own, then their rows/s and the
 * load average side by side. PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres (a fresh database is created on that server and
 * dropped afterwards).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const n = process.argv.slice(2).find((a) => /^[0-9]+$/.test(a)) ?? '100000';
const bench = fileURLToPath(new URL('./bench.ts', import.meta.url));
const postgres =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const results: string[] = [];
for (const [label, url] of [
  ['PGlite', undefined],
  ['PostgreSQL', postgres],
] as const) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (url) env.DATABASE_URL = url;
  console.log(`\n== ${label}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', bench, n], { env, encoding: 'utf8' });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT'));
  results.push(line ? line.replace(/^RESULT /, '') : `${label}: failed (exit ${run.status})`);
}
console.log(`\n${results.join('\n')}`);
