import type { DatabaseHandle } from '@jejaring/db';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { PostgresQueryCompiler } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApiBundle } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * No N+1: the number of SQL statements a request runs must not grow with the page size. Every
 * statement the server runs passes a counting Kysely plugin installed on its database handle
 * (counted when its result comes back: once per statement sent to the database).
 */

class StatementCounter implements KyselyPlugin {
  count = 0;
  readonly statements: string[] = [];
  readonly #sql = new WeakMap<object, string>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    // Called for sub-queries too (a query builder inside a sql`` template): count results instead.
    if (process.env.DEBUG_STATEMENTS)
      this.#sql.set(args.queryId, new PostgresQueryCompiler().compileQuery(args.node, args.queryId).sql);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    if (process.env.DEBUG_STATEMENTS) this.statements.push(this.#sql.get(args.queryId) ?? '?');
    return args.result;
  }
}

const counter = new StatementCounter();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    seed: importApiBundle,
    instrument: (handle: DatabaseHandle) => ({ ...handle, db: handle.db.withPlugin(counter) }),
    // Every signed-in request looks its session up here, so the counts below do not depend on
    // timing; the cache's saving is counted at the end of the file.
    env: { CREDENTIAL_CACHE_MS: '0' },
  });
});
afterAll(() => server?.close());

/**
 * Runs an operation (anonymously, or signed in as an analyst for the transaction lists, which PUBLIC
 * may not read) and returns how many statements it took (and the rows it returned).
 */
async function statementsFor(
  query: string,
  variables: Record<string, unknown>,
  reader: 'PUBLIC' | 'ANALYST' = 'PUBLIC',
): Promise<{ statements: number; data: unknown }> {
  const headers = reader === 'ANALYST' ? await server.headersFor('ANALYST') : undefined;
  counter.count = 0;
  counter.statements.length = 0;
  const result = await server.gql(query, variables, headers);
  expect(result.errors).toBeUndefined();
  if (process.env.DEBUG_STATEMENTS) console.log(counter.statements.join('\n'));
  return { statements: counter.count, data: result.data };
}

const DEEP_TRANSACTIONS = `query DeepTransactions($n: Int!) {
  transactions(first: $n) { edges { node {
    amount
    buyer { name }
    seller { name region { name } }
    program { name agency { name } }
  } } }
}`;

/** A signed-in request first looks its session up: one statement more than the same request anonymously. */
const SESSION_LOOKUP = 1;

describe('statement count stays constant as the page grows', () => {
  it('a signed-in request costs exactly the session lookup more than an anonymous one', async () => {
    const query = '{ agencies(first: 5) { nodes { name } } }';
    const anonymous = await statementsFor(query, {});
    const signedIn = await statementsFor(query, {}, 'ANALYST');
    expect(signedIn.data).toEqual(anonymous.data);
    expect(signedIn.statements - anonymous.statements).toBe(SESSION_LOOKUP);
  });

  it('transactions with buyer, seller, seller region, program and program agency', async () => {
    const counts: number[] = [];
    for (const n of [10, 50, 200]) {
      const { statements, data } = await statementsFor(DEEP_TRANSACTIONS, { n }, 'ANALYST');
      expect((data as { transactions: { edges: unknown[] } }).transactions.edges).toHaveLength(n);
      counts.push(statements);
    }
    // The session; the page, with its buyers and sellers (and the sellers' regions) in the same
    // statement; programs; programs' agencies. The buyers came with their names only (not their
    // profiles), so they do not answer the agencies, though every agency here is also a buyer.
    expect(new Set(counts).size, `statements for 10, 50, 200 rows: ${counts.join(', ')}`).toBe(1);
    expect(counts[0]).toBe(SESSION_LOOKUP + 3);
  });

  it('a page of transactions with buyer and seller is one statement after the session', async () => {
    const query = `query($n: Int!) { transactions(first: $n) { edges { node {
      amount buyer { name } ... on Transaction { seller { name kind } }
    } } } }`;
    for (const n of [10, 200]) {
      const { statements } = await statementsFor(query, { n }, 'ANALYST');
      expect(statements).toBe(SESSION_LOOKUP + 1);
    }
  });

  it('enterprises with region, sector, products and cooperatives', async () => {
    const query = `query($n: Int!) { enterprises(first: $n) { totalCount nodes {
      name region { name parent { name } } sector { name } cooperatives { name }
      products(first: 3) { totalCount nodes { name } }
    } } }`;
    const counts = [];
    for (const n of [5, 20, 70]) counts.push((await statementsFor(query, { n })).statements);
    expect(new Set(counts).size).toBe(1);
    // totalCount; the page (with the regions, joined, and the products' pages); the regions'
    // parents; the cooperatives; the products' totalCounts. The sector needs none.
    expect(counts[0]).toBe(5);
  });

  it('a page of enterprises with region and products is one statement', async () => {
    const query = `query($n: Int!) { enterprises(first: $n) { edges { cursor node {
      name region { code name } products(first: 5) { nodes { name unitPrice } }
    } } } }`;
    for (const n of [5, 70]) expect((await statementsFor(query, { n })).statements).toBe(1);
  });

  it('an agency with its network units is one statement', async () => {
    const { data } = await statementsFor('{ agencies(first: 500) { nodes { code } } }', {});
    const codes = (data as { agencies: { nodes: Array<{ code: string }> } }).agencies.nodes.map((a) => a.code);
    expect(codes.length).toBeGreaterThan(1);
    const query = `query($code: String!) { agency(code: $code) { id name code
      networkUnits(first: 500) { nodes { id name unitType members } }
    } }`;
    for (const code of codes) expect((await statementsFor(query, { code })).statements).toBe(1);
  });

  it('three levels of nested connections: agencies → programs → transactions → sellers', async () => {
    const query = `query($n: Int!) { agencies(first: $n) { nodes {
      networkUnits { totalCount nodes { name ... on NetworkUnit { agency { name } parent { name } } } }
      programs { nodes { name transactions(first: 5) { totalCount nodes { seller { name region { name } } } } } }
    } } }`;
    const counts = [];
    for (const n of [1, 3, 5]) counts.push((await statementsFor(query, { n }, 'ANALYST')).statements);
    expect(new Set(counts).size).toBe(1);
  });

  it('node(id) for many ids of many kinds batches by kind', async () => {
    const ids = [
      'QWdlbmN5OjE',
      'QWdlbmN5OjI',
      'UHJvZ3JhbTox',
      'UHJvZ3JhbToy',
      'VHJhbnNhY3Rpb246MQ',
      'VHJhbnNhY3Rpb246Mg',
    ];
    const { statements } = await statementsFor('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, 'ANALYST');
    // The session, then one statement per kind: agencies, programs, transactions.
    expect(statements).toBe(SESSION_LOOKUP + 3);
  });
});

describe('the credential cache (CREDENTIAL_CACHE_MS)', () => {
  const cached = new StatementCounter();
  let cachedServer: TestServer;

  beforeAll(async () => {
    cachedServer = await startTestServer({
      seed: importApiBundle,
      instrument: (handle: DatabaseHandle) => ({ ...handle, db: handle.db.withPlugin(cached) }),
      env: { CREDENTIAL_CACHE_MS: '60000' },
    });
  });
  afterAll(() => cachedServer?.close());

  it('a signed-in client pays the session lookup once, not on every request', async () => {
    const query = '{ agencies(first: 5) { nodes { name } } }';
    const headers = await cachedServer.headersFor('ANALYST');
    const count = async (h?: Record<string, string>) => {
      cached.count = 0;
      const result = await cachedServer.gql(query, {}, h);
      expect(result.errors).toBeUndefined();
      return cached.count;
    };
    const anonymous = await count();
    // headersFor signed in over HTTP: the first request with the token looks it up.
    expect(await count(headers)).toBe(anonymous + SESSION_LOOKUP);
    expect(await count(headers)).toBe(anonymous);
    expect(await count(headers)).toBe(anonymous);
  });
});
