import fs from 'node:fs';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { isMigrated, MigrationError, migrateToLatest } from '../src/migrate.ts';
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
    expect(files.length).toBeGreaterThanOrEqual(8);
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

  it('creates no identity column: every id is a bigint taking the next value of a sequence it owns', async () => {
    const handle = await database({ migrate: true });
    const identities = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE a.attidentity <> '' AND c.relnamespace = current_schema()::regnamespace`.execute(handle.db);
    expect(identities.rows[0]?.n).toBe(0);
    // Every table with a generated id, read from the CREATE TABLE statements of db/migrations.
    const tables = [
      'analytics_pending_transaction',
      'api_key',
      'app_user',
      'assistance',
      'audit_event',
      'import_job',
      'party',
      'policy_target',
      'procurement_plan',
      'product',
      'program',
      'transaction',
      'user_session',
    ];
    const owned = await sql<{ table: string; column: string; sequence: string; type: string; fallback: string }>`
      SELECT c.relname AS "table", a.attname AS "column", s.relname AS "sequence", format_type(a.atttypid, a.atttypmod) AS "type",
             pg_get_expr(ad.adbin, ad.adrelid) AS fallback
      FROM pg_depend d
      JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      JOIN pg_class c ON c.oid = d.refobjid
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
      LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
      WHERE d.deptype = 'a' AND c.relnamespace = current_schema()::regnamespace
      ORDER BY c.relname`.execute(handle.db);
    expect(owned.rows).toEqual(
      tables.map((table) => ({
        table,
        column: 'id',
        sequence: `${table}_id_seq`,
        type: 'bigint',
        fallback: `nextval('${table}_id_seq'::regclass)`,
      })),
    );
  });

  it('applies a migration that landed after a later-named one was already applied', async () => {
    const handle = await database({ migrate: false });
    // A database migrated by a build that had every migration but the domino matrix store (1100),
    // which was started earlier and landed later, and the one that alters its table (2026_12_07_1000).
    const late = '2026_12_05_1100_domino_matrix_store';
    const dependent = '2026_12_07_1000_domino_warm';
    const { [late]: _, [dependent]: __, ...earlier } = migrations;
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => earlier } });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await isMigrated(handle.db)).toBe(false);
    expect(await migrateToLatest(handle.db, TEST_TENANT)).toEqual([late, dependent]);
    expect(await isMigrated(handle.db)).toBe(true);
    const table = await sql<{ t: string | null }>`SELECT to_regclass('analytics_domino_matrix')::text AS t`.execute(
      handle.db,
    );
    expect(table.rows[0]?.t).toBe('analytics_domino_matrix');
  });

  it('refuses a tenant that is not a regency or city', async () => {
    const handle = await database({ migrate: false });
    await expect(migrateToLatest(handle.db, '99.99')).rejects.toThrow(/not a regency or city code/);
  });

  it('refuses a database an earlier build migrated with the analytics chain since folded, and changes nothing', async () => {
    const handle = await database({ migrate: false });
    // What such a build left: Kysely's table of applied migrations, naming the old analytics chain.
    await sql`CREATE TABLE kysely_migration (name varchar(255) PRIMARY KEY, timestamp varchar(255) NOT NULL)`.execute(
      handle.db,
    );
    const old = [
      '2026_11_30_0900_reference_and_tenant',
      '2026_11_30_0910_domain',
      '2026_11_30_1000_analytics_rollup',
      '2026_11_30_1010_analytics_domino',
      '2026_11_30_1100_api_list_indexes',
      '2026_11_30_1240_analytics_registry_version',
    ];
    for (const name of old) {
      await sql`INSERT INTO kysely_migration VALUES (${name}, '2026-12-01T00:00:00.000Z')`.execute(handle.db);
    }
    const error = await migrateToLatest(handle.db, TEST_TENANT).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationError);
    const message = (error as Error).message;
    expect(message).toContain(
      'records the migration(s) 2026_11_30_1000_analytics_rollup, 2026_11_30_1010_analytics_domino, 2026_11_30_1240_analytics_registry_version, since folded into 2026_11_30_1000_analytics',
    );
    expect(message).toContain('drop and create the database of DATABASE_URL');
    expect(message).toContain('delete the PGlite data directory, PGLITE_DIR, by default .data/pglite');
    // Nothing was changed: no table was created, the record is as it was.
    const party = await sql<{ t: string | null }>`SELECT to_regclass('party')::text AS t`.execute(handle.db);
    expect(party.rows[0]?.t).toBeNull();
    const names = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(handle.db);
    expect(names.rows.map((r) => r.name)).toEqual(old);
    expect(await isMigrated(handle.db)).toBe(false);
  });

  it('refuses a database migrated by this build once a folded migration is recorded in it', async () => {
    const handle = await database({ migrate: true });
    await sql`INSERT INTO kysely_migration VALUES ('2026_11_30_1210_analytics_yearly', '2026-12-01T00:00:00.000Z')`.execute(
      handle.db,
    );
    await expect(migrateToLatest(handle.db, TEST_TENANT)).rejects.toThrow(
      /records the migration\(s\) 2026_11_30_1210_analytics_yearly, since folded into 2026_11_30_1000_analytics/,
    );
  });
  it('refuses a database migrated before the Citus-readiness migrations were folded, naming every migration they went into', async () => {
    // What the shared databases loaded before the fold record: the chain with 1300 to 1330.
    const handle = await database({ migrate: true });
    for (const name of [
      '2026_12_05_1300_sequence_ids',
      '2026_12_05_1310_apply_pending_tenant',
      '2026_12_05_1320_shard_triggers',
      '2026_12_05_1330_plpgsql_functions',
    ]) {
      await sql`INSERT INTO kysely_migration VALUES (${name}, '2026-12-05T13:30:00.000Z')`.execute(handle.db);
    }
    await expect(migrateToLatest(handle.db, TEST_TENANT)).rejects.toThrow(
      'records the migration(s) 2026_12_05_1300_sequence_ids, 2026_12_05_1310_apply_pending_tenant, ' +
        '2026_12_05_1320_shard_triggers, 2026_12_05_1330_plpgsql_functions, since folded into 2026_11_30_0910_domain, ' +
        '2026_11_30_1000_analytics, 2026_12_04_1300_identities, 2026_12_04_1600_import_job, 2026_12_05_0510_procurement_plan. ',
    );
  });
});
