import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, importApiBundle, rowId } from '../support/fixtures.ts';
import { loadOracle, type Oracle, type OracleParty } from '../support/oracle.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * Every type and every field of the domain graph, over real HTTP, against the fixture: the values
 * come from the tables (the oracle) or from the fixture's CSV (names, codes).
 */

let server: TestServer;
let o: Oracle;

beforeAll(async () => {
  server = await startTestServer({ seed: importApiBundle });
  o = await loadOracle(server.database);
});
afterAll(() => server?.close());

const ref = (r: string) => o.partyByRef.get(r) as OracleParty;

async function node<T>(id: string, selection: string): Promise<T> {
  const result = await server.gql<{ node: T }>(`query($id: ID!) { node(id: $id) { __typename id ${selection} } }`, {
    id,
  });
  expect(result.errors).toBeUndefined();
  return result.data?.node as T;
}

const PARTY_FIELDS = '... on Party { kind name regionCode region { code } isLocal status isGovernment registeredOn }';

describe('parties', () => {
  it('shows an agency with its network and programs', async () => {
    const dinkes = ref('AG-DINKES');
    const agency = await node<Record<string, unknown>>(
      globalId('Agency', dinkes.id),
      `${PARTY_FIELDS} ... on Agency { code shortName agencyType
        networkUnits { totalCount nodes { name } }
        programs(fiscalYear: 2024) { nodes { code fiscalYear } }
        purchases { totalCount } sales { totalCount } products { totalCount } }`,
    );
    expect(agency).toEqual({
      __typename: 'Agency',
      id: globalId('Agency', dinkes.id),
      kind: 'AGENCY',
      name: 'Dinas Kesehatan',
      regionCode: '61.12',
      region: { code: '61.12' },
      isLocal: true,
      status: 'ACTIVE',
      isGovernment: true,
      registeredOn: '2021-01-04',
      code: '1.02.0.00.0.00.01.0000',
      shortName: 'Dinkes',
      agencyType: 'DINAS',
      networkUnits: {
        totalCount: 2,
        nodes: [{ name: 'Puskesmas Pembantu Arang Limbung' }, { name: 'Puskesmas Sungai Raya' }],
      },
      programs: {
        nodes: [
          { code: '1.02.02.2.02', fiscalYear: 2024 },
          { code: '1.02.02.2.05', fiscalYear: 2024 },
        ],
      },
      purchases: { totalCount: o.transactions.filter((t) => t.buyer_id === dinkes.id).length },
      sales: { totalCount: 0 },
      products: { totalCount: 0 },
    });
  });

  it('shows a network unit with its parent, its agency at the top of the chain, and its own units', async () => {
    const pustu = await node<Record<string, unknown>>(
      globalId('NetworkUnit', ref('NU-PUSTU').id),
      `${PARTY_FIELDS} ... on NetworkUnit { unitType members parent { name } agency { name } units { totalCount } }`,
    );
    expect(pustu).toMatchObject({
      __typename: 'NetworkUnit',
      kind: 'NETWORK_UNIT',
      name: 'Puskesmas Pembantu Arang Limbung',
      regionCode: '61.12.01.2003',
      region: { code: '61.12.01.2003' },
      isLocal: true,
      isGovernment: true,
      unitType: 'HEALTH_CENTER',
      members: 6,
      parent: { name: 'Puskesmas Sungai Raya' },
      agency: { name: 'Dinas Kesehatan' },
      units: { totalCount: 0 },
    });
    const desa = await node<Record<string, unknown>>(
      globalId('NetworkUnit', ref('NU-DESA').id),
      '... on NetworkUnit { agency { shortName } units { nodes { name isGovernment ... on NetworkUnit { unitType agency { name } } } } }',
    );
    expect(desa).toMatchObject({
      agency: { shortName: 'Kec. Sungai Raya' },
      units: {
        nodes: [
          {
            name: 'BUMDes Maju Bersama',
            isGovernment: false,
            unitType: 'BUMDES',
            agency: { name: 'Kecamatan Sungai Raya' },
          },
        ],
      },
    });
  });

  it('shows an enterprise with its sector, size, masked NIK and relations; the owner name stays hidden', async () => {
    const withEverything = o.parties.find(
      (p) =>
        p.kind === 'ENTERPRISE' &&
        p.owner_nik &&
        p.nib &&
        p.kbli_code &&
        p.capital &&
        o.snapshots.some((s) => s.enterprise_id === p.id),
    ) as OracleParty;
    const e = await node<Record<string, unknown>>(
      globalId('Enterprise', withEverything.id),
      `${PARTY_FIELDS} ... on Enterprise { nib kbliCode sector { code name nameEn } sizeClass sizeBasis verification
        ownerName ownerNik ownerGender foundedYear employees capital annualRevenue
        products { totalCount } snapshots { totalCount nodes { period } } cooperatives { name }
        assistance { totalCount } sales { totalCount } purchases { totalCount } }`,
    );
    const nik = withEverything.owner_nik as string;
    expect(e).toMatchObject({
      __typename: 'Enterprise',
      kind: 'ENTERPRISE',
      name: withEverything.name,
      nib: withEverything.nib,
      kbliCode: withEverything.kbli_code,
      sector: { code: o.kbliSection.get((withEverything.kbli_code as string).slice(0, 2)) },
      sizeClass: withEverything.size_class,
      sizeBasis: 'CAPITAL',
      verification: withEverything.e_verification,
      ownerName: null,
      ownerNik: `${nik.slice(0, 4)}**********${nik.slice(-2)}`,
      capital: withEverything.capital,
      annualRevenue: null,
      products: { totalCount: o.products.filter((p) => p.seller_id === withEverything.id).length },
      snapshots: { totalCount: o.snapshots.filter((s) => s.enterprise_id === withEverything.id).length },
      cooperatives: o.memberships
        .filter((m) => m.member_id === withEverything.id)
        .map((m) => ({ name: o.partyById.get(m.cooperative_id)?.name }))
        .sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : 1)),
      assistance: { totalCount: o.assistance.filter((a) => a.enterprise_id === withEverything.id).length },
      sales: { totalCount: o.transactions.filter((t) => t.seller_id === withEverything.id).length },
      purchases: { totalCount: o.transactions.filter((t) => t.buyer_id === withEverything.id).length },
    });
    expect(JSON.stringify(e)).not.toContain(nik);
    expect(e.ownerGender).toMatch(/^[FM]$/);
    expect(typeof e.foundedYear).toBe('number');
  });

  it('answers null, never a guess, for an enterprise of unknown size, sector and region', async () => {
    const unknown = o.parties.find((p) => p.kind === 'ENTERPRISE' && p.size_class === null) as OracleParty;
    const e = await node<Record<string, unknown>>(
      globalId('Enterprise', unknown.id),
      '... on Enterprise { sizeClass sizeBasis capital annualRevenue }',
    );
    expect(e).toMatchObject({ sizeClass: null, sizeBasis: null, capital: null, annualRevenue: null });
    const noKbli = o.parties.find((p) => p.kind === 'ENTERPRISE' && p.kbli_code === null) as OracleParty;
    expect(
      await node(globalId('Enterprise', noKbli.id), '... on Enterprise { kbliCode sector { code } }'),
    ).toMatchObject({ kbliCode: null, sector: null });
    const nowhere = o.parties.find((p) => p.kind === 'ENTERPRISE' && p.region_code === null) as OracleParty;
    expect(
      await node(globalId('Enterprise', nowhere.id), '... on Party { regionCode region { code } isLocal }'),
    ).toMatchObject({ regionCode: null, region: null, isLocal: false });
  });

  it('shows a cooperative with its members, and a vendor from outside the regency', async () => {
    const tani = ref('CO-TANI');
    const members = o.memberships.filter((m) => m.cooperative_id === tani.id);
    expect(
      await node(
        globalId('Cooperative', tani.id),
        `${PARTY_FIELDS} ... on Cooperative { registrationNo coopType membersCount verification sizeClass members { totalCount } }`,
      ),
    ).toMatchObject({
      __typename: 'Cooperative',
      name: 'Koperasi Tani Makmur',
      registrationNo: 'BH/001/2015',
      coopType: 'PRODUCER',
      membersCount: 120,
      verification: 'VERIFIED',
      sizeClass: null,
      isLocal: true,
      members: { totalCount: members.length },
    });
    expect(
      await node(globalId('Vendor', ref('VE-ALKES').id), `${PARTY_FIELDS} ... on Vendor { sizeClass }`),
    ).toMatchObject({
      __typename: 'Vendor',
      kind: 'VENDOR',
      name: 'PT Sumber Alat Kesehatan',
      regionCode: '61.71',
      region: { code: '61.71' },
      isLocal: false,
      isGovernment: false,
      registeredOn: null,
      sizeClass: 'MEDIUM',
    });
  });

  it('finds an agency by code or short name, and an enterprise by NIB', async () => {
    const result = await server.gql<{ a: { name: string }; b: { name: string }; e: { name: string } }>(
      `query($nib: String!) { a: agency(code: "Bappeda") { name } b: agency(code: "1.01.0.00.0.00.01.0000") { name } e: enterpriseByNib(nib: $nib) { name } }`,
      { nib: ref('EN-002').nib },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: { name: 'Badan Perencanaan Pembangunan Daerah' },
      b: { name: 'Dinas Pendidikan dan Kebudayaan' },
      e: { name: ref('EN-002').name },
    });
  });
});

describe('regions and sectors', () => {
  it('shows a region with its parent and children', async () => {
    const result = await server.gql<{ region: Record<string, unknown> }>(
      '{ region(code: "61.12.01") { code level levelName name parentCode population areaKm2 isLocal parent { code name levelName parent { code } } children { code level } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.region).toEqual({
      code: '61.12.01',
      level: 3,
      levelName: 'DISTRICT',
      name: 'Sungai Raya',
      parentCode: '61.12',
      population: null,
      areaKm2: null,
      isLocal: true,
      parent: { code: '61.12', name: 'Kabupaten Kubu Raya', levelName: 'REGENCY', parent: { code: '61' } },
      children: o.regions.filter((r) => r.parent_code === '61.12.01').map((r) => ({ code: r.code, level: 4 })),
    });
    const pontianak = await server.gql<{ region: Record<string, unknown> }>(
      '{ region(code: "61.71") { isLocal population areaKm2 } }',
    );
    expect(pontianak.data?.region).toEqual({ isLocal: false, population: 687031, areaKm2: 118.209 });
  });

  it('lists the 21 KBLI sections', async () => {
    const result = await server.gql<{ sectors: Array<{ code: string; name: string; nameEn: string }> }>(
      '{ sectors { code name nameEn } }',
    );
    expect(result.data?.sectors.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(result.data?.sectors[2]).toEqual({ code: 'C', name: 'Industri Pengolahan', nameEn: 'Manufacturing' });
  });
});

describe('programs, products, transactions, assistance, snapshots and targets', () => {
  it('shows a program with its agency, transactions and assistance', async () => {
    const program = o.programs.find(
      (p) => p.code === '3.27.05.2.01' && p.fiscal_year === 2024,
    ) as Oracle['programs'][number];
    expect(
      await node(
        globalId('Program', program.id),
        '... on Program { code name fiscalYear budget localTargetShare agency { shortName } transactions { totalCount } assistance { totalCount } }',
      ),
    ).toEqual({
      __typename: 'Program',
      id: globalId('Program', program.id),
      code: '3.27.05.2.01',
      name: 'Pemberdayaan Usaha Mikro',
      fiscalYear: 2024,
      budget: 850_000_000,
      localTargetShare: 0.6,
      agency: { shortName: 'Diskopum' },
      transactions: { totalCount: o.transactions.filter((t) => t.program_id === program.id).length },
      assistance: { totalCount: o.assistance.filter((a) => a.program_id === program.id).length },
    });
  });

  it('shows a product with its seller and sector', async () => {
    const product = o.products.find((p) => p.kbli_code && p.unit_price) as Oracle['products'][number];
    expect(
      await node(
        globalId('Product', product.id),
        '... on Product { name category unit unitPrice kbliCode sector { code } seller { id name } }',
      ),
    ).toMatchObject({
      __typename: 'Product',
      name: product.name,
      category: product.category,
      unitPrice: product.unit_price,
      kbliCode: product.kbli_code,
      sector: { code: o.kbliSection.get((product.kbli_code as string).slice(0, 2)) },
      seller: { name: o.partyById.get(product.seller_id)?.name },
    });
  });

  it('shows a transaction with buyer and seller as parties, program and product', async () => {
    const tx = o.transactions.find((t) => t.program_id && t.product_id) as Oracle['transactions'][number];
    const got = await node<Record<string, unknown>>(
      globalId('Transaction', tx.id),
      `... on Transaction { category accountCode fundingSource amount quantity occurredOn source sourceRef
        buyer { __typename id name } seller { __typename name } program { id } product { id } }`,
    );
    const buyer = o.partyById.get(tx.buyer_id) as OracleParty;
    expect(got).toMatchObject({
      __typename: 'Transaction',
      category: tx.category,
      accountCode: tx.account_code,
      fundingSource: tx.funding_source,
      amount: tx.amount,
      occurredOn: tx.occurred_on,
      source: 'CSV',
      buyer: { name: buyer.name },
      seller: { name: o.partyById.get(tx.seller_id)?.name },
      program: { id: globalId('Program', tx.program_id as number) },
      product: { id: globalId('Product', tx.product_id as number) },
    });
    expect(got.sourceRef).toMatch(/^TX-\d{4}-\d{4}$/);
    expect(typeof got.quantity).toBe('number');
    expect(rowId((got.buyer as { id: string }).id)).toBe(tx.buyer_id);
  });

  it('shows assistance with its enterprise and program, and a snapshot with its enterprise', async () => {
    const a = o.assistance.find((x) => x.program_id !== null) as Oracle['assistance'][number];
    expect(
      await node(
        globalId('Assistance', a.id),
        '... on Assistance { kind occurredOn enterprise { id } program { id } }',
      ),
    ).toMatchObject({
      __typename: 'Assistance',
      kind: a.kind,
      occurredOn: a.occurred_on,
      enterprise: { id: globalId('Enterprise', a.enterprise_id) },
      program: { id: globalId('Program', a.program_id as number) },
    });
    const s = o.snapshots[0] as Oracle['snapshots'][number];
    const snap = await node<{ snapshots: { nodes: Array<Record<string, unknown>> } }>(
      globalId('Enterprise', s.enterprise_id),
      '... on Enterprise { snapshots(first: 1) { nodes { period revenue employees status enterprise { id } } } }',
    );
    expect(snap.snapshots.nodes[0]).toMatchObject({
      period: s.period,
      revenue: s.revenue,
      status: s.status,
      enterprise: { id: globalId('Enterprise', s.enterprise_id) },
    });
  });

  it('lists policy targets and data-collection targets', async () => {
    const result = await server.gql<{
      policyTargets: Array<Record<string, unknown>>;
      agencyOnly: Array<{ name: string }>;
      collectionTargets: Array<Record<string, unknown>>;
    }>(
      `{ policyTargets(fiscalYears: [2024]) { id name legalBasis metric targetShare fiscalYear agency { shortName } }
         agencyOnly: policyTargets(regencyWide: false, metrics: [LOCAL_UMKM_SHARE]) { name }
         collectionTargets(years: [2024], regionCode: "61.12.01") { regionCode year enterprises cooperatives region { name } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(
      result.data?.policyTargets.map((t) => [
        t.metric,
        t.targetShare,
        (t.agency as { shortName: string } | null)?.shortName ?? null,
      ]),
    ).toEqual([
      ['LOCAL_UMKM_SHARE', 0.45, null],
      ['LOCAL_UMKM_SHARE', 0.5, 'Dinkes'],
      ['UMK_SHARE', 0.4, null],
    ]);
    expect(result.data?.policyTargets[0]).toMatchObject({
      fiscalYear: 2024,
      legalBasis: expect.stringContaining('Peraturan Bupati'),
    });
    expect(result.data?.agencyOnly).toEqual([{ name: 'Target Dinas Kesehatan 2024' }]);
    expect(result.data?.collectionTargets).toEqual([
      {
        regionCode: '61.12.01',
        year: 2024,
        enterprises: expect.any(Number),
        cooperatives: expect.any(Number),
        region: { name: 'Sungai Raya' },
      },
    ]);
  });
});

describe('node(id)', () => {
  const kinds: Array<[string, () => number]> = [
    ['Agency', () => ref('AG-DIKBUD').id],
    ['NetworkUnit', () => ref('NU-SD01').id],
    ['Enterprise', () => ref('EN-001').id],
    ['Cooperative', () => ref('CO-KSP').id],
    ['Vendor', () => ref('VE-SINAR').id],
    ['Program', () => o.programs[0]?.id ?? 0],
    ['Product', () => o.products[0]?.id ?? 0],
    ['Transaction', () => o.transactions[0]?.id ?? 0],
    ['Assistance', () => o.assistance[0]?.id ?? 0],
    ['PolicyTarget', () => 1],
  ];

  it.each(kinds)('fetches a %s by its global id, which round-trips', async (type, id) => {
    const gid = globalId(type, id());
    const result = await server.gql<{ node: { __typename: string; id: string } }>(
      'query($id: ID!) { node(id: $id) { __typename id } }',
      { id: gid },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toEqual({ __typename: type, id: gid });
  });

  it('answers null for an id that no longer exists, or that names a row of another kind', async () => {
    const result = await server.gql<{ gone: unknown; wrongKind: unknown }>(
      'query($a: ID!, $b: ID!) { gone: node(id: $a) { id } wrongKind: node(id: $b) { id } }',
      {
        a: globalId('Enterprise', 999_999),
        b: globalId('Agency', ref('EN-001').id),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ gone: null, wrongKind: null });
  });

  it('fetches many nodes at once, in order, with nulls for missing ones', async () => {
    const ids = [
      globalId('Vendor', ref('VE-SERBA').id),
      globalId('Program', 999_999),
      globalId('Agency', ref('AG-DINKES').id),
    ];
    const result = await server.gql<{ nodes: Array<{ id: string } | null> }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids },
    );
    expect(result.data?.nodes).toEqual([{ id: ids[0] }, null, { id: ids[2] }]);
  });

  it('tells which regency it serves', async () => {
    const result = await server.gql<{ about: Record<string, unknown> }>(
      '{ about { tenantId demoData firstTransactionOn lastTransactionOn } }',
    );
    expect(result.data?.about).toEqual({
      tenantId: '61.12',
      demoData: false,
      firstTransactionOn: o.transactions.map((t) => t.occurred_on).sort()[0],
      lastTransactionOn: o.transactions
        .map((t) => t.occurred_on)
        .sort()
        .at(-1),
    });
  });
});
