/*
 * Trigger functions that run on Citus shards (migration 2026_12_05_1320_shard_triggers). On Citus
 * the statement triggers fire on each shard, and a statement there that reads a transition table
 * (new_rows, old_rows) and writes or joins a distributed table is planned by Citus, which loses
 * the transition table ("could not find named tuplestore"). These replace the four functions of
 * triggers.sql.ts that did so: each first reads the transition table alone, into a tenant and an
 * array of ids, then writes with those values. The same effect on one PostgreSQL server.
 */

/** The tenants of the transition table, and the ids per tenant (plpgsql FOR loop source). */
const byTenant = (rows: string) =>
  `SELECT tenant_id, array_agg(DISTINCT id) AS ids FROM (${rows}) x GROUP BY tenant_id`;

const panel = (event: 'inserted' | 'updated' | 'deleted') =>
  `CREATE OR REPLACE FUNCTION analytics_panel_${event}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      v_tenant text;
    BEGIN
      FOR v_tenant IN SELECT DISTINCT tenant_id FROM ${event === 'deleted' ? 'old_rows' : 'new_rows'} LOOP
        INSERT INTO analytics_state AS s (tenant_id, version, panel_version) VALUES (v_tenant, 1, 1)
        ON CONFLICT (tenant_id) DO UPDATE SET version = s.version + 1, panel_version = s.panel_version + 1;
      END LOOP;
      RETURN NULL;
    END
    $fn$`;

export const SHARD_TRIGGER_FUNCTIONS: string[] = [
  panel('inserted'),
  panel('updated'),
  panel('deleted'),
  `CREATE OR REPLACE FUNCTION analytics_party_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
  // A profile deleted with its party (ON DELETE CASCADE) changes no class: only parties still there.
  `CREATE OR REPLACE FUNCTION analytics_profile_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
];
