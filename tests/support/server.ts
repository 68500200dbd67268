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
  close(): Promise<void>;
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
export async function startTestServer(
  options: { seed?: (handle: DatabaseHandle) => Promise<void>; env?: Record<string, string> } = {},
): Promise<TestServer> {
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
      ...options.env,
    });
    running = await startServer(config, createLogger(config.logLevel), database);
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
    async close() {
      await running?.stop();
      await database.close();
    },
  };
}
