import { APPLY_LOCK } from './apply.sql.ts';

/*
 * The scheduler's apply, per tenant (migration 2026_12_05_1310_apply_pending_tenant; it replaces
 * the all-tenant body of scheduled.sql.ts, which the baseline still creates first).
 *
 * analytics_apply_pending_tenant(tenant, batch) applies the purchase changes recorded for the
 * tenant in batches of `batch`, with the stored classes, then reclassifies the tenant's recorded
 * parties, and deletes what it applied in the same transaction: running it again applies nothing
 * twice, and two at once (for any tenants, or with analytics_apply_pending) take turns on the
 * apply lock. Every statement names the tenant, so on a distributed engine each runs on that
 * tenant's shard. While the tenant's parties wait it holds "transaction" in SHARE mode, so no
 * purchase is written between the purchases applied and the reclassification.
 *
 * analytics_apply_pending(batch) does the same for every tenant with something recorded.
 */
export const APPLY_PENDING_FUNCTIONS: string[] = [
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

  `CREATE OR REPLACE FUNCTION analytics_apply_pending(p_batch integer DEFAULT 50000)
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
];
