import type { DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepStatistics } from '../src/statistics-keeper.ts';
import { loadBundle } from './analytics/harness.ts';

/** The planner's row estimate for a table, as the last ANALYZE left it. */
async function estimatedRows(handle: DatabaseHandle, table: string): Promise<number> {
  const result = await sql<{
    n: number;
  }>`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = ${table}::regclass`.execute(handle.db);
  return Number(result.rows[0]?.n);
}

describe(`the statistics keeper (${testEngine})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await loadBundle(handle.db, TEST_TENANT, 'spend');
  });
  afterAll(() => handle?.close());

  it('re-analyses after writes, and only then', async () => {
    const keeper = keepStatistics(handle.db, pino({ level: 'silent' }), 0);
    try {
      expect(await keeper.tick()).toBe(true); // first call: always
      expect(await keeper.tick()).toBe(false); // nothing written since

      const before = await estimatedRows(handle, 'transaction');
      expect(before).toBeGreaterThan(0);
      // A write stream that no bulk loader analyses: the estimate stays stale until the keeper runs.
      await sql`DELETE FROM "transaction" WHERE tenant_id = ${TEST_TENANT}`.execute(handle.db);
      expect(await estimatedRows(handle, 'transaction')).toBe(before);
      expect(await keeper.tick()).toBe(true);
      expect(await estimatedRows(handle, 'transaction')).toBe(0);
      expect(await estimatedRows(handle, 'analytics_spend_month')).toBe(0);
      expect(await keeper.tick()).toBe(false);
    } finally {
      await keeper.stop();
    }
  });

  it('runs one analysis at a time when ticks overlap', async () => {
    const keeper = keepStatistics(handle.db, pino({ level: 'silent' }), 0);
    try {
      const [a, b] = [keeper.tick(), keeper.tick()];
      expect(a).toBe(b);
      expect(await a).toBe(true);
    } finally {
      await keeper.stop();
    }
  });
});
