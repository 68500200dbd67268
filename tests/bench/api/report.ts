/* The API benchmark's figures: percentiles, and the table it prints. */

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const round = (n: number) => Math.round(n * 10) / 10;

/** One scenario's figures, as written to bench-results/api.json. */
export interface ScenarioResult {
  scenario: string;
  requests: number;
  warmup: number;
  concurrency: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  /** CPU the server process spent per request (excludes PostgreSQL and the load generator). */
  serverCpuMsPerRequest: number;
  maxMs: number;
  requestsPerSecond: number;
  rowsPerRequest: number;
  sqlStatementsPerRequest: number;
  errors: number;
  variations: Array<{ label: string; requests: number; p50Ms: number; p95Ms: number }>;
}

/** Prints the results as a table, then each scenario's variations. */
export function printResults(results: readonly ScenarioResult[]): void {
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
}
