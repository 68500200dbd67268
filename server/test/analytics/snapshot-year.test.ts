import { type DatabaseHandle, rebuildRollups } from '@jejaring/db';
import { createTestDatabase, rerunMigration, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearTenant, loadFixture } from './fixtures.ts';
import { randomWrite } from './histories.ts';
import { prng, randomFixture } from './random.ts';
import { randomSnapshotWrite } from './snapshot-writes.ts';

/*
 * analytics_snapshot_year (db/migrations/analytics/snapshot-year.sql.ts) is kept by triggers on
 * enterprise_snapshot. After random histories of snapshot writes (and of the other writes, merges
 * among them, which move snapshots to another enterprise) it must hold, per enterprise and year,
 * the sum of the snapshots' revenue and the count of those with one, computed here from the
 * snapshot rows themselves; and the migration's fill and the rebuild must write the same rows.
 */

const MIGRATION = '2026_12_11_1000_analytics_snapshot_year';

type Db = DatabaseHandle['db'];

interface YearRow {
  year: number;
  enterprise: number;
  revenue: number;
  reported: number;
}

const kept = async (db: Db): Promise<YearRow[]> =>
  (
    await sql<{ year: number; enterprise: string; revenue: string; reported: string }>`
      SELECT year, enterprise_id AS enterprise, revenue, reported FROM analytics_snapshot_year
      WHERE tenant_id = ${TEST_TENANT} ORDER BY year, enterprise_id`.execute(db)
  ).rows.map((r) => ({
    year: Number(r.year),
    enterprise: Number(r.enterprise),
    revenue: Number(r.revenue),
    reported: Number(r.reported),
  }));

/** The same, summed here from every snapshot row of the tenant. */
async function summedHere(db: Db): Promise<YearRow[]> {
  const snapshots = await sql<{ enterprise: string; period: string; revenue: string | null }>`
    SELECT enterprise_id AS enterprise, period::text AS period, revenue FROM enterprise_snapshot
    WHERE tenant_id = ${TEST_TENANT}`.execute(db);
  const sums = new Map<string, YearRow>();
  for (const s of snapshots.rows) {
    if (s.revenue === null) continue;
    const year = Number(s.period.slice(0, 4));
    const key = `${year}|${s.enterprise}`;
    const row = sums.get(key) ?? { year, enterprise: Number(s.enterprise), revenue: 0, reported: 0 };
    row.revenue += Number(s.revenue);
    row.reported += 1;
    sums.set(key, row);
  }
  return [...sums.values()].sort((a, b) => a.year - b.year || a.enterprise - b.enterprise);
}

describe(`analytics_snapshot_year = the snapshots summed by enterprise and year (${testEngine})`, () => {
  let db: Db;
  let close: () => Promise<void>;
  const done = new Set<string>();
  beforeAll(async () => {
    const handle = await createTestDatabase();
    db = handle.db;
    close = () => handle.close();
  });
  afterAll(() => close?.());

  it.each([3000, 3001, 3002, 3003, 3004, 3005])('random history seed %i', async (seed) => {
    await sql`DELETE FROM voided_transaction WHERE tenant_id = ${TEST_TENANT}`.execute(db);
    await clearTenant(db, TEST_TENANT);
    expect(await kept(db)).toEqual([]);
    await loadFixture(db, TEST_TENANT, randomFixture(seed));
    expect(await kept(db)).toEqual(await summedHere(db));
    const rng = prng(seed * 13 + 5);
    const history: string[] = [];
    for (let step = 0; step < 16; step++) {
      const write =
        step % 4 === 3
          ? await randomWrite(db, TEST_TENANT, rng, `S${seed}-${step}`)
          : await randomSnapshotWrite(db, TEST_TENANT, rng);
      history.push(write);
      done.add(write.replace(/[\d-]+/g, '#').replace(/ = .*$/, ''));
    }
    const expected = await summedHere(db);
    expect(new Set(expected.map((r) => r.year)).size).toBeGreaterThan(1);
    expect(await kept(db), history.join('; ')).toEqual(expected);
    await rerunMigration(db, MIGRATION);
    expect(await kept(db), 'filled by the migration').toEqual(expected);
    await rebuildRollups(db, TEST_TENANT);
    expect(await kept(db), 'rebuilt').toEqual(expected);
  });

  it('covered every kind of snapshot write', () => {
    const kinds = ['added', 'set to', 'moved to', '# # deleted', 'every snapshot of', 'doubled', 'status of'];
    for (const kind of kinds)
      expect(
        [...done].some((d) => d.includes(kind)),
        kind,
      ).toBe(true);
  });

  it('a TRUNCATE of the snapshots empties it', async () => {
    expect((await kept(db)).length).toBeGreaterThan(0);
    await sql`TRUNCATE enterprise_snapshot`.execute(db);
    expect(await kept(db)).toEqual([]);
  });
});
