/*
 * The version of a tenant's party classes (migration 2026_12_13_1000_class_version;
 * docs/domino-parts.md "Held sectors"):
 *
 *   analytics_class_state   per tenant, a version moved by statement triggers on every write to
 *                           analytics_party_class (insert, update, delete; a TRUNCATE moves every
 *                           tenant's), in the writing transaction
 *
 * A domino matrix reads the sector of every party from analytics_party_class; a process holds what
 * it read with the version the same statement saw, and knows it current while the version is the
 * same. Versions only grow. As in domino-parts.sql.ts, a trigger's statement reads its transition
 * table alone, so the functions also run on the shards of a distributed engine.
 */

export const CLASS_STATE = 'analytics_class_state';

const CLASSES = 'analytics_party_class';

const EVENTS = {
  inserted: { event: 'INSERT', transition: 'NEW TABLE AS changed_rows' },
  updated: { event: 'UPDATE', transition: 'NEW TABLE AS changed_rows' },
  deleted: { event: 'DELETE', transition: 'OLD TABLE AS changed_rows' },
} as const;

const functionName = (event: keyof typeof EVENTS) => `${CLASSES}_version_${event}`;

/** Everything the migration's up runs, in order: the table, the functions and triggers, the seed. */
export const CLASS_VERSION_UP: string[] = [
  `CREATE TABLE ${CLASS_STATE} (tenant_id text PRIMARY KEY, version bigint NOT NULL)`,
  // One function per event: a statement trigger sees only the transition tables of its event.
  ...Object.keys(EVENTS).map(
    (event) => `CREATE FUNCTION ${functionName(event as keyof typeof EVENTS)}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO ${CLASS_STATE} AS s (tenant_id, version)
        SELECT DISTINCT tenant_id, 1 FROM changed_rows ORDER BY tenant_id
        ON CONFLICT (tenant_id) DO UPDATE SET version = s.version + 1;
      RETURN NULL;
    END
    $fn$`,
  ),
  `CREATE FUNCTION ${CLASSES}_version_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE ${CLASS_STATE} SET version = version + 1;
      RETURN NULL;
    END
    $fn$`,
  ...Object.entries(EVENTS).map(
    ([event, { event: on, transition }]) => `CREATE TRIGGER ${functionName(event as keyof typeof EVENTS)}
      AFTER ${on} ON ${CLASSES} REFERENCING ${transition}
      FOR EACH STATEMENT EXECUTE FUNCTION ${functionName(event as keyof typeof EVENTS)}()`,
  ),
  `CREATE TRIGGER ${CLASSES}_version_truncated AFTER TRUNCATE ON ${CLASSES}
      FOR EACH STATEMENT EXECUTE FUNCTION ${CLASSES}_version_truncated()`,
  `INSERT INTO ${CLASS_STATE} (tenant_id, version) SELECT DISTINCT tenant_id, 1 FROM ${CLASSES}`,
];

/** What the migration's down runs, in order. */
export const CLASS_VERSION_DOWN: string[] = [
  ...[...Object.keys(EVENTS), 'truncated'].map((event) => `DROP TRIGGER ${CLASSES}_version_${event} ON ${CLASSES}`),
  ...[...Object.keys(EVENTS), 'truncated'].map((event) => `DROP FUNCTION ${CLASSES}_version_${event}()`),
  `DROP TABLE ${CLASS_STATE}`,
];
