import path from 'node:path';
import type { DatabaseHandle } from '@jejaring/db';
import { formatImportReport, importCsvBundle, readBundleDir } from '@jejaring/db/import';
import { TEST_TENANT } from '@jejaring/db/testing';

/** The API fixture: a deterministic CSV bundle (tests/fixtures/make-api-bundle.ts writes it). */
export const API_BUNDLE = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
  'fixtures',
  'bundles',
  'api',
);

/**
 * Imports the API fixture bundle through the real importer. Ids come from identity sequences in
 * import order, so they are the same on PGlite and PostgreSQL.
 */
export async function importApiBundle(handle: DatabaseHandle): Promise<void> {
  const report = await importCsvBundle(handle.db, TEST_TENANT, await readBundleDir(API_BUNDLE));
  if (!report.committed || report.files.some((f) => f.rejected > 0)) {
    throw new Error(`the API fixture bundle did not import cleanly:\n${formatImportReport(report)}`);
  }
}

/** The database id inside a global id (tests only: clients must treat ids as opaque). */
export function rowId(globalId: string): number {
  const [, id] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  return Number(id);
}

/** The global id of a row (tests only). */
export function globalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}
