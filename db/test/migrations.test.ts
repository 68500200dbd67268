import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/connection.ts';
import { isMigrated, migrateToLatest } from '../src/migrate.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../src/testing.ts';

describe(`migrations on ${testEngine}`, () => {
  // Each test gets a database of its own: empty (not migrated), or migrated when it says so.
  const opened: DatabaseHandle[] = [];
  async function database(options: { migrate: boolean }): Promise<DatabaseHandle> {
    const handle = await createTestDatabase(options);
    opened.push(handle);
    return handle;
  }
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
  });

  it('reports an empty database as not migrated', async () => {
    const handle = await database({ migrate: false });
    expect(await isMigrated(handle.db)).toBe(false);
  });

  it('migrates an empty database up to the latest schema and loads the reference data', async () => {
    const handle = await database({ migrate: false });
    const applied = await migrateToLatest(handle.db, TEST_TENANT);
    // Every migration file of db/migrations, in name order (an unregistered file fails here too).
    const files = fs
      .readdirSync(new URL('../migrations/', import.meta.url))
      .filter((f) => /^\d{4}_\d{2}_\d{2}_\d{4}_\w+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(applied).toEqual(files);
    expect(await isMigrated(handle.db)).toBe(true);
    const regions = await handle.db
      .selectFrom('region')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(regions.n).toBe(38 + 514 + 9 + 123);
    const kubuRaya = await handle.db
      .selectFrom('tenant')
      .selectAll()
      .where('id', '=', TEST_TENANT)
      .executeTakeFirstOrThrow();
    expect(kubuRaya.name).toBe('Kabupaten Kubu Raya');
    const sections = await handle.db.selectFrom('kbli_section').select('section').execute();
    expect(sections).toHaveLength(21);
  });

  it('is idempotent: migrating again applies nothing and changes no row', async () => {
    const handle = await database({ migrate: true });
    const before = await handle.db
      .selectFrom('region')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await migrateToLatest(handle.db, TEST_TENANT)).toEqual([]);
    const after = await handle.db
      .selectFrom('region')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a tenant that is not a regency or city', async () => {
    const handle = await database({ migrate: false });
    await expect(migrateToLatest(handle.db, '99.99')).rejects.toThrow(/not a regency or city code/);
  });
});
