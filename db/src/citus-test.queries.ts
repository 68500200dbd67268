import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';

/*
 * A fresh database on a running Citus cluster, for the Citus test lane (`pnpm test:citus`,
 * docs/scale-out-citus.md): Citus does not create databases on its workers, so each test database is
 * created on the coordinator and on every worker the cluster's own database lists, with the
 * extension in each, and the workers are added to the new database's metadata.
 */

/** The workers of the cluster whose coordinator `url` names (the database set up for it). */
async function workersOf(url: string): Promise<Array<{ host: string; port: number }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ host: string; port: number }>(
      'SELECT nodename AS host, nodeport AS port FROM pg_dist_node WHERE groupid <> 0 AND isactive ORDER BY nodeid',
    );
    return rows.rows;
  } finally {
    await client.end();
  }
}

function on(url: string, node: { host: string; port: number } | null, database: string): string {
  const u = new URL(url);
  if (node) {
    u.hostname = node.host;
    u.port = String(node.port);
  }
  u.pathname = `/${database}`;
  return u.toString();
}

async function run(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Makes the (already created, empty) coordinator database `name` a Citus database with the
 * cluster's workers: creates `name` with the extension on each worker, then the extension on the
 * coordinator and the nodes in its metadata. Returns a function dropping the workers' copies.
 */
export async function prepareCitusDatabase(clusterUrl: string, name: string): Promise<() => Promise<void>> {
  const workers = await workersOf(clusterUrl);
  const coordinator = new URL(clusterUrl);
  for (const worker of workers) {
    await run(on(clusterUrl, worker, 'postgres'), [`CREATE DATABASE ${name}`]);
    await run(on(clusterUrl, worker, name), ['CREATE EXTENSION citus']);
  }
  await run(on(clusterUrl, null, name), [
    'CREATE EXTENSION citus',
    `SELECT citus_set_coordinator_host('${coordinator.hostname}', ${Number(coordinator.port || 5432)})`,
    ...workers.map((w) => `SELECT citus_add_node('${w.host}', ${w.port})`),
  ]);
  return async () => {
    for (const worker of workers) {
      // FORCE ends the sessions on it, but once in a lane run the drop failed with "being accessed
      // by other users" (55006, "1 other session"), and the worker's log showed that session
      // terminated 65 ms later: tried again, a few times.
      for (let attempt = 1; ; attempt++) {
        try {
          await run(on(clusterUrl, worker, 'postgres'), [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt === 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        }
      }
    }
  };
}

/*
 * The routing check of the Citus lane (docs/scale-out-citus.md, "The routing check"): a test server's
 * statements go through connections with citus.multi_task_query_log_level = 'error', so Citus
 * refuses any statement it would run on more than one shard ("multi-task query about to be
 * executed"), and the request, then its test, fails. Statements that read every regency by design
 * run with the check off, one by one, matched by their SQL text.
 */

/** The connection option that turns the check on (a libpq `options` value). */
export const ROUTED_ONLY_OPTIONS = '-c citus.multi_task_query_log_level=error';

/** The statements that read every regency by design: the only ones allowed on more than one shard. */
export const MULTI_SHARD_BY_DESIGN: ReadonlyArray<{ what: string; sql: RegExp }> = [
  {
    what: 'the credential lookup by its hash, whatever the regency (server/src/auth/auth.sql.ts)',
    sql: /^select .* from "(user_session|api_key)" as "[sk]" inner join "app_user" as "u"/s,
  },
  {
    what: 'the regency list, with whether each regency has data (listRegencies)',
    sql: /^\s*SELECT t\.id, t\.name, r\.parent_code AS province_code/,
  },
  {
    what: "the domino warmer's list of stale periods, of every tenant (server/src/analytics/domino-store.sql.ts)",
    sql: /^\s*SELECT m\.tenant_id, m\.period, s\.version\s+FROM analytics_domino_matrix m/,
  },
];

/**
 * Wraps a test server's pool: a statement of MULTI_SHARD_BY_DESIGN runs with the check off (set
 * before it, reset after it), every other statement under the connection's check.
 */
export function allowMultiShardByDesign(pool: PostgresPool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      const query = async (text: string, parameters: ReadonlyArray<unknown>) => {
        await client.query("SET citus.multi_task_query_log_level = 'off'", []);
        try {
          return await client.query(text, parameters);
        } finally {
          // In a transaction the statement failed, ROLLBACK undoes the SET and the RESET is refused.
          await client.query('RESET citus.multi_task_query_log_level', []).catch(() => {});
        }
      };
      return {
        query: ((text: unknown, parameters: ReadonlyArray<unknown>) =>
          typeof text === 'string' && MULTI_SHARD_BY_DESIGN.some((d) => d.sql.test(text))
            ? query(text, parameters)
            : client.query(text as string, parameters)) as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
}
