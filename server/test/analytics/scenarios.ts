import type { Fixture } from './fixtures.ts';

/*
 * Named, hand-computed datasets for the analytics tests. Every expected number in the tests is
 * worked out from these rows in the comments next to the assertions.
 *
 * Kubu Raya (61.12) districts used: 61.12.01 Sungai Raya, 61.12.02 Kuala Mandor B,
 * 61.12.03 Sungai Ambawang, 61.12.07 Rasau Jaya. Outside: 61.71 Kota Pontianak, 31.71 Jakarta Pusat.
 */

/**
 * "analytics-spend": three agencies, a network two levels deep, a unit whose parent chain is a
 * cycle, and sellers of every class. Fiscal year 2023 is the main period.
 */
export const spendScenario: Fixture = {
  parties: [
    { ref: 'DIK', kind: 'AGENCY', name: 'Dinas Pendidikan', agency_code: '1.01' },
    { ref: 'KES', kind: 'AGENCY', name: 'Dinas Kesehatan', agency_code: '1.02' },
    { ref: 'PAR', kind: 'AGENCY', name: 'Dinas Pariwisata', agency_code: '1.03' },
    { ref: 'PU', kind: 'AGENCY', name: 'Dinas Pekerjaan Umum', agency_code: '1.04' },
    { ref: 'SD1', kind: 'NETWORK_UNIT', parent_ref: 'DIK', unit_type: 'SCHOOL', is_government: true },
    { ref: 'UPT', kind: 'NETWORK_UNIT', parent_ref: 'DIK', unit_type: 'TECHNICAL_UNIT', is_government: true },
    { ref: 'SD2', kind: 'NETWORK_UNIT', parent_ref: 'UPT', unit_type: 'SCHOOL', is_government: true },
    { ref: 'KORPRI', kind: 'NETWORK_UNIT', parent_ref: 'KES', unit_type: 'ASN_ASSOCIATION', is_government: false },
    // C2 → C1 → C2 after loading (see reparent): a chain that never reaches an agency.
    { ref: 'C1', kind: 'NETWORK_UNIT', parent_ref: 'C2', unit_type: 'OTHER', is_government: true },
    { ref: 'C2', kind: 'NETWORK_UNIT', parent_ref: 'PU', unit_type: 'OTHER', is_government: true },
    { ref: 'U1', kind: 'ENTERPRISE', region_code: '61.12.01.2001', size_class: 'MICRO', kbli_code: '10710' },
    { ref: 'U2', kind: 'ENTERPRISE', region_code: '61.12.03', size_class: null, kbli_code: '56101' },
    { ref: 'U3', kind: 'ENTERPRISE', region_code: '61.12.01', size_class: 'MEDIUM', kbli_code: '14111' },
    { ref: 'K1', kind: 'COOPERATIVE', region_code: '61.12.07' },
    { ref: 'L1', kind: 'ENTERPRISE', region_code: '61.12', size_class: 'LARGE', kbli_code: '46100' },
    { ref: 'V1', kind: 'VENDOR', region_code: '61.71' },
    { ref: 'O1', kind: 'ENTERPRISE', region_code: '61.71', size_class: 'SMALL', kbli_code: '14111' },
    { ref: 'O2', kind: 'ENTERPRISE', region_code: '31.71', size_class: null },
    { ref: 'N1', kind: 'ENTERPRISE', region_code: null, size_class: 'MICRO' },
  ],
  reparent: [['C2', 'C1']],
  transactions: [
    {
      ref: 't01',
      buyer_ref: 'DIK',
      seller_ref: 'U1',
      amount: 1000,
      occurred_on: '2023-01-10',
      category: 'FOOD_STAPLES',
    },
    {
      ref: 't02',
      buyer_ref: 'DIK',
      seller_ref: 'V1',
      amount: 3000,
      occurred_on: '2023-02-15',
      category: 'PRINTING_STATIONERY',
      account_code: '5.1.02.02',
    },
    { ref: 't03', buyer_ref: 'DIK', seller_ref: 'U2', amount: 500, occurred_on: '2023-03-01', category: 'CATERING' },
    {
      ref: 't04',
      buyer_ref: 'SD1',
      seller_ref: 'U1',
      amount: 200,
      occurred_on: '2023-01-20',
      category: 'FOOD_STAPLES',
    },
    { ref: 't05', buyer_ref: 'SD2', seller_ref: 'K1', amount: 300, occurred_on: '2023-04-05', category: 'SNACKS' },
    {
      ref: 't06',
      buyer_ref: 'UPT',
      seller_ref: 'O1',
      amount: 400,
      occurred_on: '2023-04-10',
      category: 'GARMENTS',
      account_code: '5.2.02',
    },
    {
      ref: 't07',
      buyer_ref: 'KES',
      seller_ref: 'U3',
      amount: 800,
      occurred_on: '2023-01-31',
      category: 'PROTECTIVE_GEAR',
    },
    {
      ref: 't08',
      buyer_ref: 'KES',
      seller_ref: 'L1',
      amount: 1200,
      occurred_on: '2023-03-31',
      category: 'PROTECTIVE_GEAR',
    },
    {
      ref: 't09',
      buyer_ref: 'KES',
      seller_ref: 'O2',
      amount: 1000,
      occurred_on: '2023-06-30',
      category: 'OTHER',
      account_code: '5.1.02.03',
    },
    { ref: 't10', buyer_ref: 'KORPRI', seller_ref: 'U2', amount: 100, occurred_on: '2023-02-01', category: 'SNACKS' },
    {
      ref: 't11',
      buyer_ref: 'C1',
      seller_ref: 'U1',
      amount: 9999,
      occurred_on: '2023-02-02',
      category: 'FOOD_STAPLES',
    },
    { ref: 't12', buyer_ref: 'DIK', seller_ref: 'N1', amount: 600, occurred_on: '2022-12-31', category: 'OTHER' },
    {
      ref: 't13',
      buyer_ref: 'KES',
      seller_ref: 'U1',
      amount: 700,
      occurred_on: '2024-01-01',
      category: 'FOOD_STAPLES',
    },
    { ref: 't14', buyer_ref: 'U1', seller_ref: 'U2', amount: 50, occurred_on: '2023-05-05', category: 'CATERING' },
    { ref: 't15', buyer_ref: 'PAR', seller_ref: 'K1', amount: 360, occurred_on: '2023-08-01', category: 'SOUVENIRS' },
    { ref: 't16', buyer_ref: 'PAR', seller_ref: 'V1', amount: 640, occurred_on: '2023-08-02', category: 'SOUVENIRS' },
  ],
  targets: [
    { ref: 'perbup-2022', metric: 'LOCAL_UMKM_SHARE', target_share: 0.25, fiscal_year: 2022 },
    { ref: 'perbup-2023', metric: 'LOCAL_UMKM_SHARE', target_share: 0.3, fiscal_year: 2023 },
    { ref: 'perpres-2023', metric: 'UMK_SHARE', target_share: 0.4, fiscal_year: 2023 },
    { ref: 'dik-2023', metric: 'LOCAL_UMKM_SHARE', target_share: 0.4, fiscal_year: 2023, agency_ref: 'DIK' },
    { ref: 'kes-2023', metric: 'LOCAL_UMKM_SHARE', target_share: 0.25, fiscal_year: 2023, agency_ref: 'KES' },
  ],
};

/**
 * "analytics-domino": the worked example of docs/metrics.md. Agency A pays local UMKM U1 100 and outside
 * vendor V 100; U1 (snapshot revenue 200) pays U2 50 and outside supplier S 30; U2 (revenue 100)
 * pays U3 20; U3 buys nothing. R1 100, R2 25, R3 5; LM3 1.30; limit multiplier 1.30.
 */
export const dominoScenario: Fixture = {
  parties: [
    { ref: 'A', kind: 'AGENCY', name: 'Dinas Koperasi dan UKM' },
    { ref: 'U1', kind: 'ENTERPRISE', region_code: '61.12.01', size_class: 'MICRO', kbli_code: '10710' },
    { ref: 'U2', kind: 'ENTERPRISE', region_code: '61.12.02', size_class: 'SMALL', kbli_code: '56101' },
    { ref: 'U3', kind: 'ENTERPRISE', region_code: '61.12.03', size_class: 'MICRO', kbli_code: '01120' },
    { ref: 'V', kind: 'VENDOR', region_code: '61.71' },
    { ref: 'S', kind: 'VENDOR', region_code: '61.71' },
  ],
  transactions: [
    { buyer_ref: 'A', seller_ref: 'U1', amount: 100, occurred_on: '2023-03-01', category: 'FOOD_STAPLES' },
    { buyer_ref: 'A', seller_ref: 'V', amount: 100, occurred_on: '2023-03-02', category: 'OTHER' },
    { buyer_ref: 'U1', seller_ref: 'U2', amount: 50, occurred_on: '2023-04-01', category: 'CATERING' },
    { buyer_ref: 'U1', seller_ref: 'S', amount: 30, occurred_on: '2023-04-02', category: 'OTHER' },
    { buyer_ref: 'U2', seller_ref: 'U3', amount: 20, occurred_on: '2023-05-01', category: 'FOOD_STAPLES' },
  ],
  snapshots: [
    { party_ref: 'U1', period: '2023-03', revenue: 120 },
    { party_ref: 'U1', period: '2023-04', revenue: 80 },
    { party_ref: 'U2', period: '2023-04', revenue: 100 },
  ],
};

/**
 * "analytics-domino-cycle": A buys from B, B from C and C from B. B's revenue is what it received
 * (100 from A + 100 from C), so m[B][C] = 0.5 and m[C][B] = 1: rounds 100, 50, 50, 25, 25, …,
 * LM3 = 2.0 and the limit multiplier 3.0.
 */
export const dominoCycleScenario: Fixture = {
  parties: [
    { ref: 'A', kind: 'AGENCY' },
    { ref: 'B', kind: 'ENTERPRISE', region_code: '61.12.01', size_class: 'MICRO', kbli_code: '10710' },
    { ref: 'C', kind: 'ENTERPRISE', region_code: '61.12.09', size_class: 'MICRO', kbli_code: '47111' },
  ],
  transactions: [
    { buyer_ref: 'A', seller_ref: 'B', amount: 100, occurred_on: '2023-01-05' },
    { buyer_ref: 'B', seller_ref: 'C', amount: 100, occurred_on: '2023-02-05' },
    { buyer_ref: 'C', seller_ref: 'B', amount: 100, occurred_on: '2023-03-05' },
  ],
};

/**
 * "analytics-domino-divergent": B and C trade 100,000 back and forth while A injects 100 at B:
 * m[B][C] = 100000/100100 and m[C][B] = 1, so a round shrinks by 0.1 % every two rounds and the
 * limit does not converge within 1,000 rounds.
 */
export const dominoDivergentScenario: Fixture = {
  parties: [
    { ref: 'A', kind: 'AGENCY' },
    { ref: 'B', kind: 'ENTERPRISE', region_code: '61.12.01', size_class: 'MICRO' },
    { ref: 'C', kind: 'ENTERPRISE', region_code: '61.12.09', size_class: 'MICRO' },
  ],
  transactions: [
    { buyer_ref: 'A', seller_ref: 'B', amount: 100, occurred_on: '2023-01-05' },
    { buyer_ref: 'B', seller_ref: 'C', amount: 100_000, occurred_on: '2023-02-05' },
    { buyer_ref: 'C', seller_ref: 'B', amount: 100_000, occurred_on: '2023-03-05' },
  ],
};

/**
 * "analytics-programs": programs with their own target, an agency target, the tenant target,
 * no target (2024 has none), no spend, a zero budget, and assistance records.
 */
export const programScenario: Fixture = {
  parties: [
    { ref: 'DIK', kind: 'AGENCY', name: 'Dinas Pendidikan', agency_code: '1.01' },
    { ref: 'KES', kind: 'AGENCY', name: 'Dinas Kesehatan', agency_code: '1.02' },
    { ref: 'SD1', kind: 'NETWORK_UNIT', parent_ref: 'DIK', unit_type: 'SCHOOL', is_government: true },
    { ref: 'U1', kind: 'ENTERPRISE', region_code: '61.12.01', size_class: 'MICRO', kbli_code: '14111' },
    { ref: 'U2', kind: 'ENTERPRISE', region_code: '61.12.02', size_class: 'SMALL', kbli_code: '14111' },
    { ref: 'U3', kind: 'ENTERPRISE', region_code: '61.12.04', size_class: null, kbli_code: '10710' },
    { ref: 'V1', kind: 'VENDOR', region_code: '61.71' },
  ],
  programs: [
    {
      ref: 'P1',
      agency_ref: 'DIK',
      code: '1.01.01',
      name: 'Seragam sekolah',
      fiscal_year: 2023,
      budget: 10_000,
      local_target_share: 0.5,
    },
    { ref: 'P2', agency_ref: 'DIK', code: '1.01.02', name: 'Alat tulis', fiscal_year: 2023, budget: 5000 },
    { ref: 'P3', agency_ref: 'KES', code: '1.02.01', name: 'Masker puskesmas', fiscal_year: 2023, budget: 2000 },
    { ref: 'P4', agency_ref: 'KES', code: '1.02.02', name: 'Makanan bergizi', fiscal_year: 2023, budget: 1000 },
    { ref: 'P5', agency_ref: 'KES', code: '1.02.03', name: 'Program baru', fiscal_year: 2024, budget: 0 },
    { ref: 'P6', agency_ref: 'DIK', code: '1.01.01', name: 'Seragam sekolah 2022', fiscal_year: 2022, budget: 8000 },
  ],
  transactions: [
    {
      buyer_ref: 'DIK',
      seller_ref: 'U1',
      program_ref: 'P1',
      amount: 3000,
      occurred_on: '2023-02-01',
      category: 'GARMENTS',
    },
    {
      buyer_ref: 'SD1',
      seller_ref: 'U2',
      program_ref: 'P1',
      amount: 2000,
      occurred_on: '2023-07-01',
      category: 'GARMENTS',
    },
    {
      buyer_ref: 'DIK',
      seller_ref: 'V1',
      program_ref: 'P1',
      amount: 1000,
      occurred_on: '2023-08-01',
      category: 'GARMENTS',
    },
    { buyer_ref: 'DIK', seller_ref: 'V1', program_ref: 'P2', amount: 4000, occurred_on: '2023-03-01' },
    { buyer_ref: 'DIK', seller_ref: 'U1', program_ref: 'P2', amount: 1000, occurred_on: '2023-03-02' },
    { buyer_ref: 'KES', seller_ref: 'U3', program_ref: 'P3', amount: 900, occurred_on: '2023-04-01' },
    { buyer_ref: 'KES', seller_ref: 'V1', program_ref: 'P3', amount: 2100, occurred_on: '2023-04-02' },
    { buyer_ref: 'KES', seller_ref: 'U3', program_ref: 'P5', amount: 500, occurred_on: '2024-04-02' },
    { buyer_ref: 'DIK', seller_ref: 'U1', program_ref: 'P6', amount: 8000, occurred_on: '2022-04-02' },
  ],
  assistance: [
    { program_ref: 'P1', party_ref: 'U1', kind: 'TRAINING', occurred_on: '2023-01-15' },
    { program_ref: 'P1', party_ref: 'U1', kind: 'MENTORING', occurred_on: '2023-02-15' },
    { program_ref: 'P1', party_ref: 'U3', kind: 'TRAINING', occurred_on: '2023-01-15' },
    { program_ref: 'P3', party_ref: 'U3', kind: 'CERTIFICATION', occurred_on: '2023-05-15' },
  ],
  targets: [
    { metric: 'LOCAL_UMKM_SHARE', target_share: 0.3, fiscal_year: 2023 },
    { metric: 'LOCAL_UMKM_SHARE', target_share: 0.4, fiscal_year: 2023, agency_ref: 'DIK' },
  ],
};

/**
 * "analytics-recovery": baseline 2019; E1 (C, 61.12.01, micro) baseline mean 200, E2 (I, 61.12.03,
 * small) 1000, E3 (no KBLI, 61.12.01, unknown size) 50; E4 has no baseline; E5's baseline revenue
 * is unrecorded.
 */
export const recoveryScenario: Fixture = {
  parties: [
    { ref: 'E1', kind: 'ENTERPRISE', region_code: '61.12.01.2001', size_class: 'MICRO', kbli_code: '10710' },
    { ref: 'E2', kind: 'ENTERPRISE', region_code: '61.12.03', size_class: 'SMALL', kbli_code: '56101' },
    { ref: 'E3', kind: 'ENTERPRISE', region_code: '61.12.01', size_class: null, kbli_code: null },
    { ref: 'E4', kind: 'ENTERPRISE', region_code: '61.12.05', size_class: 'MICRO', kbli_code: '47111' },
    { ref: 'E5', kind: 'ENTERPRISE', region_code: '61.12.05', size_class: 'MICRO', kbli_code: '47111' },
  ],
  snapshots: [
    { party_ref: 'E1', period: '2019-01', revenue: 100 },
    { party_ref: 'E1', period: '2019-02', revenue: 300 },
    { party_ref: 'E2', period: '2019-06', revenue: 1000 },
    { party_ref: 'E3', period: '2019-12', revenue: 50 },
    { party_ref: 'E5', period: '2019-12', revenue: null },
    { party_ref: 'E1', period: '2020-01', revenue: 120 },
    { party_ref: 'E2', period: '2020-01', revenue: 600 },
    { party_ref: 'E3', period: '2020-01', revenue: 0, status: 'DORMANT' },
    { party_ref: 'E4', period: '2020-01', revenue: 999 },
    { party_ref: 'E5', period: '2020-01', revenue: 10 },
    { party_ref: 'E1', period: '2020-02', revenue: 160 },
    { party_ref: 'E3', period: '2020-02', revenue: null, status: 'CLOSED' },
  ],
};

/**
 * "analytics-market-access": the 2022 training cohort T1…T5 (T6 was trained in 2021, T7 only
 * mentored). T1 and T2 won government orders in 2022-2023; T3 sold only to a civil-servant
 * association; T4's government order came in 2024.
 */
export const marketAccessScenario: Fixture = {
  parties: [
    { ref: 'A', kind: 'AGENCY' },
    { ref: 'SD', kind: 'NETWORK_UNIT', parent_ref: 'A', unit_type: 'SCHOOL', is_government: true },
    { ref: 'KORPRI', kind: 'NETWORK_UNIT', parent_ref: 'A', unit_type: 'ASN_ASSOCIATION', is_government: false },
    ...['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'].map((ref) => ({
      ref,
      kind: 'ENTERPRISE' as const,
      region_code: '61.12.01',
      size_class: 'MICRO' as const,
    })),
  ],
  programs: [{ ref: 'LATIH', agency_ref: 'A', fiscal_year: 2022, budget: 1000 }],
  assistance: [
    { program_ref: 'LATIH', party_ref: 'T1', kind: 'TRAINING', occurred_on: '2022-03-01' },
    { program_ref: 'LATIH', party_ref: 'T2', kind: 'TRAINING', occurred_on: '2022-03-01' },
    { program_ref: 'LATIH', party_ref: 'T2', kind: 'TRAINING', occurred_on: '2022-09-01' },
    { program_ref: 'LATIH', party_ref: 'T3', kind: 'TRAINING', occurred_on: '2022-12-31' },
    { program_ref: 'LATIH', party_ref: 'T4', kind: 'TRAINING', occurred_on: '2022-01-01' },
    { program_ref: 'LATIH', party_ref: 'T5', kind: 'TRAINING', occurred_on: '2022-06-01' },
    { program_ref: 'LATIH', party_ref: 'T6', kind: 'TRAINING', occurred_on: '2021-06-01' },
    { program_ref: 'LATIH', party_ref: 'T7', kind: 'MENTORING', occurred_on: '2022-06-01' },
  ],
  transactions: [
    { buyer_ref: 'A', seller_ref: 'T1', amount: 100, occurred_on: '2022-05-01' },
    { buyer_ref: 'SD', seller_ref: 'T2', amount: 100, occurred_on: '2023-12-31' },
    { buyer_ref: 'KORPRI', seller_ref: 'T3', amount: 100, occurred_on: '2022-05-01' },
    { buyer_ref: 'A', seller_ref: 'T4', amount: 100, occurred_on: '2024-01-01' },
    { buyer_ref: 'A', seller_ref: 'T6', amount: 100, occurred_on: '2022-05-01' },
  ],
  snapshots: [
    { party_ref: 'T1', period: '2023-06', revenue: 10, status: 'ACTIVE' },
    { party_ref: 'T1', period: '2023-12', revenue: 10, status: 'ACTIVE' },
    { party_ref: 'T2', period: '2023-03', revenue: 10, status: 'ACTIVE' },
    { party_ref: 'T2', period: '2023-11', revenue: 10, status: 'DORMANT' },
    { party_ref: 'T2', period: '2024-01', revenue: 10, status: 'ACTIVE' },
    { party_ref: 'T3', period: '2023-12', revenue: 10, status: 'ACTIVE' },
    { party_ref: 'T4', period: '2022-12', revenue: 10, status: 'ACTIVE' },
    { party_ref: 'T5', period: '2023-05', revenue: 0, status: 'CLOSED' },
  ],
};

/**
 * "analytics-collection": the registry of 61.12.01 and 61.12.02 at the end of 2023, with late,
 * rejected and undated registrations, and targets (one of them zero).
 */
export const collectionScenario: Fixture = {
  parties: [
    {
      ref: 'Ea',
      kind: 'ENTERPRISE',
      region_code: '61.12.01.2001',
      registered_on: '2022-05-01',
      verification: 'VERIFIED',
    },
    { ref: 'Eb', kind: 'ENTERPRISE', region_code: '61.12.01', registered_on: '2023-12-31', verification: 'DRAFT' },
    { ref: 'Ec', kind: 'ENTERPRISE', region_code: '61.12.01', registered_on: '2024-01-01', verification: 'VERIFIED' },
    { ref: 'Ed', kind: 'ENTERPRISE', region_code: '61.12.01', registered_on: '2023-01-01', verification: 'REJECTED' },
    { ref: 'Ee', kind: 'ENTERPRISE', region_code: '61.12.01', registered_on: null, verification: 'VERIFIED' },
    { ref: 'Ef', kind: 'ENTERPRISE', region_code: '61.12.02', registered_on: '2020-01-01', verification: 'VERIFIED' },
    { ref: 'Eg', kind: 'ENTERPRISE', region_code: '61.71', registered_on: '2020-01-01', verification: 'VERIFIED' },
    { ref: 'Eh', kind: 'ENTERPRISE', region_code: '61.12', registered_on: '2020-01-01', verification: 'VERIFIED' },
    {
      ref: 'Ka',
      kind: 'COOPERATIVE',
      region_code: '61.12.01.2002',
      registered_on: '2021-01-01',
      verification: 'VERIFIED',
    },
    { ref: 'Kb', kind: 'COOPERATIVE', region_code: '61.12.02', registered_on: '2021-01-01', verification: 'DRAFT' },
  ],
  collection_targets: [
    { region_code: '61.12.01', year: 2023, enterprises: 4, cooperatives: 0 },
    { region_code: '61.12.02', year: 2022, enterprises: 10, cooperatives: 10 },
  ],
};

/** Every scenario by bundle name: tests/fixtures/bundles/analytics-<name>/ is generated from it. */
export const ANALYTICS_SCENARIOS: Record<string, Fixture> = {
  spend: spendScenario,
  domino: dominoScenario,
  'domino-cycle': dominoCycleScenario,
  'domino-divergent': dominoDivergentScenario,
  programs: programScenario,
  recovery: recoveryScenario,
  'market-access': marketAccessScenario,
  collection: collectionScenario,
};
