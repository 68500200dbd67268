import { expect, it } from 'vitest';
import { o, ref, server } from '../support/api-bundle.ts';
import { globalId, rowId } from '../support/fixtures.ts';
import { type OracleParty, sortBy } from '../support/oracle/index.ts';

/*
 * What the list tests (lists*.test.ts) share: a server on the API bundle, the oracle read from its
 * tables, and `check`, which lists with a filter and order over real HTTP and compares the ids with
 * the oracle's.
 */

export { o, ref, server, useApiBundleServer } from '../support/api-bundle.ts';

export const TENANT = '61.12';
export const FILTER_TYPES: Record<string, [string, string]> = {
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
export async function list(name: string, filter?: object, orderBy?: object): Promise<{ ids: number[]; total: number }> {
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

export const byName = (rows: OracleParty[]) => sortBy(rows, (p) => p.name).map((p) => p.id);
export const kind = (k: string) => (p: OracleParty) => p.kind === k;
export const gid = (type: string, r: string) => globalId(type, ref(r).id);
export const section = (kbli: string | null) => (kbli ? o.kbliSection.get(kbli.slice(0, 2)) : undefined);

/** The network units under a party, at any depth. */
export function networkOf(rootId: number): Set<number> {
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
export type Case = [
  name: string,
  list: string,
  filter: object | (() => object) | undefined,
  orderBy: object | undefined,
  expected: () => number[],
];

export function check(cases: Case[]) {
  it.each(cases)('%s', async (_name, name, filter, orderBy, expected) => {
    const want = expected();
    expect(want.length, 'the fixture should make this case non-trivial').toBeGreaterThan(0);
    const got = await list(name, typeof filter === 'function' ? filter() : filter, orderBy);
    expect(got.ids).toEqual(want);
    expect(got.total).toBe(want.length);
  });
}
