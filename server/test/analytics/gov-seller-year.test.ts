import { applyPendingRollups, type DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, rerunMigration, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearTenant, loadFixture } from './fixtures.ts';
import { randomWrite } from './histories.ts';
import { prng, randomFixture } from './random.ts';

/*
 * analytics_gov_seller_year is kept by analytics_apply like every summed rollup (the rollup-modes
 * and property tests compare it with a rebuild and its answers with the reference). Its migration
 * fills it another way, from analytics_seller_month, for databases that already hold data: that
 * fill must write exactly the rows the apply function keeps, after any history of writes.
 */

const MIGRATION = '2026_12_09_1000_analytics_gov_seller_year';

type Db = DatabaseHandle['db'];

const rows = async (db: Db) =>
  (
    await sql<Record<string, unknown>>`SELECT tenant_id, year, seller_id, direct, sector, amount::text, n::text
      FROM analytics_gov_seller_year ORDER BY tenant_id, year, seller_id, direct`.execute(db)
  ).rows;

describe(`analytics_gov_seller_year filled by its migration = kept by analytics_apply (${testEngine})`, () => {
  let db: Db;
  const covered = new Set<string>();
  let close: () => Promise<void>;
  beforeAll(async () => {
    const handle = await createTestDatabase();
    db = handle.db;
    close = () => handle.close();
  });
  afterAll(() => close?.());

  it.each([3000, 3001, 3002, 3003, 3004, 3005])('random history seed %i', async (seed) => {
    await sql`DELETE FROM voided_transaction WHERE tenant_id = ${TEST_TENANT}`.execute(db);
    await clearTenant(db, TEST_TENANT);
    await applyPendingRollups(db);
    await loadFixture(db, TEST_TENANT, randomFixture(seed));
    const rng = prng(seed * 17 + 3);
    for (let step = 0; step < 8; step++) await randomWrite(db, TEST_TENANT, rng, `G${seed}-${step}`);
    const kept = await rows(db);
    expect(new Set(kept.map((r) => r.year)).size).toBeGreaterThan(1);
    for (const row of kept) covered.add(row.direct ? 'agency' : 'network unit');
    await rerunMigration(db, MIGRATION);
    expect(await rows(db)).toEqual(kept);
  });

  it("covered agencies' own purchases and their network units'", () => {
    expect([...covered].sort()).toEqual(['agency', 'network unit']);
  });
});
