import pg from 'pg';

/*
 * A fresh database on a running Citus cluster, for the Citus test lane (`pnpm test:citus`,
 * docs/scale-out.md): Citus does not create databases on its workers, so each test database is
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
      await run(on(clusterUrl, worker, 'postgres'), [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    }
  };
}
