import { type DatabaseHandle, migrateToLatest, openDatabase, PREPARED } from '@jejaring/db';
import { TEST_TENANT } from '@jejaring/db/testing';
import { loadServerConfig } from '@jejaring/server/config';
import { createLogger } from '@jejaring/server/logger';
import { type Running, startServer } from '@jejaring/server/start';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApiBundle } from '../support/fixtures.ts';
import { type PrivateCluster, startPrivateCluster } from '../support/private-cluster.ts';
import { LOOPBACK } from '../support/server.ts';

/*
 * Named prepared statements (db/src/prepared-statements.ts) on a PostgreSQL cluster of the test's
 * own, whatever engine the rest of the suite runs on. Each handle here has ONE connection, so
 * pg_prepared_statements, read through the same handle, shows what that connection holds: which
 * statements were sent named, and how PostgreSQL planned their executions.
 */

const DB = 'jejaring_prepared';
let cluster: PrivateCluster;

interface Prepared {
  name: string;
  statement: string;
  generic_plans: number;
  custom_plans: number;
}

const preparedOn = async (handle: DatabaseHandle) =>
  (
    await sql<Prepared>`SELECT name, statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements ORDER BY statement`.execute(
      handle.db,
    )
  ).rows;

/**
 * What each of a handle's `sessions` connections holds: as many transactions at once, each on a
 * connection of its own, each reading its session's statements.
 */
async function preparedOnEach(handle: DatabaseHandle, sessions: number): Promise<Prepared[][]> {
  let entered = 0;
  let allIn: () => void = () => {};
  const together = new Promise<void>((resolve) => {
    allIn = resolve;
  });
  return Promise.all(
    Array.from({ length: sessions }, () =>
      handle.db.transaction().execute(async (trx) => {
        entered += 1;
        if (entered === sessions) allIn();
        await together;
        return (
          await sql<Prepared>`SELECT name, statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements`.execute(
            trx,
          )
        ).rows;
      }),
    ),
  );
}

const backendPid = async (handle: DatabaseHandle) =>
  Number((await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(handle.db)).rows[0]?.pid);

/** A handle of one connection to the test's database, with at most `limit` named statements (unset: the default). */
const oneConnection = (limit?: number) =>
  openDatabase(
    { engine: 'postgres', url: cluster.url(DB), ...(limit === undefined ? {} : { preparedStatements: limit }) },
    { poolSize: 1 },
  );

beforeAll(async () => {
  cluster = await startPrivateCluster();
  await cluster.createDatabase(DB);
  const seed = await openDatabase({ engine: 'postgres', url: cluster.url(DB) });
  try {
    await migrateToLatest(seed.db, TEST_TENANT);
    await importApiBundle(seed);
    await sql`ANALYZE`.execute(seed.db);
  } finally {
    await seed.close();
  }
});

afterAll(async () => {
  await cluster?.destroy();
});

describe('named prepared statements (PostgreSQL)', () => {
  it('sends a marked statement named, once parsed per connection, and an unmarked one unnamed', async () => {
    const handle = await oneConnection();
    try {
      for (let i = 0; i < 3; i++) {
        const rows = (
          await sql<{
            n: number;
          }>`${sql.raw(PREPARED)}SELECT count(*)::int AS n FROM party WHERE tenant_id = ${TEST_TENANT}`.execute(
            handle.db,
          )
        ).rows;
        expect(rows[0]?.n).toBeGreaterThan(0);
      }
      await sql`SELECT count(*) AS n FROM region WHERE code = ${TEST_TENANT}`.execute(handle.db);
      const prepared = await preparedOn(handle);
      expect(prepared).toHaveLength(1);
      expect(prepared[0]?.statement).toBe(`${PREPARED}SELECT count(*)::int AS n FROM party WHERE tenant_id = $1`);
      expect(prepared[0]?.name).toMatch(/^j_[A-Za-z0-9_-]{24}$/);
      // Three executions of one statement: planned for each (custom plans) or once (generic).
      expect((prepared[0]?.custom_plans ?? 0) + (prepared[0]?.generic_plans ?? 0)).toBe(3);
    } finally {
      await handle.close();
    }
  });

  it('names at most `limit` statements per connection; the rest go unnamed and still answer', async () => {
    const handle = await oneConnection(2);
    try {
      for (const n of [1, 2, 3, 4, 1, 2]) {
        const rows = (await sql<{ n: number }>`${sql.raw(PREPARED)}SELECT ${n}::int + 0 AS n`.execute(handle.db)).rows;
        expect(rows).toEqual([{ n }]);
      }
      const prepared = await preparedOn(handle);
      expect(prepared.map((p) => p.statement)).toEqual([`${PREPARED}SELECT $1::int + 0 AS n`]);
      expect((prepared[0]?.custom_plans ?? 0) + (prepared[0]?.generic_plans ?? 0)).toBe(6);
    } finally {
      await handle.close();
    }
    // Distinct texts fill the two places; a third is sent unnamed.
    const second = await oneConnection(2);
    try {
      for (const column of ['id', 'name', 'kind']) {
        await sql`${sql.raw(PREPARED)}SELECT ${sql.ref(column)} FROM party LIMIT 1`.execute(second.db);
      }
      expect((await preparedOn(second)).map((p) => p.statement)).toEqual([
        `${PREPARED}SELECT "id" FROM party LIMIT 1`,
        `${PREPARED}SELECT "name" FROM party LIMIT 1`,
      ]);
    } finally {
      await second.close();
    }
  });

  it('with a limit of 0 (PG_PREPARED_STATEMENTS=0) sends every statement unnamed', async () => {
    const handle = await oneConnection(0);
    try {
      await sql`${sql.raw(PREPARED)}SELECT 1 AS one`.execute(handle.db);
      expect(await preparedOn(handle)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('answers a statement whose table changed type under it unnamed, and closes that connection on release', async () => {
    const handle = await oneConnection();
    try {
      await sql`CREATE TABLE prepared_probe (a int)`.execute(handle.db);
      await sql`INSERT INTO prepared_probe VALUES (1)`.execute(handle.db);
      const probe = () =>
        sql<Record<string, unknown>>`${sql.raw(PREPARED)}SELECT * FROM prepared_probe`.execute(handle.db);
      expect((await probe()).rows).toEqual([{ a: 1 }]);
      const pid = await backendPid(handle);
      // Another session changes the table: the prepared statement's rows would change type.
      const other = await openDatabase({ engine: 'postgres', url: cluster.url(DB) }, { poolSize: 1 });
      try {
        await sql`ALTER TABLE prepared_probe ADD COLUMN b text DEFAULT 'x'`.execute(other.db);
      } finally {
        await other.close();
      }
      expect((await probe()).rows).toEqual([{ a: 1, b: 'x' }]);
      // The connection that held the stale statement was closed: the next one is a new session.
      expect(await backendPid(handle)).not.toBe(pid);
      expect((await probe()).rows).toEqual([{ a: 1, b: 'x' }]);
      await sql`DROP TABLE prepared_probe`.execute(handle.db);
    } finally {
      await handle.close();
    }
  });
});

describe('the API on named statements (PostgreSQL)', () => {
  let handle: DatabaseHandle;
  let running: Running;

  beforeAll(async () => {
    // Two connections: the server's start holds one (its startup lock) while it migrates on another.
    handle = await openDatabase({ engine: 'postgres', url: cluster.url(DB) }, { poolSize: 2 });
    const config = loadServerConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      TENANT: TEST_TENANT,
      DEMO_DATA: 'off',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_EXEMPT: LOOPBACK,
      STATISTICS_INTERVAL: '0',
      DOMINO_WARM_INTERVAL: '0',
      DATABASE_URL: cluster.url(DB),
    });
    running = await startServer(config, createLogger('silent'), handle);
  });

  afterAll(async () => {
    await running?.stop();
    await handle?.close();
  });

  it("plans an agency's lookup with its network units once: from the sixth request on a generic plan, the same answer", async () => {
    const code = (
      await sql<{ code: string }>`
        SELECT ap.code FROM agency_profile ap
        WHERE EXISTS (SELECT 1 FROM party u WHERE u.tenant_id = ap.tenant_id AND u.parent_id = ap.party_id)
        ORDER BY ap.code LIMIT 1`.execute(handle.db)
    ).rows[0]?.code;
    expect(code).toBeDefined();
    const query = `query($code: String!) { agency(code: $code) { code networkUnits(first: 100) { nodes { name unitType } } } }`;
    const answers: string[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { code } }),
      });
      expect(response.status).toBe(200);
      answers.push(await response.text());
    }
    const first = JSON.parse(answers[0] as string);
    expect(first.data.agency.code).toBe(code);
    expect(first.data.agency.networkUnits.nodes.length).toBeGreaterThan(0);
    expect(new Set(answers).size).toBe(1);
    // The requests came one after another, so one connection (the pool's last released) ran them.
    const lookup = (await preparedOnEach(handle, 2)).flat().filter((p) => p.statement.includes('"agency_profile"'));
    expect(lookup).toHaveLength(1);
    // PostgreSQL plans the first five executions for their values, then keeps the generic plan.
    expect(lookup[0]).toMatchObject({ custom_plans: 5, generic_plans: 3 });
    // The party kinds are written into the statement (the generic plan knows them), not bound.
    expect(lookup[0]?.statement).toContain(`"p"."kind" in ('NETWORK_UNIT')`);
    expect(lookup[0]?.statement).toContain(`"p"."kind" in ('AGENCY')`);
  });
});
