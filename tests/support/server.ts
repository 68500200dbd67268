import type { DatabaseHandle, Role } from '@jejaring/db';
import { createUser } from '@jejaring/db/auth';
import { createTestDatabase, serverDatabase, TEST_TENANT } from '@jejaring/db/testing';
import { loadServerConfig } from '@jejaring/server/config';
import { createLogger } from '@jejaring/server/logger';
import { type Running, startServer } from '@jejaring/server/start';
import { loginToken } from './login.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** A real server on a free port over a fresh test database (PGlite, or PostgreSQL with DATABASE_URL). */
export interface TestServer {
  readonly url: string;
  readonly database: DatabaseHandle;
  /** POSTs a GraphQL operation over real HTTP and returns the parsed body. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Like gql, with the HTTP status (limits and malformed requests answer 400). */
  post<T = Record<string, unknown>>(
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLResponse<T> }>;
  /**
   * The headers of a signed-in user of `role` (an account `suite.<role>` made on first use, signed
   * in over HTTP): for reads that PUBLIC may not make, such as the transaction lists.
   */
  headersFor(role: SuiteRole): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** Roles a suite account can have without an agency (operators come from `seedAccounts`). */
export type SuiteRole = Exclude<Role, 'OPERATOR'>;

export interface TestServerOptions {
  /** Fills the database before the server starts. */
  seed?: (handle: DatabaseHandle) => Promise<void>;
  env?: Record<string, string>;
  /**
   * Wraps the database handle the server uses (e.g. with a Kysely plugin that counts statements);
   * `database` on the TestServer stays the plain handle, for the test's own queries.
   */
  instrument?: (handle: DatabaseHandle) => DatabaseHandle;
  /**
   * Sends every request as `headersFor(role)` would, for files that only test what signed-in roles
   * read. A request's own `authorization` header replaces the default one.
   */
  signedInAs?: SuiteRole;
}

/** The addresses a local client comes from (IPv4, IPv6, and IPv4 mapped into IPv6). */
export const LOOPBACK = '127.0.0.1,::1,::ffff:127.0.0.1';

/** The configuration of a test server (`env` added to the suite's defaults). */
export function testServerConfig(env: Record<string, string> = {}) {
  return loadServerConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    TENANT: TEST_TENANT,
    DEMO_DATA: 'off',
    // TEST_LOG_LEVEL=error (say) shows the servers' logs, e.g. the cause of an INTERNAL_SERVER_ERROR.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // The suite sends hundreds of requests a second from loopback; the rate limits have tests of their own.
    RATE_LIMIT_EXEMPT: LOOPBACK,
    // No domino warmer polling every 2 s among the statements the tests record and count (its own
    // tests: server/test/analytics/domino-store.test.ts).
    DOMINO_WARM_INTERVAL: '0',
    ...env,
  });
}

/**
 * Starts the real server for a test file. `seed` fills the database before the server starts
 * (e.g. importing a CSV bundle fixture).
 *
 * @example
 * let server: TestServer;
 * beforeAll(async () => { server = await startTestServer({ seed: (db) => importFixture(db, 'valid') }); });
 * afterAll(() => server.close());
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  let running: Running | undefined;
  // The Citus lane's routing check: the server's statements must each run on one tenant's shards.
  let served = database;
  let closing: Promise<void> | undefined;
  const closeDatabases = () => {
    closing ??= (async () => {
      if (served !== database) await served.close();
      await database.close();
    })();
    return closing;
  };
  try {
    await options.seed?.(database);
    served = await serverDatabase(database);
    const config = testServerConfig(options.env);
    running = await startServer(config, createLogger(config.logLevel), options.instrument?.(served) ?? served);
  } catch (error) {
    await closeDatabases();
    throw error;
  }
  const url = running.url;
  const sessions = new Map<SuiteRole, Promise<Record<string, string>>>();
  const headersFor = (role: SuiteRole) => {
    let headers = sessions.get(role);
    if (!headers) {
      headers = signInSuiteUser(url, database, role);
      sessions.set(role, headers);
    }
    return headers;
  };
  let defaults: Record<string, string> = {};
  if (options.signedInAs) {
    try {
      defaults = await headersFor(options.signedInAs);
    } catch (error) {
      await running.stop();
      await closeDatabases();
      throw error;
    }
  }
  return {
    url,
    // Closing it closes the server's database too, as when both are one handle.
    database: served === database ? database : { ...database, close: closeDatabases },
    async gql(query, variables, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...defaults, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async post(body, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...defaults, ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse<never> };
    },
    headersFor,
    async close() {
      await running?.stop();
      await closeDatabases();
    },
  };
}

const SUITE_PASSWORD = 'suite-password-2026';

/** Creates `suite.<role>` and signs it in over HTTP: the headers that carry its session. */
async function signInSuiteUser(url: string, database: DatabaseHandle, role: Role): Promise<Record<string, string>> {
  const username = `suite.${role.toLowerCase()}`;
  await createUser(database.db, TEST_TENANT, { username, role, agencyCode: null, password: SUITE_PASSWORD });
  return { authorization: `Bearer ${await loginToken(url, username, SUITE_PASSWORD)}` };
}
