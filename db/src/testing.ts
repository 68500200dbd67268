import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parsePostgresUrl } from './config.ts';
import { type DatabaseHandle, openDatabase } from './connection.ts';
import { migrateToLatest } from './migrate.ts';

/** The tenant every test fixture belongs to unless it says otherwise. */
export const TEST_TENANT = '61.12';

/** Which engine the test run uses: PostgreSQL when DATABASE_URL is set, else in-memory PGlite. */
export const testEngine: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; with DATABASE_URL, a
 * new database created on that PostgreSQL server and dropped again on close. Real migrations, no mocks.
 *
 * @example
 * let handle: DatabaseHandle;
 * beforeAll(async () => { handle = await createTestDatabase(); });
 * afterAll(() => handle.close());
 */
export async function createTestDatabase(options: { tenants?: string[]; migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const tenants = options.tenants ?? [TEST_TENANT];
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  if (!url) {
    handle = await openDatabase({ engine: 'memory' });
  } else {
    const server = new URL(parsePostgresUrl('DATABASE_URL', url));
    const name = `jejaring_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    server.pathname = `/${name}`;
    const inner = await openDatabase({ engine: 'postgres', url: server.toString() }, { poolSize: 4 });
    handle = {
      ...inner,
      async close() {
        await inner.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      },
    };
  }
  if (options.migrate !== false) {
    for (const tenant of tenants) await migrateToLatest(handle.db, tenant);
  }
  return handle;
}
