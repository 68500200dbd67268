import { describe, expect, it } from 'vitest';
import { node, o, ref, server, useApiBundleServer } from '../support/api-bundle.ts';
import { globalId } from '../support/fixtures.ts';
import type { OracleParty } from '../support/oracle/index.ts';

/*
 * Every type and every field of the domain graph, over real HTTP, against the fixture: the values
 * come from the tables (the oracle) or from the fixture's CSV (names, codes).
 */

useApiBundleServer();

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
      await server.headersFor('POLICYMAKER'),
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
        assistance { totalCount } }`,
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
    });
    expect(JSON.stringify(e)).not.toContain(nik);
    expect(e.ownerGender).toMatch(/^[FM]$/);
    expect(typeof e.foundedYear).toBe('number');
  });

  it("shows an enterprise's sales and purchases to a signed-in reader, and refuses them to PUBLIC", async () => {
    const seller = o.parties.find(
      (p) => p.kind === 'ENTERPRISE' && o.transactions.some((t) => t.seller_id === p.id),
    ) as OracleParty;
    const query = `query($id: ID!) { node(id: $id) { ... on Enterprise { sales { totalCount } purchases { totalCount } } } }`;
    const variables = { id: globalId('Enterprise', seller.id) };
    const signedIn = await server.gql(query, variables, await server.headersFor('ANALYST'));
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data?.node).toEqual({
      sales: { totalCount: o.transactions.filter((t) => t.seller_id === seller.id).length },
      purchases: { totalCount: o.transactions.filter((t) => t.buyer_id === seller.id).length },
    });
    const anonymous = await server.gql(query, variables);
    expect(anonymous.errors?.length).toBeGreaterThan(0);
    expect(new Set(anonymous.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(anonymous.data?.node ?? null).toBeNull();
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
