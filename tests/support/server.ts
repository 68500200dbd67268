import type { DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, TEST_TENANT } from '@jejaring/db/testing';
import { loadServerConfig } from '@jejaring/server/config';
import { createLogger } from '@jejaring/server/logger';
import { type Running, startServer } from '@jejaring/server/start';

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
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Fills the database before the server starts. */
  seed?: (handle: DatabaseHandle) => Promise<void>;
  env?: Record<string, string>;
  /**
   * Wraps the database handle the server uses (e.g. with a Kysely plugin that counts statements);
   * `database` on the TestServer stays the plain handle, for the test's own queries.
   */
  instrument?: (handle: DatabaseHandle) => DatabaseHandle;
}

/** The addresses a local client comes from (IPv4, IPv6, and IPv4 mapped into IPv6). */
export const LOOPBACK = '127.0.0.1,::1,::ffff:127.0.0.1';

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
  try {
    await options.seed?.(database);
    const config = loadServerConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      TENANT: TEST_TENANT,
      DEMO_DATA: 'off',
      LOG_LEVEL: 'silent',
      // The suite sends hundreds of requests a second from loopback; the rate limits have tests of their own.
      RATE_LIMIT_EXEMPT: LOOPBACK,
      ...options.env,
    });
    running = await startServer(config, createLogger(config.logLevel), options.instrument?.(database) ?? database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const url = running.url;
  return {
    url,
    database,
    async gql(query, variables, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async post(body, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse<never> };
    },
    async close() {
      await running?.stop();
      await database.close();
    },
  };
}
