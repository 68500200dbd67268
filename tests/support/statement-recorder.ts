import type { DatabaseHandle } from '@jejaring/db';
import {
  type CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresQueryCompiler,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { importApiBundle } from './fixtures.ts';
import { startTestServer, type TestServer } from './server.ts';

/**
 * A Kysely plugin that records every statement a server runs, compiled, in the order their results
 * come back (sub-queries pass transformQuery too, but only statements sent get a result).
 */
export class StatementRecorder implements KyselyPlugin {
  readonly statements: CompiledQuery[] = [];
  readonly #compiled = new WeakMap<object, CompiledQuery>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#compiled.set(args.queryId, new PostgresQueryCompiler().compileQuery(args.node, args.queryId));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const compiled = this.#compiled.get(args.queryId);
    if (compiled) this.statements.push(compiled);
    return args.result;
  }
}

/**
 * A test server of the file's own, seeded with the API bundle and its statements recorded, and
 * `run`, which answers an operation as a signed-in analyst with the statements it ran (each
 * compiled). Registers the file's beforeAll and afterAll.
 */
export function analystWithStatements(): {
  server: () => TestServer;
  run: <T>(query: string, variables?: Record<string, unknown>) => Promise<{ data: T; sql: string[] }>;
} {
  const log = new StatementRecorder();
  let server: TestServer | undefined;
  let analyst: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer({
      seed: importApiBundle,
      instrument: (handle: DatabaseHandle) => ({ ...handle, db: handle.db.withPlugin(log) }),
      env: { CREDENTIAL_CACHE_MS: '0' },
    });
    analyst = await server.headersFor('ANALYST');
  });
  afterAll(() => server?.close());
  const started = () => {
    if (!server) throw new Error('the test server is not started yet');
    return server;
  };
  return {
    server: started,
    async run<T>(query: string, variables: Record<string, unknown> = {}) {
      log.statements.length = 0;
      const result = await started().gql<T>(query, variables, analyst);
      expect(result.errors).toBeUndefined();
      return { data: result.data as T, sql: log.statements.map((statement) => statement.sql) };
    },
  };
}
