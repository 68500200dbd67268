import type { DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearTenant, loadFixture } from './fixtures.ts';
import { randomFixture } from './random.ts';

/*
 * The years' versions (analytics_year_state, db/migrations/analytics/year-parts.sql.ts) that tell
 * whether a stored yearly part of the domino matrices is still current: a write moves the versions
 * of exactly the years whose rows of the matrix's yearly rollups it changed, and no other.
 * (That a moved year's part is then not read, and an unmoved one is, with the matrix still exact,
 * is domino-matrix.test.ts.)
 */

describe(`the years' versions of the domino matrix's parts (${testEngine})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    await sql`DELETE FROM voided_transaction WHERE tenant_id = ${TEST_TENANT}`.execute(handle.db);
    await clearTenant(handle.db, TEST_TENANT);
    await loadFixture(handle.db, TEST_TENANT, randomFixture(4100));
  });

  async function versions(): Promise<Map<number, number>> {
    const rows = await sql<{ year: number; version: string }>`
      SELECT year, version FROM analytics_year_state WHERE tenant_id = ${TEST_TENANT}`.execute(handle.db);
    return new Map(rows.rows.map((r) => [Number(r.year), Number(r.version)]));
  }

  /** The years whose version `write` moved. */
  async function movedBy(write: () => Promise<unknown>): Promise<number[]> {
    const before = await versions();
    await write();
    const after = await versions();
    return [...after].filter(([year, version]) => before.get(year) !== version).map(([year]) => year);
  }

  /** Two parties of L (local, not government) with a purchase between them in the fixture, buyer first. */
  async function partiesOfL(): Promise<[number, number]> {
    const row = await sql<{ buyer_id: string; seller_id: string }>`
      SELECT buyer_id, seller_id FROM analytics_pair_month WHERE tenant_id = ${TEST_TENANT} LIMIT 1`.execute(handle.db);
    const pair = row.rows[0];
    if (!pair) throw new Error('the fixture has no pair of L');
    return [Number(pair.buyer_id), Number(pair.seller_id)];
  }

  it('covers every year of the rollups the matrix reads by year', async () => {
    const years = await sql<{ year: number }>`
      SELECT DISTINCT date_part('year', month)::int AS year FROM analytics_pair_month WHERE tenant_id = ${TEST_TENANT}
      UNION SELECT year FROM analytics_party_year WHERE tenant_id = ${TEST_TENANT}
      UNION SELECT year FROM analytics_snapshot_year WHERE tenant_id = ${TEST_TENANT}`.execute(handle.db);
    expect([...(await versions()).keys()].sort()).toEqual(years.rows.map((r) => Number(r.year)).sort());
    expect((await versions()).size).toBeGreaterThanOrEqual(3);
  });

  it('a purchase between parties of L moves the version of its year only', async () => {
    const [buyer, seller] = await partiesOfL();
    const moved = await movedBy(() =>
      handle.db
        .insertInto('transaction')
        .values({
          tenant_id: TEST_TENANT,
          buyer_id: buyer,
          seller_id: seller,
          category: 'CATERING',
          amount: 1234,
          occurred_on: '2022-06-10',
          source: 'FIXTURE',
          source_ref: 'year-versions-1',
        })
        .execute(),
    );
    expect(moved).toEqual([2022]);
  });

  it('a purchase moved from one year to another moves both years, and no other', async () => {
    const [buyer, seller] = await partiesOfL();
    await handle.db
      .insertInto('transaction')
      .values({
        tenant_id: TEST_TENANT,
        buyer_id: buyer,
        seller_id: seller,
        category: 'CATERING',
        amount: 99,
        occurred_on: '2021-03-03',
        source: 'FIXTURE',
        source_ref: 'year-versions-2',
      })
      .execute();
    const moved = await movedBy(() =>
      sql`UPDATE "transaction" SET occurred_on = '2023-09-09'
        WHERE tenant_id = ${TEST_TENANT} AND source_ref = 'year-versions-2'`.execute(handle.db),
    );
    expect(moved.sort()).toEqual([2021, 2023]);
  });

  it("a snapshot's revenue moves the version of its year only", async () => {
    const moved = await movedBy(() =>
      sql`UPDATE enterprise_snapshot SET revenue = revenue + 1
        WHERE tenant_id = ${TEST_TENANT} AND (enterprise_id, period) = (
          SELECT enterprise_id, period FROM enterprise_snapshot
          WHERE tenant_id = ${TEST_TENANT} AND revenue IS NOT NULL AND period >= '2020-01-01' AND period < '2021-01-01'
          ORDER BY enterprise_id, period LIMIT 1)`.execute(handle.db),
    );
    expect(moved).toEqual([2020]);
  });

  it('a party moved out of the regency moves every year in which it had pairs or flows', async () => {
    const [, seller] = await partiesOfL();
    const had = await sql<{ year: number }>`
      SELECT date_part('year', month)::int AS year FROM analytics_pair_month
      WHERE tenant_id = ${TEST_TENANT} AND (buyer_id = ${seller} OR seller_id = ${seller})
      UNION SELECT year FROM analytics_party_year WHERE tenant_id = ${TEST_TENANT} AND party_id = ${seller}`.execute(
      handle.db,
    );
    const moved = await movedBy(() =>
      sql`UPDATE party SET region_code = '61.71' WHERE tenant_id = ${TEST_TENANT} AND id = ${seller}`.execute(
        handle.db,
      ),
    );
    expect(had.rows.length).toBeGreaterThan(0);
    expect(moved.sort()).toEqual(had.rows.map((r) => Number(r.year)).sort());
  });

  it('a write that changes nothing the matrix reads moves no year', async () => {
    const moved = await movedBy(() =>
      sql`UPDATE "transaction" SET quantity = 7 WHERE tenant_id = ${TEST_TENANT}`.execute(handle.db),
    );
    expect(moved).toEqual([]);
  });
});
