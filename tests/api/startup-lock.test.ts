import { STARTUP_LOCK_KEY } from '@jejaring/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PrivateCluster, startPrivateCluster } from '../support/private-cluster.ts';
import { exitWithin, type ServerProcess, spawnServer, waitFor } from '../support/process.ts';

/*
 * Two API instances starting at once against one empty PostgreSQL database (a private cluster):
 * the start-up lock makes one migrate while the other waits, and DEMO_DATA=auto puts no demo data
 * into PostgreSQL. The test holds the lock itself until both instances are waiting for it, so
 * they really start together however the machine schedules their start-up.
 */
describe('two instances starting at once on one PostgreSQL database', () => {
  let cluster: PrivateCluster;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    await cluster.createDatabase('jejaring_twins');
  });
  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await cluster?.destroy();
  });

  it('migrates exactly once: one instance applies every migration, the other waits and applies none', async () => {
    const holder = new pg.Client({ connectionString: cluster.url('jejaring_twins') });
    holder.on('error', () => {});
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    const env = { DATABASE_URL: cluster.url('jejaring_twins'), DEMO_DATA: 'auto' };
    servers.push(spawnServer(env), spawnServer(env));
    const waiting = (server: ServerProcess) =>
      server.logs().some((line) => line.msg === 'another instance is migrating this database: waiting for it');
    const bothWaiting = await waitFor(() => servers.every(waiting), 45_000);
    expect(bothWaiting, `not both waiting:\n${servers.map((s) => s.stderr()).join('\n')}`).not.toBeNull();
    await holder.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);

    const urls = await Promise.all(servers.map((server) => server.url));
    for (const url of urls) expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const { rows } = await holder.query<{ n: number }>('SELECT count(*)::int AS n FROM kysely_migration');
    const appliedPerServer = servers.map(
      (server) =>
        (server.logs().find((line) => line.msg === 'migrations applied')?.applied as string[] | undefined)?.length ?? 0,
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
    expect([...appliedPerServer].sort((a, b) => a - b)).toEqual([0, rows[0]?.n]);

    // DEMO_DATA=auto: no demo data in PostgreSQL.
    const parties = await holder.query<{ n: number }>('SELECT count(*)::int AS n FROM party');
    expect(parties.rows[0]?.n).toBe(0);
    await holder.end();

    for (const server of servers) server.child.kill('SIGTERM');
    for (const server of servers) expect(await exitWithin(server, 15_000)).toBe(0);
  });
});
