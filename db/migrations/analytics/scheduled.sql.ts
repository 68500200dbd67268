import { APPLY_LOCK } from './apply.sql.ts';
import { ALL_ROLLUPS } from './tables.ts';

/*
 * The two modes of keeping the rollups (docs/scale-out.md "Rollups"), chosen by the one row of
 * analytics_setting:
 *
 *   TRIGGER (default)  the statement triggers hand each statement's changes to analytics_apply
 *                      at once, in the writing transaction: the rollups are never behind.
 *   SCHEDULED          the triggers only record the changes (the signed purchase rows into
 *                      analytics_pending_transaction, the parties whose class may have changed
 *                      into analytics_pending_party), reading no other table; a scheduler
 *                      (`pnpm cli rollups apply`, the server's ROLLUP_INTERVAL, a pg_cron job per
 *                      tenant) calls analytics_apply_pending() for every tenant or
 *                      analytics_apply_pending_tenant(tenant) for one, which apply them in
 *                      batches. For engines whose nodes cannot run the apply in a trigger (a
 *                      distributed PostgreSQL).
 *
 * The apply consumes what it applies in the same transaction, so running it again, or twice at
 * once for any tenants (they take turns on the apply lock), applies nothing twice. Purchases
 * first, with the stored classes; then the parties: once every purchase change is applied, the
 * rollups hold exactly the purchases in "transaction", which is what analytics_reclassify moves.
 * While it reclassifies it holds "transaction" in SHARE mode, so no purchase is written between
 * the two.
 */

/**
 * Planner statistics for the rollups. They are filled in bulk (the demo loader, a CSV import, a
 * batch of the scheduler) and a server may run without autovacuum: with the statistics of an
 * empty table the planner picks nested loops over hundreds of thousands of rows. A rollup that
 * has more than doubled (by pages) since its statistics were taken is analysed now; the check is
 * a few catalog lookups, and a bulk load analyses each rollup about log2(final size) times.
 * `rollups`: the tables watched.
 */
export const analyzeGrownFunction = (
  rollups: readonly string[],
) => `CREATE FUNCTION analytics_analyze_grown() RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      t record;
    BEGIN
      FOR t IN
        SELECT c.oid::regclass AS name
        FROM pg_class c
        WHERE c.oid = ANY (ARRAY[${rollups.map((t) => `'${t}'::regclass`).join(', ')}])
          AND pg_relation_size(c.oid) / 8192 > 2 * greatest(c.relpages, 0) + 128
      LOOP
        EXECUTE format('ANALYZE %s', t.name);
      END LOOP;
    END
    $fn$`;

export const SCHEDULED_FUNCTIONS: string[] = [
  `CREATE FUNCTION analytics_mode() RETURNS text LANGUAGE sql STABLE AS $fn$
      SELECT coalesce((SELECT mode FROM analytics_setting), 'TRIGGER')
    $fn$`,

  // What a statement trigger does with a tenant's purchase changes: apply them now, or record them.
  `CREATE FUNCTION analytics_record(p_tenant text, p_rows analytics_delta[])
    RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF analytics_mode() = 'SCHEDULED' THEN
        INSERT INTO analytics_pending_transaction
          (tenant_id, sign, buyer_id, seller_id, program_id, category, account_code, amount, occurred_on)
          SELECT p_tenant, d.* FROM unnest(p_rows) d;
      ELSE
        PERFORM analytics_apply(p_tenant, p_rows);
      END IF;
      PERFORM analytics_bump(p_tenant);
    END
    $fn$`,

  // What a trigger on parties and profiles does with parties whose class may have changed.
  `CREATE FUNCTION analytics_record_parties(p_tenant text, p_ids bigint[])
    RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF analytics_mode() = 'SCHEDULED' THEN
        INSERT INTO analytics_pending_party (tenant_id, party_id)
          SELECT DISTINCT p_tenant, id FROM unnest(p_ids) id
        ON CONFLICT DO NOTHING;
      ELSE
        PERFORM analytics_reclassify(p_tenant, p_ids);
      END IF;
    END
    $fn$`,

  // Applies the purchase changes recorded for one tenant, p_batch per call of analytics_apply, with
  // the stored classes, then reclassifies the tenant's recorded parties; returns how many changes
  // it applied. Every statement names the tenant (on a distributed engine each runs on the
  // tenant's shards, and a scheduler such as pg_cron can run one job per tenant).
  `CREATE FUNCTION analytics_apply_pending_tenant(p_tenant text, p_batch integer DEFAULT 50000)
    RETURNS bigint LANGUAGE plpgsql AS $fn$
    DECLARE
      v_applied bigint := 0;
      v_parties boolean;
      v_rows analytics_delta[];
      v_ids bigint[];
    BEGIN
      ${APPLY_LOCK};
      v_parties := EXISTS (SELECT 1 FROM analytics_pending_party WHERE tenant_id = p_tenant);
      IF v_parties THEN
        -- Writers of purchases finish and none starts: the queue is complete until this commits.
        LOCK TABLE "transaction" IN SHARE MODE;
      END IF;
      LOOP
        WITH batch AS (
          DELETE FROM analytics_pending_transaction q
          WHERE q.tenant_id = p_tenant AND q.id IN (
            SELECT id FROM analytics_pending_transaction WHERE tenant_id = p_tenant ORDER BY id LIMIT p_batch)
          RETURNING q.*
        )
        SELECT array_agg(ROW(sign, buyer_id, seller_id, program_id, category, account_code, amount, occurred_on)::analytics_delta)
          INTO v_rows FROM batch;
        EXIT WHEN v_rows IS NULL;
        PERFORM analytics_apply(p_tenant, v_rows);
        PERFORM analytics_bump(p_tenant);
        v_applied := v_applied + cardinality(v_rows);
      END LOOP;
      IF v_parties THEN
        WITH gone AS (DELETE FROM analytics_pending_party WHERE tenant_id = p_tenant RETURNING party_id)
        SELECT array_agg(party_id) INTO v_ids FROM gone;
        -- Parties deleted since: their purchases left before them (foreign keys), so only the class remains.
        DELETE FROM analytics_party_class c
          WHERE c.tenant_id = p_tenant AND c.party_id = ANY (v_ids)
            AND NOT EXISTS (SELECT 1 FROM party p WHERE p.tenant_id = p_tenant AND p.id = c.party_id);
        PERFORM analytics_reclassify(p_tenant, v_ids);
        v_applied := v_applied + cardinality(v_ids);
      END IF;
      IF v_applied > 0 THEN
        PERFORM analytics_analyze_grown();
      END IF;
      RETURN v_applied;
    END
    $fn$`,

  // The same for every tenant with something recorded, one after the other.
  `CREATE FUNCTION analytics_apply_pending(p_batch integer DEFAULT 50000)
    RETURNS bigint LANGUAGE plpgsql AS $fn$
    DECLARE
      v_applied bigint := 0;
      v_tenant text;
    BEGIN
      ${APPLY_LOCK};
      FOR v_tenant IN
        SELECT tenant_id FROM analytics_pending_transaction
        UNION
        SELECT tenant_id FROM analytics_pending_party
      LOOP
        v_applied := v_applied + analytics_apply_pending_tenant(v_tenant, p_batch);
      END LOOP;
      RETURN v_applied;
    END
    $fn$`,

  // Switches the mode. Every writer of the tables the triggers watch finishes first and none starts
  // until this commits (a writer follows the mode it read); back to TRIGGER, what was recorded is
  // applied first. Returns the number of changes applied.
  `CREATE FUNCTION analytics_set_mode(p_mode text) RETURNS bigint LANGUAGE plpgsql AS $fn$
    BEGIN
      ${APPLY_LOCK};
      LOCK TABLE "transaction", party, enterprise_profile, network_unit_profile IN SHARE ROW EXCLUSIVE MODE;
      UPDATE analytics_setting SET mode = p_mode;
      IF p_mode = 'TRIGGER' THEN
        RETURN analytics_apply_pending();
      END IF;
      RETURN 0;
    END
    $fn$`,

  analyzeGrownFunction(ALL_ROLLUPS),
];
