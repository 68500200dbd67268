import { percentile, round } from '../api/report.ts';
import type { Round } from './load.ts';

/* The side-by-side benchmark's figures and the table it prints. */

/** One server's figures for one query, over all its rounds. */
export interface ServerFigures {
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  /** CPU the server process spent per request (excludes PostgreSQL and the load tool). */
  serverCpuMsPerRequest: number;
  /** CPU every PostgreSQL process spent per request (the machine's: run it quiet). */
  postgresCpuMsPerRequest: number;
  /** p95 of each round, to show how much the rounds differ. */
  roundP95Ms: number[];
}

export interface PeerResult {
  query: string;
  variants: number;
  rowsPerRequest: number;
  ours: ServerFigures;
  theirs: ServerFigures;
}

const sortedOf = (ms: number[]) => [...ms].sort((a, b) => a - b);

export function summarise(rounds: readonly Round[]): ServerFigures {
  const all = sortedOf(rounds.flatMap((r) => r.latencies));
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const cpu = rounds.reduce((sum, r) => sum + r.serverCpuMs, 0);
  const postgres = rounds.reduce((sum, r) => sum + r.postgresCpuMs, 0);
  return {
    requests: all.length,
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    p50Ms: round(percentile(all, 50)),
    p95Ms: round(percentile(all, 95)),
    p99Ms: round(percentile(all, 99)),
    requestsPerSecond: round(all.length / seconds),
    serverCpuMsPerRequest: round(cpu / Math.max(1, all.length)),
    postgresCpuMsPerRequest: round(postgres / Math.max(1, all.length)),
    roundP95Ms: rounds.map((r) => round(percentile(sortedOf(r.latencies), 95))),
  };
}

const ratio = (a: number, b: number) => (Math.round((a / b) * 100) / 100).toFixed(2);

/** Prints one row per query and server, then the ratios ours/theirs, with the load average. */
export function printPeerResults(
  results: readonly PeerResult[],
  run: { concurrency: number; seconds: number; rounds: number; loadAtStart: number[]; loadAtEnd: number[] },
): void {
  const header = [
    'query',
    'server',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'req/s',
    'CPU ms/req',
    'PostgreSQL CPU ms/req',
    'p95 by round',
    'errors',
  ];
  const rows: string[][] = [];
  for (const r of results) {
    for (const [name, f] of [
      ['ours', r.ours],
      ['PostGraphile', r.theirs],
    ] as const)
      rows.push([
        r.query,
        name,
        String(f.p50Ms),
        String(f.p95Ms),
        String(f.p99Ms),
        String(f.requestsPerSecond),
        String(f.serverCpuMsPerRequest),
        String(f.postgresCpuMsPerRequest),
        f.roundP95Ms.join(' / '),
        String(f.errors),
      ]);
    rows.push([
      r.query,
      'ours/theirs',
      ratio(r.ours.p50Ms, r.theirs.p50Ms),
      ratio(r.ours.p95Ms, r.theirs.p95Ms),
      ratio(r.ours.p99Ms, r.theirs.p99Ms),
      ratio(r.ours.requestsPerSecond, r.theirs.requestsPerSecond),
      ratio(r.ours.serverCpuMsPerRequest, r.theirs.serverCpuMsPerRequest),
      ratio(r.ours.postgresCpuMsPerRequest, r.theirs.postgresCpuMsPerRequest),
      '',
      '',
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
  process.stdout.write(
    `\nconcurrency ${run.concurrency}, ${run.rounds} alternating rounds of ${run.seconds} s per server; load average ${run.loadAtStart.join(' ')} at the start, ${run.loadAtEnd.join(' ')} at the end\n\n`,
  );
  process.stdout.write(
    `${line(header)}\n|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|\n`,
  );
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}
