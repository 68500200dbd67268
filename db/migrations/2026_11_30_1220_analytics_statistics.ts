import { type Kysely, sql } from 'kysely';

/*
 * Planner statistics for the rollups. They are filled by triggers, often in one long bulk-load
 * transaction (the demo loader, a CSV import), and a server may run without autovacuum: with the
 * statistics of an empty table the planner picks nested loops over hundreds of thousands of rows
 * (minutes instead of milliseconds). After each write statement on the tables that feed them, a
 * rollup that has more than doubled (by pages) since its statistics were taken is analysed, in the
 * writing transaction; the check is a few catalog lookups, and a bulk load analyses each rollup
 * only about log2(final size) times.
 */

const TABLES = [
  'analytics_party_class',
  'analytics_spend_month',
  'analytics_spend_cell_month',
  'analytics_seller_month',
  'analytics_program_spend',
  'analytics_program_seller',
  'analytics_pair_month',
  'analytics_party_month',
  'analytics_spend_year',
  'analytics_spend_cell_year',
  'analytics_seller_year',
];

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE FUNCTION analytics_refresh_statistics() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      t record;
    BEGIN
      FOR t IN
        SELECT c.oid::regclass AS name
        FROM pg_class c
        WHERE c.oid = ANY (ARRAY[${TABLES.map((t) => `'${t}'::regclass`).join(', ')}])
          AND pg_relation_size(c.oid) / 8192 > 2 * greatest(c.relpages, 0) + 128
      LOOP
        EXECUTE format('ANALYZE %s', t.name);
      END LOOP;
      RETURN NULL;
    END
    $fn$`,
    // Named to sort after the rollup triggers of the same events, which PostgreSQL fires by name.
    `CREATE TRIGGER analytics_zz_statistics_transaction AFTER INSERT OR UPDATE ON "transaction"
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_refresh_statistics()`,
    `CREATE TRIGGER analytics_zz_statistics_party AFTER INSERT OR UPDATE ON party
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_refresh_statistics()`,
    ...TABLES.map((t) => `ANALYZE ${t}`),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TRIGGER IF EXISTS analytics_zz_statistics_transaction ON "transaction"').execute(db);
  await sql.raw('DROP TRIGGER IF EXISTS analytics_zz_statistics_party ON party').execute(db);
  await sql.raw('DROP FUNCTION IF EXISTS analytics_refresh_statistics()').execute(db);
}
