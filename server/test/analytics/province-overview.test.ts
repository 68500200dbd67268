import type { DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, testEngine } from '@jejaring/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provinceOverview } from '../../src/analytics/province-overview.ts';
import { type Fixture, loadFixture } from './fixtures.ts';

/*
 * docs/metrics-outcomes.md "Province overview", on four regencies held by one database: Kubu Raya (61.12),
 * Pontianak (61.71) and Singkawang (61.72, migrated, no purchases) in West Kalimantan, and
 * Kotawaringin Barat (62.01) in Central Kalimantan, which the province "61" must leave out. Each
 * regency buys from a local micro enterprise, a local large one, and a seller in another regency;
 * the expected figures are summed by hand below.
 */

/** One regency's fixture: agency A buys from local micro M, local large L and outside micro O (located in `elsewhere`). */
function regency(elsewhere: string, amounts: { m: number; l: number; o: number; mBefore?: number }): Fixture {
  return {
    parties: [
      { ref: 'A', kind: 'AGENCY' },
      { ref: 'M', kind: 'ENTERPRISE', size_class: 'MICRO' },
      { ref: 'L', kind: 'ENTERPRISE', size_class: 'LARGE' },
      { ref: 'O', kind: 'ENTERPRISE', size_class: 'MICRO', region_code: elsewhere },
    ],
    transactions: [
      { buyer_ref: 'A', seller_ref: 'M', amount: amounts.m, occurred_on: '2024-03-10' },
      { buyer_ref: 'A', seller_ref: 'L', amount: amounts.l, occurred_on: '2024-07-01' },
      { buyer_ref: 'A', seller_ref: 'O', amount: amounts.o, occurred_on: '2024-12-31' },
      // The year before: outside fiscal year 2024.
      ...(amounts.mBefore
        ? [{ buyer_ref: 'A', seller_ref: 'M', amount: amounts.mBefore, occurred_on: '2023-12-31' }]
        : []),
    ],
    targets: [{ metric: 'LOCAL_UMKM_SHARE', fiscal_year: 2024, target_share: 0.3 }],
  };
}

describe(`provinceOverview on four regencies (${testEngine})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase({ tenants: ['61.12', '61.71', '61.72', '62.01'] });
    // Kubu Raya: M 300, L 500, O (in Pontianak) 200 → total 1000, local UMKM 300, local 800.
    await loadFixture(handle.db, '61.12', regency('61.71', { m: 300, l: 500, o: 200, mBefore: 9000 }));
    // Pontianak: M 900, L 100, O (in Kubu Raya) 1000 → total 2000, local UMKM 900, local 1000.
    await loadFixture(handle.db, '61.71', regency('61.12', { m: 900, l: 100, o: 1000 }));
    // Kotawaringin Barat (another province): must not appear.
    await loadFixture(handle.db, '62.01', regency('61.12', { m: 5000, l: 5000, o: 5000 }));
  });
  afterAll(() => handle?.close());

  it('ranks the regencies of the province by local UMKM share, each by its own Spend summary', async () => {
    const o = await provinceOverview(handle.db, '61', 2024);
    expect(o.provinceName).toBe('Kalimantan Barat');
    expect(o.regencies.map((r) => [r.regency.id, r.rank])).toEqual([
      ['61.71', 1], // 900 / 2000 = 0.45
      ['61.12', 2], // 300 / 1000 = 0.30
      ['61.72', null], // no purchases: last, no rank
    ]);
    const [pontianak, kubuRaya, singkawang] = o.regencies;
    expect(pontianak?.summary).toMatchObject({
      total: 2000,
      transactionCount: 3,
      toLocalUmkm: 900,
      localUmkmShare: 0.45,
      toLocal: 1000,
      localShare: 0.5,
      toUmk: 1900, // M and O are micro, wherever they are
      sellersReached: 1,
      target: 0.3,
    });
    // A seller in Pontianak is not local for Kubu Raya: "local" is the buying regency's.
    expect(kubuRaya?.summary).toMatchObject({
      total: 1000,
      transactionCount: 3,
      toLocalUmkm: 300,
      localUmkmShare: 0.3,
      toLocal: 800,
      localShare: 0.8,
      sellersReached: 1,
    });
    expect(singkawang?.summary).toMatchObject({
      total: 0,
      transactionCount: 0,
      localUmkmShare: null,
      localShare: null,
    });
  });

  it("sums the province's line and divides the sums (a weighted share, not the mean of the shares)", async () => {
    const { total } = await provinceOverview(handle.db, '61', 2024);
    expect(total).toEqual({
      total: 3000,
      transactionCount: 6,
      toLocalUmkm: 1200,
      localUmkmShare: 1200 / 3000, // 0.4, not (0.45 + 0.30) / 2 = 0.375
      toUmk: 300 + 200 + 900 + 1000,
      umkShare: 2400 / 3000,
      toLocal: 1800,
      localShare: 1800 / 3000,
      sellersReached: 2,
      target: null,
      umkTarget: null,
    });
  });

  it('answers another year from the same rollups, and refuses a code that is not a province', async () => {
    const before = await provinceOverview(handle.db, '61', 2023);
    expect(before.regencies.map((r) => [r.regency.id, r.rank, r.summary.total])).toEqual([
      ['61.12', 1, 9000],
      ['61.71', null, 0],
      ['61.72', null, 0],
    ]);
    const central = await provinceOverview(handle.db, '62', 2024);
    expect(central.regencies.map((r) => r.regency.id)).toEqual(['62.01']);
    await expect(provinceOverview(handle.db, '61.12', 2024)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'province' },
    });
    await expect(provinceOverview(handle.db, '99', 2024)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'province' },
    });
  });
});
