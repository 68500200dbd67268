import { spawnSync } from 'node:child_process';
import pg from 'pg';

/*
 * The Citus test lane (`pnpm test:citus`, docs/scale-out-citus.md "The Citus test lane"): the
 * API tests of CITUS_FILES on a running Citus cluster whose coordinator CITUS_URL names (a
 * database with the citus extension and its workers added). Each test file gets a database of its
 * own on every node, distributed by `pnpm cli citus distribute`'s code (db/src/testing.ts).
 * Without CITUS_URL, or when the coordinator does not answer within 5 s, it says so and ends
 * successfully at once: CI may call it whether or not a cluster exists.
 */

/**
 * The API tests the lane runs. Left out, each for a reason of its own: replica, connection-faults
 * and startup-lock start private plain-PostgreSQL clusters whatever DATABASE_URL says (they test
 * PostgreSQL itself, not the engine behind DATABASE_URL); shutdown and process spawn server
 * processes on a database they create themselves without the cluster's workers; deadline holds a
 * table lock on one node to make a statement wait (a distributed lock is another test).
 */
export const CITUS_FILES = [
  'api/analytics.test.ts',
  'api/analytics-bundles.test.ts',
  'api/auth.test.ts',
  'api/compliance.test.ts',
  'api/cooperative-writes.test.ts',
  'api/demo-credentials.test.ts',
  'api/duplicates.test.ts',
  'api/enterprise-writes.test.ts',
  'api/errors.test.ts',
  'api/golden.test.ts',
  'api/health.test.ts',
  'api/imports.test.ts',
  'api/lists-actors.test.ts',
  'api/lists-programs.test.ts',
  'api/lists-transactions.test.ts',
  'api/lists.test.ts',
  'api/merge.test.ts',
  'api/operator-imports.test.ts',
  'api/pagination.test.ts',
  'api/persisted.test.ts',
  'api/personal-data.test.ts',
  'api/program-writes.test.ts',
  'api/registry-writes.test.ts',
  'api/roles.test.ts',
  'api/satker-mapping.test.ts',
  'api/statements.test.ts',
  'api/transaction-writes.test.ts',
  'api/types-records.test.ts',
  'api/types.test.ts',
  'api/upload-stream.test.ts',
  'api/write-access.test.ts',
];

async function clusterAnswers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const row = await client.query<{ v: string | null }>(
      "SELECT (SELECT extversion FROM pg_extension WHERE extname = 'citus') AS v",
    );
    return row.rows[0]?.v ? null : 'the database has no citus extension';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const url = process.env.CITUS_URL;
const why = url ? await clusterAnswers(url) : 'CITUS_URL is not set';
if (!url || why) {
  console.log(`Citus lane SKIPPED: ${why}. Set CITUS_URL to a Citus coordinator (docs/scale-out-citus.md).`);
} else {
  const files = process.argv.slice(2).length ? process.argv.slice(2) : CITUS_FILES;
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'citus', ...files], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url, CITUS_LANE: '1' },
  });
  process.exitCode = result.status ?? 1;
}
