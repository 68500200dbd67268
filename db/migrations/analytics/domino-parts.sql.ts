/*
 * The stored parts of the domino matrices (migration 2026_12_12_1000_domino_parts;
 * docs/domino-parts.md "Stored parts"):
 *
 *   analytics_part_state   per tenant, a version for every month and every year, moved by every
 *                          statement that changes what a part of that month or year reads:
 *                            month  analytics_pair_month, analytics_party_month, enterprise_snapshot
 *                            year   analytics_party_year, analytics_snapshot_year
 *   analytics_domino_part  per tenant, whole years and whole months of what a matrix reads (the
 *                          pairs, the parties' flows and the snapshots' revenue, as the texts the
 *                          matrix's statements answer), stored with the version they were read at
 *
 * A month's part is current when its month's version is the one it was read at; a year's part
 * (which reads the pairs of its twelve months, and the year's flows and snapshots) when the sum of
 * its months' versions and the year's is. Versions only grow and rows are never deleted, so a sum
 * never comes back to an earlier value. A matrix reads the current parts of its whole years and
 * months and the rollups only for the rest: a write into one month leaves the other months' and
 * years' parts current. The versions are kept by statement triggers on the tables the parts read,
 * so every path that changes them (a purchase written in either rollup mode, a reclassification, a
 * rebuild, the demo loader's fill, a snapshot) moves them with no code of its own. As in
 * triggers.sql.ts, a trigger's statement reads its transition table alone and the writes use the
 * values it gave, so the functions also run on the shards of a distributed engine.
 */

export const PART_STATE = 'analytics_part_state';
export const DOMINO_PART = 'analytics_domino_part';

export const PART_TABLES = [
  `CREATE TABLE ${PART_STATE} (
      tenant_id text NOT NULL,
      span text NOT NULL CONSTRAINT part_state_span_valid CHECK (span IN ('MONTH', 'YEAR')),
      start date NOT NULL,
      version bigint NOT NULL,
      PRIMARY KEY (tenant_id, span, start)
    )`,
  `CREATE TABLE ${DOMINO_PART} (
      tenant_id text NOT NULL,
      span text NOT NULL CONSTRAINT domino_part_span_valid CHECK (span IN ('MONTH', 'YEAR')),
      start date NOT NULL,
      version bigint NOT NULL,
      pairs text NOT NULL,
      flows text NOT NULL,
      snapshots text NOT NULL,
      bytes integer NOT NULL,
      built_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, span, start)
    )`,
  // Read far more often than written: stored as they are, not compressed.
  `ALTER TABLE ${DOMINO_PART} ALTER COLUMN pairs SET STORAGE EXTERNAL, ALTER COLUMN flows SET STORAGE EXTERNAL,
      ALTER COLUMN snapshots SET STORAGE EXTERNAL`,
];

/** The tables whose writes move the parts' versions, each with its span and the start of a row's month or year. */
const WATCHED: ReadonlyArray<readonly [table: string, span: 'MONTH' | 'YEAR', start: string]> = [
  ['analytics_pair_month', 'MONTH', 'month'],
  ['analytics_party_month', 'MONTH', 'month'],
  ['enterprise_snapshot', 'MONTH', 'period'],
  ['analytics_party_year', 'YEAR', 'make_date(year, 1, 1)'],
  ['analytics_snapshot_year', 'YEAR', 'make_date(year, 1, 1)'],
];

/** Moves the versions of a tenant's months or years (creating them at 1), in order. */
const TOUCH = `CREATE FUNCTION analytics_part_touch(p_tenant text, p_span text, p_starts date[]) RETURNS void
    LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO ${PART_STATE} AS s (tenant_id, span, start, version)
        SELECT p_tenant, p_span, d.start, 1 FROM (SELECT DISTINCT unnest(p_starts) AS start) d ORDER BY d.start
        ON CONFLICT (tenant_id, span, start) DO UPDATE SET version = s.version + 1;
    END
    $fn$`;

const ROWS = {
  inserted: 'SELECT tenant_id, {start} AS start FROM new_rows',
  deleted: 'SELECT tenant_id, {start} AS start FROM old_rows',
  updated: 'SELECT tenant_id, {start} AS start FROM new_rows UNION ALL SELECT tenant_id, {start} FROM old_rows',
};

const functionName = (table: string, event: string) => `${table}_part_${event}`;

const touchFunction = (table: string, span: string, start: string, event: keyof typeof ROWS) =>
  `CREATE FUNCTION ${functionName(table, event)}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM analytics_part_touch(w.tenant_id, '${span}', w.starts)
      FROM (SELECT r.tenant_id, array_agg(DISTINCT r.start) AS starts
            FROM (${ROWS[event].replaceAll('{start}', start)}) r GROUP BY r.tenant_id) w;
      RETURN NULL;
    END
    $fn$`;

/** A TRUNCATE of a watched table moves every version of every tenant. */
const TRUNCATED = `CREATE FUNCTION analytics_part_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE ${PART_STATE} SET version = version + 1;
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
export const PART_DEFINITIONS: string[] = [
  TOUCH,
  TRUNCATED,
  ...WATCHED.flatMap(([table, span, start]) => [
    ...EVENTS.map((event) => touchFunction(table, span, start, event)),
    ...EVENTS.map(
      (event) => `CREATE TRIGGER ${functionName(table, event)} AFTER ${TRANSITION[event][0]} ON ${table}
      REFERENCING ${TRANSITION[event][1]} FOR EACH STATEMENT EXECUTE FUNCTION ${functionName(table, event)}()`,
    ),
    `CREATE TRIGGER ${table}_part_truncated AFTER TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_part_truncated()`,
  ]),
];

/** The months and years the watched tables already hold, each at version 1 (the migration's up, after the definitions). */
export const PART_STATE_SEED = `INSERT INTO ${PART_STATE} (tenant_id, span, start, version)
    SELECT DISTINCT tenant_id, span, start, 1 FROM (
      ${WATCHED.map(([table, span, start]) => `SELECT DISTINCT tenant_id, '${span}' AS span, ${start} AS start FROM ${table}`).join('\n      UNION ')}
    ) s
    ON CONFLICT DO NOTHING`;

/** What the migration's down drops, in order (the tables last, by the caller). */
export const PART_DROPS: string[] = [
  ...WATCHED.flatMap(([table]) => [
    `DROP TRIGGER ${table}_part_truncated ON ${table}`,
    ...EVENTS.map((event) => `DROP TRIGGER ${functionName(table, event)} ON ${table}`),
    ...EVENTS.map((event) => `DROP FUNCTION ${functionName(table, event)}()`),
  ]),
  'DROP FUNCTION analytics_part_truncated()',
  'DROP FUNCTION analytics_part_touch(text, text, date[])',
];
