import { testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dataCollectionProgress } from '../../src/analytics/data-collection.sql.ts';
import { marketAccessEffect } from '../../src/analytics/market-access.sql.ts';
import { recoveryIndex } from '../../src/analytics/recovery-index.sql.ts';
import { useFixture } from './harness.ts';

describe(`recoveryIndex on the "analytics-recovery" fixture (${testEngine})`, () => {
  const fx = useFixture('recovery');
  const range = ['2020-01-01', '2020-03-31'] as const;

  it('indexes the panel against its baseline-year mean, month by month, empty months included', async () => {
    const series = await recoveryIndex(fx.db, fx.tenantId, 'NONE', ...range, 2019);
    expect(series).toHaveLength(1);
    expect(series[0]?.key).toBe('ALL');
    expect(series[0]?.points).toEqual([
      // E1 120 + E2 600 + E3 0 against 200 + 1000 + 50; E4 has no baseline, E5 no recorded baseline revenue.
      { period: '2020-01-01', index: (100 * 720) / 1250, activeShare: 2 / 3, panelSize: 3 },
      // E2 has no snapshot, E3's revenue is unrecorded: only E1.
      { period: '2020-02-01', index: 80, activeShare: 1, panelSize: 1 },
      { period: '2020-03-01', index: null, activeShare: null, panelSize: 0 },
    ]);
  });

  it('groups by sector, district and size class; groups without a baseline are absent', async () => {
    const bySector = await recoveryIndex(fx.db, fx.tenantId, 'SECTOR', ...range, 2019);
    expect(bySector.map((s) => [s.key, s.points.map((p) => p.index)])).toEqual([
      ['C', [60, 80, null]],
      ['I', [60, null, null]],
      ['UNKNOWN', [0, null, null]],
    ]);
    expect(bySector[0]?.label).toBe('Industri Pengolahan');
    const byDistrict = await recoveryIndex(fx.db, fx.tenantId, 'DISTRICT', ...range, 2019);
    expect(byDistrict.map((s) => [s.key, s.points.map((p) => p.index), s.points[0]?.activeShare])).toEqual([
      ['61.12.01', [48, 80, null], 0.5], // E1 + E3: (120 + 0) / (200 + 50)
      ['61.12.03', [60, null, null], 1],
    ]);
    const bySize = await recoveryIndex(fx.db, fx.tenantId, 'SIZE_CLASS', ...range, 2019);
    expect(bySize.map((s) => s.key)).toEqual(['MICRO', 'SMALL', 'UNKNOWN']);
  });

  it('takes an open range from the snapshots and another baseline year', async () => {
    const series = await recoveryIndex(fx.db, fx.tenantId, 'NONE', null, null, 2019);
    expect(series[0]?.points).toHaveLength(14); // 2019-01 … 2020-02
    expect(series[0]?.points[0]).toEqual({ period: '2019-01-01', index: 50, activeShare: 1, panelSize: 1 });
    const base2020 = await recoveryIndex(fx.db, fx.tenantId, 'NONE', '2020-01-01', '2020-02-29', 2020);
    // Baselines 2020: E1 140, E2 600, E3 0, E4 999, E5 10.
    expect(base2020[0]?.points[0]?.index).toBeCloseTo(
      (100 * (120 + 600 + 0 + 999 + 10)) / (140 + 600 + 0 + 999 + 10),
      12,
    );
    expect(await recoveryIndex(fx.db, fx.tenantId, 'NONE', null, null, 2030)).toEqual([]);
  });
});

describe(`marketAccessEffect on the "analytics-market-access" fixture (${testEngine})`, () => {
  const fx = useFixture('market-access');

  it('splits the training cohort by government orders and compares survival a year later', async () => {
    const m = await marketAccessEffect(fx.db, fx.tenantId, 2022);
    expect(m).toEqual({
      cohortYear: 2022,
      cohortSize: 5,
      // T1 (agency order, active in Dec 2023), T2 (school order, last 2023 snapshot DORMANT)
      withMarket: { size: 2, active: 1, inactive: 1, unknown: 0, survivalRate: 0.5 },
      // T3 (only an association paid it: active), T4 (no 2023 snapshot), T5 (closed)
      trainedOnly: { size: 3, active: 1, inactive: 1, unknown: 1, survivalRate: 0.5 },
      difference: 0,
    });
  });

  it('keeps its answer in the shared result cache and answers a new government order at once', async () => {
    const before = await marketAccessEffect(fx.db, fx.tenantId, 2022);
    // What any instance stored is served while the data version stands (to another instance: this
    // one holds its own answer in memory).
    await sql`UPDATE analytics_result
      SET rows = '[{"with_market": true, "size": 7, "active": 7, "inactive": 0, "unknown": 0}]'::jsonb
      WHERE tenant_id = ${fx.tenantId} AND measure = 'marketAccessEffect'`.execute(fx.db);
    expect((await marketAccessEffect(fx.db.withoutPlugins(), fx.tenantId, 2022)).withMarket.size).toBe(7);
    // The school (a government unit) pays T3 in 2023: T3 (active in 2023) joins withMarket.
    await sql`INSERT INTO "transaction" (tenant_id, buyer_id, seller_id, category, amount, occurred_on, source_ref)
      VALUES (${fx.tenantId}, ${fx.id('SD')}, ${fx.id('T3')}, 'CATERING', 100, '2023-03-01', 'ma-cache-1')`.execute(
      fx.db,
    );
    expect(await marketAccessEffect(fx.db, fx.tenantId, 2022)).toEqual({
      cohortYear: 2022,
      cohortSize: 5,
      // T1 active, T2 dormant, T3 active: 2 of 3
      withMarket: { size: 3, active: 2, inactive: 1, unknown: 0, survivalRate: 2 / 3 },
      // T4 (no 2023 snapshot), T5 (closed)
      trainedOnly: { size: 2, active: 0, inactive: 1, unknown: 1, survivalRate: 0 },
      difference: 2 / 3,
    });
    await sql`DELETE FROM "transaction" WHERE tenant_id = ${fx.tenantId} AND source_ref = 'ma-cache-1'`.execute(fx.db);
    expect(await marketAccessEffect(fx.db, fx.tenantId, 2022)).toEqual(before);
  });

  it('has null rates and difference for an empty cohort', async () => {
    const m = await marketAccessEffect(fx.db, fx.tenantId, 2019);
    expect(m).toEqual({
      cohortYear: 2019,
      cohortSize: 0,
      withMarket: { size: 0, active: 0, inactive: 0, unknown: 0, survivalRate: null },
      trainedOnly: { size: 0, active: 0, inactive: 0, unknown: 0, survivalRate: null },
      difference: null,
    });
  });
});

describe(`dataCollectionProgress on the "analytics-collection" fixture (${testEngine})`, () => {
  const fx = useFixture('collection');

  it('counts registered and verified entries per kecamatan against the targets, every kecamatan listed', async () => {
    const rows = await dataCollectionProgress(fx.db, fx.tenantId, 2023);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({
      regionCode: '61.12.01',
      name: 'Sungai Raya',
      enterprisesRegistered: 2, // Ea, Eb; Ec registered in 2024, Ed rejected, Ee undated
      enterprisesVerified: 1,
      enterprisesTarget: 4,
      enterprisesProgress: 0.25,
      cooperativesRegistered: 1,
      cooperativesVerified: 1,
      cooperativesTarget: 0,
      cooperativesProgress: null, // zero target
    });
    expect(rows[1]).toMatchObject({
      regionCode: '61.12.02',
      enterprisesRegistered: 1,
      enterprisesVerified: 1,
      enterprisesTarget: null, // the target is for 2022
      enterprisesProgress: null,
      cooperativesRegistered: 1,
      cooperativesVerified: 0,
    });
    expect(rows.slice(2).every((r) => r.enterprisesRegistered === 0 && r.cooperativesRegistered === 0)).toBe(true);
  });

  it('counts by the registration date: nothing was registered by 2019', async () => {
    const rows = await dataCollectionProgress(fx.db, fx.tenantId, 2019);
    expect(rows.every((r) => r.enterprisesRegistered === 0)).toBe(true);
  });
});
