import type { ActorRole } from '@jejaring/server/auth/actor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, apiKeyHeader, bearer, signIn, startAccountsServer } from '../support/accounts.ts';
import { globalId } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/*
 * The role × operation matrix (docs/security.md, "Roles"), over real HTTP: every operation run as
 * every role (ANALYST with an API key, as analysts work; the others with a session; PUBLIC with
 * nothing), and the outcome compared with the matrix below, written by hand from the roles'
 * definitions. An operation added to the API with a role rule belongs in this table.
 */

type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const ALL: ActorRole[] = ['ADMIN', 'OPERATOR', 'POLICYMAKER', 'DPRD', 'ANALYST', 'PUBLIC'];
const everyone = (): Record<ActorRole, Outcome> =>
  Object.fromEntries(ALL.map((r) => [r, 'OK'])) as Record<ActorRole, Outcome>;
const signedIn = (): Record<ActorRole, Outcome> => ({ ...everyone(), PUBLIC: 'UNAUTHENTICATED' });
const adminOnly: Record<ActorRole, Outcome> = {
  ADMIN: 'OK',
  OPERATOR: 'FORBIDDEN',
  POLICYMAKER: 'FORBIDDEN',
  DPRD: 'FORBIDDEN',
  ANALYST: 'FORBIDDEN',
  PUBLIC: 'UNAUTHENTICATED',
};

interface Row {
  operation: string;
  query: string;
  variables?: () => Record<string, unknown>;
  outcomes: Record<ActorRole, Outcome>;
}

let server: TestServer;
const credentials = {} as Record<ActorRole, Record<string, string>>;
let throwawayKeyId = '';

const MATRIX: Row[] = [
  { operation: 'about', query: '{ about { tenantId } }', outcomes: everyone() },
  { operation: 'me', query: '{ me { role } }', outcomes: everyone() },
  { operation: 'spendSummary (a measure)', query: '{ spendSummary { total } }', outcomes: everyone() },
  {
    operation: 'enterprises (public registry fields)',
    query: '{ enterprises(first: 1) { totalCount } }',
    outcomes: everyone(),
  },
  { operation: 'transactions (the list)', query: '{ transactions(first: 1) { totalCount } }', outcomes: signedIn() },
  {
    operation: 'Party.purchases',
    query: '{ agencies(first: 1) { nodes { purchases(first: 1) { totalCount } } } }',
    outcomes: signedIn(),
  },
  {
    operation: 'Party.sales',
    query: '{ enterprises(first: 1) { nodes { sales(first: 1) { totalCount } } } }',
    outcomes: signedIn(),
  },
  {
    operation: 'Program.transactions',
    query: '{ programs(first: 1) { nodes { transactions(first: 1) { totalCount } } } }',
    outcomes: signedIn(),
  },
  {
    operation: 'node(id) of a Transaction',
    query: 'query($id: ID!) { node(id: $id) { id } }',
    variables: () => ({ id: globalId('Transaction', 1) }),
    outcomes: signedIn(),
  },
  { operation: 'users', query: '{ users { username } }', outcomes: adminOnly },
  { operation: 'apiKeys', query: '{ apiKeys { id } }', outcomes: adminOnly },
  {
    operation: 'createApiKey',
    query: 'mutation { createApiKey(username: "analyst", name: "matrix") { key } }',
    outcomes: adminOnly,
  },
  {
    operation: 'revokeApiKey',
    query: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
    variables: () => ({ id: throwawayKeyId }),
    outcomes: adminOnly,
  },
];

beforeAll(async () => {
  server = await startAccountsServer();
  const roleOf = (role: ActorRole) => Object.entries(ACCOUNTS).find(([, a]) => a.role === role)?.[0] as string;
  for (const role of ['ADMIN', 'OPERATOR', 'POLICYMAKER', 'DPRD'] as const) {
    credentials[role] = bearer(await signIn(server, roleOf(role)));
  }
  const keys = await server.gql<{ a: { key: string }; b: { apiKey: { id: string } } }>(
    'mutation { a: createApiKey(username: "analyst", name: "analyst") { key } b: createApiKey(username: "analyst", name: "throwaway") { apiKey { id } } }',
    {},
    credentials.ADMIN,
  );
  credentials.ANALYST = apiKeyHeader(keys.data!.a.key);
  throwawayKeyId = keys.data!.b.apiKey.id;
  credentials.PUBLIC = {};
});
afterAll(() => server?.close());

describe('the role × operation matrix', () => {
  for (const row of MATRIX) {
    it(`${row.operation}: ${ALL.map((r) => `${r} ${row.outcomes[r]}`).join(', ')}`, async () => {
      const seen: Record<string, Outcome | string> = {};
      for (const role of ALL) {
        const answer = await server.gql(row.query, row.variables?.() ?? {}, credentials[role]);
        const code = answer.errors?.[0]?.extensions?.code as string | undefined;
        seen[role] = code ?? (answer.data ? 'OK' : 'no data');
      }
      expect(seen).toEqual(row.outcomes);
    });
  }
});
