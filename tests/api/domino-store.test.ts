import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '@jejaring/db';
import { createTestDatabase, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../server/test/analytics/harness.ts';
import { exitWithin, type ServerProcess, spawnServer, waitFor } from '../support/process.ts';

/*
 * The domino matrix persisted in the database (docs/domino-matrices.md "The persisted matrices"): a
 * second server process on the same database answers from the matrix the first one stored, without
 * rebuilding it. Each process logs where its matrix came from. On PGlite one process at a time
 * holds the directory, so the second starts after the first stopped (a restart); on PostgreSQL
 * both run at once (two instances). The second process asks for four rounds where the first asked
 * for three: the same period's matrix, but not an answer the shared result cache holds.
 */
const query = (rounds: number) => `query { dominoEffect(filter: { fiscalYear: 2023 }, rounds: ${rounds}) {
  injection multiplier limitMultiplier converged iterations rounds { round amount parties bySector { sector amount } } } }`;
const BUILT = 'domino matrix built and stored';
const READ = 'domino matrix read from the store';

describe(`a second server process answers from the persisted domino matrix (${testEngine})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-domino-store-'));
  const servers: ServerProcess[] = [];
  let handle: DatabaseHandle | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (testEngine === 'postgres') {
      handle = await createTestDatabase();
      await loadBundle(handle.db, TEST_TENANT, 'domino');
      env = { DATABASE_URL: handle.location, TENANT: TEST_TENANT };
    } else {
      const data = path.join(dir, 'pglite');
      const seeding = await openDatabase({ engine: 'pglite', dir: data });
      try {
        await migrateToLatest(seeding.db, TEST_TENANT);
        await loadBundle(seeding.db, TEST_TENANT, 'domino');
      } finally {
        await seeding.close();
      }
      env = { PGLITE_DIR: data, TENANT: TEST_TENANT };
    }
  }, 300_000); // a PGlite directory is created and migrated from scratch
  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await handle?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (server: ServerProcess, rounds = 3) => {
    const response = await fetch(`${await server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: query(rounds) }),
    });
    return (await response.json()) as { data?: { dominoEffect: { rounds: Array<{ amount: number }> } } };
  };
  const lines = (server: ServerProcess) =>
    server
      .logs()
      .filter((line) => line.msg === BUILT || line.msg === READ)
      .map((line) => [line.msg, line.period, line.source]);
  /** The matrix log lines of `server`, once the first has arrived: its stdout is read apart from the HTTP answer. */
  const said = async (server: ServerProcess) => {
    await waitFor(() => lines(server).length > 0, 10_000);
    return lines(server);
  };
  const stop = async (server: ServerProcess) => {
    server.child.kill('SIGTERM');
    expect(await exitWithin(server, 15_000)).toBe(0);
  };

  it('the first process builds and stores the matrix once; the second reads it and builds nothing', async () => {
    const first = spawnServer(env);
    servers.push(first);
    const amounts = (answer: Awaited<ReturnType<typeof ask>>) =>
      answer.data?.dominoEffect.rounds.map((r) => Math.round(r.amount * 1e6) / 1e6);
    const answer = await ask(first);
    expect(amounts(answer)).toEqual([100, 25, 5]);
    expect(await ask(first)).toEqual(answer); // from the result cache: no second log line
    expect(await said(first)).toEqual([[BUILT, '2023-01-01..2023-12-31', 'built']]);
    if (testEngine === 'pglite') await stop(first); // the directory is one process's at a time

    const second = spawnServer(env);
    servers.push(second);
    // Round 4 is what round 3's receiver, U3, pays on: it pays no one.
    expect(amounts(await ask(second, 4))).toEqual([100, 25, 5, 0]);
    expect(await said(second)).toEqual([[READ, '2023-01-01..2023-12-31', 'store']]);
    await stop(second);
    if (testEngine === 'postgres') await stop(first);
  }, 300_000);
});
