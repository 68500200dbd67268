import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, importApiBundle, rowId } from '../support/fixtures.ts';
import { loadOracle, type Oracle, type OracleParty, sortBy } from '../support/oracle/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * Keyset pagination: every list walked page by page forwards (first/after) and backwards
 * (last/before) across page boundaries, compared with a direct listing of the tables. No row may
 * be lost or repeated, including rows that tie on the sort key (equal names, dates, amounts).
 */

let server: TestServer;
let o: Oracle;

beforeAll(async () => {
  server = await startTestServer({ seed: importApiBundle, signedInAs: 'ANALYST' });
  o = await loadOracle(server.database);
});
afterAll(() => server?.close());

interface Page {
  totalCount: number;
  edges: Array<{ cursor: string; node: { key: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE = `totalCount edges { cursor node { key: id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

/** Builds the query for one page of a list (top-level, or nested under a node). */
type PageQuery = (args: string) => string;
const top =
  (list: string, orderBy?: string, filter?: string): PageQuery =>
  (args) =>
    `{ page: ${list}${withArgs([args, orderBy ? `orderBy: ${orderBy}` : '', filter ? `filter: ${filter}` : ''])} { ${PAGE} } }`;
function withArgs(args: string[]): string {
  const given = args.filter(Boolean);
  return given.length ? `(${given.join(', ')})` : '';
}

async function fetchPage(query: PageQuery, args: string, pick: (data: Record<string, unknown>) => Page): Promise<Page> {
  const result = await server.gql<Record<string, unknown>>(query(args));
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return pick(result.data as Record<string, unknown>);
}

const topPage = (data: Record<string, unknown>) => data.page as Page;
const keyOf = (key: string) => (/^[0-9.]+$/.test(key) ? key : String(rowId(key)));

/** Walks the whole list forwards and backwards with `size` rows a page; checks page info at every step. */
async function walk(query: PageQuery, expected: string[], size: number, pick = topPage): Promise<void> {
  // A walk over an empty list would pass whatever the paging did.
  expect(expected.length, 'the expected list').toBeGreaterThan(0);
  const forward: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 500; guard++) {
    const page = await fetchPage(query, `first: ${size}${after ? `, after: "${after}"` : ''}`, pick);
    const keys = page.edges.map((e) => keyOf(e.node.key));
    expect(page.totalCount).toBe(expected.length);
    expect(page.pageInfo.hasPreviousPage).toBe(forward.length > 0);
    forward.push(...keys);
    expect(page.pageInfo.hasNextPage).toBe(forward.length < expected.length);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) break;
    expect(keys).toHaveLength(size);
    after = page.pageInfo.endCursor;
  }
  expect(forward).toEqual(expected);

  const backward: string[] = [];
  let before: string | null = null;
  for (let guard = 0; guard < 500; guard++) {
    const page = await fetchPage(query, `last: ${size}${before ? `, before: "${before}"` : ''}`, pick);
    const keys = page.edges.map((e) => keyOf(e.node.key));
    expect(page.pageInfo.hasNextPage).toBe(backward.length > 0);
    backward.unshift(...keys);
    expect(page.pageInfo.hasPreviousPage).toBe(backward.length < expected.length);
    if (!page.pageInfo.hasPreviousPage) break;
    expect(keys).toHaveLength(size);
    before = page.pageInfo.startCursor;
  }
  expect(backward).toEqual(expected);
}

const ids = (rows: Array<{ id: number }>) => rows.map((r) => String(r.id));

/**
 * A page size that puts a page boundary between two rows with equal sort keys (the first such
 * pair), so the walk must break the tie by id across pages.
 */
function splittingTies<T>(rows: readonly T[], key: (row: T) => unknown, atLeast = 3): number {
  for (let i = atLeast - 1; i + 1 < rows.length; i++) {
    if (key(rows[i] as T) === key(rows[i + 1] as T)) return i + 1;
  }
  throw new Error('the fixture has no tie to split');
}
const kind = (k: string) => o.parties.filter((p) => p.kind === k);

describe('walking every list forwards and backwards', () => {
  it('parties by name, 13 a page', async () => {
    await walk(top('parties'), ids(sortBy(o.parties, (p) => p.name)), 13);
  });

  it('parties by registration date, newest first (unknown dates last)', async () => {
    const key = (p: OracleParty) => p.registered_on ?? '0001-01-01';
    const sorted = sortBy(o.parties, key, true);
    // A page boundary between two parties of unknown date: the cursor then holds 0001-01-01.
    const firstUnknown = sorted.findIndex((p) => p.registered_on === null);
    await walk(
      top('parties', '{ field: REGISTERED_ON, direction: DESC }'),
      ids(sorted),
      splittingTies(sorted, key, firstUnknown + 1),
    );
  });

  it('enterprises by name, with equal names split across pages', async () => {
    const sorted = sortBy(kind('ENTERPRISE'), (p) => p.name);
    // "UD Sumber Rejeki" and "Warung Makan Barokah" are there twice each.
    await walk(
      top('enterprises'),
      ids(sorted),
      splittingTies(sorted, (p) => p.name),
    );
  });

  it('enterprises by capital, largest first, unknown capital tied at the end', async () => {
    const sorted = sortBy(kind('ENTERPRISE'), (p) => p.capital ?? -1, true);
    await walk(
      top('enterprises', '{ field: CAPITAL, direction: DESC }'),
      ids(sorted),
      splittingTies(sorted, (p) => p.capital ?? -1, 8),
    );
  });

  it('enterprises of a district filter while paging', async () => {
    const expected = ids(
      sortBy(
        kind('ENTERPRISE').filter((p) => p.region_code?.startsWith('61.12.01')),
        (p) => p.name,
      ),
    );
    await walk(top('enterprises', undefined, '{ regionCode: "61.12.01" }'), expected, 4);
  });

  it('agencies by code, network units, cooperatives and vendors', async () => {
    await walk(
      top('agencies', '{ field: CODE, direction: DESC }'),
      ids(sortBy(kind('AGENCY'), (p) => p.agency_code ?? '', true)),
      2,
    );
    await walk(top('networkUnits'), ids(sortBy(kind('NETWORK_UNIT'), (p) => p.name)), 3);
    await walk(
      top('cooperatives', '{ field: ID, direction: DESC }'),
      ids(sortBy(kind('COOPERATIVE'), (p) => p.id, true)),
      1,
    );
    await walk(top('vendors'), ids(sortBy(kind('VENDOR'), (p) => p.name)), 3);
  });

  it('transactions newest first, with equal dates split across pages', async () => {
    const sorted = sortBy(o.transactions, (t) => t.occurred_on, true);
    await walk(
      top('transactions'),
      ids(sorted),
      splittingTies(sorted, (t) => t.occurred_on, 20),
    );
  });

  it('transactions by amount, with equal amounts split across pages', async () => {
    const sorted = sortBy(o.transactions, (t) => t.amount);
    await walk(
      top('transactions', '{ field: AMOUNT }'),
      ids(sorted),
      splittingTies(sorted, (t) => t.amount, 20),
    );
  });

  it('programs by fiscal year (ties on every page) and products by price', async () => {
    await walk(
      top('programs', '{ field: FISCAL_YEAR, direction: DESC }'),
      ids(sortBy(o.programs, (p) => p.fiscal_year, true)),
      5,
    );
    await walk(top('products', '{ field: UNIT_PRICE }'), ids(sortBy(o.products, (p) => p.unit_price ?? -1)), 10);
  });

  it('assistance by date', async () => {
    await walk(
      top('assistance', '{ field: OCCURRED_ON, direction: DESC }'),
      ids(sortBy(o.assistance, (a) => a.occurred_on, true)),
      6,
    );
  });

  it('regions by name, where a district and a village share a name (the code breaks the tie)', async () => {
    const rows = o.regions.filter((r) => r.code.startsWith('61.12'));
    const expected = [...rows]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.code < b.code ? -1 : 1))
      .map((r) => r.code);
    expect(new Set(rows.map((r) => r.name)).size).toBeLessThan(rows.length);
    const query: PageQuery = (args) =>
      `{ page: regions(${args}, orderBy: { field: NAME }, filter: { withinCode: "61.12" }) { totalCount edges { cursor node { key: code } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    await walk(query, expected, 16);
  });

  it("nested lists: an agency's purchases and an enterprise's snapshots", async () => {
    const dikbud = o.partyByRef.get('AG-DIKBUD')?.id ?? 0;
    const purchases: PageQuery = (args) =>
      `{ node(id: "${globalId('Agency', dikbud)}") { ... on Agency { page: purchases(${args}, orderBy: { field: AMOUNT, direction: DESC }) { ${PAGE} } } } }`;
    const pick = (data: Record<string, unknown>) => (data.node as { page: Page }).page;
    await walk(
      purchases,
      ids(
        sortBy(
          o.transactions.filter((t) => t.buyer_id === dikbud),
          (t) => t.amount,
          true,
        ),
      ),
      4,
      pick,
    );

    const enterprise = o.snapshots[0]?.enterprise_id ?? 0;
    const snapshots: PageQuery = (args) =>
      `{ node(id: "${globalId('Enterprise', enterprise)}") { ... on Enterprise { page: snapshots(${args}) { totalCount edges { cursor node { key: period } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;
    const periods = o.snapshots.filter((s) => s.enterprise_id === enterprise).map((s) => s.period);
    const walkPeriods = async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await fetchPage(snapshots, `first: 2${after ? `, after: "${after}"` : ''}`, pick);
        seen.push(...page.edges.map((e) => e.node.key));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return seen;
    };
    expect(await walkPeriods()).toEqual(periods);
  });

  it("an agency's network units at any depth, fetched with the agency", async () => {
    // The agency with the most units below it, at any depth (the lowest id among equals).
    const below = (id: number): OracleParty[] =>
      o.parties.filter((p) => p.parent_id === id).flatMap((child) => [child, ...below(child.id)]);
    const [agency] = sortBy(kind('AGENCY'), (a) => -below(a.id).length);
    const units = below(agency?.id ?? 0).filter((u) => u.kind === 'NETWORK_UNIT');
    expect(units.length, 'units of the agency').toBeGreaterThanOrEqual(3);
    const query: PageQuery = (args) =>
      `{ agency(code: "${agency?.agency_code}") { page: networkUnits(${args}) { ${PAGE} } } }`;
    const pick = (data: Record<string, unknown>) => (data.agency as { page: Page }).page;
    await walk(query, ids(sortBy(units, (u) => u.name)), 2, pick);
  });

  /** The enterprise with the most products (the lowest id among equals); it has two at least. */
  function busiestSeller(): OracleParty {
    const counts = new Map<number, number>();
    for (const p of o.products) counts.set(p.seller_id, (counts.get(p.seller_id) ?? 0) + 1);
    const [seller] = sortBy(
      kind('ENTERPRISE').filter((e) => counts.has(e.id)),
      (e) => -(counts.get(e.id) ?? 0),
    );
    expect(counts.get(seller?.id ?? 0) ?? 0, 'products of the enterprise').toBeGreaterThanOrEqual(2);
    return seller as OracleParty;
  }

  it("nested in a list: an enterprise's products, by price, fetched with the page of enterprises", async () => {
    const seller = busiestSeller();
    const products: PageQuery = (args) =>
      `{ enterprises(first: 500) { nodes { id page: products(${args}, orderBy: { field: UNIT_PRICE, direction: DESC }) { ${PAGE} } } } }`;
    const pick = (data: Record<string, unknown>) =>
      (data.enterprises as { nodes: Array<{ id: string; page: Page }> }).nodes.find(
        (n) => n.id === globalId('Enterprise', seller.id),
      )?.page as Page;
    // Unknown prices sort as the lowest (last, largest first).
    const expected = sortBy(
      o.products.filter((p) => p.seller_id === seller.id),
      (p) => p.unit_price ?? -1,
      true,
    );
    await walk(products, ids(expected), 1, pick);
  });

  it("each selection of an enterprise's products gets its own page, also where the page of enterprises brought one", async () => {
    // Pages that come with the enterprises answer the products selection they were fetched for
    // (pagination.ts, answerPrefetched), and no other selection of the same enterprise.
    const seller = busiestSeller();
    const id = globalId('Enterprise', seller.id);
    const own = o.products.filter((p) => p.seller_id === seller.id);
    const byName = ids(sortBy(own, (p) => p.name));
    const byPrice = ids(sortBy(own, (p) => p.unit_price ?? -1, true));
    type Products = { nodes: Array<{ id: string }> };
    const rows = (list: Products | undefined) => (list?.nodes ?? []).map((n) => String(rowId(n.id)));
    const inList = <T extends { id: string }>(list: { nodes: T[] } | undefined) => list?.nodes.find((n) => n.id === id);

    // A product's seller is the very enterprise object of the list (the request's loader holds
    // it), asked another page of its products.
    const nested = await server.gql<{
      enterprises: {
        nodes: Array<{ id: string; products: { nodes: Array<{ id: string; seller: { products: Products } }> } }>;
      };
    }>(`{ enterprises(first: 500) { nodes { id products(first: 1) { nodes { id
      seller { ... on Enterprise { products(last: 1) { nodes { id } } } }
    } } } } }`);
    expect(nested.errors, JSON.stringify(nested.errors)).toBeUndefined();
    const first = inList(nested.data?.enterprises)?.products;
    expect(rows(first)).toEqual(byName.slice(0, 1));
    expect(rows(first?.nodes[0]?.seller.products)).toEqual(byName.slice(-1));

    // Three lists and a lookup of the same enterprise in one operation, one list asking twice.
    const result = await server.gql<{
      byName: { nodes: Array<{ id: string; products: Products }> };
      byPrice: { nodes: Array<{ id: string; products: Products }> };
      twice: { nodes: Array<{ id: string; a: Products; b: Products }> };
      node: { products: Products };
    }>(
      `query($id: ID!) {
        byName: enterprises(first: 500) { nodes { id products(first: 1) { nodes { id } } } }
        byPrice: enterprises(first: 500) { nodes { id products(first: 2, orderBy: { field: UNIT_PRICE, direction: DESC }) { nodes { id } } } }
        twice: enterprises(first: 500) { nodes { id a: products(first: 2) { nodes { id } } b: products(last: 1) { nodes { id } } } }
        node(id: $id) { ... on Enterprise { products(last: 1) { nodes { id } } } }
      }`,
      { id },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const data = result.data;
    expect(rows(inList(data?.byName)?.products)).toEqual(byName.slice(0, 1));
    expect(rows(inList(data?.byPrice)?.products)).toEqual(byPrice.slice(0, 2));
    expect(rows(inList(data?.twice)?.a)).toEqual(byName.slice(0, 2));
    expect(rows(inList(data?.twice)?.b)).toEqual(byName.slice(-1));
    expect(rows(data?.node.products)).toEqual(byName.slice(-1));
  });
});

describe('cursor windows', () => {
  it('returns exactly the rows between after and before', async () => {
    const all = await fetchPage(top('transactions'), 'first: 60', topPage);
    const after = all.edges[9]?.cursor;
    const before = all.edges[30]?.cursor;
    const forward = await fetchPage(top('transactions'), `first: 100, after: "${after}", before: "${before}"`, topPage);
    expect(forward.edges.map((e) => e.node.key)).toEqual(all.edges.slice(10, 30).map((e) => e.node.key));
    expect(forward.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const backward = await fetchPage(top('transactions'), `last: 5, after: "${after}", before: "${before}"`, topPage);
    expect(backward.edges.map((e) => e.node.key)).toEqual(all.edges.slice(25, 30).map((e) => e.node.key));
    expect(backward.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('answers first: 0 with no rows and tells whether any exist', async () => {
    const page = await fetchPage(top('enterprises'), 'first: 0', topPage);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(page.totalCount).toBe(kind('ENTERPRISE').length);
  });

  it('pages with before alone from the end, 50 rows by default', async () => {
    const all = await fetchPage(top('transactions'), 'first: 500', topPage);
    const before = all.edges[120]?.cursor;
    const page = await fetchPage(top('transactions'), `before: "${before}"`, topPage);
    expect(page.edges.map((e) => e.node.key)).toEqual(all.edges.slice(70, 120).map((e) => e.node.key));
    const defaults = await fetchPage(top('transactions'), '', topPage);
    expect(defaults.edges).toHaveLength(50);
  });

  it('keeps its place when a row is added before the cursor (no offset drift)', async () => {
    const vendors = ids(sortBy(kind('VENDOR'), (p) => p.name));
    const first = await fetchPage(top('vendors'), 'first: 2', topPage);
    const added = await server.database.db
      .insertInto('party')
      .values({ tenant_id: '61.12', ref: 'VE-NEW', kind: 'VENDOR', name: 'AAA Vendor Baru' })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const next = await fetchPage(top('vendors'), `first: 10, after: "${first.pageInfo.endCursor}"`, topPage);
      expect(next.edges.map((e) => keyOf(e.node.key))).toEqual(vendors.slice(2));
      expect(next.totalCount).toBe(vendors.length + 1);
    } finally {
      await server.database.db.deleteFrom('party').where('id', '=', added.id).execute();
    }
  });
});
