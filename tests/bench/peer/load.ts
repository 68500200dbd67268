import { cpuMs, postgresCpuSince, postgresCpuSnapshot } from '../api/process.ts';

/*
 * The side-by-side benchmark's load tool: a closed loop in the style of autocannon. `concurrency`
 * clients each send a request, wait for the whole answer, and send the next, for `seconds`; the
 * requests go round the variants in order. fetch keeps its connections alive (undici), so both
 * servers are measured over reused connections.
 */

export interface Target {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly query: string;
  readonly variables: ReadonlyArray<Record<string, unknown>>;
  /** The server's process id, to read the CPU time it spent. */
  readonly pid: number | undefined;
}

export interface Round {
  /** Latencies in ms, in the order they finished. */
  readonly latencies: number[];
  readonly errors: number;
  readonly seconds: number;
  readonly serverCpuMs: number;
  /** CPU the PostgreSQL processes of the machine spent meanwhile (api/process.ts postgresCpuSince). */
  readonly postgresCpuMs: number;
}

/** Sends one request and reads the whole answer; false when it failed or carried errors. */
async function send(target: Target, variables: Record<string, unknown>): Promise<boolean> {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: JSON.stringify({ query: target.query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  return response.ok && !body.errors && Boolean(body.data);
}

/** Runs the closed loop for `seconds` and returns what it measured. */
export async function runRound(target: Target, concurrency: number, seconds: number): Promise<Round> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const cpuFrom = cpuMs(target.pid);
  const postgresFrom = postgresCpuSnapshot();
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const variables = target.variables[next++ % target.variables.length] ?? {};
      const t0 = performance.now();
      const ok = await send(target, variables).catch(() => false);
      if (ok) latencies.push(performance.now() - t0);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return {
    latencies,
    errors,
    seconds: (performance.now() - started) / 1000,
    serverCpuMs: cpuMs(target.pid) - cpuFrom,
    postgresCpuMs: postgresCpuSince(postgresFrom),
  };
}
