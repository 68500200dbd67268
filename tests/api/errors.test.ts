import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, importApiBundle } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * The error codes of the API (docs/api.md "Errors") over real HTTP: BAD_USER_INPUT naming the offending argument
 * (extensions.field), NOT_FOUND, INTERNAL_SERVER_ERROR masked with the request id, and the query
 * limits. UNAUTHENTICATED and FORBIDDEN arrive with authentication, CONFLICT with the mutations
 * (later issues), and are tested there.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: importApiBundle, signedInAs: 'ANALYST' });
});
afterAll(() => server?.close());

interface GqlError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

async function errorOf(query: string, variables?: Record<string, unknown>): Promise<GqlError> {
  const result = await server.gql(query, variables);
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  return result.errors?.[0] as GqlError;
}

const cursorOf = async (query: string) => {
  const result = await server.gql<{ list: { pageInfo: { endCursor: string } } }>(query);
  return result.data?.list.pageInfo.endCursor as string;
};

describe('BAD_USER_INPUT names the argument', () => {
  const cases: Array<[string, string, string, Record<string, unknown>?]> = [
    ['a page larger than the maximum', '{ enterprises(first: 501) { totalCount } }', 'first'],
    ['a negative page size', '{ transactions(last: -1) { totalCount } }', 'last'],
    ['first and last together', '{ parties(first: 5, last: 5) { totalCount } }', 'last'],
    [
      'a nested page larger than the maximum',
      '{ agencies(first: 1) { nodes { programs(first: 1000) { totalCount } } } }',
      'first',
    ],
    ['a malformed cursor', '{ parties(after: "not-a-cursor") { totalCount } }', 'after'],
    [
      'a cursor that decodes to nonsense',
      `{ parties(before: "${Buffer.from('{"a":1}').toString('base64url')}") { totalCount } }`,
      'before',
    ],
    [
      'a cursor with a key of the wrong type',
      `{ transactions(after: "${Buffer.from('["OCCURRED_ON_DESC","yesterday",1]').toString('base64url')}") { totalCount } }`,
      'after',
    ],
    ['a malformed id', '{ node(id: "bm9wZQ") { id } }', 'id'],
    ['an id of an unknown type', `{ node(id: "${Buffer.from('Secret:1').toString('base64url')}") { id } }`, 'id'],
    ['too many ids', `{ nodes(ids: [${Array.from({ length: 501 }, () => '"QWdlbmN5OjE"').join(',')}]) { id } }`, 'ids'],
    [
      'an id of the wrong type in a filter',
      `{ transactions(filter: { agencyIds: ["${globalId('Enterprise', 6)}"] }) { totalCount } }`,
      'filter.agencyIds',
    ],
    ['a malformed id in a filter', '{ programs(filter: { agencyIds: ["???"] }) { totalCount } }', 'filter.agencyIds'],
    ['a malformed region code', '{ enterprises(filter: { regionCode: "61-12" }) { totalCount } }', 'filter.regionCode'],
    [
      'a malformed seller region code',
      '{ transactions(filter: { sellerRegionCode: "Kubu Raya" }) { totalCount } }',
      'filter.sellerRegionCode',
    ],
    ['an unknown sector', '{ enterprises(filter: { sectors: ["Z"] }) { totalCount } }', 'filter.sectors'],
    [
      'a KBLI prefix that is not digits',
      '{ enterprises(filter: { kbliPrefix: "10a" }) { totalCount } }',
      'filter.kbliPrefix',
    ],
    ['an empty list of kinds', '{ parties(filter: { kinds: [] }) { totalCount } }', 'filter.kinds'],
    [
      'a date range the wrong way round',
      '{ transactions(filter: { from: "2024-12-31", to: "2024-01-01" }) { totalCount } }',
      'filter.from',
    ],
    [
      'an amount range the wrong way round',
      '{ transactions(filter: { amountMin: 10, amountMax: 1 }) { totalCount } }',
      'filter.amountMin',
    ],
    [
      'a capital range the wrong way round',
      '{ enterprises(filter: { capitalMin: 10, capitalMax: 1 }) { totalCount } }',
      'filter.capitalMin',
    ],
    ['an impossible fiscal year', '{ transactions(filter: { fiscalYear: 1800 }) { totalCount } }', 'filter.fiscalYear'],
    [
      'includeNetwork without agencies',
      '{ transactions(filter: { includeNetwork: true }) { totalCount } }',
      'filter.includeNetwork',
    ],
    [
      'a malformed account prefix',
      '{ transactions(filter: { accountPrefix: "5.1.x" }) { totalCount } }',
      'filter.accountPrefix',
    ],
    ['a search text too long', `{ parties(filter: { search: "${'x'.repeat(201)}" }) { totalCount } }`, 'filter.search'],
    ['a region level that does not exist', '{ regions(filter: { levels: [5] }) { totalCount } }', 'filter.levels'],
    ['a malformed region code argument', '{ region(code: "sixty-one") { name } }', 'code'],
    [
      "a program's fiscal year out of range",
      '{ agencies(first: 1) { nodes { programs(fiscalYear: 99) { totalCount } } } }',
      'fiscalYear',
    ],
  ];

  it.each(cases)('%s', async (_name, query, field) => {
    const error = await errorOf(query);
    const reason = { id: expect.any(String), en: expect.any(String) };
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field, reason });
    const { id, en } = (error.extensions?.reason ?? {}) as { id?: string; en?: string };
    expect(error.message).toBe(`${field}: ${id} / ${en}`);
    expect(id).not.toBe(en);
  });

  it.each([
    ['an impossible date', '["OCCURRED_ON_DESC","2024-02-30",1]', 'transactions'],
    ['a NUL character', '["NAME_ASC","a\\u0000b",1]', 'parties'],
  ])('refuses a cursor whose key holds %s', async (_name, content, list) => {
    const error = await errorOf(`{ ${list}(after: "${Buffer.from(content).toString('base64url')}") { totalCount } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a search text with a NUL character', async () => {
    const error = await errorOf('query($s: String) { parties(filter: { search: $s }) { totalCount } }', {
      s: 'a\u0000b',
    });
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.search',
      reason: { id: 'tidak boleh memuat karakter NUL', en: 'must not contain NUL characters' },
    });
    expect(error.message).toBe('filter.search: tidak boleh memuat karakter NUL / must not contain NUL characters');
  });

  it('refuses a cursor made for another ordering of the list', async () => {
    const cursor = await cursorOf('{ list: transactions(first: 2) { pageInfo { endCursor } } }');
    const error = await errorOf(`{ transactions(after: "${cursor}", orderBy: { field: AMOUNT }) { totalCount } }`);
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
      reason: {
        id: 'kursor ini milik urutan daftar yang lain; mulai lagi dari halaman pertama',
        en: 'this cursor belongs to another ordering of the list; page again from the start',
      },
    });
  });

  it('answers a malformed date or amount in the variables with BAD_USER_INPUT before running', async () => {
    const date = await server.post({
      query: 'query($to: Date) { transactions(filter: { to: $to }) { totalCount } }',
      variables: { to: '2024-02-30' },
    });
    expect(date.status).toBe(400);
    expect(date.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(date.body.errors?.[0]?.message).toMatch(/\$to.*not a calendar date/);
    const amount = await server.post({
      query: 'query($min: Rupiah) { transactions(filter: { amountMin: $min }) { totalCount } }',
      variables: { min: 1.5 },
    });
    expect(amount.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('still answers the rest of the query (partial results) when one field fails', async () => {
    const result = await server.gql<{ bad: unknown; about: { tenantId: string } }>(
      '{ bad: node(id: "x") { id } about { tenantId } }',
    );
    expect(result.data).toEqual({ bad: null, about: { tenantId: '61.12' } });
    expect(result.errors?.[0]).toMatchObject({ path: ['bad'], extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
  });
});

describe('NOT_FOUND', () => {
  it.each([
    ['a region', '{ region(code: "61.99") { name } }', 'code'],
    ['an agency', '{ agency(code: "NOPE") { name } }', 'code'],
    ['an enterprise by NIB', '{ enterpriseByNib(nib: "0000000000000") { name } }', 'nib'],
  ])('for %s that does not exist, naming the argument', async (_name, query, field) => {
    const error = await errorOf(query);
    expect(error.extensions).toEqual({
      code: 'NOT_FOUND',
      field,
      reason: { id: expect.any(String), en: expect.any(String) },
    });
  });

  it('says what was not found in Indonesian and English', async () => {
    const error = await errorOf('{ region(code: "61.99") { name } }');
    expect(error.message).toBe('code: wilayah 61.99 tidak ada / region 61.99 not found');
    expect(error.extensions?.reason).toEqual({ id: 'wilayah 61.99 tidak ada', en: 'region 61.99 not found' });
  });
});

describe('query limits', () => {
  it('refuses a query nested deeper than 12 levels', async () => {
    const deep = `{ regions(first: 1) { nodes { ${'parent { '.repeat(11)}code${' }'.repeat(11)} } } }`;
    const response = await server.post({ query: deep });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/depth is 14; the limit is 12/);
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'depth',
      max: 12,
      actual: 14,
    });
  });

  it('allows the deep introspection query the explorer sends', async () => {
    const response = await server.post({ query: getIntrospectionQuery() });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses a query that costs too much, counting page sizes given in variables', async () => {
    const query =
      'query($n: Int!, $m: Int!) { enterprises(first: $n) { nodes { sales(first: $m) { nodes { amount } } } } }';
    const response = await server.post({ query, variables: { n: 500, m: 200 } });
    expect(response.status).toBe(400);
    // 1 + 500 enterprises × (1 + 1 + 200 sales) (see query-limits.ts)
    expect(response.body.errors?.[0]?.message).toMatch(/cost is 101001; the limit is 50000/);
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      max: 50_000,
      actual: 101_001,
    });
    const fine = await server.post({ query, variables: { n: 50, m: 20 } });
    expect(fine.status).toBe(200);
    expect(fine.body.errors).toBeUndefined();
  });
});

describe('masked failures', () => {
  it('answers a request on a closed database 503 SERVICE_UNAVAILABLE, masked, with the request id', async () => {
    const broken = await startTestServer();
    try {
      await broken.database.close();
      const response = await broken.post(
        { query: '{ parties(first: 1) { totalCount } }' },
        { 'x-request-id': 'test-request-42' },
      );
      expect(response.status).toBe(503);
      const error = response.body.errors?.[0];
      expect(error).toMatchObject({
        message:
          'Basis data sedang tidak dapat dijangkau; coba lagi sebentar lagi. / The database cannot be reached right now; try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE', requestId: 'test-request-42', retryAfterSeconds: 5 },
      });
      expect(Object.keys(error?.extensions ?? {}).sort()).toEqual(['code', 'requestId', 'retryAfterSeconds']);
      const body = JSON.stringify(response.body);
      // No SQL, engine, driver words or stack frames ("    at f (file.ts:12:3)").
      expect(body).not.toMatch(/select|pglite|pool|destroyed|ECONNREFUSED|stack|\.ts:\d/i);

      const generated = await broken.post({ query: '{ about { tenantId } }' });
      expect(generated.body.errors?.[0]?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await broken.close().catch(() => {});
    }
  });
});
