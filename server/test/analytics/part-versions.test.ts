import type { DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearTenant, loadFixture } from './fixtures.ts';
import { randomFixture } from './random.ts';

/*
 * The months' and years' versions (analytics_part_state, db/migrations/analytics/domino-parts.sql.ts)
 * that tell whether a stored part of the domino matrices is still current: a write moves the
 * versions of exactly the months and years whose rows it changed in the tables the parts read, and
 * no other. (That the matrices stay exact with stored parts after writes is domino-matrix.test.ts.)
 */

describe(`the months' and years' versions of the domino matrix's parts (${testEngine})`, () => {
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

  /** Every version, keyed as `MONTH 2022-06-01` or `YEAR 2022-01-01`. */
  async function versions(): Promise<Map<string, number>> {
    const rows = await sql<{ key: string; version: string }>`
      SELECT span || ' ' || to_char(start, 'YYYY-MM-DD') AS key, version
      FROM analytics_part_state WHERE tenant_id = ${TEST_TENANT}`.execute(handle.db);
    return new Map(rows.rows.map((r) => [r.key, Number(r.version)]));
  }

  /** The months and years whose version `write` moved, sorted. */
  async function movedBy(write: () => Promise<unknown>): Promise<string[]> {
    const before = await versions();
    await write();
    const after = await versions();
    return [...after]
      .filter(([key, version]) => before.get(key) !== version)
      .map(([key]) => key)
      .sort();
  }

  /** Keys of months and years, sorted. */
  const keys = (rows: Array<{ key: string }>) => [...new Set(rows.map((r) => r.key))].sort();

  /** Two parties of L (local, not government) with a purchase between them in the fixture, buyer first. */
  async function partiesOfL(): Promise<[number, number]> {
    const row = await sql<{ buyer_id: string; seller_id: string }>`
      SELECT buyer_id, seller_id FROM analytics_pair_month WHERE tenant_id = ${TEST_TENANT} LIMIT 1`.execute(handle.db);
    const pair = row.rows[0];
    if (!pair) throw new Error('the fixture has no pair of L');
    return [Number(pair.buyer_id), Number(pair.seller_id)];
  }

  /** A new purchase of 1,234 between two parties of L on `day`. */
  async function purchaseBetweenL(day: string, ref: string): Promise<void> {
    const [buyer, seller] = await partiesOfL();
    await handle.db
      .insertInto('transaction')
      .values({
        tenant_id: TEST_TENANT,
        buyer_id: buyer,
        seller_id: seller,
        category: 'CATERING',
        amount: 1234,
        occurred_on: day,
        source: 'FIXTURE',
        source_ref: ref,
      })
      .execute();
  }

  it('covers every month and year of the tables the parts read', async () => {
    const held = await sql<{ key: string }>`
      SELECT 'MONTH ' || to_char(month, 'YYYY-MM-DD') AS key FROM analytics_pair_month WHERE tenant_id = ${TEST_TENANT}
      UNION SELECT 'MONTH ' || to_char(month, 'YYYY-MM-DD') FROM analytics_party_month WHERE tenant_id = ${TEST_TENANT}
      UNION SELECT 'MONTH ' || to_char(period, 'YYYY-MM-DD') FROM enterprise_snapshot WHERE tenant_id = ${TEST_TENANT}
      UNION SELECT 'YEAR ' || year || '-01-01' FROM analytics_party_year WHERE tenant_id = ${TEST_TENANT}
      UNION SELECT 'YEAR ' || year || '-01-01' FROM analytics_snapshot_year WHERE tenant_id = ${TEST_TENANT}`.execute(
      handle.db,
    );
    expect([...(await versions()).keys()].sort()).toEqual(keys(held.rows));
    expect(held.rows.length).toBeGreaterThan(12);
  });

  it('a purchase between parties of L moves the versions of its month and year only', async () => {
    const moved = await movedBy(() => purchaseBetweenL('2022-06-10', 'part-versions-1'));
    expect(moved).toEqual(['MONTH 2022-06-01', 'YEAR 2022-01-01']);
  });

  it('a purchase moved from one year to another moves both months and both years, and no other', async () => {
    await purchaseBetweenL('2021-03-03', 'part-versions-2');
    const moved = await movedBy(() =>
      sql`UPDATE "transaction" SET occurred_on = '2023-09-09'
        WHERE tenant_id = ${TEST_TENANT} AND source_ref = 'part-versions-2'`.execute(handle.db),
    );
    expect(moved).toEqual(['MONTH 2021-03-01', 'MONTH 2023-09-01', 'YEAR 2021-01-01', 'YEAR 2023-01-01']);
  });

  it("a snapshot's revenue moves the versions of its month and year only", async () => {
    const chosen = await sql<{ enterprise_id: string; period: string }>`
      SELECT enterprise_id, to_char(period, 'YYYY-MM-DD') AS period FROM enterprise_snapshot
      WHERE tenant_id = ${TEST_TENANT} AND revenue IS NOT NULL AND period >= '2020-01-01' AND period < '2021-01-01'
      ORDER BY enterprise_id, period LIMIT 1`.execute(handle.db);
    const snapshot = chosen.rows[0];
    if (!snapshot) throw new Error('the fixture has no snapshot with revenue in 2020');
    const moved = await movedBy(() =>
      sql`UPDATE enterprise_snapshot SET revenue = revenue + 1
        WHERE tenant_id = ${TEST_TENANT} AND enterprise_id = ${snapshot.enterprise_id}
          AND period = ${snapshot.period}::date`.execute(handle.db),
    );
    expect(moved).toEqual([`MONTH ${snapshot.period}`, 'YEAR 2020-01-01']);
  });

  it('a party moved out of the regency moves every month and year in which it had pairs or flows', async () => {
    const [, seller] = await partiesOfL();
    const had = await sql<{ key: string }>`
      SELECT 'MONTH ' || to_char(month, 'YYYY-MM-DD') AS key FROM analytics_pair_month
      WHERE tenant_id = ${TEST_TENANT} AND (buyer_id = ${seller} OR seller_id = ${seller})
      UNION SELECT 'MONTH ' || to_char(month, 'YYYY-MM-DD') FROM analytics_party_month
      WHERE tenant_id = ${TEST_TENANT} AND party_id = ${seller}
      UNION SELECT 'YEAR ' || year || '-01-01' FROM analytics_party_year
      WHERE tenant_id = ${TEST_TENANT} AND party_id = ${seller}`.execute(handle.db);
    const moved = await movedBy(() =>
      sql`UPDATE party SET region_code = '61.71' WHERE tenant_id = ${TEST_TENANT} AND id = ${seller}`.execute(
        handle.db,
      ),
    );
    expect(had.rows.length).toBeGreaterThan(0);
    expect(moved).toEqual(keys(had.rows));
  });

  it("the classes' version moves with every write to the party classes, and not with a purchase", async () => {
    const classVersion = async () =>
      Number(
        (
          await sql<{
            version: string;
          }>`SELECT version FROM analytics_class_state WHERE tenant_id = ${TEST_TENANT}`.execute(handle.db)
        ).rows[0]?.version ?? 0,
      );
    const loaded = await classVersion();
    expect(loaded).toBeGreaterThan(0); // the fixture's parties were classified
    await purchaseBetweenL('2022-06-15', 'class-version-purchase');
    expect(await classVersion()).toBe(loaded);
    // An enterprise's KBLI code moved to another section: its class is stored again.
    const enterprise = Number(
      (
        await sql<{ party_id: string }>`SELECT min(party_id) AS party_id FROM enterprise_profile
          WHERE tenant_id = ${TEST_TENANT}`.execute(handle.db)
      ).rows[0]?.party_id,
    );
    await sql`UPDATE enterprise_profile SET kbli_code = CASE WHEN left(kbli_code, 2) = '10' THEN '01120' ELSE '10710' END
      WHERE tenant_id = ${TEST_TENANT} AND party_id = ${enterprise}`.execute(handle.db);
    const reclassified = await classVersion();
    expect(reclassified).toBeGreaterThan(loaded);
    // A new party is classified as it is registered.
    await handle.db
      .insertInto('party')
      .values({ tenant_id: TEST_TENANT, kind: 'VENDOR', ref: 'class-version-new', name: 'Toko Baru' })
      .execute();
    const registered = await classVersion();
    expect(registered).toBeGreaterThan(reclassified);
    // Rows deleted, and the table truncated (every tenant's version moves).
    await sql`DELETE FROM analytics_party_class WHERE tenant_id = ${TEST_TENANT} AND party_id = ${enterprise}`.execute(
      handle.db,
    );
    const deleted = await classVersion();
    expect(deleted).toBeGreaterThan(registered);
    await sql`TRUNCATE analytics_party_class`.execute(handle.db);
    expect(await classVersion()).toBeGreaterThan(deleted);
  });

  it('a write that changes nothing the parts read moves no version', async () => {
    const moved = await movedBy(() =>
      sql`UPDATE "transaction" SET quantity = 7 WHERE tenant_id = ${TEST_TENANT}`.execute(handle.db),
    );
    expect(moved).toEqual([]);
  });
});
