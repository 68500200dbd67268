/*
 * The domino matrix's yearly parts (migration 2026_12_12_1000_domino_year_parts; docs/performance.md
 * "Yearly parts of the matrices"):
 *
 *   analytics_year_state   per tenant and calendar year, a version that moves with every statement
 *                          changing that year's rows of analytics_pair_month, analytics_party_year
 *                          or analytics_snapshot_year (the rollups a matrix reads for whole years)
 *   analytics_domino_year  per tenant and year, what a matrix reads of that whole year (its pairs,
 *                          its parties' flows and its snapshots' revenue, as the texts the matrix's
 *                          statements answer), stored with the year's version it was read at
 *
 * A matrix over several years reads the stored parts of its whole years when their version is the
 * year's current one, and the rollups only for the rest: a write into one year leaves the other
 * years' parts valid. The versions are kept by statement triggers on the three rollups themselves,
 * so every path that changes them (a purchase written in either rollup mode, a reclassification, a
 * rebuild, the demo loader's fill, a snapshot) moves them with no code of its own. Rows of
 * analytics_year_state are never deleted, so a version never comes back. As in triggers.sql.ts, a
 * trigger's statement reads its transition table alone and the writes use the values it gave, so
 * the functions also run on the shards of a distributed engine.
 */

export const YEAR_STATE = 'analytics_year_state';
export const DOMINO_YEAR = 'analytics_domino_year';

export const YEAR_PART_TABLES = [
  `CREATE TABLE ${YEAR_STATE} (
      tenant_id text NOT NULL,
      year smallint NOT NULL,
      version bigint NOT NULL,
      PRIMARY KEY (tenant_id, year)
    )`,
  `CREATE TABLE ${DOMINO_YEAR} (
      tenant_id text NOT NULL,
      year smallint NOT NULL,
      version bigint NOT NULL,
      pairs text NOT NULL,
      flows text NOT NULL,
      snapshots text NOT NULL,
      bytes integer NOT NULL,
      built_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, year)
    )`,
  // Read far more often than written: stored as they are, not compressed.
  `ALTER TABLE ${DOMINO_YEAR} ALTER COLUMN pairs SET STORAGE EXTERNAL, ALTER COLUMN flows SET STORAGE EXTERNAL,
      ALTER COLUMN snapshots SET STORAGE EXTERNAL`,
];

/** The rollups a whole year's part reads, each with the expression of a row's year. */
const WATCHED: ReadonlyArray<readonly [table: string, year: string]> = [
  ['analytics_pair_month', "date_part('year', month)::smallint"],
  ['analytics_party_year', 'year'],
  ['analytics_snapshot_year', 'year'],
];

/** Moves the versions of a tenant's years (creating them at 1), in year order. */
const TOUCH = `CREATE FUNCTION analytics_year_touch(p_tenant text, p_years smallint[]) RETURNS void
    LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO ${YEAR_STATE} AS s (tenant_id, year, version)
        SELECT p_tenant, y, 1 FROM (SELECT DISTINCT unnest(p_years) AS y) d ORDER BY y
        ON CONFLICT (tenant_id, year) DO UPDATE SET version = s.version + 1;
    END
    $fn$`;

const ROWS = {
  inserted: 'SELECT tenant_id, {year} AS year FROM new_rows',
  deleted: 'SELECT tenant_id, {year} AS year FROM old_rows',
  updated: 'SELECT tenant_id, {year} AS year FROM new_rows UNION ALL SELECT tenant_id, {year} FROM old_rows',
};

const functionName = (table: string, event: string) => `${table}_year_${event}`;

const touchFunction = (table: string, year: string, event: keyof typeof ROWS) =>
  `CREATE FUNCTION ${functionName(table, event)}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM analytics_year_touch(w.tenant_id, w.years)
      FROM (SELECT r.tenant_id, array_agg(DISTINCT r.year) AS years
            FROM (${ROWS[event].replaceAll('{year}', year)}) r GROUP BY r.tenant_id) w;
      RETURN NULL;
    END
    $fn$`;

/** A TRUNCATE of a watched rollup moves every year of every tenant. */
const TRUNCATED = `CREATE FUNCTION analytics_year_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE ${YEAR_STATE} SET version = version + 1;
      RETURN NULL;
    END
    $fn$`;

const TRANSITION = {
  inserted: ['INSERT', 'NEW TABLE AS new_rows'],
  updated: ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  deleted: ['DELETE', 'OLD TABLE AS old_rows'],
} as const;

const EVENTS = ['inserted', 'updated', 'deleted'] as const;

/** Everything the migration creates after the tables, in order. */
export const YEAR_PART_DEFINITIONS: string[] = [
  TOUCH,
  TRUNCATED,
  ...WATCHED.flatMap(([table, year]) => [
    ...EVENTS.map((event) => touchFunction(table, year, event)),
    ...EVENTS.map(
      (event) => `CREATE TRIGGER ${functionName(table, event)} AFTER ${TRANSITION[event][0]} ON ${table}
      REFERENCING ${TRANSITION[event][1]} FOR EACH STATEMENT EXECUTE FUNCTION ${functionName(table, event)}()`,
    ),
    `CREATE TRIGGER ${table}_year_truncated AFTER TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_year_truncated()`,
  ]),
];

/** The years of the rollups already there, each at version 1 (the migration's up, after the definitions). */
export const YEAR_STATE_SEED = `INSERT INTO ${YEAR_STATE} (tenant_id, year, version)
    SELECT DISTINCT tenant_id, year, 1 FROM (
      ${WATCHED.map(([table, year]) => `SELECT DISTINCT tenant_id, ${year} AS year FROM ${table}`).join('\n      UNION ')}
    ) y
    ON CONFLICT DO NOTHING`;

/** What the migration's down drops, in order (the tables last, by the caller). */
export const YEAR_PART_DROPS: string[] = [
  ...WATCHED.flatMap(([table]) => [
    `DROP TRIGGER ${table}_year_truncated ON ${table}`,
    ...EVENTS.map((event) => `DROP TRIGGER ${functionName(table, event)} ON ${table}`),
    ...EVENTS.map((event) => `DROP FUNCTION ${functionName(table, event)}()`),
  ]),
  'DROP FUNCTION analytics_year_truncated()',
  'DROP FUNCTION analytics_year_touch(text, smallint[])',
];
