/**
 * Named, deterministic API answers (one per operation) shared by the component tests: small,
 * hand-made, with fixed dates. Each `empty` variant is what the API answers when nothing matches.
 */
import type {
  GetAboutQuery,
  GetAgencyQuery,
  GetAgencyScorecardQuery,
  GetDataCollectionProgressQuery,
  GetDominoEffectQuery,
  GetMarketAccessEffectQuery,
  GetNetworkReachQuery,
  GetPlannedVsRealisedQuery,
  GetProgramOutcomesQuery,
  GetProgramQuery,
  GetProvinceOverviewQuery,
  GetRecoveryIndexQuery,
  GetRegistryEntryQuery,
  GetSpendByDistrictQuery,
  GetSpendFlowsQuery,
  GetSpendSummaryQuery,
  GetSpendTrendQuery,
  GetViewerQuery,
  ListAgenciesQuery,
  ListCooperativesQuery,
  ListEnterprisesQuery,
  ListGovernmentOrdersQuery,
  ListRegenciesQuery,
} from '../graphql/generated/graphql.ts';

const agencyA = { id: 'QWdlbmN5OjE', code: '1.01.01', name: 'Dinas Pendidikan', shortName: 'Disdik' };
const agencyB = { id: 'QWdlbmN5OjI', code: '1.02.01', name: 'Dinas Kesehatan', shortName: 'Dinkes' };
const agencyC = { id: 'QWdlbmN5OjM', code: '4.01.01', name: 'Sekretariat Daerah', shortName: 'Setda' };

export const about: GetAboutQuery = {
  about: {
    tenantId: '61.12',
    tenantName: 'Kabupaten Kubu Raya',
    demoData: true,
    firstTransactionOn: '2019-01-02',
    lastTransactionOn: '2024-12-30',
  },
};

export const agencies: ListAgenciesQuery = {
  agencies: { totalCount: 3, edges: [{ node: agencyA }, { node: agencyB }, { node: agencyC }] },
};

export const summary: GetSpendSummaryQuery = {
  spendSummary: {
    total: 45_670_000_000,
    transactionCount: 12_345,
    toLocalUmkm: 20_551_500_000,
    localUmkmShare: 0.45,
    toUmk: 19_000_000_000,
    umkShare: 0.416,
    toLocal: 25_000_000_000,
    localShare: 0.547,
    sellersReached: 1_234,
    target: 0.45,
    umkTarget: 0.4,
  },
};
export const summaryEmpty: GetSpendSummaryQuery = {
  spendSummary: {
    total: 0,
    transactionCount: 0,
    toLocalUmkm: 0,
    localUmkmShare: null,
    toUmk: 0,
    umkShare: null,
    toLocal: 0,
    localShare: null,
    sellersReached: 0,
    target: null,
    umkTarget: null,
  },
};

function point(month: number, total: number, local: number) {
  const m = String(month).padStart(2, '0');
  return {
    periodStart: `2024-${m}-01`,
    periodEnd: `2024-${m}-28`,
    total,
    transactionCount: total ? 100 : 0,
    toLocalUmkm: local,
    localUmkmShare: total ? local / total : null,
    toUmk: local,
    umkShare: total ? local / total : null,
    sellersReached: total ? 40 : 0,
    target: 0.45,
  };
}
export const trend: GetSpendTrendQuery = {
  spendTrend: [point(1, 3_000_000_000, 1_200_000_000), point(2, 4_000_000_000, 1_900_000_000), point(3, 0, 0)],
};
export const trendEmpty: GetSpendTrendQuery = { spendTrend: [point(1, 0, 0), point(2, 0, 0)] };

export const scorecard: GetAgencyScorecardQuery = {
  agencyScorecard: [
    {
      rank: 1,
      agency: agencyB,
      total: 9_000_000_000,
      transactionCount: 900,
      toLocalUmkm: 5_400_000_000,
      localUmkmShare: 0.6,
      sellersReached: 300,
      target: 0.45,
      achievement: 1.3333,
      grade: 'A_PLUS',
    },
    {
      rank: 2,
      agency: agencyA,
      total: 12_000_000_000,
      transactionCount: 1200,
      toLocalUmkm: 4_800_000_000,
      localUmkmShare: 0.4,
      sellersReached: 250,
      target: 0.45,
      achievement: 0.8889,
      grade: 'C',
    },
    {
      rank: 3,
      agency: agencyC,
      total: 6_000_000_000,
      transactionCount: 400,
      toLocalUmkm: 600_000_000,
      localUmkmShare: 0.1,
      sellersReached: 20,
      target: 0.45,
      achievement: 0.2222,
      grade: 'F',
    },
  ],
};
export const scorecardEmpty: GetAgencyScorecardQuery = { agencyScorecard: [] };

export const flows: GetSpendFlowsQuery = {
  spendFlows: {
    levels: ['CATEGORY', 'SELLER_CLASS'],
    total: 10_000_000_000,
    nodes: [
      {
        id: 'CATEGORY:FOOD_STAPLES',
        level: 'CATEGORY',
        key: 'FOOD_STAPLES',
        label: 'Food staples',
        value: 6_000_000_000,
      },
      { id: 'CATEGORY:GARMENTS', level: 'CATEGORY', key: 'GARMENTS', label: 'Garments', value: 4_000_000_000 },
      {
        id: 'SELLER_CLASS:LOCAL_UMKM',
        level: 'SELLER_CLASS',
        key: 'LOCAL_UMKM',
        label: 'Local UMKM',
        value: 7_000_000_000,
      },
      {
        id: 'SELLER_CLASS:OUTSIDE_OTHER',
        level: 'SELLER_CLASS',
        key: 'OUTSIDE_OTHER',
        label: 'Outside other',
        value: 3_000_000_000,
      },
    ],
    links: [
      { source: 'CATEGORY:FOOD_STAPLES', target: 'SELLER_CLASS:LOCAL_UMKM', value: 5_000_000_000 },
      { source: 'CATEGORY:FOOD_STAPLES', target: 'SELLER_CLASS:OUTSIDE_OTHER', value: 1_000_000_000 },
      { source: 'CATEGORY:GARMENTS', target: 'SELLER_CLASS:LOCAL_UMKM', value: 2_000_000_000 },
      { source: 'CATEGORY:GARMENTS', target: 'SELLER_CLASS:OUTSIDE_OTHER', value: 2_000_000_000 },
    ],
  },
};
export const flowsEmpty: GetSpendFlowsQuery = {
  spendFlows: { levels: ['CATEGORY', 'SELLER_CLASS'], total: 0, nodes: [], links: [] },
};

export const districts: GetSpendByDistrictQuery = {
  spendByDistrict: [
    { region: { code: '61.12.01', name: 'Batu Ampar' }, toLocalUmkm: 1_000_000_000, sellersReached: 10 },
    { region: { code: '61.12.02', name: 'Terentang' }, toLocalUmkm: 0, sellersReached: 0 },
    { region: { code: '61.12.03', name: 'Sungai Raya' }, toLocalUmkm: 3_500_000_000, sellersReached: 80 },
  ],
};

export const domino: GetDominoEffectQuery = {
  dominoEffect: {
    injection: 100_000_000,
    multiplier: 1.3,
    limitMultiplier: 1.3,
    converged: true,
    iterations: 4,
    rounds: [
      { round: 1, amount: 100_000_000, parties: 1, bySector: [{ sector: 'C', amount: 100_000_000 }] },
      { round: 2, amount: 25_000_000, parties: 1, bySector: [{ sector: 'G', amount: 25_000_000 }] },
      { round: 3, amount: 5_000_000, parties: 1, bySector: [{ sector: 'I', amount: 5_000_000 }] },
    ],
  },
};

export const dominoEmpty: GetDominoEffectQuery = {
  dominoEffect: {
    injection: 0,
    multiplier: null,
    limitMultiplier: null,
    converged: true,
    iterations: 1,
    rounds: [1, 2, 3].map((round) => ({ round, amount: 0, parties: 0, bySector: [] })),
  },
};

const s = (total: number, toLocalUmkm: number, sellers: number) => ({
  total,
  toLocalUmkm,
  localUmkmShare: total ? toLocalUmkm / total : null,
  sellersReached: sellers,
});
export const reach: GetNetworkReachQuery = {
  networkReach: {
    agency: { id: agencyA.id, name: agencyA.name },
    direct: s(10_000_000_000, 4_000_000_000, 200),
    network: s(5_000_000_000, 2_000_000_000, 150),
    byUnitType: [
      { unitType: 'SCHOOL', units: 120, summary: s(4_000_000_000, 1_600_000_000, 120) },
      { unitType: 'TECHNICAL_UNIT', units: 3, summary: s(1_000_000_000, 400_000_000, 30) },
    ],
    amplification: 1.5,
    sellersReachedDirect: 200,
    sellersReachedOnlyViaNetwork: 60,
  },
};

export const outcomes: GetProgramOutcomesQuery = {
  programOutcomes: [
    {
      program: {
        id: 'UHJvZ3JhbTox',
        code: '1.01.02.2.01',
        name: 'Seragam sekolah dari penjahit lokal',
        fiscalYear: 2024,
        agency: agencyA,
      },
      budget: 2_000_000_000,
      realized: 1_800_000_000,
      realizationRate: 0.9,
      toLocalUmkm: 1_260_000_000,
      localUmkmShare: 0.7,
      target: 0.5,
      targetSource: 'PROGRAM',
      umkmReached: 42,
      enterprisesAssisted: 15,
      status: 'MET',
    },
    {
      program: {
        id: 'UHJvZ3JhbToy',
        code: '1.02.02.2.01',
        name: 'Masker dan makanan bergizi untuk puskesmas',
        fiscalYear: 2024,
        agency: agencyB,
      },
      budget: 1_000_000_000,
      realized: 0,
      realizationRate: 0,
      toLocalUmkm: 0,
      localUmkmShare: null,
      target: 0.45,
      targetSource: 'TENANT',
      umkmReached: 0,
      enterprisesAssisted: 0,
      status: 'NO_SPEND',
    },
  ],
};
export const outcomesEmpty: GetProgramOutcomesQuery = { programOutcomes: [] };

export const program: GetProgramQuery = {
  node: {
    __typename: 'Program',
    id: 'UHJvZ3JhbTox',
    code: '1.01.02.2.01',
    name: 'Seragam sekolah dari penjahit lokal',
    fiscalYear: 2024,
    budget: 2_000_000_000,
    localTargetShare: 0.5,
    agency: { id: agencyA.id, name: agencyA.name, shortName: agencyA.shortName },
  },
};

export const agency: GetAgencyQuery = {
  node: {
    __typename: 'Agency',
    id: agencyA.id,
    code: agencyA.code,
    name: agencyA.name,
    shortName: agencyA.shortName,
    agencyType: 'DINAS',
    region: { code: '61.12', name: 'Kubu Raya' },
  },
};

const months = ['2019-06-01', '2020-06-01', '2021-06-01', '2022-06-01'];
export const recovery: GetRecoveryIndexQuery = {
  recoveryIndex: [
    {
      key: 'C',
      label: 'Industri pengolahan',
      points: months.map((period, k) => ({ period, index: [100, 64, 86, 103][k]!, activeShare: 0.9, panelSize: 50 })),
    },
    {
      key: 'I',
      label: 'Penyediaan akomodasi dan makan minum',
      points: months.map((period, k) => ({ period, index: [100, 70, 90, 108][k]!, activeShare: 0.92, panelSize: 40 })),
    },
  ],
};
export const recoveryEmpty: GetRecoveryIndexQuery = {
  recoveryIndex: [
    { key: 'ALL', label: 'All', points: [{ period: '2019-01-01', index: null, activeShare: null, panelSize: 0 }] },
  ],
};

export const marketAccess: GetMarketAccessEffectQuery = {
  marketAccessEffect: {
    cohortYear: 2023,
    cohortSize: 300,
    difference: 0.27,
    withMarket: { size: 100, active: 85, inactive: 10, unknown: 5, survivalRate: 0.8947 },
    trainedOnly: { size: 200, active: 115, inactive: 70, unknown: 15, survivalRate: 0.6216 },
  },
};
export const marketAccessEmpty: GetMarketAccessEffectQuery = {
  marketAccessEffect: {
    cohortYear: 2023,
    cohortSize: 0,
    difference: null,
    withMarket: { size: 0, active: 0, inactive: 0, unknown: 0, survivalRate: null },
    trainedOnly: { size: 0, active: 0, inactive: 0, unknown: 0, survivalRate: null },
  },
};

export const progress: GetDataCollectionProgressQuery = {
  dataCollectionProgress: [
    {
      region: { code: '61.12.01', name: 'Batu Ampar' },
      enterprisesRegistered: 120,
      enterprisesVerified: 90,
      enterprisesTarget: 100,
      enterprisesProgress: 0.9,
      cooperativesRegistered: 8,
      cooperativesVerified: 6,
      cooperativesTarget: 10,
      cooperativesProgress: 0.6,
    },
    {
      region: { code: '61.12.03', name: 'Sungai Raya' },
      enterprisesRegistered: 400,
      enterprisesVerified: 300,
      enterprisesTarget: 400,
      enterprisesProgress: 0.75,
      cooperativesRegistered: 20,
      cooperativesVerified: 19,
      cooperativesTarget: 20,
      cooperativesProgress: 0.95,
    },
  ],
};

export const enterprises: ListEnterprisesQuery = {
  enterprises: {
    totalCount: 2,
    pageInfo: { hasNextPage: false, endCursor: 'Y3Vyc29yOjI' },
    edges: [
      {
        node: {
          id: 'RW50ZXJwcmlzZToxMDA',
          name: 'Keripik Pisang Bu Ani',
          nib: '1234567890123',
          sizeClass: 'MICRO',
          status: 'ACTIVE',
          verification: 'VERIFIED',
          sector: { code: 'C', name: 'Industri pengolahan' },
          region: { code: '61.12.03.2001', name: 'Kapur' },
        },
      },
      {
        node: {
          id: 'RW50ZXJwcmlzZToxMDE',
          name: 'Konveksi Maju Jaya',
          nib: null,
          sizeClass: null,
          status: 'DORMANT',
          verification: 'DRAFT',
          sector: null,
          region: null,
        },
      },
    ],
  },
};
export const enterprisesEmpty: ListEnterprisesQuery = {
  enterprises: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
};

export const cooperatives: ListCooperativesQuery = {
  cooperatives: {
    totalCount: 1,
    pageInfo: { hasNextPage: false, endCursor: null },
    edges: [
      {
        node: {
          id: 'Q29vcGVyYXRpdmU6NQ',
          name: 'Koperasi Tani Sejahtera',
          registrationNo: '518/BH/XVIII/2019',
          coopType: 'PRODUCER',
          membersCount: 87,
          status: 'ACTIVE',
          verification: 'VERIFIED',
          region: { code: '61.12.03', name: 'Sungai Raya' },
        },
      },
    ],
  },
};

export const entry: GetRegistryEntryQuery = {
  node: {
    __typename: 'Enterprise',
    id: 'RW50ZXJwcmlzZToxMDA',
    name: 'Keripik Pisang Bu Ani',
    nib: '1234567890123',
    kbliCode: '10794',
    sizeClass: 'MICRO',
    status: 'ACTIVE',
    verification: 'VERIFIED',
    registeredOn: '2021-03-05',
    sector: { code: 'C', name: 'Industri pengolahan' },
    region: { code: '61.12.03.2001', name: 'Kapur' },
    products: {
      totalCount: 1,
      edges: [
        {
          node: {
            id: 'UHJvZHVjdDox',
            name: 'Keripik pisang 250 g',
            category: 'SNACKS',
            unit: 'bungkus',
            unitPrice: 15_000,
          },
        },
      ],
    },
    snapshots: {
      totalCount: 2,
      edges: [
        { node: { period: '2024-02-01', revenue: 12_000_000, employees: 3, status: 'ACTIVE' } },
        { node: { period: '2024-01-01', revenue: 10_000_000, employees: 3, status: 'ACTIVE' } },
      ],
    },
  },
};

export const orders: ListGovernmentOrdersQuery = {
  transactions: {
    totalCount: 1,
    edges: [
      {
        node: {
          id: 'VHJhbnNhY3Rpb246MQ',
          amount: 4_500_000,
          occurredOn: '2024-05-14',
          category: 'SNACKS',
          buyer: { __typename: 'Agency', id: agencyB.id, name: agencyB.name },
          seller: { __typename: 'Enterprise', id: 'RW50ZXJwcmlzZToxMDA', name: 'Keripik Pisang Bu Ani', isLocal: true },
          program: { id: 'UHJvZ3JhbToy', name: 'Masker dan makanan bergizi untuk puskesmas' },
        },
      },
    ],
  },
};
export const ordersEmpty: ListGovernmentOrdersQuery = { transactions: { totalCount: 0, edges: [] } };

/** A reader without an account: no data-entry forms. */
export const viewerPublic: GetViewerQuery = { me: { role: 'PUBLIC', user: null } };
/** An analyst: reads everything but personal data, transaction lists included; writes nothing. */
export const viewerAnalyst: GetViewerQuery = {
  me: {
    role: 'ANALYST',
    user: { id: 'VXNlcjoz', username: 'analis', displayName: null, role: 'ANALYST', agencyCode: null },
  },
};
/** An operator of Dinas Kesehatan (code 1.02.0.00.0.00.01.0000 in the agencies above, when listed). */
export const viewerOperator: GetViewerQuery = {
  me: {
    role: 'OPERATOR',
    user: {
      id: 'VXNlcjoy',
      username: 'op.dinkes',
      displayName: null,
      role: 'OPERATOR',
      agencyCode: '1.02.0.00.0.00.01.0000',
    },
  },
};

/** A complete, successful API for every operation. */
/** Plans for small businesses against what was paid to them, 2024: B planned 2 of 5 billion for them. */
export const plannedVsRealised: GetPlannedVsRealisedQuery = {
  plannedVsRealised: [
    {
      agency: agencyB,
      fiscalYear: 2024,
      planCount: 12,
      plannedTotal: 5_000_000_000,
      planCountForSmall: 5,
      plannedForSmall: 2_000_000_000,
      plannedSmallShare: 0.4,
      realisedTotal: 9_000_000_000,
      realisedToSmall: 1_500_000_000,
      realisedSmallShare: 1_500 / 9_000,
      realisationRate: 0.75,
    },
    {
      agency: agencyA,
      fiscalYear: 2024,
      planCount: 3,
      plannedTotal: 800_000_000,
      planCountForSmall: 0,
      plannedForSmall: 0,
      plannedSmallShare: 0,
      realisedTotal: 600_000_000,
      realisedToSmall: 90_000_000,
      realisedSmallShare: 0.15,
      realisationRate: null,
    },
  ],
};

export const regencies: ListRegenciesQuery = {
  regencies: [
    { code: '61.12', name: 'Kabupaten Kubu Raya', provinceCode: '61', hasData: true },
    { code: '61.71', name: 'Kota Pontianak', provinceCode: '61', hasData: true },
    { code: '61.72', name: 'Kota Singkawang', provinceCode: '61', hasData: false },
  ],
};

const line = (
  code: string,
  name: string,
  rank: number | null,
  total: number,
  toLocalUmkm: number,
  target: number | null,
) => ({
  rank,
  regency: { code, name },
  summary: {
    total,
    transactionCount: total / 1_000_000,
    toLocalUmkm,
    localUmkmShare: total ? toLocalUmkm / total : null,
    toLocal: toLocalUmkm * 1.5,
    localShare: total ? (toLocalUmkm * 1.5) / total : null,
    target,
  },
});

export const province: GetProvinceOverviewQuery = {
  provinceOverview: {
    provinceCode: '61',
    provinceName: 'Kalimantan Barat',
    fiscalYear: 2024,
    total: {
      total: 3_000_000_000,
      transactionCount: 3000,
      toLocalUmkm: 1_200_000_000,
      localUmkmShare: 0.4,
      toLocal: 1_800_000_000,
      localShare: 0.6,
    },
    regencies: [
      line('61.71', 'Kota Pontianak', 1, 2_000_000_000, 900_000_000, 0.3),
      line('61.12', 'Kabupaten Kubu Raya', 2, 1_000_000_000, 300_000_000, 0.35),
      line('61.72', 'Kota Singkawang', null, 0, 0, null),
    ],
  },
};

export const success = {
  GetAbout: about,
  GetViewer: viewerPublic,
  ListAgencies: agencies,
  GetSpendSummary: summary,
  GetSpendTrend: trend,
  GetAgencyScorecard: scorecard,
  GetPlannedVsRealised: plannedVsRealised,
  GetSpendFlows: flows,
  GetSpendByDistrict: districts,
  GetDominoEffect: domino,
  GetNetworkReach: reach,
  GetProgramOutcomes: outcomes,
  GetProgram: program,
  GetAgency: agency,
  GetRecoveryIndex: recovery,
  GetMarketAccessEffect: marketAccess,
  GetDataCollectionProgress: progress,
  ListEnterprises: enterprises,
  ListCooperatives: cooperatives,
  GetRegistryEntry: entry,
  ListGovernmentOrders: orders,
  ListRegencies: regencies,
  GetProvinceOverview: province,
};

/** What the API answers when nothing matches the filter. */
export const empty = {
  ...success,
  GetSpendSummary: summaryEmpty,
  GetSpendTrend: trendEmpty,
  GetAgencyScorecard: scorecardEmpty,
  GetPlannedVsRealised: { plannedVsRealised: [] },
  GetSpendFlows: flowsEmpty,
  GetDominoEffect: dominoEmpty,
  GetSpendByDistrict: { spendByDistrict: [] },
  GetProgramOutcomes: outcomesEmpty,
  GetRecoveryIndex: recoveryEmpty,
  GetMarketAccessEffect: marketAccessEmpty,
  GetDataCollectionProgress: { dataCollectionProgress: [] },
  ListEnterprises: enterprisesEmpty,
  ListCooperatives: { cooperatives: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
  ListGovernmentOrders: ordersEmpty,
  GetProvinceOverview: { provinceOverview: { ...province.provinceOverview, regencies: [] } },
  GetNetworkReach: {
    networkReach: {
      ...reach.networkReach,
      direct: s(0, 0, 0),
      network: s(0, 0, 0),
      byUnitType: [],
      amplification: null,
      sellersReachedDirect: 0,
      sellersReachedOnlyViaNetwork: 0,
    },
  },
};
