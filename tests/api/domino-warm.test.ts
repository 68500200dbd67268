import { TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { dominoStoresSettled } from '@jejaring/server/analytics/domino-effect.sql';
import { storedMatrices } from '@jejaring/server/analytics/domino-store.sql';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../server/test/analytics/harness.ts';
import { waitFor } from '../support/process.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * The domino warmer of a running server (docs/domino-matrices.md "The persisted matrices",
 * warming) rebuilds a stale period after a write on the handle the requests use, so a request that
 * comes after the warming finds the matrix in the process's memory: it neither reads the store nor
 * builds. Seen from outside: with the store emptied after the warming, the request stores nothing
 * (a build would store its matrix again).
 */
const query = (rounds: number) => `query { dominoEffect(filter: { fiscalYear: 2023 }, rounds: ${rounds}) {
  rounds { amount } } }`;
const PERIOD = '2023-01-01..2023-12-31';

describe(`the domino warmer's matrix serves the next request from memory (${testEngine})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      seed: async (database) => {
        await loadBundle(database.db, TEST_TENANT, 'domino');
      },
      env: { DOMINO_WARM_INTERVAL: '1' },
    });
  }, 300_000);
  afterAll(() => server?.close());

  const amounts = async (rounds: number) => {
    const answer = await server.gql<{ dominoEffect: { rounds: Array<{ amount: number }> } }>(query(rounds));
    expect(answer.errors).toBeUndefined();
    return answer.data?.dominoEffect.rounds.map((r) => Math.round(r.amount * 1e6) / 1e6);
  };

  it('after a write, the warmed matrix answers the next request without the store', async () => {
    const db = server.database.db;
    expect(await amounts(3)).toEqual([100, 25, 5]);
    await dominoStoresSettled();
    // U1 pays U2 another 150 (as in server/test/analytics/domino-store.test.ts): m[U1][U2] = 200 / 230,
    // m[U2][U3] = 20 / 200, so R2 = 100 · 200/230 and R3 = R2 / 10.
    await sql`INSERT INTO "transaction" (tenant_id, buyer_id, seller_id, category, account_code, amount, occurred_on, source, source_ref)
      SELECT ${TEST_TENANT}, b.id, s.id, 'CATERING', '5.1.02.01', 150, '2023-06-01', 'FIXTURE', 'domino-warm-write'
      FROM party b, party s WHERE b.tenant_id = ${TEST_TENANT} AND b.ref = 'U1' AND s.tenant_id = ${TEST_TENANT} AND s.ref = 'U2'`.execute(
      db,
    );
    const version = Number(
      (await sql<{ version: string }>`SELECT version FROM analytics_state WHERE tenant_id = ${TEST_TENANT}`.execute(db))
        .rows[0]?.version,
    );
    const warmed = await waitFor(
      async () =>
        (await storedMatrices(db, TEST_TENANT)).some(
          (m) => m.period === PERIOD && m.version === version && m.bytes > 0,
        ),
      30_000,
    );
    expect(warmed, 'the warmer rebuilt the period at the new version').not.toBeNull();
    await sql`DELETE FROM analytics_domino_matrix WHERE tenant_id = ${TEST_TENANT}`.execute(db);
    // Five rounds: not an answer the shared result cache holds, so the matrix is asked for.
    expect(await amounts(5)).toEqual([100, 86.956522, 8.695652, 0, 0]);
    await dominoStoresSettled();
    // Only the request's period counts: with the store emptied, the warmer lists the whole recorded
    // period of the tenant again (listUnbuiltTenants).
    expect((await storedMatrices(db, TEST_TENANT)).filter((m) => m.period === PERIOD)).toEqual([]);
  }, 120_000);
});
