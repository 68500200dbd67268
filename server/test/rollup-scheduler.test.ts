import { type DatabaseHandle, pendingRollupChanges, setRollupMode } from '@jejaring/db';
import { createTestDatabase, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleRollups } from '../src/rollup-scheduler.ts';
import { loadFixture } from './analytics/fixtures.ts';

/** Total spending of agencies in the monthly rollup, and in "transaction" itself. */
async function totals(handle: DatabaseHandle): Promise<{ rollup: number; purchases: number }> {
  const row = await sql<{ rollup: string; purchases: string }>`
    SELECT (SELECT coalesce(sum(amount), 0) FROM analytics_spend_month WHERE tenant_id = ${TEST_TENANT}) AS rollup,
           (SELECT coalesce(sum(amount), 0) FROM "transaction" WHERE tenant_id = ${TEST_TENANT}) AS purchases`.execute(
    handle.db,
  );
  return { rollup: Number(row.rows[0]?.rollup), purchases: Number(row.rows[0]?.purchases) };
}

describe(`the rollup scheduler (${testEngine})`, () => {
  let handle: DatabaseHandle;
  let buy: (amount: number, ref: string) => Promise<void>;
  beforeAll(async () => {
    handle = await createTestDatabase();
    const loaded = await loadFixture(handle.db, TEST_TENANT, {
      parties: [
        { ref: 'DINAS', kind: 'AGENCY' },
        { ref: 'WARUNG', kind: 'ENTERPRISE', region_code: '61.12.01', size_class: 'MICRO' },
      ],
      transactions: [{ ref: 'T0', buyer_ref: 'DINAS', seller_ref: 'WARUNG', amount: 1_000, occurred_on: '2024-03-05' }],
    });
    buy = async (amount, ref) => {
      await handle.db
        .insertInto('transaction')
        .values({
          tenant_id: TEST_TENANT,
          buyer_id: loaded.id('DINAS'),
          seller_id: loaded.id('WARUNG'),
          category: 'OTHER',
          amount,
          occurred_on: '2024-04-02',
          source: 'TEST',
          source_ref: ref,
        })
        .execute();
    };
  });
  afterAll(() => handle?.close());

  it('does nothing in TRIGGER mode, where a purchase reaches the rollups at once', async () => {
    const scheduler = scheduleRollups(handle.db, pino({ level: 'silent' }), 0);
    try {
      const before = await totals(handle);
      expect(before.rollup).toBe(before.purchases);
      await buy(250, 'A1');
      expect(await totals(handle)).toEqual({ rollup: before.rollup + 250, purchases: before.purchases + 250 });
      expect(await scheduler.tick()).toBeNull();
    } finally {
      await scheduler.stop();
    }
  });

  it('applies what SCHEDULED mode recorded, at its tick', async () => {
    const scheduler = scheduleRollups(handle.db, pino({ level: 'silent' }), 0);
    await setRollupMode(handle.db, 'SCHEDULED');
    try {
      const before = await totals(handle);
      await buy(40, 'B1');
      await buy(2, 'B2');
      await buy(300, 'B3');
      await sql`DELETE FROM "transaction" WHERE tenant_id = ${TEST_TENANT} AND source_ref = 'B3'`.execute(handle.db);
      // Recorded, not applied: three purchases in, one out; the rollup has not moved.
      expect(await pendingRollupChanges(handle.db)).toEqual({ transactions: 4, parties: 0 });
      expect(await totals(handle)).toEqual({ rollup: before.rollup, purchases: before.purchases + 42 });
      expect(await scheduler.tick()).toBe(4);
      expect(await totals(handle)).toEqual({ rollup: before.rollup + 42, purchases: before.purchases + 42 });
      expect(await scheduler.tick()).toBe(0);
    } finally {
      await scheduler.stop();
      await setRollupMode(handle.db, 'TRIGGER');
    }
  });

  it('applies on its own every interval', async () => {
    const scheduler = scheduleRollups(handle.db, pino({ level: 'silent' }), 1);
    await setRollupMode(handle.db, 'SCHEDULED');
    try {
      const before = await totals(handle);
      await buy(8, 'C1');
      expect((await totals(handle)).rollup).toBe(before.rollup);
      const deadline = Date.now() + 10_000;
      while ((await totals(handle)).rollup === before.rollup && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await totals(handle)).toEqual({ rollup: before.rollup + 8, purchases: before.purchases + 8 });
    } finally {
      await scheduler.stop();
      await setRollupMode(handle.db, 'TRIGGER');
    }
  });
});
