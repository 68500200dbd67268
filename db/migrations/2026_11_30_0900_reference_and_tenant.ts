import { type Kysely, sql } from 'kysely';

/** Reference tables (not tenant-scoped: Citus reference tables) and the tenant itself. */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE region (
      code text PRIMARY KEY CONSTRAINT region_code_format CHECK (code ~ '^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$'),
      level smallint NOT NULL CONSTRAINT region_level_range CHECK (level BETWEEN 1 AND 4),
      name text NOT NULL,
      parent_code text REFERENCES region (code),
      population bigint CONSTRAINT region_population_non_negative CHECK (population >= 0),
      area_km2 numeric(12, 3) CONSTRAINT region_area_non_negative CHECK (area_km2 >= 0),
      CONSTRAINT region_parent_level CHECK ((level = 1) = (parent_code IS NULL))
    )`,
    sql`CREATE INDEX region_parent_idx ON region (parent_code)`,
    sql`CREATE TABLE kbli_section (
      section char(1) PRIMARY KEY CONSTRAINT kbli_section_format CHECK (section ~ '^[A-U]$'),
      name_id text NOT NULL,
      name_en text NOT NULL
    )`,
    sql`CREATE TABLE kbli_division (
      division char(2) PRIMARY KEY CONSTRAINT kbli_division_format CHECK (division ~ '^[0-9]{2}$'),
      section char(1) NOT NULL REFERENCES kbli_section (section)
    )`,
    sql`CREATE TABLE tenant (
      id text PRIMARY KEY CONSTRAINT tenant_id_format CHECK (id ~ '^[0-9]{2}\\.[0-9]{2}$'),
      name text NOT NULL,
      region_code text NOT NULL REFERENCES region (code),
      -- Set when the synthetic demo dataset was loaded (the UI labels it "data contoh").
      demo_seed integer,
      demo_scale integer,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['tenant', 'kbli_division', 'kbli_section', 'region']) {
    await db.schema.dropTable(table).execute();
  }
}
