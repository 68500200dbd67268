import type { PlanStatus } from '@jejaring/db';
import { testEngine } from '@jejaring/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { plannedVsRealised } from '../../src/analytics/planned-vs-realised.sql.ts';
import { spendSummary } from '../../src/analytics/spend-summary.sql.ts';
import { useFixture } from './harness.ts';

/*
 * docs/metrics-outcomes.md "Planned vs realised for small businesses" on the "analytics-spend" purchases
 * (scenarios.ts) plus these SiRUP plans. UMK sellers there: U1 (micro, local), O1 (small, outside),
 * N1 (micro, no region), K1 (cooperative); U2 (size unknown), U3 (medium), L1 (large) are not.
 */
const PLANS: Array<[kdRup: string, agency: string, year: number, pagu: number, small: boolean | null, PlanStatus]> = [
  ['R1', 'DIK', 2023, 2000, true, 'ACTIVE'],
  ['R2', 'DIK', 2023, 5000, false, 'ACTIVE'],
  ['R3', 'DIK', 2023, 700, true, 'CANCELLED'],
  ['R4', 'DIK', 2023, 300, true, 'INACTIVE'],
  ['R5', 'KES', 2023, 1500, true, 'ACTIVE'],
  ['R6', 'KES', 2023, 400, null, 'ACTIVE'],
  ['R7', 'PU', 2023, 800, false, 'ACTIVE'],
  ['R8', 'DIK', 2024, 999, true, 'ACTIVE'],
];

describe(`plannedVsRealised on the "analytics-spend" fixture with SiRUP plans (${testEngine})`, () => {
  const fx = useFixture('spend');
  beforeAll(async () => {
    await fx.db
      .insertInto('procurement_plan')
      .values(
        PLANS.map(([kd, agency, year, pagu, small, status]) => ({
          tenant_id: fx.tenantId,
          kd_rup: kd,
          name: `Paket ${kd}`,
          fiscal_year: year,
          agency_id: fx.id(agency),
          kd_satker: agency,
          pagu,
          for_small_business: small,
          status,
        })),
      )
      .execute();
  });
  const rows = (filter: Parameters<typeof fx.scope>[0]) => plannedVsRealised(fx.db, fx.scope(filter));

  it('compares active plans for small businesses with what each agency paid UMK sellers in 2023', async () => {
    expect(await rows({ fiscalYear: 2023 })).toEqual([
      {
        agencyId: fx.id('DIK'),
        fiscalYear: 2023,
        planCount: 2, // R1, R2 (R3 cancelled, R4 inactive)
        plannedTotal: 7000,
        planCountForSmall: 1,
        plannedForSmall: 2000,
        plannedSmallShare: 2000 / 7000,
        realisedTotal: 4500, // t01 1000 + t02 3000 + t03 500
        realisedToSmall: 1000, // t01 to U1
        realisedSmallShare: 1000 / 4500,
        realisationRate: 0.5,
      },
      {
        agencyId: fx.id('KES'),
        fiscalYear: 2023,
        planCount: 2, // R5 and R6 (not known to be for small businesses: counts in the total only)
        plannedTotal: 1900,
        planCountForSmall: 1,
        plannedForSmall: 1500,
        plannedSmallShare: 1500 / 1900,
        realisedTotal: 3000, // U3 800 (medium), L1 1200 (large), O2 1000 (size unknown)
        realisedToSmall: 0,
        realisedSmallShare: 0,
        realisationRate: 0,
      },
      {
        agencyId: fx.id('PAR'),
        fiscalYear: 2023,
        planCount: 0,
        plannedTotal: 0,
        planCountForSmall: 0,
        plannedForSmall: 0,
        plannedSmallShare: null,
        realisedTotal: 1000, // K1 360 + V1 640
        realisedToSmall: 360,
        realisedSmallShare: 0.36,
        realisationRate: null,
      },
      {
        agencyId: fx.id('PU'),
        fiscalYear: 2023,
        planCount: 1,
        plannedTotal: 800,
        planCountForSmall: 0,
        plannedForSmall: 0,
        plannedSmallShare: 0,
        realisedTotal: 0, // its only units, C1 and C2, form a cycle: no network
        realisedToSmall: 0,
        realisedSmallShare: null,
        realisationRate: null,
      },
    ]);
  });

  it("counts the networks' purchases with includeNetwork, while plans stay the agency's own", async () => {
    const byRef = Object.fromEntries(
      (await rows({ fiscalYear: 2023, includeNetwork: true })).map((r) => [r.agencyId, r]),
    );
    // DIK with SD1 (U1 200), SD2 (K1 300) and UPT (O1 400): 4500 + 900, to UMK 1000 + 900.
    expect(byRef[fx.id('DIK')]).toMatchObject({
      plannedForSmall: 2000,
      realisedTotal: 5400,
      realisedToSmall: 1900,
      realisationRate: 0.95,
    });
    // KES with KORPRI (U2 100, size unknown).
    expect(byRef[fx.id('KES')]).toMatchObject({ realisedTotal: 3100, realisedToSmall: 0 });
  });

  it('limits the rows to the given agencies and year, and counts a UMK seller without a region', async () => {
    expect(await rows({ fiscalYear: 2024, agencies: ['DIK'] })).toEqual([
      expect.objectContaining({
        agencyId: fx.id('DIK'),
        plannedForSmall: 999,
        realisedTotal: 0, // DIK bought nothing in 2024 (t13 is KES's)
        realisedSmallShare: null,
        realisationRate: 0,
      }),
    ]);
    // 2022: only t12, DIK → N1 (micro, no region) 600: UMK wherever located; no plans that year.
    expect(await rows({ fiscalYear: 2022 })).toEqual([
      expect.objectContaining({ agencyId: fx.id('DIK'), plannedTotal: 0, realisedToSmall: 600, realisationRate: null }),
    ]);
    expect(await rows({ fiscalYear: 2021 })).toEqual([]);
  });

  it('leaves every spending measure as it was: plans are never spending', async () => {
    // The 2023 total of analytics-spend by hand, without any plan: DIK 4500 + KES 3000 + PAR 1000.
    expect((await spendSummary(fx.db, fx.scope({ fiscalYear: 2023 }))).total).toBe(8500);
  });
});
