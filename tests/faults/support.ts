import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/process.ts';

/*
 * Shared by the fault and load suite (`pnpm test:faults`, tests/faults/*.faults.ts): an HTTP
 * client that tells apart how a request ended, percentiles, and the figures each case reports.
 */

/** How one request ended, as the client saw it. */
export type Outcome =
  /** An answer arrived whole: its status and body (the body parsed as JSON, or null). */
  | { kind: 'answer'; status: number; body: string; json: unknown; ms: number; sentAt: number }
  /** Refused before anything was sent: the connection could not be made. */
  | { kind: 'refused'; code: string; ms: number; sentAt: number }
  /** The connection broke after the request was sent: no answer, or an answer cut short. */
  | { kind: 'cut'; code: string; partial: string; ms: number; sentAt: number };

// A kept-alive socket idle in the pool is closed here after 4 s, before the server closes it after
// its 5 s (Node's keepAliveTimeout): otherwise a request sent on it as the server closes it fails
// with ECONNRESET, a race of the client's pool (after a slow moment had opened extra sockets), not
// a refusal by the server.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });

/**
 * POSTs `body` as JSON and resolves (never rejects) with how it ended. A body is complete only
 * when the response ended normally: a socket closed mid-body is `cut`, with what arrived.
 */
export function post(url: string, body: string, headers: Record<string, string> = {}, timeoutMs = 30_000) {
  const sentAt = performance.now();
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const done = (outcome: Outcome) => {
      if (!settled) {
        settled = true;
        resolve(outcome);
      }
    };
    let received = '';
    let started = false;
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: timeoutMs,
      },
      (response) => {
        started = true;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          received += chunk;
        });
        response.on('end', () => {
          const ms = performance.now() - sentAt;
          if (!response.complete) {
            done({ kind: 'cut', code: 'INCOMPLETE', partial: received, ms, sentAt });
            return;
          }
          let json: unknown = null;
          try {
            json = JSON.parse(received);
          } catch {}
          done({ kind: 'answer', status: response.statusCode ?? 0, body: received, json, ms, sentAt });
        });
        response.on('aborted', () =>
          done({ kind: 'cut', code: 'ABORTED', partial: received, ms: performance.now() - sentAt, sentAt }),
        );
        response.on('error', (error: NodeJS.ErrnoException) =>
          done({
            kind: 'cut',
            code: error.code ?? error.message,
            partial: received,
            ms: performance.now() - sentAt,
            sentAt,
          }),
        );
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => {
      const ms = performance.now() - sentAt;
      const code = error.code ?? error.message;
      // ECONNREFUSED: nothing listens. A reused keep-alive socket the server closed before
      // reading our request (ECONNRESET with no byte of an answer) was refused as well: the
      // server never took the request in.
      if (code === 'ECONNREFUSED' || (!started && (request.reusedSocket || code === 'ECONNRESET') && !received)) {
        done({ kind: 'refused', code, ms, sentAt });
      } else {
        done({ kind: 'cut', code, partial: received, ms, sentAt });
      }
    });
    request.end(body);
  });
}

/** Whether an answer is a GraphQL success: HTTP 200 and no `errors`. */
export function succeeded(outcome: Outcome): boolean {
  if (outcome.kind !== 'answer' || outcome.status !== 200) return false;
  const json = outcome.json as { errors?: unknown[]; data?: unknown } | null;
  return !!json && json.data != null && !json.errors?.length;
}

/** The `extensions.code` of the first GraphQL error of an answer, if any. */
export function errorCode(outcome: Outcome): string | undefined {
  if (outcome.kind !== 'answer') return undefined;
  const json = outcome.json as { errors?: Array<{ extensions?: { code?: string } }> } | null;
  return json?.errors?.[0]?.extensions?.code;
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

export const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Prints a case's figures and writes them to bench-results/faults/<name>.json, with the machine's
 * load average and core count (the figures mean little without them).
 */
export function reportFigures(name: string, figures: Record<string, unknown>): void {
  const record = {
    case: name,
    at: new Date().toISOString(),
    cores: os.cpus().length,
    loadAverage: os.loadavg().map((n) => round(n, 2)),
    ...figures,
  };
  const file = path.join(ROOT, 'bench-results/faults', `${name}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`\n[faults] ${name}: ${JSON.stringify(record)}\n`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Sent {
  readonly name: string;
  readonly outcome: Outcome;
}

/**
 * Open-loop load: request i of `bodies` (round robin) is sent at start + i / rate seconds, whatever
 * the answers take, for `seconds` (or until `until()` says stop); resolves when every answer is in.
 */
export async function runLoad(options: {
  url: string;
  bodies: Array<{ name: string; body: string }>;
  rate: number;
  seconds: number;
  headers?: Record<string, string>;
}): Promise<{ sent: Sent[]; startedAt: number; endedAt: number }> {
  const { url, bodies, rate, seconds } = options;
  const pending: Array<Promise<Sent>> = [];
  const startedAt = performance.now();
  const endAt = startedAt + seconds * 1000;
  for (let i = 0; ; i++) {
    const due = startedAt + (i / rate) * 1000;
    if (due >= endAt) break;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const { name, body } = bodies[i % bodies.length] as { name: string; body: string };
    pending.push(post(`${url}/graphql`, body, options.headers).then((outcome) => ({ name, outcome })));
  }
  const sent = await Promise.all(pending);
  return { sent, startedAt, endedAt: performance.now() };
}
