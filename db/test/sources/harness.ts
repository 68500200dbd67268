import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DatabaseHandle } from '../../src/connection.ts';
import { TENANT_TABLES } from '../../src/database.ts';
import { createTestDatabase, TEST_TENANT } from '../../src/testing.ts';

/** Deletes every row of the test tenant (reference data stays). */
export async function emptyTenant(handle: DatabaseHandle): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    for (const table of [...TENANT_TABLES].reverse()) {
      await sql`DELETE FROM ${sql.table(table)} WHERE tenant_id = ${TEST_TENANT}`.execute(trx);
    }
  });
}

/**
 * A test database and a temporary folder for the file's tests, the tenant emptied before each
 * test (unless `empty` is false); read `.handle` and `.tmp` inside the tests.
 */
export function useImportDatabase(options: { empty?: boolean } = {}): { handle: DatabaseHandle; tmp: string } {
  const state = {} as { handle: DatabaseHandle; tmp: string };
  beforeAll(async () => {
    state.handle = await createTestDatabase();
    state.tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jejaring-sources-'));
  });
  afterAll(async () => {
    await state.handle?.close();
    if (state.tmp) await fs.rm(state.tmp, { recursive: true, force: true });
  });
  if (options.empty !== false) beforeEach(() => emptyTenant(state.handle));
  return state;
}
