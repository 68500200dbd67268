import type { Database } from '@jejaring/db';
import { TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql, type Transaction } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, seedAccounts, signIn } from '../support/accounts.ts';
import { globalId, importApiBundle } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * The request deadline, PostgreSQL's statement_timeout and the cancellation of an abandoned
 * request's statements, over real HTTP. A request is made slow by holding what its statement
 * needs: on PGlite the single connection (a transaction the test keeps open), on PostgreSQL an
 * exclusive lock on the table it reads.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SLOW = '{ parties(first: 1) { totalCount } }';

/**
 * Opens a transaction on the test's own connection, runs `take` in it, and keeps it open until the
 * returned function is called (which then waits for its end).
 */
async function holdOpen(
  target: TestServer,
  take: (trx: Transaction<Database>) => Promise<unknown>,
): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let taken!: () => void;
  const isTaken = new Promise<void>((resolve) => {
    taken = resolve;
  });
  const done = target.database.db.transaction().execute(async (trx) => {
    await take(trx);
    taken();
    await released;
  });
  await isTaken;
  return async () => {
    release();
    await done;
  };
}

/** Holds what SLOW needs until the returned function is called. */
function block(target: TestServer): Promise<() => Promise<void>> {
  return holdOpen(target, async (trx) => {
    if (testEngine === 'postgres') await sql`LOCK TABLE party IN ACCESS EXCLUSIVE MODE`.execute(trx);
  });
}

/** Statements of the test database waiting for a lock (PostgreSQL). */
async function waitingStatements(target: TestServer): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(target.database.db);
  return result.rows[0]?.n ?? 0;
}

async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('request deadline', () => {
  it('answers 503 REQUEST_TIMEOUT with Retry-After when the deadline passes, /healthz answering meanwhile', async () => {
    server = await startTestServer({ env: { REQUEST_TIMEOUT_MS: '500', STATEMENT_TIMEOUT_MS: '0' } });
    const unblock = await block(server);
    try {
      const started = performance.now();
      const pending = fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'slow-1' },
        body: JSON.stringify({ query: SLOW }),
      });
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      const response = await pending;
      expect(performance.now() - started).toBeGreaterThanOrEqual(450);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('10');
      expect(await response.json()).toEqual({
        errors: [
          {
            message: expect.stringMatching(/longer than 0.5 s/),
            extensions: { code: 'REQUEST_TIMEOUT', requestId: 'slow-1' },
          },
        ],
      });
      if (testEngine === 'postgres') {
        // The statement waiting for the lock was cancelled with its request.
        expect(await eventually(async () => (await waitingStatements(server as TestServer)) === 0)).toBe(true);
      }
    } finally {
      await unblock();
    }
    // The connection is usable again and the server answers.
    expect((await server.gql(SLOW)).errors).toBeUndefined();
  });

  // statement_timeout and the cancellation of a running statement are PostgreSQL's (PGlite runs one
  // statement at a time in-process and has neither): these cases belong to the PostgreSQL run of
  // the test command (CI runs both) and are not declared on PGlite.
  if (testEngine === 'postgres') {
    it('stops a statement at STATEMENT_TIMEOUT_MS with a coded REQUEST_TIMEOUT error (PostgreSQL)', async () => {
      server = await startTestServer({ env: { REQUEST_TIMEOUT_MS: '20000', STATEMENT_TIMEOUT_MS: '300' } });
      const unblock = await block(server);
      try {
        const result = await server.gql(SLOW);
        expect(result.errors?.[0]).toMatchObject({
          path: ['parties'],
          extensions: { code: 'REQUEST_TIMEOUT' },
        });
        expect(JSON.stringify(result)).not.toMatch(/statement|canceling|party/i);
      } finally {
        await unblock();
      }
      // Statements outside requests (the test's own) have no timeout.
      const own = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(server.database.db);
      expect(own.rows[0]?.statement_timeout).toBe('0');
    });

    it('cancels the statement of a request whose client went away (PostgreSQL)', async () => {
      server = await startTestServer({ env: { REQUEST_TIMEOUT_MS: '60000', STATEMENT_TIMEOUT_MS: '0' } });
      const unblock = await block(server);
      try {
        const abort = new AbortController();
        const pending = fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: SLOW }),
          signal: abort.signal,
        }).catch(() => null);
        expect(await eventually(async () => (await waitingStatements(server as TestServer)) === 1)).toBe(true);
        abort.abort();
        await pending;
        expect(await eventually(async () => (await waitingStatements(server as TestServer)) === 0)).toBe(true);
      } finally {
        await unblock();
      }
    });

    // Writers of one regency take turns on its analytics state (migration
    // 2026_12_10_1000_analytics_state_first; docs/imports.md "Other writes while an import commits").
    it('answers a write waiting for another writer of its regency REQUEST_TIMEOUT at the deadline, storing nothing; sent again, it is stored once', async () => {
      const target = await startTestServer({
        seed: async (handle) => {
          await importApiBundle(handle);
          await seedAccounts(handle);
        },
        env: { REQUEST_TIMEOUT_MS: '1500' },
      });
      server = target;
      const token = await signIn(target, 'admin');
      const id = async (ref: string) =>
        Number(
          (await target.database.db.selectFrom('party').select('id').where('ref', '=', ref).executeTakeFirstOrThrow())
            .id,
        );
      const input = {
        buyerId: globalId('Agency', await id('AG-DINKES')),
        sellerId: globalId('Enterprise', await id('EN-012')),
        category: 'FOOD_STAPLES',
        amount: 2_500_000,
        occurredOn: '2026-02-10',
        sourceRef: 'SP2D-TURN-1',
      };
      const record = () =>
        target.post(
          {
            query:
              'mutation($input: TransactionInput!) { recordTransaction(input: $input) { transaction { sourceRef } } }',
            variables: { input },
          },
          bearer(token),
        );
      const stored = async () =>
        (
          await sql<{ n: number }>`SELECT count(*)::int AS n FROM "transaction"
            WHERE tenant_id = ${TEST_TENANT} AND source_ref = 'SP2D-TURN-1'`.execute(target.database.db)
        ).rows[0]?.n;
      // Another writer (an import's commit, say) has taken the regency's turn and not committed yet.
      const commitOther = await holdOpen(target, (trx) => sql`SELECT analytics_bump(${TEST_TENANT})`.execute(trx));
      try {
        const waited = await record();
        expect(waited.status).toBe(503);
        expect(waited.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      } finally {
        await commitOther();
      }
      expect(await stored()).toBe(0);
      const again = await record();
      expect(again.body).toEqual({ data: { recordTransaction: { transaction: { sourceRef: 'SP2D-TURN-1' } } } });
      expect(await stored()).toBe(1);
    });
  }
});
