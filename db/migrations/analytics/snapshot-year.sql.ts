/*
 * analytics_snapshot_year (migration 2026_12_11_1000_analytics_snapshot_year): per enterprise and
 * calendar year, the sum of its monthly snapshots' revenue and how many of those months report one
 * (`reported`; a snapshot without revenue adds nothing). The domino matrix of a period
 * (docs/metrics.md "Re-spending rounds": rev[i] takes the snapshots' revenue over the months of the
 * period) reads whole years here and only the months at the edges from enterprise_snapshot: at
 * scale 100 the whole recorded period is 97,461 rows here against 1,153,281 snapshots.
 *
 * Unlike the purchase rollups (apply.sql.ts) it is kept by triggers of its own on
 * enterprise_snapshot, applied at once in both rollup modes, as the panel version is: a snapshot
 * write moves the tenant's analytics version in the same transaction, and the matrix reads both.
 * As there, a trigger's statement reads its transition table alone (into arrays, per tenant) and
 * the writes use those values, so that the functions also run on the shards of a distributed
 * engine (triggers.sql.ts). A row leaves when no month of its year reports a revenue any more.
 */

export const SNAPSHOT_YEAR = 'analytics_snapshot_year';

const KEY = 'tenant_id, year, enterprise_id';
const YEAR = "date_part('year', d.period)::smallint";

export const SNAPSHOT_YEAR_TABLE = `CREATE TABLE ${SNAPSHOT_YEAR} (
      tenant_id text NOT NULL,
      year smallint NOT NULL,
      enterprise_id bigint NOT NULL,
      revenue bigint NOT NULL,
      reported bigint NOT NULL,
      PRIMARY KEY (${KEY})
    )`;

/** Finds the rows left with no reporting month (analytics_snapshot_year_apply deletes them). */
export const SNAPSHOT_YEAR_EMPTY_INDEX = `CREATE INDEX ${SNAPSHOT_YEAR}_empty_idx ON ${SNAPSHOT_YEAR} (tenant_id) WHERE reported = 0`;

/**
 * Adds (sign 1) or subtracts (sign -1) snapshots of one tenant: parallel arrays, one element per
 * snapshot row. Rows without revenue contribute nothing; keys whose deltas cancel out are left alone.
 */
const APPLY = `CREATE FUNCTION analytics_snapshot_year_apply(
      p_tenant text, p_signs smallint[], p_enterprises bigint[], p_periods date[], p_revenues bigint[])
    RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO ${SNAPSHOT_YEAR} AS r (${KEY}, revenue, reported)
        SELECT p_tenant, ${YEAR}, d.enterprise_id, sum(d.sign * d.revenue), sum(d.sign)
        FROM unnest(p_signs, p_enterprises, p_periods, p_revenues) AS d(sign, enterprise_id, period, revenue)
        WHERE d.revenue IS NOT NULL
        GROUP BY ${YEAR}, d.enterprise_id
        HAVING sum(d.sign) <> 0 OR sum(d.sign * d.revenue) <> 0
        ON CONFLICT (${KEY}) DO UPDATE
          SET revenue = r.revenue + excluded.revenue, reported = r.reported + excluded.reported;
      IF -1 = ANY (p_signs) THEN
        DELETE FROM ${SNAPSHOT_YEAR} WHERE tenant_id = p_tenant AND reported = 0;
      END IF;
    END
    $fn$`;

/** The snapshot rows a statement wrote, signed, with revenue only: as `(tenant_id, sign, enterprise_id, period, revenue)`. */
const CHANGES = {
  inserted:
    'SELECT tenant_id, 1::smallint AS sign, enterprise_id, period, revenue FROM new_rows WHERE revenue IS NOT NULL',
  deleted:
    'SELECT tenant_id, -1::smallint AS sign, enterprise_id, period, revenue FROM old_rows WHERE revenue IS NOT NULL',
  updated: `SELECT tenant_id, -1::smallint AS sign, enterprise_id, period, revenue FROM old_rows WHERE revenue IS NOT NULL
        UNION ALL
        SELECT tenant_id, 1::smallint, enterprise_id, period, revenue FROM new_rows WHERE revenue IS NOT NULL`,
};

const triggerFunction = (event: keyof typeof CHANGES) =>
  `CREATE FUNCTION analytics_snapshot_year_${event}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      w record;
    BEGIN
      FOR w IN
        SELECT c.tenant_id, array_agg(c.sign) AS signs, array_agg(c.enterprise_id) AS enterprises,
               array_agg(c.period) AS periods, array_agg(c.revenue) AS revenues
        FROM (${CHANGES[event]}) c GROUP BY c.tenant_id
      LOOP
        PERFORM analytics_snapshot_year_apply(w.tenant_id, w.signs, w.enterprises, w.periods, w.revenues);
      END LOOP;
      RETURN NULL;
    END
    $fn$`;

/** A TRUNCATE of the snapshots empties the rollup of every tenant. */
const TRUNCATED = `CREATE FUNCTION analytics_snapshot_year_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM ${SNAPSHOT_YEAR};
      RETURN NULL;
    END
    $fn$`;

/**
 * A tenant's rows computed anew from its snapshots, in key order: what the migration writes for
 * the data already there, and what a rebuild or the demo loader's bulk mode (its insert trigger
 * off) does.
 */
const REBUILD = `CREATE FUNCTION analytics_snapshot_year_rebuild(p_tenant text) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM ${SNAPSHOT_YEAR} WHERE tenant_id = p_tenant;
      INSERT INTO ${SNAPSHOT_YEAR} (${KEY}, revenue, reported)
        SELECT p_tenant, ${YEAR} AS year, d.enterprise_id, sum(d.revenue), count(*)
        FROM enterprise_snapshot d
        WHERE d.tenant_id = p_tenant AND d.revenue IS NOT NULL
        GROUP BY ${YEAR}, d.enterprise_id
        ORDER BY year, d.enterprise_id;
    END
    $fn$`;

/** The insert trigger, named for the demo loader's bulk mode (db/src/rollups.queries.ts). */
export const SNAPSHOT_YEAR_INSERT_TRIGGER = 'analytics_snapshot_year_insert';

/** Everything the migration creates after the table, in order. */
export const SNAPSHOT_YEAR_DEFINITIONS = [
  APPLY,
  triggerFunction('inserted'),
  triggerFunction('updated'),
  triggerFunction('deleted'),
  TRUNCATED,
  REBUILD,
  `CREATE TRIGGER ${SNAPSHOT_YEAR_INSERT_TRIGGER} AFTER INSERT ON enterprise_snapshot
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_snapshot_year_inserted()`,
  `CREATE TRIGGER analytics_snapshot_year_update AFTER UPDATE ON enterprise_snapshot
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_snapshot_year_updated()`,
  `CREATE TRIGGER analytics_snapshot_year_delete AFTER DELETE ON enterprise_snapshot
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_snapshot_year_deleted()`,
  `CREATE TRIGGER analytics_snapshot_year_truncate AFTER TRUNCATE ON enterprise_snapshot
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_snapshot_year_truncated()`,
];

/** What the migration's down drops, in order (the table last, by the caller). */
export const SNAPSHOT_YEAR_DROPS = [
  'DROP TRIGGER analytics_snapshot_year_truncate ON enterprise_snapshot',
  'DROP TRIGGER analytics_snapshot_year_delete ON enterprise_snapshot',
  'DROP TRIGGER analytics_snapshot_year_update ON enterprise_snapshot',
  `DROP TRIGGER ${SNAPSHOT_YEAR_INSERT_TRIGGER} ON enterprise_snapshot`,
  'DROP FUNCTION analytics_snapshot_year_rebuild(text)',
  'DROP FUNCTION analytics_snapshot_year_truncated()',
  'DROP FUNCTION analytics_snapshot_year_deleted()',
  'DROP FUNCTION analytics_snapshot_year_updated()',
  'DROP FUNCTION analytics_snapshot_year_inserted()',
  'DROP FUNCTION analytics_snapshot_year_apply(text, smallint[], bigint[], date[], bigint[])',
];
