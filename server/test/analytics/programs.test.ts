import { testEngine } from '@jejaring/db/testing';
import { describe, expect, it } from 'vitest';
import { programOutcomes } from '../../src/analytics/program-outcomes.sql.ts';
import { useFixture } from './harness.ts';

describe(`programOutcomes on the "analytics-programs" fixture (${testEngine})`, () => {
  const fx = useFixture('programs');

  it('reports every program of the year with its realisation, local share, target and status', async () => {
    const rows = await programOutcomes(fx.db, fx.tenantId, 2023, null);
    expect(rows.map((r) => r.code)).toEqual(['1.02.01', '1.02.02', '1.01.01', '1.01.02']); // KES before DIK by name
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode['1.01.01']).toMatchObject({
      programId: fx.id('P1'),
      budget: 10_000,
      realized: 6000, // any buyer: DIK 3000 + 1000, and its school SD1 2000
      realizationRate: 0.6,
      toLocalUmkm: 5000,
      localUmkmShare: 5000 / 6000,
      target: 0.5,
      targetSource: 'PROGRAM',
      umkmReached: 2,
      enterprisesAssisted: 2, // U1 (twice) and U3
      status: 'MET',
    });
    expect(byCode['1.01.02']).toMatchObject({
      realized: 5000,
      localUmkmShare: 0.2,
      target: 0.4,
      targetSource: 'AGENCY',
      status: 'BELOW_TARGET',
      enterprisesAssisted: 0,
    });
    expect(byCode['1.02.01']).toMatchObject({
      realized: 3000,
      realizationRate: 1.5,
      localUmkmShare: 0.3,
      target: 0.3,
      targetSource: 'TENANT',
      status: 'MET', // exactly at target
      umkmReached: 1,
      enterprisesAssisted: 1,
    });
    expect(byCode['1.02.02']).toMatchObject({
      realized: 0,
      realizationRate: 0,
      toLocalUmkm: 0,
      localUmkmShare: null,
      umkmReached: 0,
      status: 'NO_SPEND',
    });
  });

  it('filters by agency and reports NO_TARGET and a null realisation rate on a zero budget', async () => {
    const dik = await programOutcomes(fx.db, fx.tenantId, 2023, fx.id('DIK'));
    expect(dik.map((r) => r.code)).toEqual(['1.01.01', '1.01.02']);
    const y2024 = await programOutcomes(fx.db, fx.tenantId, 2024, null);
    expect(y2024).toEqual([
      expect.objectContaining({
        budget: 0,
        realized: 500,
        realizationRate: null,
        localUmkmShare: 1,
        target: null,
        targetSource: null,
        status: 'NO_TARGET',
      }),
    ]);
    expect(await programOutcomes(fx.db, fx.tenantId, 2021, null)).toEqual([]);
  });
});
