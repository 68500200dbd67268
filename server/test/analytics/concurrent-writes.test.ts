import { type DatabaseHandle, rebuildRollups } from '@jejaring/db';
import { createTestDatabase, rollupRows, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures.ts';
import { concurrentWrite } from './histories.ts';
import { prng, randomFixture } from './random.ts';

/*
 * Writers of one tenant at the same moment, each in a transaction of several statements (an
 * operator entering purchases while an import commits its batches and another corrects a
 * party), with the rollups kept by the triggers in each writing transaction. On PostgreSQL they
 * run on connections of their own; before migration 2026_12_10_1000_analytics_state_first they
 * deadlocked on rollup rows, and PostgreSQL aborted one writer in two. On PGlite, with one
 * connection, they take turns anyway.
 */
describe(`writers of one tenant at once (${testEngine})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await loadFixture(handle.db, TEST_TENANT, randomFixture(4100));
  });
  afterAll(() => handle?.close());

  it('all commit, and the rollups then equal a rebuild', async () => {
    const rng = prng(4101);
    const writes: string[] = [];
    for (let round = 0; round < 6; round++) {
      // Eight writers, one of them also reclassifying a party; each its own random stream.
      const done = await Promise.allSettled(
        Array.from({ length: 8 }, (_, w) => {
          const own = prng(rng.int(1, 1_000_000));
          return handle.db
            .transaction()
            .execute((trx) => concurrentWrite(trx, TEST_TENANT, own, `C${round}-${w}`, w === round % 8));
        }),
      );
      const refused = done.flatMap((d) => (d.status === 'rejected' ? [String(d.reason)] : []));
      expect(refused).toEqual([]);
      writes.push(...done.map((d) => (d.status === 'fulfilled' ? d.value : '')));
    }
    // Every purchase the writers said they entered is stored (their source refs begin with C).
    const entered = writes.flatMap((w) => [...w.matchAll(/entered (\d+)/g)].map((m) => Number(m[1])));
    expect(entered).toHaveLength(96);
    const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM "transaction"
      WHERE tenant_id = ${TEST_TENANT} AND source_ref LIKE 'C%'`.execute(handle.db);
    expect(stored.rows[0]?.n).toBe(entered.reduce((a, b) => a + b, 0));
    const kept = await rollupRows(handle.db);
    await rebuildRollups(handle.db, TEST_TENANT);
    expect(await rollupRows(handle.db), writes.join('; ')).toEqual(kept);
  });
});
