import { describe, expect, it } from 'vitest';
import { globalId, rowId } from '../support/fixtures.ts';
import { sortBy, within } from '../support/oracle/index.ts';
import { byName, check, gid, list, networkOf, o, ref, server, TENANT, useApiBundleServer } from './list-harness.ts';

/*
 * Every filter and every order of every list, over real HTTP, against the fixture bundle. The
 * expected rows and their order are computed in plain JavaScript from the tables (the oracle), so
 * the API's SQL is checked against an independent implementation.
 */

useApiBundleServer();

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
      await server.headersFor('ANALYST'),
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
