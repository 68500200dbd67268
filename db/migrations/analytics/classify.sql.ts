import { APPLY_LOCK, delta, fillStatements } from './apply.sql.ts';
import { ALL_ROLLUPS, CLASS_COLUMNS } from './tables.ts';

/*
 * The classification of parties, the one the measures read (server/src/analytics/facts.sql.ts
 * reads it through analytics_party_class; the property tests check it against a plain reference),
 * and what keeps the rollups right when it changes:
 *
 *   analytics_classify(tenant, ids)     a party as seller (LOCAL_UMKM / LOCAL_OTHER / OUTSIDE_UMK /
 *                                       OUTSIDE_OTHER, UMK, kecamatan, KBLI section) and as buyer
 *                                       (the agency at the top of its parent chain, AGENCY or its
 *                                       unit type, government or not), and whether it is in L
 *   analytics_reclassify(tenant, ids)   re-derives the classes of parties and of the units below
 *                                       them; for those that changed, subtracts their purchases
 *                                       with the stored class, stores the new one, adds them again
 *   analytics_rebuild(tenant)           every class and every rollup of a tenant from scratch
 *
 * Since the stored class is exactly what the purchases were added with, any number of parties can
 * change at once. Reference data (kbli_division) and a tenant's region code are taken as fixed:
 * changing them needs `SELECT analytics_rebuild(tenant)`.
 *
 * Written for a distributed engine too (docs/scale-out-citus.md): every
 * function that reads or writes tenant tables is PL/pgSQL, never SQL-language, since Citus cannot
 * plan a statement of a SQL function with parameters that names a distributed table, while
 * PL/pgSQL plans each statement with the parameters' values and so routes it to the tenant's shard
 * (in analytics_classify, `#variable_conflict use_column` lets the query's columns win over the
 * output columns of the same names). And analytics_reclassify takes the new classes first, as
 * jsonb, before comparing them with the stored ones: joining analytics_classify's rows with
 * analytics_party_class in one statement would nest the classification's distributed queries in a
 * statement on the tenant's shard, which Citus refuses.
 */

/** The stored class of a party taking the proposed one (ON CONFLICT (tenant_id, party_id) DO UPDATE). */
const UPDATE_CLASS = `seller_class = excluded.seller_class, is_umk = excluded.is_umk, district = excluded.district,
        sector = excluded.sector, agency_id = excluded.agency_id, buyer_kind = excluded.buyer_kind,
        is_government = excluded.is_government, in_l = excluded.in_l`;

/** Stores the classes of new parties (used by the party insert trigger in TRIGGER mode). */
export const storeClasses = (
  tenant: string,
  ids: string,
) => `INSERT INTO analytics_party_class AS c (tenant_id, party_id, ${CLASS_COLUMNS})
        SELECT ${tenant}, n.* FROM analytics_classify(${tenant}, ${ids}) n
      ON CONFLICT (tenant_id, party_id) DO UPDATE SET
        ${UPDATE_CLASS}`;

/** analytics_classify's columns (its result, and its rows read back from jsonb). */
const CLASS_RECORD = `party_id bigint, seller_class text, is_umk boolean, district text, sector text,
  agency_id bigint, buyer_kind text, is_government boolean, in_l boolean`;

/** The classes of the parties `v_all` stored (a rebuild, a fill: the tenant has none stored). */
const CLASSIFY_ALL = `INSERT INTO analytics_party_class (tenant_id, party_id, ${CLASS_COLUMNS})
          SELECT p_tenant, n.* FROM analytics_classify(p_tenant, v_all) n`;

/** Purchases per call of analytics_apply in a rebuild (bounds the memory of the delta array). */
const REBUILD_BATCH = 100_000;

/**
 * Every class and rollup (`rollups`) of a tenant from scratch (after changing reference data, and
 * in the tests). Writers of purchases and parties wait while it runs; readers do not. Changes
 * recorded for the scheduler are covered by it and dropped.
 */
export const rebuildFunction = (
  rollups: readonly string[],
) => `CREATE FUNCTION analytics_rebuild(p_tenant text) RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      v_all bigint[];
      v_rows analytics_delta[];
      v_last bigint;
      v_next bigint;
    BEGIN
      PERFORM set_config('work_mem', '256MB', true);
      ${APPLY_LOCK};
      LOCK TABLE party, "transaction" IN SHARE MODE;
      ${rollups.map((t) => `DELETE FROM ${t} WHERE tenant_id = p_tenant;`).join('\n      ')}
      DELETE FROM analytics_pending_transaction WHERE tenant_id = p_tenant;
      DELETE FROM analytics_pending_party WHERE tenant_id = p_tenant;
      SELECT array_agg(id) INTO v_all FROM party WHERE tenant_id = p_tenant;
      IF v_all IS NOT NULL THEN
        ${CLASSIFY_ALL};
        LOOP
          SELECT array_agg(${delta('1')}), max(t.id) INTO v_rows, v_next
          FROM (SELECT * FROM "transaction" WHERE tenant_id = p_tenant AND (v_last IS NULL OR id > v_last)
                ORDER BY id LIMIT ${REBUILD_BATCH}) t;
          EXIT WHEN v_rows IS NULL;
          PERFORM analytics_apply(p_tenant, v_rows);
          v_last := v_next;
        END LOOP;
      END IF;
      PERFORM analytics_bump(p_tenant);
    END
    $fn$`;

export const CLASSIFY_FUNCTIONS: string[] = [
  `CREATE FUNCTION analytics_classify(p_tenant text, p_ids bigint[])
    RETURNS TABLE (${CLASS_RECORD})
    LANGUAGE plpgsql STABLE AS $fn$
    #variable_conflict use_column
    BEGIN
      RETURN QUERY WITH RECURSIVE tr AS (SELECT region_code AS c FROM tenant WHERE id = p_tenant),
      up (start_id, cur_id, cur_kind, parent_id, path) AS (
        SELECT p.id, p.id, p.kind, p.parent_id, ARRAY[p.id]
        FROM party p WHERE p.tenant_id = p_tenant AND p.id = ANY (p_ids) AND p.kind = 'NETWORK_UNIT'
        UNION ALL
        SELECT u.start_id, q.id, q.kind, q.parent_id, u.path || q.id
        FROM up u JOIN party q ON q.tenant_id = p_tenant AND q.id = u.parent_id
        WHERE u.cur_kind = 'NETWORK_UNIT' AND NOT q.id = ANY (u.path)
      ),
      root AS (SELECT start_id, cur_id AS agency_id FROM up WHERE cur_kind = 'AGENCY'),
      attr AS (
        SELECT p.id, p.kind, p.region_code, p.is_government,
          coalesce(p.region_code = tr.c OR p.region_code LIKE tr.c || '.%', false) AS local,
          (p.kind = 'COOPERATIVE' OR (p.kind = 'ENTERPRISE' AND coalesce(p.size_class, '') <> 'LARGE')) AS umkm,
          (p.kind = 'COOPERATIVE' OR (p.kind = 'ENTERPRISE' AND coalesce(p.size_class IN ('MICRO', 'SMALL'), false))) AS umk,
          coalesce(kd.section::text, 'UNKNOWN') AS sector,
          CASE p.kind WHEN 'AGENCY' THEN p.id WHEN 'NETWORK_UNIT' THEN root.agency_id END AS agency_id,
          coalesce(np.unit_type, 'OTHER') AS unit_type
        FROM party p
        CROSS JOIN tr
        LEFT JOIN enterprise_profile ep ON ep.tenant_id = p.tenant_id AND ep.party_id = p.id
        LEFT JOIN kbli_division kd ON kd.division = left(ep.kbli_code, 2)
        LEFT JOIN network_unit_profile np ON np.tenant_id = p.tenant_id AND np.party_id = p.id
        LEFT JOIN root ON root.start_id = p.id
        WHERE p.tenant_id = p_tenant AND p.id = ANY (p_ids)
      )
      SELECT id,
        CASE WHEN local AND umkm THEN 'LOCAL_UMKM' WHEN local THEN 'LOCAL_OTHER'
             WHEN umk THEN 'OUTSIDE_UMK' ELSE 'OUTSIDE_OTHER' END,
        umk,
        CASE WHEN local THEN CASE WHEN length(region_code) >= 8 THEN left(region_code, 8) ELSE 'UNKNOWN' END
             ELSE 'OUTSIDE' END,
        sector,
        agency_id,
        CASE WHEN agency_id IS NULL THEN NULL WHEN kind = 'AGENCY' THEN 'AGENCY' ELSE unit_type END,
        is_government,
        local AND NOT is_government
      FROM attr;
    END
    $fn$`,

  `CREATE FUNCTION analytics_bump(p_tenant text) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO analytics_state AS s (tenant_id, version) VALUES (p_tenant, 1)
      ON CONFLICT (tenant_id) DO UPDATE SET version = s.version + 1;
    END
    $fn$`,

  // Adds (p_sign 1) or subtracts (-1) every purchase of a tenant touching the given parties.
  `CREATE FUNCTION analytics_apply_parties(p_tenant text, p_ids bigint[], p_sign integer)
    RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM analytics_apply(p_tenant, ARRAY(
        SELECT ${delta('p_sign')} FROM "transaction" t
        WHERE t.tenant_id = p_tenant AND (t.buyer_id = ANY (p_ids) OR t.seller_id = ANY (p_ids))));
    END
    $fn$`,

  `CREATE FUNCTION analytics_reclassify(p_tenant text, p_ids bigint[])
    RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      v_all bigint[];
      v_new jsonb;
      v_changed bigint[];
    BEGIN
      WITH RECURSIVE d (id) AS (
        SELECT unnest(p_ids)
        UNION
        SELECT p.id FROM party p JOIN d ON p.tenant_id = p_tenant AND p.parent_id = d.id
      )
      SELECT array_agg(id) INTO v_all FROM d;
      SELECT jsonb_agg(n) INTO v_new FROM analytics_classify(p_tenant, v_all) n;
      SELECT array_agg(n.party_id) INTO v_changed
      FROM jsonb_to_recordset(v_new) n (${CLASS_RECORD})
      LEFT JOIN analytics_party_class o ON o.tenant_id = p_tenant AND o.party_id = n.party_id
      WHERE o.party_id IS NULL
         OR (o.${CLASS_COLUMNS.split(', ').join(', o.')})
            IS DISTINCT FROM
            (n.${CLASS_COLUMNS.split(', ').join(', n.')});
      IF v_changed IS NULL THEN
        RETURN;
      END IF;
      PERFORM analytics_apply_parties(p_tenant, v_changed, -1);
      INSERT INTO analytics_party_class AS c (tenant_id, party_id, ${CLASS_COLUMNS})
        SELECT p_tenant, n.* FROM jsonb_to_recordset(v_new) n (${CLASS_RECORD}) WHERE n.party_id = ANY (v_changed)
      ON CONFLICT (tenant_id, party_id) DO UPDATE SET
        ${UPDATE_CLASS};
      PERFORM analytics_apply_parties(p_tenant, v_changed, 1);
      PERFORM analytics_bump(p_tenant);
    END
    $fn$`,

  rebuildFunction(ALL_ROLLUPS),
];

/**
 * analytics_fill(tenant): every class and rollup of a tenant whose rollups hold none of its rows
 * (refused otherwise), as the rebuild would write them, but in one pass over its purchases with
 * plain INSERTs (apply.sql.ts, fillStatements) instead of analytics_apply's upserts in batches.
 * For a bulk load into empty rollups (demo/load.ts), which drops their indexes, primary keys
 * included, for it: on PGlite at demo scale 1, about half the CPU of analytics_rebuild with the
 * keys re-created. `upserts` and `rollups` are those of analytics_apply and analytics_rebuild at
 * the time (a migration adding a rollup redefines this function too). The hash aggregates of the
 * one statement are all held at once: work_mem is kept small enough that a large tenant spills to
 * disk instead of filling PGlite's 2 GB of memory. With `keyOrderParameter` (migration
 * 2026_12_08_1000_analytics_fill_in_key_order) it takes `p_key_order`: each rollup's rows written in
 * its key order (fillStatements), at the price of sorting them.
 */
export const fillFunction = (
  upserts: readonly string[],
  rollups: readonly string[],
  keyOrderParameter = false,
) => `CREATE FUNCTION analytics_fill(p_tenant text${keyOrderParameter ? ', p_key_order boolean DEFAULT false' : ''})
    RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      v_all bigint[];
    BEGIN
      PERFORM set_config('work_mem', '32MB', true);
      ${APPLY_LOCK};
      LOCK TABLE party, "transaction" IN SHARE MODE;
      IF ${rollups.map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE tenant_id = p_tenant)`).join('\n        OR ')} THEN
        RAISE EXCEPTION 'analytics_fill: the rollups already hold rows of tenant % (use analytics_rebuild)', p_tenant;
      END IF;
      DELETE FROM analytics_pending_transaction WHERE tenant_id = p_tenant;
      DELETE FROM analytics_pending_party WHERE tenant_id = p_tenant;
      SELECT array_agg(id) INTO v_all FROM party WHERE tenant_id = p_tenant;
      IF v_all IS NOT NULL THEN
        ${CLASSIFY_ALL};
        ${
          keyOrderParameter
            ? `IF p_key_order THEN
          ${fillStatements(upserts, true).join(';\n          ')};
        ELSE
          ${fillStatements(upserts).join(';\n          ')};
        END IF`
            : fillStatements(upserts).join(';\n        ')
        };
      END IF;
      PERFORM analytics_bump(p_tenant);
    END
    $fn$`;
