import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PrivateCluster, startPrivateCluster } from '../support/private-cluster.ts';
import { exitWithin, type ServerProcess, spawnServer, waitFor } from '../support/process.ts';

/*
 * PostgreSQL going away under a running server: crashed in the middle of a request, down for a
 * while, back again. On a cluster of the test's own (never the shared server), whatever engine the
 * rest of the suite runs on; the server is a real child process, so "the process lives" is a fact
 * about a process.
 */

const ABOUT = JSON.stringify({ query: 'query { about { tenantId } }' });

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors: Array<{ message: string; extensions: { code: string } }> };
}

async function graphql(url: string): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: ABOUT,
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Answer['body'],
  };
}

const statusOf = async (url: string, path: string) => (await fetch(`${url}${path}`)).status;

describe('PostgreSQL lost and back (a private cluster)', () => {
  let cluster: PrivateCluster;
  let server: ServerProcess;
  let url: string;
  let clusterUp = false;
  /** Whether the running server process has lived through an outage. */
  let outageSeen = false;

  /*
   * Each test first brings the cluster and the server to the state it starts from (up, down, or
   * back after an outage), so the tests pass in any order on one cluster: a test that stops the
   * server (SIGTERM) leaves the next one to start another.
   */
  const exited = () => server.child.exitCode !== null || server.child.signalCode !== null;
  const crash = async () => {
    await cluster.stop('immediate'); // as a crash: every socket dies, no goodbye
    clusterUp = false;
    outageSeen = true;
  };
  /** PostgreSQL running and a live server ready on it. */
  const up = async () => {
    if (!clusterUp) {
      await cluster.start();
      clusterUp = true;
    }
    if (!server || exited()) {
      server = spawnServer({ DATABASE_URL: cluster.url('jejaring_faults'), STATISTICS_INTERVAL: '1' });
      url = await server.url;
      outageSeen = false;
    }
    const ready = await waitFor(async () => (await statusOf(url, '/readyz')) === 200, 10_000);
    if (ready === null) throw new Error('the server did not become ready');
  };
  /** PostgreSQL crashed under a live server that has noticed (/readyz 503). */
  const down = async () => {
    if (!server || exited()) await up();
    if (clusterUp) await crash();
    const noticed = await waitFor(async () => (await statusOf(url, '/readyz')) === 503, 10_000);
    if (noticed === null) throw new Error('the server did not notice the outage');
  };
  /** A live server that has been through an outage, PostgreSQL back and the server ready again. */
  const recovered = async () => {
    if (!server || exited() || !outageSeen) await down();
    await up();
  };

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    clusterUp = true;
    await cluster.createDatabase('jejaring_faults');
    await up();
  });
  afterAll(async () => {
    if (server && !exited()) server.child.kill('SIGKILL');
    await cluster?.destroy();
  });

  it('answers 503 SERVICE_UNAVAILABLE to a request whose connection died mid-query, and the process lives', async () => {
    await up();
    expect((await graphql(url)).status).toBe(200);
    // Hold the request inside PostgreSQL: the tenant table is locked by another session.
    const blocker = new pg.Client({ connectionString: cluster.url('jejaring_faults') });
    blocker.on('error', () => {}); // its connection dies with the server too
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE tenant IN ACCESS EXCLUSIVE MODE');
    const pending = graphql(url);
    const waiting = await waitFor(async () => {
      const { rows } = await blocker.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'jejaring_faults'",
      );
      return rows[0].n > 0;
    }, 10_000);
    expect(waiting, 'the request never reached PostgreSQL').not.toBeNull();

    await crash();
    const answer = await pending;
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe('5');
    expect(answer.body.errors[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(answer.body.errors[0]?.message).toMatch(/tidak dapat dijangkau.*cannot be reached/);
    // No connection detail (error codes, addresses, the cluster's 55xx port) reaches the client.
    // The request id, a random UUID, is left out of the check: its hex digits contain "55" and
    // two decimal digits in about one answer of twenty.
    const shown = JSON.stringify(answer.body, (key, value) => (key === 'requestId' ? undefined : value));
    expect(shown).not.toMatch(/ECONN|terminat|127\.0\.0\.1|55\d\d/);
    expect(server.child.exitCode).toBeNull();
  });

  it('while PostgreSQL is down: /readyz 503, /healthz 200, requests 503, the process alive', async () => {
    await down();
    const failures = () => server.logs().filter((line) => line.msg === 'refreshing planner statistics failed').length;
    const failedBefore = failures();
    expect(await statusOf(url, '/readyz')).toBe(503);
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({ status: 'database unreachable' });
    expect(await statusOf(url, '/healthz')).toBe(200);
    const answer = await graphql(url);
    expect(answer.status).toBe(503);
    expect(answer.body.errors[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    // The statistics keeper (every second here) fails while the database is away, and keeps going.
    const failed = await waitFor(() => failures() > failedBefore, 5_000);
    expect(failed).not.toBeNull();
    expect(server.child.exitCode).toBeNull();
  });

  it('is ready again within 2 s of PostgreSQL being back, without a restart', async () => {
    await down();
    await cluster.start();
    clusterUp = true;
    const ready = await waitFor(async () => (await statusOf(url, '/readyz')) === 200, 10_000);
    expect(ready, '/readyz never turned 200').not.toBeNull();
    expect(ready).toBeLessThan(2_000);
    const answer = await graphql(url);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { about: { tenantId: '61.12' } } });
    expect(server.child.exitCode).toBeNull();
  });

  it('keeps the statistics keeper working after the outage', async () => {
    await recovered();
    const before = server.logs().filter((line) => line.msg === 'planner statistics refreshed').length;
    // A write the analytics triggers count: the keeper analyses at its next tick.
    const client = new pg.Client({ connectionString: cluster.url('jejaring_faults') });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO party (tenant_id, ref, kind, name, region_code) VALUES ('61.12', 'FAULT-1', 'ENTERPRISE', 'Usaha', '61.12')`,
      );
    } finally {
      await client.end();
    }
    const refreshed = await waitFor(
      () => server.logs().filter((line) => line.msg === 'planner statistics refreshed').length > before,
      5_000,
    );
    expect(refreshed, 'the keeper did not analyse after the outage').not.toBeNull();
  });

  it('still stops cleanly on SIGTERM (exit code 0)', async () => {
    await recovered();
    server.child.kill('SIGTERM');
    expect(await exitWithin(server, 15_000)).toBe(0);
  });
});
