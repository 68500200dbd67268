import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { type PreparedStatements, send } from './prepared-statements.ts';

/**
 * What the API server tells the database layer about the request a statement belongs to: its
 * statement_timeout and a signal that fires when the request is abandoned (deadline passed or the
 * client went away). `scope` reads the current request (an AsyncLocalStorage in the server);
 * statements outside any request (migrations, the statistics keeper) get neither.
 */
export interface RequestGuard {
  /** statement_timeout for statements of requests, in milliseconds (0: none). */
  readonly statementTimeoutMs: number;
  /** The abandon signal of the request running now, if any. */
  readonly scope: () => AbortSignal | undefined;
}

interface ProcessClient extends pg.PoolClient {
  readonly processID?: number;
}

/**
 * A pool in front of the pg pool that (1) gives every connection the statement_timeout of the
 * work it is checked out for, setting it only when that changes (a request after background work
 * or the reverse), and (2) cancels the running statement of a connection whose request is
 * abandoned (pg_cancel_backend, over a connection of its own so a full pool cannot delay it), then
 * discards that connection instead of returning it to the pool; (3) sends the statements marked
 * for it as named prepared statements (`prepared`), closing on release a connection one of whose
 * statements went stale.
 */
export function guardedPool(
  pool: pg.Pool,
  connectionString: string,
  prepared: PreparedStatements,
): {
  readonly pool: PostgresPool;
  guard(options: RequestGuard | null): void;
} {
  let guard: RequestGuard | null = null;
  const timeoutOf = new WeakMap<pg.PoolClient, number>();

  const cancel = async (pid: number) => {
    const canceller = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    canceller.on('error', () => {}); // a dead socket also rejects the pending call, handled below
    try {
      await canceller.connect();
      await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
    } catch {
      // The statement ends anyway at its statement_timeout.
    } finally {
      await canceller.end().catch(() => {});
    }
  };

  return {
    guard(options) {
      guard = options;
    },
    pool: {
      async connect(): Promise<PostgresPoolClient> {
        const signal = guard?.scope();
        signal?.throwIfAborted();
        const client = (await pool.connect()) as ProcessClient;
        const wanted = signal && guard ? guard.statementTimeoutMs : 0;
        try {
          if ((timeoutOf.get(client) ?? 0) !== wanted) {
            await send(client, { text: `SET statement_timeout = ${Math.trunc(wanted)}` });
            timeoutOf.set(client, wanted);
          }
          signal?.throwIfAborted();
        } catch (error) {
          client.release(true);
          throw error;
        }
        let cancelled = false;
        const onAbort = () => {
          cancelled = true;
          if (client.processID) void cancel(client.processID);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        return {
          query: ((text: unknown, values?: unknown[]) =>
            typeof text === 'string'
              ? prepared.query(client, text, values)
              : client.query(text as pg.QueryConfig, values)) as unknown as PostgresPoolClient['query'],
          release(destroy?: boolean) {
            signal?.removeEventListener('abort', onAbort);
            client.release(destroy || cancelled || prepared.stale(client));
          },
        };
      },
      async end() {
        await pool.end();
      },
    },
  };
}
