import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivateCluster } from '../support/private-cluster.ts';
import { exitWithin, type ServerProcess, spawnServer } from '../support/process.ts';
import { mixBodies } from './mix.ts';
import { scale10Cluster } from './scale-cluster.ts';
import { errorCode, percentile, reportFigures, round, runLoad, type Sent, sleep, succeeded } from './support.ts';

/** Requests per second and seconds of the load case (the target: 100 for 30 s). */
const RATE = Number(process.env.FAULTS_RATE ?? 100);
const SECONDS = Number(process.env.FAULTS_SECONDS ?? 30);

const bodies = mixBodies();

function latencyFigures(sent: Sent[]) {
  const ms = sent.map((s) => s.outcome.ms);
  return { p50ms: round(percentile(ms, 50)), p99ms: round(percentile(ms, 99)), maxMs: round(Math.max(...ms)) };
}

function perOperation(sent: Sent[]) {
  const by = new Map<string, number[]>();
  for (const { name, outcome } of sent) by.set(name, [...(by.get(name) ?? []), outcome.ms]);
  return Object.fromEntries(
    [...by].map(([name, ms]) => [name, { p50ms: round(percentile(ms, 50)), p99ms: round(percentile(ms, 99)) }]),
  );
}

const describeFailure = ({ name, outcome }: Sent) =>
  outcome.kind === 'answer'
    ? `${name}: ${outcome.status} ${errorCode(outcome) ?? outcome.body.slice(0, 200)}`
    : `${name}: ${outcome.kind} ${outcome.code}`;

/** GET `url`, resolving with the status, or 0 when no answer came. */
function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2_000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

// The dashboard's operation mix against the demo dataset at scale 10 on PostgreSQL (a cluster of
// the suite's own: it is stopped in the middle of the load in the second case).
describe(`load and faults on PostgreSQL, scale 10 (${RATE} requests/s)`, () => {
  let cluster: PrivateCluster;
  let server: ServerProcess;
  let url: string;
  let dataSeconds: number;
  let loadSeconds: number | null;

  beforeAll(async () => {
    const started = performance.now();
    const built = await scale10Cluster();
    cluster = built.cluster;
    loadSeconds = built.loadSeconds;
    dataSeconds = (performance.now() - started) / 1000;
    server = spawnServer({ DATABASE_URL: built.url, LOG_LEVEL: 'warn' });
    url = await server.url;
    // One pass through the mix first: the figures are of a warm server, as in service.
    for (const { body } of bodies)
      await fetch(`${url}/graphql`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  });

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (server) await exitWithin(server, 15_000);
    await cluster?.destroy();
  });

  it(`answers ${RATE} requests/s of the dashboard's mix for ${SECONDS} s without an error`, async () => {
    const { sent, startedAt, endedAt } = await runLoad({ url, bodies, rate: RATE, seconds: SECONDS });
    const failures = sent.filter((s) => !succeeded(s.outcome));
    reportFigures('load', {
      scale: 10,
      dataReadySeconds: round(dataSeconds, 1),
      scale10LoadSeconds: loadSeconds === null ? 'cached template' : round(loadSeconds, 1),
      targetRate: RATE,
      seconds: SECONDS,
      requests: sent.length,
      achievedRate: round(sent.length / ((endedAt - startedAt) / 1000), 1),
      errors: failures.length,
      ...latencyFigures(sent),
      perOperation: perOperation(sent),
      firstErrors: failures.slice(0, 5).map(describeFailure),
    });
    expect(failures.map(describeFailure)).toEqual([]);
    expect(sent.length).toBe(RATE * SECONDS);
  });

  it('lives through PostgreSQL stopped for 5 s under load: errors only during the outage, success within 2 s', async () => {
    const before = 4_000;
    const outage = 5_000;
    const after = 6_000;
    const load = runLoad({ url, bodies, rate: RATE, seconds: (before + outage + after) / 1000 });
    // /readyz polled every 100 ms alongside.
    const ready: Array<{ at: number; status: number }> = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const at = performance.now(); // when the probe was sent
        ready.push({ at, status: await status(`${url}/readyz`) });
        await sleep(100);
      }
    })();
    await sleep(before);
    const downAt = performance.now();
    await cluster.stop('immediate'); // as in a crash: sessions cut, no shutdown checkpoint
    await sleep(outage - (performance.now() - downAt));
    const startingAt = performance.now(); // PostgreSQL surely down until here
    await cluster.start();
    const backAt = performance.now(); // pg_ctl -w: accepting connections again (it may have been a little earlier)
    const { sent } = await load;
    polling = false;
    await poller;

    const end = (s: Sent) => s.outcome.sentAt + s.outcome.ms;
    const firstSuccess = Math.min(...sent.filter((s) => s.outcome.sentAt >= backAt && succeeded(s.outcome)).map(end));
    const failures = sent.filter((s) => !succeeded(s.outcome));
    // A failure belongs to the outage when the request was still running at some moment between
    // the stop and the first success after the restart.
    const outside = failures.filter((s) => end(s) < downAt || s.outcome.sentAt > firstSuccess);
    const not503 = failures.filter(
      (s) =>
        !(s.outcome.kind === 'answer' && s.outcome.status === 503 && errorCode(s.outcome) === 'SERVICE_UNAVAILABLE'),
    );
    const readyAgain = ready.find((r) => r.at >= backAt && r.status === 200);
    // /readyz while PostgreSQL was surely down: from a second after the stop until the start began
    // (pg_ctl -w returns up to a second after the server accepts connections, so not until backAt).
    const readyDuring = ready.filter((r) => r.at > downAt + 1_000 && r.at < startingAt).map((r) => r.status);
    const healthz = await status(`${url}/healthz`);
    reportFigures('postgres-outage', {
      targetRate: RATE,
      outageSeconds: round((backAt - downAt) / 1000, 2),
      requests: sent.length,
      errors: failures.length,
      errorsOutsideOutage: outside.length,
      errorsOtherThan503: not503.length,
      firstSuccessAfterBackMs: round(firstSuccess - backAt),
      readyzOkAfterBackMs: readyAgain ? round(readyAgain.at - backAt) : null,
      readyzDuringOutage: [...new Set(readyDuring)],
      ...latencyFigures(sent.filter((s) => succeeded(s.outcome))),
      firstUnexpected: [...outside, ...not503].slice(0, 5).map(describeFailure),
    });
    expect(server.child.exitCode).toBeNull();
    expect(healthz).toBe(200);
    expect(outside.map(describeFailure)).toEqual([]);
    expect(not503.map(describeFailure)).toEqual([]);
    expect(failures.length).toBeGreaterThan(0); // the outage was seen
    expect(firstSuccess - backAt).toBeLessThanOrEqual(2_000);
    expect(readyDuring.every((s) => s === 503)).toBe(true);
    expect(readyAgain).toBeDefined();
  });

  it('SIGTERM under load: every request is answered whole or refused, none cut, exit 0', async () => {
    const second = spawnServer({ DATABASE_URL: cluster.url('jejaring_faults'), LOG_LEVEL: 'info' });
    const target = await second.url;
    const load = runLoad({ url: target, bodies, rate: RATE, seconds: 8 });
    await sleep(3_000);
    const signalledAt = performance.now();
    second.child.kill('SIGTERM');
    const code = await exitWithin(second, 20_000);
    const exitMs = performance.now() - signalledAt;
    const { sent } = await load;
    const answered = sent.filter((s) => s.outcome.kind === 'answer');
    const refused = sent.filter((s) => s.outcome.kind === 'refused');
    const cut = sent.filter((s) => s.outcome.kind === 'cut');
    // Complete JSON: every answer's body parses (post() keeps json null when it does not).
    const unparsed = answered.filter((s) => s.outcome.kind === 'answer' && s.outcome.json === null);
    const wrong = answered.filter(
      (s) => !succeeded(s.outcome) && !(s.outcome.kind === 'answer' && s.outcome.status === 503),
    );
    const cutLogged = second.logs().filter((line) => String(line.msg).includes('cut off'));
    reportFigures('sigterm-under-load', {
      targetRate: RATE,
      requests: sent.length,
      answered: answered.length,
      answered503: answered.filter((s) => s.outcome.kind === 'answer' && s.outcome.status === 503).length,
      refused: refused.length,
      refusedCodes: [...new Set(refused.map((s) => (s.outcome.kind === 'refused' ? s.outcome.code : '')))],
      cut: cut.length,
      unparsedBodies: unparsed.length,
      exitCode: code,
      exitMsAfterSigterm: round(exitMs),
    });
    expect(code).toBe(0);
    expect(cut.map(describeFailure)).toEqual([]);
    expect(unparsed.map(describeFailure)).toEqual([]);
    expect(wrong.map(describeFailure)).toEqual([]);
    expect(cutLogged).toEqual([]);
    expect(answered.filter((s) => succeeded(s.outcome)).length).toBeGreaterThan(0); // the load ran before the signal
    expect(refused.length).toBeGreaterThan(0); // and went on after the listener closed
  });
});
