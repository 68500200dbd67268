import { delta } from './apply.sql.ts';
import { storeClasses } from './classify.sql.ts';
import { ALL_ROLLUPS } from './tables.ts';

/*
 * The statement triggers that keep the rollups in step with every write, set-based through
 * transition tables, so the demo loader, the CSV import and API writes all keep them exact:
 *
 *   "transaction"            each statement's rows, as signed deltas per tenant, go to
 *                            analytics_record: applied at once (TRIGGER mode) or recorded for the
 *                            scheduler (SCHEDULED mode); a TRUNCATE empties every rollup
 *   party, enterprise_profile, network_unit_profile
 *                            the parties whose class may have changed go to
 *                            analytics_record_parties (reclassified at once, or recorded)
 *   party (insert, delete)   in TRIGGER mode a new party is classified and a deleted one's class
 *                            dropped at once (a new party has no purchases yet, a deleted one none
 *                            left); in SCHEDULED mode they are recorded like any other change
 *   snapshots, parties, profiles, assistance, cooperatives, collection targets
 *                            bump the tenant's panel version (caches of the survey-panel and
 *                            registry measures), whatever the mode
 *
 * Trigger names matter: PostgreSQL fires the triggers of one event in name order, and the
 * statistics check (analytics_zz_*) comes after the rollups' own.
 *
 * The functions also run on the shards of a distributed engine (docs/scale-out-citus.md), where a
 * statement that reads a transition table (new_rows, old_rows) and also
 * writes or joins a distributed table is planned by Citus, which loses the transition table. So a
 * statement reads a transition table alone (into a tenant and an array of ids, or as arguments of a
 * function call), and the writes use those values.
 */

/** The columns of "transaction" the rollups read (those of analytics_delta). */
const tuple = (alias: string) =>
  `(${['buyer_id', 'seller_id', 'program_id', 'category', 'account_code', 'amount', 'occurred_on'].map((c) => `${alias}.${c}`).join(', ')})`;

/** Rows of `x` with no row of the same id in `other` reading the same: an update that moved nothing is left out. */
const moved = (other: string) =>
  `NOT EXISTS (SELECT 1 FROM ${other} y WHERE y.tenant_id = x.tenant_id AND y.id = x.id
          AND ${tuple('y')} IS NOT DISTINCT FROM ${tuple('x')})`;

const DELTAS = {
  inserted: `SELECT x.tenant_id, ${delta('1', 'x')} AS d FROM new_rows x`,
  deleted: `SELECT x.tenant_id, ${delta('-1', 'x')} AS d FROM old_rows x`,
  // An update is the old rows subtracted and the new ones added.
  updated: `SELECT x.tenant_id, ${delta('-1', 'x')} AS d FROM old_rows x WHERE ${moved('new_rows')}
        UNION ALL
        SELECT x.tenant_id, ${delta('1', 'x')} FROM new_rows x WHERE ${moved('old_rows')}`,
};

/** The tenants a statement wrote: each gets its deltas recorded (none: only its version bumped). */
const TENANTS = {
  inserted: 'SELECT DISTINCT tenant_id FROM new_rows',
  deleted: 'SELECT DISTINCT tenant_id FROM old_rows',
  updated: 'SELECT tenant_id FROM new_rows UNION SELECT tenant_id FROM old_rows',
};

const transactionFunction = (event: keyof typeof DELTAS) =>
  `CREATE FUNCTION analytics_transaction_${event}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM analytics_record(w.tenant_id, (SELECT array_agg(x.d) FROM (${DELTAS[event]}) x WHERE x.tenant_id = w.tenant_id))
      FROM (${TENANTS[event]}) w;
      RETURN NULL;
    END
    $fn$`;

/** A trigger function handing the parties of `rows` (columns tenant_id, id) to analytics_record_parties. */
const partiesFunction = (name: string, rows: string) =>
  `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM analytics_record_parties(tenant_id, ids)
      FROM (SELECT tenant_id, array_agg(DISTINCT id) AS ids FROM (${rows}) x GROUP BY tenant_id) g;
      RETURN NULL;
    END
    $fn$`;

/** The tenants of a transition table's rows (columns tenant_id, id), each with its ids: a FOR loop's source. */
const byTenant = (rows: string) =>
  `SELECT tenant_id, array_agg(DISTINCT id) AS ids FROM (${rows}) x GROUP BY tenant_id`;

const statementTrigger = (name: string, event: 'INSERT' | 'UPDATE' | 'DELETE', table: string, fn: string) => {
  const transition = {
    INSERT: 'NEW TABLE AS new_rows',
    UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
    DELETE: 'OLD TABLE AS old_rows',
  };
  return `CREATE TRIGGER ${name} AFTER ${event} ON ${table}
      REFERENCING ${transition[event]} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`;
};

/** The tables whose writes bump the panel version. */
const PANEL_TABLES = [
  'enterprise_snapshot',
  'party',
  'enterprise_profile',
  'assistance',
  'cooperative_profile',
  'collection_target',
];

/** A TRUNCATE of "transaction" empties every rollup but the classes (`rollups`). */
export const truncatedFunction = (
  rollups: readonly string[],
) => `CREATE FUNCTION analytics_transaction_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${rollups
        .filter((t) => t !== 'analytics_party_class')
        .map((t) => `DELETE FROM ${t};`)
        .join('\n      ')}
      DELETE FROM analytics_pending_transaction;
      UPDATE analytics_state SET version = version + 1;
      RETURN NULL;
    END
    $fn$`;

export const TRIGGERS: string[] = [
  // ── "transaction" ──
  transactionFunction('inserted'),
  transactionFunction('deleted'),
  transactionFunction('updated'),
  truncatedFunction(ALL_ROLLUPS),
  statementTrigger('analytics_transaction_insert', 'INSERT', '"transaction"', 'analytics_transaction_inserted'),
  statementTrigger('analytics_transaction_delete', 'DELETE', '"transaction"', 'analytics_transaction_deleted'),
  statementTrigger('analytics_transaction_update', 'UPDATE', '"transaction"', 'analytics_transaction_updated'),
  `CREATE TRIGGER analytics_transaction_truncate AFTER TRUNCATE ON "transaction"
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_transaction_truncated()`,

  // ── parties and profiles: (re)classify ──
  `CREATE FUNCTION analytics_party_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      t record;
    BEGIN
      FOR t IN SELECT tenant_id, array_agg(id) AS ids FROM new_rows GROUP BY tenant_id LOOP
        IF analytics_mode() = 'SCHEDULED' THEN
          PERFORM analytics_record_parties(t.tenant_id, t.ids);
        ELSE
          ${storeClasses('t.tenant_id', 't.ids')};
        END IF;
      END LOOP;
      RETURN NULL;
    END
    $fn$`,
  `CREATE FUNCTION analytics_party_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      t record;
    BEGIN
      FOR t IN ${byTenant('SELECT tenant_id, id FROM old_rows')} LOOP
        IF analytics_mode() = 'SCHEDULED' THEN
          PERFORM analytics_record_parties(t.tenant_id, t.ids);
        ELSE
          DELETE FROM analytics_party_class c WHERE c.tenant_id = t.tenant_id AND c.party_id = ANY (t.ids);
        END IF;
      END LOOP;
      RETURN NULL;
    END
    $fn$`,
  partiesFunction(
    'analytics_party_updated',
    'SELECT n.tenant_id, n.id FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id WHERE (n.kind, n.region_code, n.size_class, n.is_government, n.parent_id) IS DISTINCT FROM (o.kind, o.region_code, o.size_class, o.is_government, o.parent_id)',
  ),
  partiesFunction('analytics_profile_inserted', 'SELECT tenant_id, party_id AS id FROM new_rows'),
  // A profile deleted with its party (ON DELETE CASCADE) changes no class: only parties still there.
  `CREATE FUNCTION analytics_profile_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      t record;
      v_ids bigint[];
    BEGIN
      FOR t IN ${byTenant('SELECT tenant_id, party_id AS id FROM old_rows')} LOOP
        SELECT array_agg(p.id) INTO v_ids FROM party p WHERE p.tenant_id = t.tenant_id AND p.id = ANY (t.ids);
        IF v_ids IS NOT NULL THEN
          PERFORM analytics_record_parties(t.tenant_id, v_ids);
        END IF;
      END LOOP;
      RETURN NULL;
    END
    $fn$`,
  partiesFunction(
    'analytics_enterprise_profile_updated',
    'SELECT n.tenant_id, n.party_id AS id FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.party_id = n.party_id WHERE n.kbli_code IS DISTINCT FROM o.kbli_code OR n.party_id <> o.party_id',
  ),
  partiesFunction(
    'analytics_network_unit_profile_updated',
    'SELECT n.tenant_id, n.party_id AS id FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.party_id = n.party_id WHERE n.unit_type IS DISTINCT FROM o.unit_type OR n.party_id <> o.party_id',
  ),
  statementTrigger('analytics_party_insert', 'INSERT', 'party', 'analytics_party_inserted'),
  statementTrigger('analytics_party_update', 'UPDATE', 'party', 'analytics_party_updated'),
  statementTrigger('analytics_party_delete', 'DELETE', 'party', 'analytics_party_deleted'),
  ...['enterprise_profile', 'network_unit_profile'].flatMap((table) => [
    statementTrigger(`analytics_${table}_insert`, 'INSERT', table, 'analytics_profile_inserted'),
    statementTrigger(`analytics_${table}_delete`, 'DELETE', table, 'analytics_profile_deleted'),
    statementTrigger(`analytics_${table}_update`, 'UPDATE', table, `analytics_${table}_updated`),
  ]),

  // ── the panel version: surveys, parties, profiles, assistance, cooperatives, collection targets ──
  ...(['inserted', 'updated', 'deleted'] as const).map(
    (event) => `CREATE FUNCTION analytics_panel_${event}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      v_tenant text;
    BEGIN
      FOR v_tenant IN SELECT DISTINCT tenant_id FROM ${event === 'deleted' ? 'old_rows' : 'new_rows'} LOOP
        INSERT INTO analytics_state AS s (tenant_id, version, panel_version) VALUES (v_tenant, 1, 1)
        ON CONFLICT (tenant_id) DO UPDATE SET version = s.version + 1, panel_version = s.panel_version + 1;
      END LOOP;
      RETURN NULL;
    END
    $fn$`,
  ),
  `CREATE FUNCTION analytics_panel_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE analytics_state SET version = version + 1, panel_version = panel_version + 1;
      RETURN NULL;
    END
    $fn$`,
  ...PANEL_TABLES.flatMap((table) => [
    `CREATE TRIGGER analytics_panel_${table}_insert AFTER INSERT ON ${table}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_inserted()`,
    `CREATE TRIGGER analytics_panel_${table}_update AFTER UPDATE ON ${table}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_updated()`,
    `CREATE TRIGGER analytics_panel_${table}_delete AFTER DELETE ON ${table}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_deleted()`,
    `CREATE TRIGGER analytics_panel_${table}_truncate AFTER TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_truncated()`,
  ]),

  // ── planner statistics of the rollups, after each write statement that feeds them ──
  `CREATE FUNCTION analytics_refresh_statistics() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM analytics_analyze_grown();
      RETURN NULL;
    END
    $fn$`,
  `CREATE TRIGGER analytics_zz_statistics_transaction AFTER INSERT OR UPDATE ON "transaction"
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_refresh_statistics()`,
  `CREATE TRIGGER analytics_zz_statistics_party AFTER INSERT OR UPDATE ON party
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_refresh_statistics()`,
];
