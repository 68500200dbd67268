import fs from 'node:fs';
import path from 'node:path';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTERPRISES, TRANSACTIONS } from '../bench/api/scenarios.ts';
import { importApiBundle } from '../support/fixtures.ts';
import { type SuiteRole, startTestServer, type TestServer } from '../support/server.ts';

/*
 * graphql-jit against graphql-js (server/src/graphql/jit-executor.ts): two servers on the same
 * fixture, one compiling operations with graphql-jit (the default), one executing them with
 * graphql-js (GRAPHQL_EXECUTOR=graphql-js), the reference. Every read of the example and dashboard
 * operations, and operations written for the corners (abstract types, masked personal data, bad
 * variables, refused fields, limits, @skip/@include, aliases, introspection), must get the same
 * HTTP status and the same body from both, for each role; and the personal-data audit must note
 * the same reads on both.
 */

const here = path.dirname(new URL(import.meta.url).pathname);
const OPERATIONS = path.resolve(here, '../../schema/operations');

/** Every query (not mutation) of schema/operations/{api,dashboard}, with its file name. */
const fileQueries = ['api', 'dashboard'].flatMap((dir) =>
  fs
    .readdirSync(path.join(OPERATIONS, dir))
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, query: fs.readFileSync(path.join(OPERATIONS, dir, f), 'utf8') }))
    .filter(({ query }) =>
      parse(query).definitions.every(
        (d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === OperationTypeNode.QUERY,
      ),
    ),
);

const ENTERPRISE_ID = 'RW50ZXJwcmlzZTo2'; // Enterprise:6 of the fixture
const corners: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  { name: 'enterprise page (bench)', query: ENTERPRISES },
  { name: 'transaction page (bench)', query: TRANSACTIONS },
  {
    name: 'agency with its network units (bench)',
    query:
      '{ agencies(first: 3) { nodes { id name code networkUnits(first: 500) { nodes { id name unitType members } } } } }',
  },
  {
    name: 'abstract types through node and nodes',
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Party { name kind region { code } }
      ... on Enterprise { ownerName ownerNik nib } } }`,
    variables: { ids: [ENTERPRISE_ID, 'UHJvZ3JhbTox', 'QWdlbmN5OjE', 'bm90LWFuLWlk'] },
  },
  {
    name: 'personal data of a page of enterprises',
    query: '{ enterprises(first: 20) { nodes { id ownerName ownerNik } } }',
  },
  {
    name: 'aliases, fragments, @skip and @include',
    query: `query($yes: Boolean!, $no: Boolean!) { a: enterprises(first: 2) { nodes { ...E } }
      b: enterprises(first: 1, after: null) @include(if: $yes) { nodes { ...E name @skip(if: $yes) } }
      c: agencies(first: 1) @include(if: $no) { nodes { id } } } fragment E on Enterprise { id n: name region { name } }`,
    variables: { yes: true, no: false },
  },
  {
    name: 'a variable of the wrong type',
    query: 'query($n: Int) { enterprises(first: $n) { nodes { id } } }',
    variables: { n: 'x' },
  },
  { name: 'a missing required variable', query: 'query($id: ID!) { node(id: $id) { id } }' },
  { name: 'a cursor that is not one', query: '{ enterprises(first: 2, after: "nonsense") { nodes { id } } }' },
  { name: 'a page too large', query: '{ enterprises(first: 100000) { nodes { id } } }' },
  {
    name: 'too deep',
    query: `{ agencies(first: 1) { nodes { ${'networkUnits(first: 1) { nodes { '.repeat(12)}id${' } }'.repeat(12)} } } }`,
  },
  { name: 'the transaction list (signed-in roles only)', query: '{ transactions(first: 3) { nodes { id amount } } }' },
  {
    name: 'introspection',
    query: '{ __schema { queryType { name } types { name kind } } __type(name: "Party") { possibleTypes { name } } }',
  },
  { name: 'an unknown field', query: '{ enterprises(first: 1) { nodes { nope } } }' },
];

const ROLES: Array<SuiteRole | 'PUBLIC'> = ['PUBLIC', 'ANALYST', 'ADMIN'];

let jit: TestServer;
let reference: TestServer;

beforeAll(async () => {
  [jit, reference] = await Promise.all([
    startTestServer({ seed: importApiBundle }),
    startTestServer({ seed: importApiBundle, env: { GRAPHQL_EXECUTOR: 'graphql-js' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([jit?.close(), reference?.close()]);
});

/** Status and body of a request, without the fields that differ between any two requests. */
async function answer(server: TestServer, role: SuiteRole | 'PUBLIC', body: unknown) {
  const headers = role === 'PUBLIC' ? {} : await server.headersFor(role);
  const { status, body: json } = await server.post(body, headers);
  for (const error of json.errors ?? []) delete error.extensions?.requestId;
  return { status, json };
}

async function personalReads(server: TestServer) {
  const rows = await server.database.db
    .selectFrom('audit_event')
    .select(['entity', 'entity_id', 'details'])
    .where('action', '=', 'READ_PERSONAL_DATA')
    .orderBy('entity_id')
    .execute();
  return rows.map((r) => ({ ...r, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details }));
}

describe('graphql-jit answers as graphql-js does', () => {
  it('has the operations', () => {
    expect(fileQueries.length).toBeGreaterThanOrEqual(30);
  });

  for (const role of ROLES) {
    it.each([...fileQueries, ...corners])(`${role}: $name`, async ({ query, ...rest }) => {
      const body = { query, variables: 'variables' in rest ? rest.variables : undefined };
      const [ours, theirs] = await Promise.all([answer(jit, role, body), answer(reference, role, body)]);
      expect(ours).toEqual(theirs);
    });
  }

  it('notes the same personal-data reads for the audit', async () => {
    const [ours, theirs] = await Promise.all([personalReads(jit), personalReads(reference)]);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });
});
