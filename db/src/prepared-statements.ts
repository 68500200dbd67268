import { createHash } from 'node:crypto';
import type pg from 'pg';

/*
 * Named prepared statements for the statements a query module marks (PostgreSQL only).
 *
 * node-postgres sends a statement with parameters unnamed: PostgreSQL parses it and plans it for
 * its values at every execution. A named statement is parsed once per connection, and PostgreSQL's
 * plan cache (`plan_cache_mode = auto`) plans its first five executions for their values, then
 * keeps one generic plan when that plan is estimated to cost no more than those did: planning an
 * agency's page of network units then takes 0.01 ms instead of 0.3–0.6 ms (docs/api-performance-statements.md, "Named
 * statements for the API's pages"). A statement whose generic plan is estimated costlier (a page
 * after a cursor, whose start the planner cannot see without the values) keeps its custom plans
 * and saves only the parsing.
 *
 * A statement is sent named when its text starts with PREPARED (a comment, so PGlite and logs read
 * it as plain SQL); the name is a digest of the text, so each distinct text is its own statement.
 * Each connection holds at most `limit` of them: beyond that, new texts go unnamed, so a client
 * sending ever new shapes cannot grow a connection's memory without bound. `limit` 0 sends every
 * statement unnamed (behind a pooler that does not keep a session's statements, such as PgBouncer
 * in transaction mode without max_prepared_statements).
 *
 * When a migration changes a table under a prepared statement so that its rows change type,
 * PostgreSQL refuses to run it ("cached plan must not change result type"): that statement is sent
 * again unnamed, and its connection is closed when released instead of going back to the pool.
 */

/** The mark a query module puts in front of a statement that should be sent named. */
export const PREPARED = '/* prepared */ ';

/**
 * Named statements per connection unless configured (PG_PREPARED_STATEMENTS). Each holds its parsed
 * query and plans in the PostgreSQL backend: the agency's page with its units about 260 KB
 * (pg_backend_memory_contexts), so 50 of them bound a connection's share at about 13 MB.
 */
export const DEFAULT_PREPARED_LIMIT = 50;

const NAMES_CACHED = 1_000;

/** A connection's named statements, and whether one of them went stale under a migration. */
interface ConnectionState {
  readonly names: Set<string>;
  stale: boolean;
}

export interface PreparedStatements {
  /** Sends `text` on `client`, named when it is marked and the connection has room for it. */
  query<R extends pg.QueryResultRow>(
    client: pg.PoolClient,
    text: string,
    values?: readonly unknown[],
  ): Promise<pg.QueryResult<R>>;
  /** Whether the connection must be closed on release (a statement of it went stale). */
  stale(client: pg.PoolClient): boolean;
}

/**
 * Sends one statement on `client` through node-postgres's callback form, resolving with its result.
 *
 * Not `client.query(config)` without a callback (its promise form): that form creates the query
 * first and gives it its callback afterwards, and a query so completed keeps its rows alive through
 * V8's young-generation collections until the next full one. Measured on an HTTP server answering
 * 50 rows a request from one statement (4 clients): with the promise form, 10 to 15 MB survived
 * each young collection on Node 24 (pauses of 13 to 15 ms; Node 20: 2.4 MB, 6.5 ms); with the
 * callback given at once, nothing did (0.3 to 0.5 ms pauses). docs/api-performance-columns.md,
 * "The young collections".
 */
export function send<R extends pg.QueryResultRow>(
  client: pg.ClientBase,
  config: pg.QueryConfig,
): Promise<pg.QueryResult<R>> {
  return new Promise((resolve, reject) => {
    client.query<R>(config, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const isStalePlan = (error: unknown) =>
  (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test(String(error));

/**
 * The named-statement policy over connections of one pool; `limit` named statements per
 * connection at most (0: none).
 *
 * @example
 * const prepared = preparedStatements(50);
 * await prepared.query(client, `${PREPARED}SELECT name FROM party WHERE id = $1`, [7]);
 */
export function preparedStatements(limit: number): PreparedStatements {
  const states = new WeakMap<pg.PoolClient, ConnectionState>();
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined) {
      if (names.size >= NAMES_CACHED) names.clear();
      name = `j_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  const stateOf = (client: pg.PoolClient) => {
    let state = states.get(client);
    if (!state) {
      state = { names: new Set(), stale: false };
      states.set(client, state);
    }
    return state;
  };

  return {
    async query<R extends pg.QueryResultRow>(client: pg.PoolClient, text: string, values?: readonly unknown[]) {
      const params = values as unknown[] | undefined;
      if (limit <= 0 || !text.startsWith(PREPARED)) return send<R>(client, { text, values: params });
      const state = stateOf(client);
      const name = nameOf(text);
      if (state.stale || (!state.names.has(name) && state.names.size >= limit))
        return send<R>(client, { text, values: params });
      state.names.add(name);
      try {
        return await send<R>(client, { name, text, values: params });
      } catch (error) {
        if (!isStalePlan(error)) throw error;
        state.stale = true;
        try {
          return await send<R>(client, { text, values: params });
        } catch (again) {
          // Inside a transaction the refusal aborted it: the refusal says what happened.
          throw (again as { code?: string }).code === '25P02' ? error : again;
        }
      }
    },
    stale: (client) => states.get(client)?.stale ?? false,
  };
}
