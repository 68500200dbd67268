import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, importApiBundle, rowId } from '../support/fixtures.ts';
import { loadOracle, type Oracle, type OracleParty, sortBy, within } from '../support/oracle.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * Every filter and every order of every list, over real HTTP, against the fixture bundle. The
 * expected rows and their order are computed in plain JavaScript from the tables (the oracle), so
 * the API's SQL is checked against an independent implementation.
 */

let server: TestServer;
let o: Oracle;

beforeAll(async () => {
  server = await startTestServer({ seed: importApiBundle });
  o = await loadOracle(server.database);
});
afterAll(() => server?.close());

const TENANT = '61.12';
const FILTER_TYPES: Record<string, [string, string]> = {
  parties: ['PartyFilter', 'PartyOrder'],
  agencies: ['AgencyFilter', 'AgencyOrder'],
  networkUnits: ['NetworkUnitFilter', 'PartyOrder'],
  enterprises: ['EnterpriseFilter', 'EnterpriseOrder'],
  cooperatives: ['CooperativeFilter', 'PartyOrder'],
  vendors: ['VendorFilter', 'PartyOrder'],
  programs: ['ProgramFilter', 'ProgramOrder'],
  products: ['ProductFilter', 'ProductOrder'],
  transactions: ['TransactionFilter', 'TransactionOrder'],
  assistance: ['AssistanceFilter', 'AssistanceOrder'],
};

/** Lists `list` with a filter and order (first 500) and returns the row ids in order and totalCount. */
async function list(name: string, filter?: object, orderBy?: object): Promise<{ ids: number[]; total: number }> {
  const [filterType, orderType] = FILTER_TYPES[name] as [string, string];
  const result = await server.gql<Record<string, { totalCount: number; nodes: Array<{ id: string }> }>>(
    `query List($filter: ${filterType}, $orderBy: ${orderType}) {
      list: ${name}(filter: $filter, orderBy: $orderBy, first: 500) { totalCount nodes { id } }
    }`,
    { filter, orderBy },
  );
  expect(result.errors).toBeUndefined();
  const page = result.data?.list as { totalCount: number; nodes: Array<{ id: string }> };
  return { ids: page.nodes.map((n) => rowId(n.id)), total: page.totalCount };
}

const byName = (rows: OracleParty[]) => sortBy(rows, (p) => p.name).map((p) => p.id);
const kind = (k: string) => (p: OracleParty) => p.kind === k;
const ref = (r: string) => o.partyByRef.get(r) as OracleParty;
const gid = (type: string, r: string) => globalId(type, ref(r).id);
const section = (kbli: string | null) => (kbli ? o.kbliSection.get(kbli.slice(0, 2)) : undefined);

/** The network units under a party, at any depth. */
function networkOf(rootId: number): Set<number> {
  const found = new Set<number>();
  let frontier = [rootId];
  while (frontier.length) {
    const next = o.parties.filter((p) => p.parent_id !== null && frontier.includes(p.parent_id) && !found.has(p.id));
    for (const p of next) found.add(p.id);
    frontier = next.map((p) => p.id);
  }
  return found;
}

/** A filter is computed when the test runs (it may name fixture rows, loaded in beforeAll). */
type Case = [
  name: string,
  list: string,
  filter: object | (() => object) | undefined,
  orderBy: object | undefined,
  expected: () => number[],
];

function check(cases: Case[]) {
  it.each(cases)('%s', async (_name, name, filter, orderBy, expected) => {
    const want = expected();
    expect(want.length, 'the fixture should make this case non-trivial').toBeGreaterThan(0);
    const got = await list(name, typeof filter === 'function' ? filter() : filter, orderBy);
    expect(got.ids).toEqual(want);
    expect(got.total).toBe(want.length);
  });
}

describe('parties', () => {
  const all = () => o.parties;
  check([
    ['all parties by name', 'parties', undefined, undefined, () => byName(all())],
    [
      'kinds',
      'parties',
      { kinds: ['ENTERPRISE', 'COOPERATIVE'] },
      undefined,
      () => byName(all().filter((p) => ['ENTERPRISE', 'COOPERATIVE'].includes(p.kind))),
    ],
    [
      'search on the name, any case',
      'parties',
      { search: 'barokah' },
      undefined,
      () => byName(all().filter((p) => p.name.toLowerCase().includes('barokah'))),
    ],
    ['search on an agency short name', 'parties', { search: 'dinkes' }, undefined, () => [ref('AG-DINKES').id]],
    ['search on an exact NIB', 'parties', () => ({ search: ref('EN-002').nib }), undefined, () => [ref('EN-002').id]],
    [
      'region: a district',
      'parties',
      { regionCode: '61.12.01' },
      undefined,
      () => byName(all().filter((p) => within(p.region_code, '61.12.01'))),
    ],
    [
      'region: a village',
      'parties',
      { regionCode: '61.12.01.2003' },
      undefined,
      () => byName(all().filter((p) => p.region_code === '61.12.01.2003')),
    ],
    [
      'region: the regency',
      'parties',
      { regionCode: '61.12' },
      undefined,
      () => byName(all().filter((p) => within(p.region_code, '61.12'))),
    ],
    [
      'region: a province',
      'parties',
      { regionCode: '61' },
      undefined,
      () => byName(all().filter((p) => within(p.region_code, '61'))),
    ],
    ['local', 'parties', { local: true }, undefined, () => byName(all().filter((p) => within(p.region_code, TENANT)))],
    [
      'outside or unknown',
      'parties',
      { local: false },
      undefined,
      () => byName(all().filter((p) => !within(p.region_code, TENANT))),
    ],
    [
      'statuses',
      'parties',
      { statuses: ['DORMANT', 'CLOSED'] },
      undefined,
      () => byName(all().filter((p) => p.status !== 'ACTIVE')),
    ],
    [
      'size classes',
      'parties',
      { sizeClasses: ['MICRO'] },
      undefined,
      () => byName(all().filter((p) => p.size_class === 'MICRO')),
    ],
    [
      'size unknown only',
      'parties',
      { kinds: ['ENTERPRISE'], sizeClassUnknown: true },
      undefined,
      () => byName(all().filter((p) => p.kind === 'ENTERPRISE' && p.size_class === null)),
    ],
    [
      'size classes plus unknown',
      'parties',
      { kinds: ['ENTERPRISE'], sizeClasses: ['SMALL'], sizeClassUnknown: true },
      undefined,
      () => byName(all().filter((p) => p.kind === 'ENTERPRISE' && (p.size_class === 'SMALL' || p.size_class === null))),
    ],
    [
      'size known only',
      'parties',
      { sizeClassUnknown: false },
      undefined,
      () => byName(all().filter((p) => p.size_class !== null)),
    ],
    [
      'registered between',
      'parties',
      { registeredFrom: '2022-01-01', registeredTo: '2023-06-30' },
      undefined,
      () =>
        byName(
          all().filter(
            (p) => p.registered_on !== null && p.registered_on >= '2022-01-01' && p.registered_on <= '2023-06-30',
          ),
        ),
    ],
    [
      'government buyers',
      'parties',
      { isGovernment: true },
      undefined,
      () => byName(all().filter((p) => p.is_government)),
    ],
    [
      'verification',
      'parties',
      { verifications: ['DRAFT'] },
      undefined,
      () => byName(all().filter((p) => (p.e_verification ?? p.c_verification) === 'DRAFT')),
    ],
    [
      'verification with kinds of which only some have one',
      'parties',
      { kinds: ['AGENCY', 'COOPERATIVE'], verifications: ['VERIFIED'] },
      undefined,
      () => byName(all().filter((p) => p.kind === 'COOPERATIVE' && p.c_verification === 'VERIFIED')),
    ],
    [
      'by name descending',
      'parties',
      undefined,
      { field: 'NAME', direction: 'DESC' },
      () => sortBy(all(), (p) => p.name, true).map((p) => p.id),
    ],
    [
      'by registration date (unknown first)',
      'parties',
      undefined,
      { field: 'REGISTERED_ON' },
      () => sortBy(all(), (p) => p.registered_on ?? '0001-01-01').map((p) => p.id),
    ],
    [
      'by registration date descending',
      'parties',
      undefined,
      { field: 'REGISTERED_ON', direction: 'DESC' },
      () => sortBy(all(), (p) => p.registered_on ?? '0001-01-01', true).map((p) => p.id),
    ],
    [
      'by id descending',
      'parties',
      undefined,
      { field: 'ID', direction: 'DESC' },
      () => sortBy(all(), (p) => p.id, true).map((p) => p.id),
    ],
  ]);
});

describe('search text', () => {
  it.each(['%', '_', '\\'])('treats %s literally, not as a LIKE wildcard', async (text) => {
    expect((await list('parties', { search: text })).total).toBe(0);
  });
});

describe('agencies, network units, cooperatives and vendors', () => {
  const agencies = () => o.parties.filter(kind('AGENCY'));
  const units = () => o.parties.filter(kind('NETWORK_UNIT'));
  check([
    ['agencies by name', 'agencies', undefined, undefined, () => byName(agencies())],
    [
      'agency types',
      'agencies',
      { agencyTypes: ['DINAS'] },
      undefined,
      () => byName(agencies().filter((p) => p.agency_type === 'DINAS')),
    ],
    [
      'agency search on the code',
      'agencies',
      () => ({ search: ref('AG-BAPPEDA').agency_code }),
      undefined,
      () => [ref('AG-BAPPEDA').id],
    ],
    ['agencies in a district', 'agencies', { regionCode: '61.12.01' }, undefined, () => [ref('AG-KEC-SR').id]],
    [
      'agencies by code',
      'agencies',
      undefined,
      { field: 'CODE' },
      () => sortBy(agencies(), (p) => p.agency_code ?? '').map((p) => p.id),
    ],
    [
      'agencies by code descending',
      'agencies',
      undefined,
      { field: 'CODE', direction: 'DESC' },
      () => sortBy(agencies(), (p) => p.agency_code ?? '', true).map((p) => p.id),
    ],
    ['network units by name', 'networkUnits', undefined, undefined, () => byName(units())],
    [
      'unit types',
      'networkUnits',
      { unitTypes: ['SCHOOL'] },
      undefined,
      () => byName(units().filter((p) => p.unit_type === 'SCHOOL')),
    ],
    [
      'units of an agency at any depth',
      'networkUnits',
      () => ({ agencyIds: [gid('Agency', 'AG-DINKES')] }),
      undefined,
      () => byName(units().filter((p) => networkOf(ref('AG-DINKES').id).has(p.id))),
    ],
    [
      'units of two agencies',
      'networkUnits',
      () => ({ agencyIds: [gid('Agency', 'AG-KEC-SR'), gid('Agency', 'AG-BAPPEDA')] }),
      undefined,
      () =>
        byName(
          units().filter((p) => networkOf(ref('AG-KEC-SR').id).has(p.id) || networkOf(ref('AG-BAPPEDA').id).has(p.id)),
        ),
    ],
    [
      'units directly under a unit',
      'networkUnits',
      () => ({ parentIds: [gid('NetworkUnit', 'NU-PKM-SR')] }),
      undefined,
      () => [ref('NU-PUSTU').id],
    ],
    [
      'non-government units',
      'networkUnits',
      { isGovernment: false },
      undefined,
      () => byName(units().filter((p) => !p.is_government)),
    ],
    [
      'units in a village',
      'networkUnits',
      { regionCode: '61.12.01.2003', statuses: ['ACTIVE'] },
      undefined,
      () => byName(units().filter((p) => p.region_code === '61.12.01.2003')),
    ],
    ['cooperatives', 'cooperatives', undefined, undefined, () => byName(o.parties.filter(kind('COOPERATIVE')))],
    [
      'cooperative types',
      'cooperatives',
      { coopTypes: ['PRODUCER'] },
      undefined,
      () => byName(o.parties.filter((p) => p.coop_type === 'PRODUCER')),
    ],
    [
      'cooperative verification',
      'cooperatives',
      { verifications: ['VERIFIED'] },
      undefined,
      () => byName(o.parties.filter((p) => p.c_verification === 'VERIFIED')),
    ],
    [
      'cooperatives of unknown size',
      'cooperatives',
      { sizeClassUnknown: true },
      undefined,
      () => byName(o.parties.filter((p) => p.kind === 'COOPERATIVE' && p.size_class === null)),
    ],
    [
      'cooperative search on the registration number',
      'cooperatives',
      { search: 'BH/014/2018' },
      undefined,
      () => [ref('CO-KSP').id],
    ],
    ['vendors', 'vendors', undefined, undefined, () => byName(o.parties.filter(kind('VENDOR')))],
    [
      'vendors outside',
      'vendors',
      { local: false, sizeClasses: ['LARGE', 'MEDIUM'] },
      undefined,
      () => byName(o.parties.filter((p) => p.kind === 'VENDOR' && ['LARGE', 'MEDIUM'].includes(p.size_class ?? ''))),
    ],
    [
      'vendors by id descending',
      'vendors',
      undefined,
      { field: 'ID', direction: 'DESC' },
      () => sortBy(o.parties.filter(kind('VENDOR')), (p) => p.id, true).map((p) => p.id),
    ],
  ]);
});

describe('enterprises', () => {
  const all = () => o.parties.filter(kind('ENTERPRISE'));
  const tani = () =>
    new Set(o.memberships.filter((m) => m.cooperative_id === ref('CO-TANI').id).map((m) => m.member_id));
  const lowest = (v: number | null) => v ?? -1;
  check([
    ['all by name', 'enterprises', undefined, undefined, () => byName(all())],
    [
      'sector',
      'enterprises',
      { sectors: ['C'] },
      undefined,
      () => byName(all().filter((p) => section(p.kbli_code) === 'C')),
    ],
    [
      'sectors, any case',
      'enterprises',
      { sectors: ['g', 'I'] },
      undefined,
      () => byName(all().filter((p) => ['G', 'I'].includes(section(p.kbli_code) ?? ''))),
    ],
    [
      'KBLI prefix',
      'enterprises',
      { kbliPrefix: '107' },
      undefined,
      () => byName(all().filter((p) => p.kbli_code?.startsWith('107'))),
    ],
    [
      'verification',
      'enterprises',
      { verifications: ['VERIFIED'] },
      undefined,
      () => byName(all().filter((p) => p.e_verification === 'VERIFIED')),
    ],
    [
      'members of a cooperative',
      'enterprises',
      () => ({ cooperativeIds: [gid('Cooperative', 'CO-TANI')] }),
      undefined,
      () => byName(all().filter((p) => tani().has(p.id))),
    ],
    [
      'capital range',
      'enterprises',
      { capitalMin: 20_000_000, capitalMax: 2_000_000_000 },
      undefined,
      () => byName(all().filter((p) => p.capital !== null && p.capital >= 20_000_000 && p.capital <= 2_000_000_000)),
    ],
    [
      'annual revenue range',
      'enterprises',
      { annualRevenueMin: 1_000_000_000 },
      undefined,
      () => byName(all().filter((p) => p.annual_revenue !== null && p.annual_revenue >= 1_000_000_000)),
    ],
    [
      'district, size and status together',
      'enterprises',
      { regionCode: '61.12.01', sizeClasses: ['MICRO', 'SMALL'], statuses: ['ACTIVE'] },
      undefined,
      () =>
        byName(
          all().filter(
            (p) =>
              within(p.region_code, '61.12.01') &&
              ['MICRO', 'SMALL'].includes(p.size_class ?? '') &&
              p.status === 'ACTIVE',
          ),
        ),
    ],
    [
      'outside the regency',
      'enterprises',
      { local: false },
      undefined,
      () => byName(all().filter((p) => !within(p.region_code, TENANT))),
    ],
    [
      'by capital, largest first (unknown last)',
      'enterprises',
      undefined,
      { field: 'CAPITAL', direction: 'DESC' },
      () => sortBy(all(), (p) => lowest(p.capital), true).map((p) => p.id),
    ],
    [
      'by annual revenue',
      'enterprises',
      undefined,
      { field: 'ANNUAL_REVENUE' },
      () => sortBy(all(), (p) => lowest(p.annual_revenue)).map((p) => p.id),
    ],
    [
      'by employees, most first',
      'enterprises',
      undefined,
      { field: 'EMPLOYEES', direction: 'DESC' },
      () => sortBy(all(), (p) => lowest(p.employees), true).map((p) => p.id),
    ],
    [
      'by registration date',
      'enterprises',
      undefined,
      { field: 'REGISTERED_ON' },
      () => sortBy(all(), (p) => p.registered_on ?? '0001-01-01').map((p) => p.id),
    ],
  ]);
});

describe('programs, products, assistance and regions', () => {
  const programsBy = (
    rows: Oracle['programs'],
    key: (p: Oracle['programs'][number]) => string | number = (p) => p.code,
    desc = false,
  ) => sortBy(rows, key, desc).map((p) => p.id);
  check([
    ['programs by code', 'programs', undefined, undefined, () => programsBy(o.programs)],
    [
      'programs of a year',
      'programs',
      { fiscalYears: [2024] },
      undefined,
      () => programsBy(o.programs.filter((p) => p.fiscal_year === 2024)),
    ],
    [
      'programs of an agency',
      'programs',
      () => ({ agencyIds: [gid('Agency', 'AG-DINKES')] }),
      undefined,
      () => programsBy(o.programs.filter((p) => p.agency_id === ref('AG-DINKES').id)),
    ],
    [
      'programs by budget range',
      'programs',
      { budgetMin: 600_000_000, budgetMax: 1_000_000_000 },
      undefined,
      () => programsBy(o.programs.filter((p) => p.budget >= 600_000_000 && p.budget <= 1_000_000_000)),
    ],
    [
      'programs with their own target',
      'programs',
      { hasTarget: true },
      undefined,
      () => programsBy(o.programs.filter((p) => p.local_target_share !== null)),
    ],
    [
      'programs without one',
      'programs',
      { hasTarget: false },
      undefined,
      () => programsBy(o.programs.filter((p) => p.local_target_share === null)),
    ],
    [
      'program search',
      'programs',
      { search: 'seragam' },
      undefined,
      () => programsBy(o.programs.filter((p) => p.name.toLowerCase().includes('seragam'))),
    ],
    ['programs by name', 'programs', undefined, { field: 'NAME' }, () => programsBy(o.programs, (p) => p.name)],
    [
      'programs by budget, largest first',
      'programs',
      undefined,
      { field: 'BUDGET', direction: 'DESC' },
      () => programsBy(o.programs, (p) => p.budget, true),
    ],
    [
      'programs by fiscal year',
      'programs',
      undefined,
      { field: 'FISCAL_YEAR' },
      () => programsBy(o.programs, (p) => p.fiscal_year),
    ],
    ['programs by id', 'programs', undefined, { field: 'ID' }, () => programsBy(o.programs, (p) => p.id)],
    ['products by name', 'products', undefined, undefined, () => sortBy(o.products, (p) => p.name).map((p) => p.id)],
    [
      'product categories',
      'products',
      { categories: ['SNACKS', 'GARMENTS'] },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => ['SNACKS', 'GARMENTS'].includes(p.category)),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products of a seller',
      'products',
      () => ({ sellerIds: [gid('Cooperative', 'CO-TANI'), gid('Vendor', 'VE-ALKES')] }),
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => [ref('CO-TANI').id, ref('VE-ALKES').id].includes(p.seller_id)),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products of local sellers',
      'products',
      { sellerLocal: true },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => within(o.partyById.get(p.seller_id)?.region_code ?? null, TENANT)),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products of sellers outside',
      'products',
      { sellerLocal: false },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => !within(o.partyById.get(p.seller_id)?.region_code ?? null, TENANT)),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products of sellers in a district',
      'products',
      { sellerRegionCode: '61.12.01' },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => within(o.partyById.get(p.seller_id)?.region_code ?? null, '61.12.01')),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products by price range',
      'products',
      { unitPriceMin: 30_000, unitPriceMax: 100_000 },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => p.unit_price !== null && p.unit_price >= 30_000 && p.unit_price <= 100_000),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'product search and KBLI prefix',
      'products',
      { search: 'KERIPIK', kbliPrefix: '1079' },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => p.name.toLowerCase().includes('keripik') && p.kbli_code?.startsWith('1079')),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products by price, dearest first (unknown last)',
      'products',
      undefined,
      { field: 'UNIT_PRICE', direction: 'DESC' },
      () => sortBy(o.products, (p) => p.unit_price ?? -1, true).map((p) => p.id),
    ],
    ['products by id', 'products', undefined, { field: 'ID' }, () => o.products.map((p) => p.id)],
    [
      'assistance by date',
      'assistance',
      undefined,
      undefined,
      () => sortBy(o.assistance, (a) => a.occurred_on).map((a) => a.id),
    ],
    [
      'assistance kinds',
      'assistance',
      { kinds: ['TRAINING'] },
      undefined,
      () =>
        sortBy(
          o.assistance.filter((a) => a.kind === 'TRAINING'),
          (a) => a.occurred_on,
        ).map((a) => a.id),
    ],
    [
      'assistance in a period',
      'assistance',
      { from: '2024-01-01', to: '2024-06-30' },
      { field: 'OCCURRED_ON', direction: 'DESC' },
      () =>
        sortBy(
          o.assistance.filter((a) => a.occurred_on >= '2024-01-01' && a.occurred_on <= '2024-06-30'),
          (a) => a.occurred_on,
          true,
        ).map((a) => a.id),
    ],
    [
      'assistance of a program',
      'assistance',
      () => ({
        programIds: [
          globalId('Program', o.programs.find((p) => p.code === '3.27.05.2.01' && p.fiscal_year === 2024)?.id ?? 0),
        ],
      }),
      undefined,
      () =>
        sortBy(
          o.assistance.filter(
            (a) => a.program_id === o.programs.find((p) => p.code === '3.27.05.2.01' && p.fiscal_year === 2024)?.id,
          ),
          (a) => a.occurred_on,
        ).map((a) => a.id),
    ],
    [
      'assistance of an enterprise',
      'assistance',
      () => ({ enterpriseIds: [globalId('Enterprise', o.assistance[0]?.enterprise_id ?? 0)] }),
      undefined,
      () =>
        sortBy(
          o.assistance.filter((a) => a.enterprise_id === o.assistance[0]?.enterprise_id),
          (a) => a.occurred_on,
        ).map((a) => a.id),
    ],
    [
      'assistance under programs of an agency',
      'assistance',
      () => ({ agencyIds: [gid('Agency', 'AG-DISKOP')] }),
      { field: 'ID' },
      () => o.assistance.filter((a) => a.program_id !== null).map((a) => a.id),
    ],
  ]);

  it.each([
    [
      'the kecamatan of Kubu Raya',
      { parentCode: '61.12' },
      undefined,
      (r: Oracle['regions'][number]) => r.parent_code === '61.12',
    ],
    [
      'a district and its villages',
      { withinCode: '61.12.01' },
      undefined,
      (r: Oracle['regions'][number]) => within(r.code, '61.12.01'),
    ],
    ['provinces', { levels: [1] }, undefined, (r: Oracle['regions'][number]) => r.level === 1],
    [
      'by name search',
      { search: 'RAYA' },
      { field: 'NAME' },
      (r: Oracle['regions'][number]) => r.name.toLowerCase().includes('raya'),
    ],
    [
      'by codes, name descending',
      { codes: ['61.12.01', '61.12.02', '61.71'] },
      { field: 'NAME', direction: 'DESC' },
      (r: Oracle['regions'][number]) => ['61.12.01', '61.12.02', '61.71'].includes(r.code),
    ],
  ] as const)('regions: %s', async (_name, filter, orderBy, keep) => {
    const result = await server.gql<{ regions: { totalCount: number; nodes: Array<{ code: string }> } }>(
      'query($filter: RegionFilter, $orderBy: RegionOrder) { regions(filter: $filter, orderBy: $orderBy, first: 500) { totalCount nodes { code } } }',
      { filter, orderBy },
    );
    expect(result.errors).toBeUndefined();
    const rows = o.regions.filter(keep);
    const byKey =
      orderBy?.field === 'NAME' ? (r: (typeof rows)[number]) => r.name : (r: (typeof rows)[number]) => r.code;
    const desc = (orderBy as { direction?: string } | undefined)?.direction === 'DESC';
    const want = [...rows]
      .sort((a, b) => (byKey(a) < byKey(b) ? -1 : byKey(a) > byKey(b) ? 1 : a.code < b.code ? -1 : 1) * (desc ? -1 : 1))
      .map((r) => r.code);
    expect(want.length).toBeGreaterThan(0);
    expect(result.data?.regions.nodes.map((n) => n.code)).toEqual(want);
    expect(result.data?.regions.totalCount).toBe(want.length);
  });
});

describe('transactions', () => {
  const all = () => o.transactions;
  type Tx = Oracle['transactions'][number];
  const newest = (rows: Tx[]) => sortBy(rows, (t) => t.occurred_on, true).map((t) => t.id);
  const party = (id: number) => o.partyById.get(id) as OracleParty;
  const dinkes = () => ref('AG-DINKES').id;
  const program2024 = () => o.programs.find((p) => p.fiscal_year === 2024 && p.code === '1.01.02.2.01')?.id ?? 0;
  const someProduct = () => all().find((t) => t.product_id !== null)?.product_id ?? 0;
  check([
    ['all, newest first', 'transactions', undefined, undefined, () => newest(all())],
    [
      'a period',
      'transactions',
      { from: '2023-03-01', to: '2023-08-31' },
      undefined,
      () => newest(all().filter((t) => t.occurred_on >= '2023-03-01' && t.occurred_on <= '2023-08-31')),
    ],
    [
      'a fiscal year',
      'transactions',
      { fiscalYear: 2024 },
      undefined,
      () => newest(all().filter((t) => t.occurred_on.startsWith('2024'))),
    ],
    [
      'a fiscal year narrowed by a date',
      'transactions',
      { fiscalYear: 2024, from: '2024-06-15' },
      undefined,
      () => newest(all().filter((t) => t.occurred_on >= '2024-06-15' && t.occurred_on <= '2024-12-31')),
    ],
    [
      'an amount range',
      'transactions',
      { amountMin: 10_000_000, amountMax: 50_000_000 },
      undefined,
      () => newest(all().filter((t) => t.amount >= 10_000_000 && t.amount <= 50_000_000)),
    ],
    [
      'an agency alone',
      'transactions',
      () => ({ agencyIds: [gid('Agency', 'AG-DINKES')] }),
      undefined,
      () => newest(all().filter((t) => t.buyer_id === dinkes())),
    ],
    [
      'an agency with its network',
      'transactions',
      () => ({ agencyIds: [gid('Agency', 'AG-DINKES')], includeNetwork: true }),
      undefined,
      () => newest(all().filter((t) => t.buyer_id === dinkes() || networkOf(dinkes()).has(t.buyer_id))),
    ],
    [
      'buyers',
      'transactions',
      () => ({ buyerIds: [gid('NetworkUnit', 'NU-SD01'), gid('NetworkUnit', 'NU-PUSTU')] }),
      undefined,
      () => newest(all().filter((t) => [ref('NU-SD01').id, ref('NU-PUSTU').id].includes(t.buyer_id))),
    ],
    [
      'sellers',
      'transactions',
      () => ({ sellerIds: [gid('Vendor', 'VE-ALKES'), gid('Cooperative', 'CO-TANI')] }),
      undefined,
      () => newest(all().filter((t) => [ref('VE-ALKES').id, ref('CO-TANI').id].includes(t.seller_id))),
    ],
    [
      'a program',
      'transactions',
      () => ({ programIds: [globalId('Program', program2024())] }),
      undefined,
      () => newest(all().filter((t) => t.program_id === program2024())),
    ],
    [
      'a product',
      'transactions',
      () => ({ productIds: [globalId('Product', someProduct())] }),
      undefined,
      () => newest(all().filter((t) => t.product_id === someProduct())),
    ],
    [
      'categories',
      'transactions',
      { categories: ['FOOD_STAPLES', 'CATERING'] },
      undefined,
      () => newest(all().filter((t) => ['FOOD_STAPLES', 'CATERING'].includes(t.category))),
    ],
    [
      'funding sources',
      'transactions',
      { fundingSources: ['BOS', 'DANA_DESA'] },
      undefined,
      () => newest(all().filter((t) => ['BOS', 'DANA_DESA'].includes(t.funding_source ?? ''))),
    ],
    [
      'an account prefix',
      'transactions',
      { accountPrefix: '5.1.02.01' },
      undefined,
      () => newest(all().filter((t) => t.account_code?.startsWith('5.1.02.01.') || t.account_code === '5.1.02.01')),
    ],
    [
      'buyer kinds',
      'transactions',
      { buyerKinds: ['ENTERPRISE'] },
      undefined,
      () => newest(all().filter((t) => party(t.buyer_id).kind === 'ENTERPRISE')),
    ],
    [
      'buyer region',
      'transactions',
      { buyerRegionCode: '61.12.01' },
      undefined,
      () => newest(all().filter((t) => within(party(t.buyer_id).region_code, '61.12.01'))),
    ],
    [
      'seller kinds',
      'transactions',
      { sellerKinds: ['COOPERATIVE', 'VENDOR'] },
      undefined,
      () => newest(all().filter((t) => ['COOPERATIVE', 'VENDOR'].includes(party(t.seller_id).kind))),
    ],
    [
      'seller region',
      'transactions',
      { sellerRegionCode: '61.12.02' },
      undefined,
      () => newest(all().filter((t) => within(party(t.seller_id).region_code, '61.12.02'))),
    ],
    [
      'local sellers',
      'transactions',
      { sellerLocal: true },
      undefined,
      () => newest(all().filter((t) => within(party(t.seller_id).region_code, TENANT))),
    ],
    [
      'sellers outside',
      'transactions',
      { sellerLocal: false },
      undefined,
      () => newest(all().filter((t) => !within(party(t.seller_id).region_code, TENANT))),
    ],
    [
      'seller size classes',
      'transactions',
      { sellerSizeClasses: ['SMALL', 'MEDIUM'] },
      undefined,
      () => newest(all().filter((t) => ['SMALL', 'MEDIUM'].includes(party(t.seller_id).size_class ?? ''))),
    ],
    [
      'local UMKM sellers of an agency in a year',
      'transactions',
      () => ({
        agencyIds: [gid('Agency', 'AG-DIKBUD')],
        includeNetwork: true,
        fiscalYear: 2024,
        sellerKinds: ['ENTERPRISE', 'COOPERATIVE'],
        sellerLocal: true,
      }),
      undefined,
      () =>
        newest(
          all().filter(
            (t) =>
              (t.buyer_id === ref('AG-DIKBUD').id || networkOf(ref('AG-DIKBUD').id).has(t.buyer_id)) &&
              t.occurred_on.startsWith('2024') &&
              ['ENTERPRISE', 'COOPERATIVE'].includes(party(t.seller_id).kind) &&
              within(party(t.seller_id).region_code, TENANT),
          ),
        ),
    ],
    [
      'oldest first',
      'transactions',
      undefined,
      { field: 'OCCURRED_ON', direction: 'ASC' },
      () => sortBy(all(), (t) => t.occurred_on).map((t) => t.id),
    ],
    [
      'by amount',
      'transactions',
      undefined,
      { field: 'AMOUNT' },
      () => sortBy(all(), (t) => t.amount).map((t) => t.id),
    ],
    [
      'largest first',
      'transactions',
      undefined,
      { field: 'AMOUNT', direction: 'DESC' },
      () => sortBy(all(), (t) => t.amount, true).map((t) => t.id),
    ],
    ['by id', 'transactions', undefined, { field: 'ID' }, () => all().map((t) => t.id)],
  ]);
});

describe('nested lists take the same filters', () => {
  it("filters an agency's programs by fiscal year and its network by unit type", async () => {
    const result = await server.gql<{
      agencies: {
        nodes: Array<{
          programs: { nodes: Array<{ id: string }> };
          networkUnits: { totalCount: number; nodes: Array<{ id: string }> };
        }>;
      };
    }>(
      `{ agencies(filter: { search: "Dinkes" }) { nodes {
          programs(fiscalYear: 2024, orderBy: { field: BUDGET, direction: DESC }) { nodes { id } }
          networkUnits(filter: { unitTypes: [HEALTH_CENTER] }, orderBy: { field: NAME, direction: DESC }) { totalCount nodes { id } }
      } } }`,
    );
    expect(result.errors).toBeUndefined();
    const agency = result.data?.agencies.nodes[0];
    const dinkes = ref('AG-DINKES').id;
    expect(agency?.programs.nodes.map((n) => rowId(n.id))).toEqual(
      sortBy(
        o.programs.filter((p) => p.agency_id === dinkes && p.fiscal_year === 2024),
        (p) => p.budget,
        true,
      ).map((p) => p.id),
    );
    expect(agency?.networkUnits.nodes.map((n) => rowId(n.id))).toEqual(
      sortBy(
        o.parties.filter((p) => networkOf(dinkes).has(p.id)),
        (p) => p.name,
        true,
      ).map((p) => p.id),
    );
    expect(agency?.networkUnits.totalCount).toBe(2);
  });

  it("filters a party's purchases and sales, and a cooperative's members", async () => {
    const result = await server.gql<{
      agency: { purchases: { totalCount: number; nodes: Array<{ id: string }> } };
      tani: {
        sales: { nodes: Array<{ id: string }> };
        members: { nodes: Array<{ id: string }> };
        products: { nodes: Array<{ id: string }> };
      };
    }>(
      `query($agency: ID!, $tani: ID!) {
        agency: node(id: $agency) { ... on Agency { purchases(filter: { fiscalYear: 2023, sellerLocal: true }, orderBy: { field: AMOUNT, direction: DESC }) { totalCount nodes { id } } } }
        tani: node(id: $tani) { ... on Cooperative {
          sales(orderBy: { field: ID }) { nodes { id } }
          members(filter: { statuses: [ACTIVE] }, orderBy: { field: ID }) { nodes { id } }
          products { nodes { id } }
        } }
      }`,
      { agency: gid('Agency', 'AG-DIKBUD'), tani: gid('Cooperative', 'CO-TANI') },
    );
    expect(result.errors).toBeUndefined();
    const dikbud = ref('AG-DIKBUD').id;
    const tani = ref('CO-TANI').id;
    const purchases = sortBy(
      o.transactions.filter(
        (t) =>
          t.buyer_id === dikbud &&
          t.occurred_on.startsWith('2023') &&
          within(o.partyById.get(t.seller_id)?.region_code ?? null, TENANT),
      ),
      (t) => t.amount,
      true,
    ).map((t) => t.id);
    expect(result.data?.agency.purchases.nodes.map((n) => rowId(n.id))).toEqual(purchases);
    expect(result.data?.agency.purchases.totalCount).toBe(purchases.length);
    expect(result.data?.tani.sales.nodes.map((n) => rowId(n.id))).toEqual(
      o.transactions.filter((t) => t.seller_id === tani).map((t) => t.id),
    );
    const members = o.memberships.filter((m) => m.cooperative_id === tani).map((m) => m.member_id);
    expect(result.data?.tani.members.nodes.map((n) => rowId(n.id))).toEqual(
      o.parties.filter((p) => members.includes(p.id) && p.status === 'ACTIVE').map((p) => p.id),
    );
    expect(result.data?.tani.products.nodes.map((n) => rowId(n.id))).toEqual(
      o.products.filter((p) => p.seller_id === tani).map((p) => p.id),
    );
  });

  it("filters an enterprise's snapshots by month and status, newest first", async () => {
    const enterprise = o.snapshots[0]?.enterprise_id ?? 0;
    const result = await server.gql<{ node: { snapshots: { nodes: Array<{ period: string; status: string }> } } }>(
      `query($id: ID!) { node(id: $id) { ... on Enterprise {
        snapshots(from: "2020-03-17", to: "2023-06-01", statuses: [ACTIVE, DORMANT], direction: DESC) { nodes { period status } }
      } } }`,
      { id: globalId('Enterprise', enterprise) },
    );
    expect(result.errors).toBeUndefined();
    const want = o.snapshots
      .filter((s) => s.enterprise_id === enterprise && s.period >= '2020-03-01' && s.period <= '2023-06-01')
      .map((s) => ({ period: s.period, status: s.status }))
      .reverse();
    expect(want.length).toBeGreaterThan(2);
    expect(result.data?.node.snapshots.nodes).toEqual(want);
  });
});
