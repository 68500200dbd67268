import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { type BundleFile, type ImportReport, readBundleDir } from '../import/csv-import.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { TENANT_TABLES } from '../src/database.ts';
import { createTestDatabase, TEST_TENANT } from '../src/testing.ts';

/* What the CSV bundle import tests share: a database with two tenants, the fixture bundles, counts. */

export const bundleDir = (name: string) => fileURLToPath(new URL(`./fixtures/bundles/${name}`, import.meta.url));

/** A test database with the test tenant and 61.71, and the valid and broken fixture bundles. */
export async function openImportDatabase(): Promise<{
  handle: DatabaseHandle;
  valid: BundleFile[];
  broken: BundleFile[];
}> {
  return {
    handle: await createTestDatabase({ tenants: [TEST_TENANT, '61.71'] }),
    valid: await readBundleDir(bundleDir('valid')),
    broken: await readBundleDir(bundleDir('broken')),
  };
}

export async function emptyTenant(handle: DatabaseHandle, tenant = TEST_TENANT): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    for (const table of [...TENANT_TABLES].reverse()) {
      await sql`DELETE FROM ${sql.table(table)} WHERE tenant_id = ${tenant}`.execute(trx);
    }
  });
}

export async function count(handle: DatabaseHandle, table: string, tenant = TEST_TENANT): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE tenant_id = ${tenant}`.execute(handle.db);
  return rows[0]?.n ?? 0;
}

export const triples = (report: ImportReport) => report.rejected.map((r) => [r.file, r.line, r.column]);
export const fileCounts = (report: ImportReport) =>
  Object.fromEntries(report.files.map(({ file, ...counts }) => [file, counts]));
