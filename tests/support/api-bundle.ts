import { afterAll, beforeAll, expect } from 'vitest';
import { importApiBundle } from './fixtures.ts';
import { loadOracle, type Oracle, type OracleParty } from './oracle/index.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './server.ts';

/*
 * A test server on the API bundle (tests/fixtures/bundles/api) and the oracle read from its tables,
 * for the test files that only read it. `server` and `o` are set by useApiBundleServer's beforeAll
 * (live bindings: read them inside tests, not at import).
 */

export let server: TestServer;
export let o: Oracle;

/**
 * Starts the server on the API bundle before the file's tests, reads the oracle, stops it after.
 * `signedInAs` sends every request as a signed-in role (see startTestServer).
 */
export function useApiBundleServer(options: Pick<TestServerOptions, 'signedInAs'> = {}): void {
  beforeAll(async () => {
    server = await startTestServer({ seed: importApiBundle, ...options });
    o = await loadOracle(server.database);
  });
  afterAll(() => server?.close());
}

/** The fixture party with this ref. */
export const ref = (r: string) => o.partyByRef.get(r) as OracleParty;

/** Fetches `node(id)` with a selection, expecting no error (anonymously unless `headers` say otherwise). */
export async function node<T>(id: string, selection: string, headers?: Record<string, string>): Promise<T> {
  const result = await server.gql<{ node: T }>(
    `query($id: ID!) { node(id: $id) { __typename id ${selection} } }`,
    { id },
    headers,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.node as T;
}
