import { testEngine } from '@jejaring/db/testing';
import { describe, expect, it } from 'vitest';
import { agencyScorecard } from '../../src/analytics/agency-scorecard.sql.ts';
import { networkReach } from '../../src/analytics/network-reach.sql.ts';
import { spendByDistrict } from '../../src/analytics/spend-by-district.sql.ts';
import { spendFlows } from '../../src/analytics/spend-flows.sql.ts';
import { spendSummary } from '../../src/analytics/spend-summary.sql.ts';
import { spendTrend } from '../../src/analytics/spend-trend.sql.ts';
import { useFixture } from './harness.ts';

describe(`spending measures on the "analytics-spend" fixture (${testEngine})`, () => {
  const fx = useFixture('spend');

  describe('spendSummary', () => {
    it("sums the agencies' own purchases of fiscal year 2023 and classifies every seller", async () => {
      // DIK: U1 1000, V1 3000, U2 500 · KES: U3 800, L1 1200, O2 1000 · PAR: K1 360, V1 640.
      const s = await spendSummary(fx.db, fx.scope({ fiscalYear: 2023 }));
      expect(s).toEqual({
        total: 8500,
        transactionCount: 8,
        toLocalUmkm: 2660, // U1 (micro) + U2 (unknown size counts) + U3 (medium) + K1 (cooperative)
        localUmkmShare: 2660 / 8500,
        toUmk: 1360, // U1 + K1; unknown size and medium do not count
        umkShare: 1360 / 8500,
        toLocal: 3860, // the local UMKM plus L1 (large, regency-level address)
        localShare: 3860 / 8500,
        sellersReached: 4,
        target: 0.3,
        umkTarget: 0.4,
      });
    });

    it('adds the network two levels deep and non-government units with includeNetwork, never a unit in a parent cycle', async () => {
      // + SD1→U1 200, SD2 (under UPT under DIK)→K1 300, UPT→O1 400, KORPRI→U2 100; C1 (cycle) is never counted.
      const s = await spendSummary(fx.db, fx.scope({ fiscalYear: 2023, includeNetwork: true }));
      expect(s).toMatchObject({ total: 9500, transactionCount: 12, toLocalUmkm: 3260, toUmk: 2260, toLocal: 4460 });
      expect(s.sellersReached).toBe(4);
    });

    it("uses an agency's own target when the filter names exactly that agency", async () => {
      const dik = await spendSummary(fx.db, fx.scope({ fiscalYear: 2023, agencies: ['DIK'] }));
      expect(dik).toMatchObject({ total: 4500, toLocalUmkm: 1500, sellersReached: 2, target: 0.4, umkTarget: 0.4 });
      const par = await spendSummary(fx.db, fx.scope({ fiscalYear: 2023, agencies: ['PAR'] }));
      expect(par.target).toBe(0.3); // PAR has none of its own: the tenant-wide one
      const two = await spendSummary(fx.db, fx.scope({ fiscalYear: 2023, agencies: ['DIK', 'KES'] }));
      expect(two).toMatchObject({ total: 7500, target: 0.3 }); // several agencies: the tenant-wide target
    });

    it('has no target when the range spans several fiscal years or is open', async () => {
      const spanning = await spendSummary(fx.db, fx.scope({ from: '2022-12-01', to: '2023-01-31' }));
      expect(spanning).toMatchObject({ total: 600 + 1800, target: null, umkTarget: null });
      const open = await spendSummary(fx.db, fx.scope({ from: '2023-01-01' }));
      expect(open.target).toBeNull();
      const inOneYear = await spendSummary(fx.db, fx.scope({ from: '2023-03-01', to: '2023-03-31' }));
      expect(inOneYear).toMatchObject({ total: 1700, target: 0.3 });
    });

    it('reports an empty period with zero amounts and null shares, never 0 or NaN', async () => {
      const s = await spendSummary(fx.db, fx.scope({ from: '2023-09-01', to: '2023-12-31' }));
      expect(s).toEqual({
        total: 0,
        transactionCount: 0,
        toLocalUmkm: 0,
        localUmkmShare: null,
        toUmk: 0,
        umkShare: null,
        toLocal: 0,
        localShare: null,
        sellersReached: 0,
        target: 0.3,
        umkTarget: 0.4,
      });
    });

    it('filters by category, by account prefix and intersects fiscalYear with from/to', async () => {
      const food = await spendSummary(fx.db, fx.scope({ fiscalYear: 2023, categories: ['FOOD_STAPLES', 'CATERING'] }));
      expect(food).toMatchObject({ total: 1500, toLocalUmkm: 1500, sellersReached: 2 });
      const account = await spendSummary(
        fx.db,
        fx.scope({ fiscalYear: 2023, includeNetwork: true, accountPrefix: '5.1.02.0' }),
      );
      expect(account.total).toBe(9500 - 400); // UPT's 5.2.02 purchase is out
      const narrow = await spendSummary(fx.db, fx.scope({ fiscalYear: 2023, accountPrefix: '5.1.02.03' }));
      expect(narrow.total).toBe(1000);
      const q1 = await spendSummary(fx.db, fx.scope({ fiscalYear: 2023, from: '2022-06-01', to: '2023-03-31' }));
      expect(q1.total).toBe(1000 + 3000 + 500 + 800 + 1200); // 2022-12-31 excluded by the fiscal year
    });
  });

  describe('spendTrend', () => {
    it('gives one point per month of the fiscal year, empty months included', async () => {
      const points = await spendTrend(fx.db, fx.scope({ fiscalYear: 2023 }), 'MONTH');
      expect(points).toHaveLength(12);
      expect(points.map((p) => p.total)).toEqual([1800, 3000, 1700, 0, 0, 1000, 0, 1000, 0, 0, 0, 0]);
      expect(points[0]).toMatchObject({ periodStart: '2023-01-01', periodEnd: '2023-01-31', toLocalUmkm: 1800 });
      expect(points[1]).toMatchObject({ periodStart: '2023-02-01', periodEnd: '2023-02-28' });
      expect(points[3]).toMatchObject({
        total: 0,
        localUmkmShare: null,
        umkShare: null,
        localShare: null,
        target: 0.3,
      });
      expect(points.reduce((sum, p) => sum + p.total, 0)).toBe(8500);
    });

    it('gives quarters and counts sellers within each period', async () => {
      const points = await spendTrend(fx.db, fx.scope({ fiscalYear: 2023, includeNetwork: true }), 'QUARTER');
      expect(points.map((p) => [p.periodStart, p.periodEnd, p.total, p.sellersReached])).toEqual([
        ['2023-01-01', '2023-03-31', 6500 + 200 + 100, 3], // U1, U3, U2
        ['2023-04-01', '2023-06-30', 1000 + 300 + 400, 1], // K1
        ['2023-07-01', '2023-09-30', 1000, 1], // K1
        ['2023-10-01', '2023-12-31', 0, 0],
      ]);
    });

    it("spans the tenant's data when the range is open, with each year's target", async () => {
      const points = await spendTrend(fx.db, fx.scope({}), 'YEAR');
      expect(points.map((p) => [p.periodStart, p.total, p.target])).toEqual([
        ['2022-01-01', 600, 0.25],
        ['2023-01-01', 8500, 0.3],
        ['2024-01-01', 700, null],
      ]);
      expect(points[0]).toMatchObject({ toUmk: 600, toLocal: 0, localShare: 0 });
      const from = await spendTrend(fx.db, fx.scope({ from: '2023-11-15' }), 'MONTH');
      expect(from.map((p) => p.periodStart)).toEqual(['2023-11-01', '2023-12-01', '2024-01-01']);
    });
  });

  describe('agencyScorecard', () => {
    it('ranks agencies by local UMKM share and grades achievement against their target', async () => {
      const rows = await agencyScorecard(fx.db, fx.scope({ fiscalYear: 2023 }));
      expect(rows.map((r) => [r.rank, r.agencyName, r.total, r.toLocalUmkm, r.target, r.grade])).toEqual([
        [1, 'Dinas Pariwisata', 1000, 360, 0.3, 'A_PLUS'], // 0.36 / 0.30 = exactly 120 %
        [2, 'Dinas Pendidikan', 4500, 1500, 0.4, 'C'], // 0.333 / 0.40 = 83 % (own target)
        [3, 'Dinas Kesehatan', 3000, 800, 0.25, 'A'], // 0.267 / 0.25 = 107 % (own target)
      ]);
      expect(rows[0]?.achievement).toBeCloseTo(1.2, 12);
      expect(rows[1]?.achievement).toBeCloseTo(1500 / 4500 / 0.4, 12);
      expect(rows.find((r) => r.agencyName === 'Dinas Pekerjaan Umum')).toBeUndefined(); // no purchases
    });

    it('counts each network under its agency with includeNetwork', async () => {
      const rows = await agencyScorecard(fx.db, fx.scope({ fiscalYear: 2023, includeNetwork: true }));
      expect(rows.map((r) => [r.agencyName, r.total, r.toLocalUmkm, r.sellersReached, r.grade])).toEqual([
        ['Dinas Pendidikan', 5400, 2000, 3, 'B'], // 0.370 / 0.40 = 93 %
        ['Dinas Pariwisata', 1000, 360, 1, 'A_PLUS'],
        ['Dinas Kesehatan', 3100, 900, 2, 'A'], // 0.290 / 0.25 = 116 %
      ]);
    });

    it('has neither achievement nor grade without a target', async () => {
      const rows = await agencyScorecard(fx.db, fx.scope({ fiscalYear: 2024 }));
      expect(rows).toEqual([
        expect.objectContaining({
          rank: 1,
          total: 700,
          localUmkmShare: 1,
          target: null,
          achievement: null,
          grade: null,
        }),
      ]);
    });
  });

  describe('spendFlows', () => {
    it('links agencies to seller classes, each level summing to the total', async () => {
      const g = await spendFlows(fx.db, fx.scope({ fiscalYear: 2023 }), ['AGENCY', 'SELLER_CLASS']);
      expect(g.total).toBe(8500);
      const dik = `AGENCY:${fx.agency('DIK')}`;
      const kes = `AGENCY:${fx.agency('KES')}`;
      expect(g.nodes.map((n) => [n.id, n.label, n.value])).toEqual([
        [dik, 'Dinas Pendidikan', 4500],
        [kes, 'Dinas Kesehatan', 3000],
        [`AGENCY:${fx.agency('PAR')}`, 'Dinas Pariwisata', 1000],
        ['SELLER_CLASS:OUTSIDE_OTHER', expect.any(String), 4640],
        ['SELLER_CLASS:LOCAL_UMKM', expect.any(String), 2660],
        ['SELLER_CLASS:LOCAL_OTHER', expect.any(String), 1200],
      ]);
      expect(g.links).toContainEqual({ source: dik, target: 'SELLER_CLASS:LOCAL_UMKM', value: 1500 });
      expect(g.links).toContainEqual({ source: kes, target: 'SELLER_CLASS:LOCAL_OTHER', value: 1200 });
      expect(g.links.reduce((sum, l) => sum + l.value, 0)).toBe(8500);
    });

    it('splits by buyer kind, district (or OUTSIDE / UNKNOWN) and KBLI section', async () => {
      const g = await spendFlows(fx.db, fx.scope({ fiscalYear: 2023, includeNetwork: true }), [
        'BUYER_KIND',
        'SELLER_DISTRICT',
        'SECTOR',
      ]);
      const values = (level: string) =>
        Object.fromEntries(g.nodes.filter((n) => n.level === level).map((n) => [n.key, n.value]));
      expect(values('BUYER_KIND')).toEqual({ AGENCY: 8500, SCHOOL: 500, TECHNICAL_UNIT: 400, ASN_ASSOCIATION: 100 });
      expect(values('SELLER_DISTRICT')).toEqual({
        '61.12.01': 2000,
        '61.12.03': 600,
        '61.12.07': 660,
        UNKNOWN: 1200,
        OUTSIDE: 5040,
      });
      expect(values('SECTOR')).toEqual({ C: 1200 + 800 + 400, I: 600, G: 1200, UNKNOWN: 660 + 3640 + 1000 });
      expect(g.nodes.find((n) => n.id === 'SELLER_DISTRICT:61.12.01')?.label).toBe('Sungai Raya');
      for (const level of g.levels) {
        expect(g.nodes.filter((n) => n.level === level).reduce((s, n) => s + n.value, 0)).toBe(9500);
      }
      expect(g.links.filter((l) => l.source.startsWith('BUYER_KIND')).reduce((s, l) => s + l.value, 0)).toBe(9500);
    });

    it('gives an empty graph for an empty period', async () => {
      const g = await spendFlows(fx.db, fx.scope({ fiscalYear: 2021 }), ['CATEGORY', 'SECTOR']);
      expect(g).toEqual({ levels: ['CATEGORY', 'SECTOR'], nodes: [], links: [], total: 0 });
    });
  });

  describe('spendByDistrict', () => {
    it('lists every kecamatan, zeros included, with local UMKM spending and sellers', async () => {
      const rows = await spendByDistrict(fx.db, fx.scope({ fiscalYear: 2023 }));
      expect(rows).toHaveLength(9);
      expect(rows.map((r) => [r.regionCode, r.toLocalUmkm, r.sellersReached])).toEqual([
        ['61.12.01', 1800, 2], // U1 1000 + U3 800
        ['61.12.02', 0, 0],
        ['61.12.03', 500, 1],
        ['61.12.04', 0, 0],
        ['61.12.05', 0, 0],
        ['61.12.06', 0, 0],
        ['61.12.07', 360, 1],
        ['61.12.08', 0, 0],
        ['61.12.09', 0, 0],
      ]);
      expect(rows[0]?.name).toBe('Sungai Raya');
    });
  });

  describe('networkReach', () => {
    it("compares an agency's own purchases with its network's, two levels deep", async () => {
      const r = await networkReach(fx.db, fx.scope({ fiscalYear: 2023, includeNetwork: false }), fx.id('DIK'));
      expect(r.direct).toMatchObject({ total: 4500, toLocalUmkm: 1500, sellersReached: 2, target: 0.4 });
      expect(r.network).toMatchObject({ total: 900, toLocalUmkm: 500, sellersReached: 2 });
      expect(r.amplification).toBeCloseTo(2000 / 1500, 12);
      expect(r.sellersReachedDirect).toBe(2);
      expect(r.sellersReachedOnlyViaNetwork).toBe(1); // K1
      expect(r.byUnitType.map((u) => [u.unitType, u.units, u.activeUnits, u.summary.total])).toEqual([
        ['SCHOOL', 2, 2, 500],
        ['TECHNICAL_UNIT', 1, 1, 400],
      ]);
    });

    it('counts non-government units of the network, and ignores the filter agencies', async () => {
      const r = await networkReach(fx.db, fx.scope({ fiscalYear: 2023, agencies: ['DIK'] }), fx.id('KES'));
      expect(r.direct.total).toBe(3000);
      expect(r.network).toMatchObject({ total: 100, toLocalUmkm: 100 });
      expect(r.amplification).toBe(900 / 800);
      expect(r.sellersReachedOnlyViaNetwork).toBe(1); // U2
      expect(r.byUnitType).toEqual([
        expect.objectContaining({ unitType: 'ASN_ASSOCIATION', units: 1, activeUnits: 1 }),
      ]);
    });

    it('has a null amplification for an agency that paid no local UMKM', async () => {
      const r = await networkReach(fx.db, fx.scope({ fiscalYear: 2023 }), fx.id('PU'));
      expect(r.direct.total).toBe(0);
      expect(r.network.localUmkmShare).toBeNull();
      expect(r.amplification).toBeNull();
      expect(r.byUnitType).toEqual([]);
    });
  });

  it('keys AGENCY flow nodes by the agency\'s global id: base64url of "Agency:<row id>"', async () => {
    const g = await spendFlows(fx.db, fx.scope({ fiscalYear: 2023 }), ['AGENCY']);
    // Decoded by hand, not with the code that encodes: a client can rely on this form.
    const decoded = g.nodes.map((n) => Buffer.from(n.key, 'base64url').toString('utf8'));
    expect(decoded).toEqual([`Agency:${fx.id('DIK')}`, `Agency:${fx.id('KES')}`, `Agency:${fx.id('PAR')}`]);
    expect(g.nodes.map((n) => n.id)).toEqual(g.nodes.map((n) => `AGENCY:${n.key}`));
  });
});
