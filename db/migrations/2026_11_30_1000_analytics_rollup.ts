import { type Kysely, sql } from 'kysely';

/*
 * Pre-aggregated spending for the measures of docs/metrics.md (server/src/analytics), kept in step with
 * every write in the same transaction by triggers, so the demo loader, the CSV import and API
 * mutations all keep them honest.
 *
 * analytics_party_class holds each party's classification as the rollups were built with it: as a
 * seller (LOCAL_UMKM / LOCAL_OTHER / OUTSIDE_UMK / OUTSIDE_OTHER, UMK, kecamatan, KBLI section) and
 * as a buyer (the agency at the top of its parent chain, AGENCY or its unit type, government or
 * not). Every rollup row is the sum over transactions of a contribution computed from the
 * transaction and the classes of its buyer and seller:
 *
 *   analytics_spend_month       month × agency × buyer kind × government × category × account
 *                               × seller class × UMK                (totals, shares, scorecard, flows)
 *   analytics_spend_cell_month  … × kecamatan × KBLI section of the seller        (flows by place/sector)
 *   analytics_seller_month      month × agency × buyer kind × government × category × account
 *                               × seller, local UMKM sellers only   (sellers reached, domino injection)
 *   analytics_program_spend     program × seller class, any buyer   (program realisation)
 *   analytics_program_seller    program × seller, local UMKM only   (UMKM reached per program)
 *
 * The first three hold purchases of buyers that belong to an agency (agencies and the units of
 * their networks); a unit whose parent chain never reaches an agency (a cycle) has no agency.
 *
 * Invariant: rollup = Σ contribution(transaction, class[buyer], class[seller]). Writes to
 * "transaction" add (INSERT), subtract (DELETE) or both (UPDATE) their rows, set-based through
 * statement-level triggers with transition tables. When a party's classification changes (its
 * region, kind, size, government flag, parent, KBLI code or unit type), analytics_reclassify
 * subtracts every transaction touching it with the stored class, stores the new class and adds
 * them again; since the stored class is exactly what was added, any number of parties can change
 * in one statement. The classification below is the only one: the measures read it through
 * analytics_party_class (server/src/analytics/facts.sql.ts); the property tests check it against
 * a plain reference.
 *
 * Months are calendar months (date_trunc on a timestamp without time zone, so no TimeZone
 * setting shifts them). Reference data (kbli_division) and a tenant's region code are taken as
 * fixed: changing them needs `SELECT analytics_rebuild(tenant)`.
 */

const SPEND_KEY =
  'tenant_id, month, agency_id, buyer_kind, buyer_gov, category, account_code, seller_class, seller_umk';
const CELL_KEY = `${SPEND_KEY}, district, sector`;
const SELLER_KEY = 'tenant_id, month, agency_id, buyer_kind, buyer_gov, category, account_code, seller_id';

/**
 * The statements that add (sign 1) or subtract (sign -1) the contributions of the transactions in
 * `source` (a relation with the columns of "transaction") to every rollup: one statement whose
 * data-modifying CTEs share one read of the source, then (when subtracting) the removal of rows
 * whose last transaction left.
 */
function applySql(source: string, sign: 1 | -1): string {
  const month = "date_trunc('month', t.occurred_on::timestamp)::date";
  const from = `FROM src t
        JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id
        JOIN analytics_party_class s ON s.tenant_id = t.tenant_id AND s.party_id = t.seller_id`;
  const add = (key: string) =>
    `ON CONFLICT (${key}) DO UPDATE SET amount = r.amount + excluded.amount, n = r.n + excluded.n`;
  const upserts = [
    `INSERT INTO analytics_spend_month AS r (${SPEND_KEY}, amount, n)
        SELECT t.tenant_id, ${month}, b.agency_id, b.buyer_kind, b.is_government, t.category,
               coalesce(t.account_code, ''), s.seller_class, s.is_umk, ${sign} * sum(t.amount), ${sign} * count(*)
        ${from}
        WHERE b.agency_id IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        ${add(SPEND_KEY)}`,
    `INSERT INTO analytics_spend_cell_month AS r (${CELL_KEY}, amount, n)
        SELECT t.tenant_id, ${month}, b.agency_id, b.buyer_kind, b.is_government, t.category,
               coalesce(t.account_code, ''), s.seller_class, s.is_umk, s.district, s.sector,
               ${sign} * sum(t.amount), ${sign} * count(*)
        ${from}
        WHERE b.agency_id IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        ${add(CELL_KEY)}`,
    `INSERT INTO analytics_seller_month AS r (${SELLER_KEY}, district, sector, amount, n)
        SELECT t.tenant_id, ${month}, b.agency_id, b.buyer_kind, b.is_government, t.category,
               coalesce(t.account_code, ''), t.seller_id, min(s.district), min(s.sector),
               ${sign} * sum(t.amount), ${sign} * count(*)
        ${from}
        WHERE b.agency_id IS NOT NULL AND s.seller_class = 'LOCAL_UMKM'
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        ${add(SELLER_KEY)}, district = excluded.district, sector = excluded.sector`,
    `INSERT INTO analytics_program_spend AS r (tenant_id, program_id, seller_class, amount, n)
        SELECT t.tenant_id, t.program_id, s.seller_class, ${sign} * sum(t.amount), ${sign} * count(*)
        ${from}
        WHERE t.program_id IS NOT NULL
        GROUP BY 1, 2, 3
        ${add('tenant_id, program_id, seller_class')}`,
    `INSERT INTO analytics_program_seller AS r (tenant_id, program_id, seller_id, amount, n)
        SELECT t.tenant_id, t.program_id, t.seller_id, ${sign} * sum(t.amount), ${sign} * count(*)
        ${from}
        WHERE t.program_id IS NOT NULL AND s.seller_class = 'LOCAL_UMKM'
        GROUP BY 1, 2, 3
        ${add('tenant_id, program_id, seller_id')}`,
  ];
  const ctes = upserts.slice(0, -1).map((u, i) => `u${i} AS (${u})`);
  const statements = [
    `WITH src AS MATERIALIZED (SELECT * FROM ${source}), ${ctes.join(',\n      ')}\n      ${upserts.at(-1)}`,
  ];
  if (sign === -1) {
    // Rows whose last transaction left; the partial indexes make this a lookup, not a scan.
    for (const table of ROLLUPS) statements.push(`DELETE FROM ${table} WHERE n = 0`);
  }
  return statements.map((s) => `${s};`).join('\n      ');
}

/** The transactions of a tenant whose buyer or seller is one of p_ids (inside analytics_apply_parties). */
const TOUCHED = `(SELECT * FROM "transaction" WHERE tenant_id = p_tenant AND buyer_id = ANY (p_ids)
    UNION SELECT * FROM "transaction" WHERE tenant_id = p_tenant AND seller_id = ANY (p_ids)) touched`;

const ROLLUPS = [
  'analytics_spend_month',
  'analytics_spend_cell_month',
  'analytics_seller_month',
  'analytics_program_spend',
  'analytics_program_seller',
];

/** Which parties' classes a statement on a profile or party table may have changed. */
function reclassifyTrigger(name: string, _table: string, _event: string, rows: string, condition = 'true'): string {
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      t record;
    BEGIN
      FOR t IN SELECT tenant_id, array_agg(DISTINCT id) AS ids FROM (${rows}) x WHERE ${condition} GROUP BY tenant_id LOOP
        PERFORM analytics_reclassify(t.tenant_id, t.ids);
      END LOOP;
      RETURN NULL;
    END
  $fn$`;
}

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE analytics_party_class (
      tenant_id text NOT NULL,
      party_id bigint NOT NULL,
      seller_class text NOT NULL,
      is_umk boolean NOT NULL,
      district text NOT NULL,
      sector text NOT NULL,
      agency_id bigint,
      buyer_kind text,
      is_government boolean NOT NULL,
      in_l boolean NOT NULL,
      PRIMARY KEY (tenant_id, party_id)
    )`,
    `CREATE TABLE analytics_spend_month (
      tenant_id text NOT NULL,
      month date NOT NULL,
      agency_id bigint NOT NULL,
      buyer_kind text NOT NULL,
      buyer_gov boolean NOT NULL,
      category text NOT NULL,
      account_code text NOT NULL,
      seller_class text NOT NULL,
      seller_umk boolean NOT NULL,
      amount bigint NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (${SPEND_KEY})
    )`,
    `CREATE TABLE analytics_spend_cell_month (
      tenant_id text NOT NULL,
      month date NOT NULL,
      agency_id bigint NOT NULL,
      buyer_kind text NOT NULL,
      buyer_gov boolean NOT NULL,
      category text NOT NULL,
      account_code text NOT NULL,
      seller_class text NOT NULL,
      seller_umk boolean NOT NULL,
      district text NOT NULL,
      sector text NOT NULL,
      amount bigint NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (${CELL_KEY})
    )`,
    `CREATE TABLE analytics_seller_month (
      tenant_id text NOT NULL,
      month date NOT NULL,
      agency_id bigint NOT NULL,
      buyer_kind text NOT NULL,
      buyer_gov boolean NOT NULL,
      category text NOT NULL,
      account_code text NOT NULL,
      seller_id bigint NOT NULL,
      district text NOT NULL,
      sector text NOT NULL,
      amount bigint NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (${SELLER_KEY})
    )`,
    `CREATE TABLE analytics_program_spend (
      tenant_id text NOT NULL,
      program_id bigint NOT NULL,
      seller_class text NOT NULL,
      amount bigint NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (tenant_id, program_id, seller_class)
    )`,
    `CREATE TABLE analytics_program_seller (
      tenant_id text NOT NULL,
      program_id bigint NOT NULL,
      seller_id bigint NOT NULL,
      amount bigint NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (tenant_id, program_id, seller_id)
    )`,
    // A per-tenant counter bumped by every write that can change a measure: lets a process cache
    // what it derived (the domino matrix) and know when it is stale.
    `CREATE TABLE analytics_state (
      tenant_id text PRIMARY KEY,
      version bigint NOT NULL DEFAULT 0
    )`,
    ...ROLLUPS.map((table) => `CREATE INDEX ${table}_empty_idx ON ${table} (tenant_id) WHERE n = 0`),
    // Sellers reached: a seller-ordered scan per agency, and the per-seller sums of the domino injection.
    `CREATE INDEX analytics_seller_month_seller_idx ON analytics_seller_month (tenant_id, seller_id)`,
    `CREATE INDEX analytics_party_class_agency_idx ON analytics_party_class (tenant_id, agency_id) WHERE agency_id IS NOT NULL`,
    // The reclassification walks the transactions of a party as buyer and as seller.
    `CREATE INDEX transaction_program_seller_idx ON "transaction" (tenant_id, seller_id) WHERE program_id IS NOT NULL`,

    // The classification of parties, the one the measures read (server/src/analytics/facts.sql.ts).
    `CREATE FUNCTION analytics_classify(p_tenant text, p_ids bigint[])
    RETURNS TABLE (party_id bigint, seller_class text, is_umk boolean, district text, sector text,
                   agency_id bigint, buyer_kind text, is_government boolean, in_l boolean)
    LANGUAGE sql STABLE AS $fn$
      WITH RECURSIVE tr AS (SELECT region_code AS c FROM tenant WHERE id = p_tenant),
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
      FROM attr
    $fn$`,

    `CREATE FUNCTION analytics_bump(p_tenant text) RETURNS void LANGUAGE sql AS $fn$
      INSERT INTO analytics_state AS s (tenant_id, version) VALUES (p_tenant, 1)
      ON CONFLICT (tenant_id) DO UPDATE SET version = s.version + 1
    $fn$`,

    // Adds (p_sign 1) or subtracts (-1) every transaction of a tenant touching the given parties.
    `CREATE FUNCTION analytics_apply_parties(p_tenant text, p_ids bigint[], p_sign integer)
    RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF p_sign > 0 THEN
        ${applySql(TOUCHED, 1)}
      ELSE
        ${applySql(TOUCHED, -1)}
      END IF;
    END
    $fn$`,

    // Re-derives the classes of parties (and of the units below them) and moves the contributions
    // of their transactions from the stored classes to the new ones.
    `CREATE FUNCTION analytics_reclassify(p_tenant text, p_ids bigint[])
    RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      v_all bigint[];
      v_changed bigint[];
    BEGIN
      WITH RECURSIVE d (id) AS (
        SELECT unnest(p_ids)
        UNION
        SELECT p.id FROM party p JOIN d ON p.tenant_id = p_tenant AND p.parent_id = d.id
      )
      SELECT array_agg(id) INTO v_all FROM d;
      SELECT array_agg(n.party_id) INTO v_changed
      FROM analytics_classify(p_tenant, v_all) n
      LEFT JOIN analytics_party_class o ON o.tenant_id = p_tenant AND o.party_id = n.party_id
      WHERE o.party_id IS NULL
         OR (o.seller_class, o.is_umk, o.district, o.sector, o.agency_id, o.buyer_kind, o.is_government, o.in_l)
            IS DISTINCT FROM
            (n.seller_class, n.is_umk, n.district, n.sector, n.agency_id, n.buyer_kind, n.is_government, n.in_l);
      IF v_changed IS NULL THEN
        RETURN;
      END IF;
      PERFORM analytics_apply_parties(p_tenant, v_changed, -1);
      INSERT INTO analytics_party_class AS c
        (tenant_id, party_id, seller_class, is_umk, district, sector, agency_id, buyer_kind, is_government, in_l)
        SELECT p_tenant, n.* FROM analytics_classify(p_tenant, v_changed) n
      ON CONFLICT (tenant_id, party_id) DO UPDATE SET
        seller_class = excluded.seller_class, is_umk = excluded.is_umk, district = excluded.district,
        sector = excluded.sector, agency_id = excluded.agency_id, buyer_kind = excluded.buyer_kind,
        is_government = excluded.is_government, in_l = excluded.in_l;
      PERFORM analytics_apply_parties(p_tenant, v_changed, 1);
      PERFORM analytics_bump(p_tenant);
    END
    $fn$`,

    // Rebuilds a tenant's classes and rollups from scratch (after changing reference data).
    `CREATE FUNCTION analytics_rebuild(p_tenant text) RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      v_all bigint[];
    BEGIN
      DELETE FROM analytics_party_class WHERE tenant_id = p_tenant;
      ${ROLLUPS.map((t) => `DELETE FROM ${t} WHERE tenant_id = p_tenant;`).join('\n      ')}
      SELECT array_agg(id) INTO v_all FROM party WHERE tenant_id = p_tenant;
      IF v_all IS NULL THEN
        RETURN;
      END IF;
      INSERT INTO analytics_party_class
        (tenant_id, party_id, seller_class, is_umk, district, sector, agency_id, buyer_kind, is_government, in_l)
        SELECT p_tenant, n.* FROM analytics_classify(p_tenant, v_all) n;
      ${applySql('"transaction" WHERE tenant_id = p_tenant', 1)}
      PERFORM analytics_bump(p_tenant);
    END
    $fn$`,

    // ── "transaction": add, subtract or both, set-based per statement ──
    `CREATE FUNCTION analytics_transaction_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${applySql('new_rows', 1)}
      PERFORM analytics_bump(tenant_id) FROM (SELECT DISTINCT tenant_id FROM new_rows) x;
      RETURN NULL;
    END
    $fn$`,
    `CREATE FUNCTION analytics_transaction_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${applySql('old_rows', -1)}
      PERFORM analytics_bump(tenant_id) FROM (SELECT DISTINCT tenant_id FROM old_rows) x;
      RETURN NULL;
    END
    $fn$`,
    `CREATE FUNCTION analytics_transaction_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${applySql('old_rows', -1)}
      ${applySql('new_rows', 1)}
      PERFORM analytics_bump(tenant_id) FROM (SELECT DISTINCT tenant_id FROM new_rows) x;
      RETURN NULL;
    END
    $fn$`,
    `CREATE FUNCTION analytics_transaction_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${ROLLUPS.map((t) => `DELETE FROM ${t};`).join('\n      ')}
      UPDATE analytics_state SET version = version + 1;
      RETURN NULL;
    END
    $fn$`,
    `CREATE TRIGGER analytics_transaction_insert AFTER INSERT ON "transaction"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_transaction_inserted()`,
    `CREATE TRIGGER analytics_transaction_delete AFTER DELETE ON "transaction"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_transaction_deleted()`,
    `CREATE TRIGGER analytics_transaction_update AFTER UPDATE ON "transaction"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_transaction_updated()`,
    `CREATE TRIGGER analytics_transaction_truncate AFTER TRUNCATE ON "transaction"
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_transaction_truncated()`,

    // ── parties and profiles: (re)classify ──
    `CREATE FUNCTION analytics_party_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      t record;
    BEGIN
      FOR t IN SELECT tenant_id, array_agg(id) AS ids FROM new_rows GROUP BY tenant_id LOOP
        INSERT INTO analytics_party_class
          (tenant_id, party_id, seller_class, is_umk, district, sector, agency_id, buyer_kind, is_government, in_l)
          SELECT t.tenant_id, n.* FROM analytics_classify(t.tenant_id, t.ids) n
        ON CONFLICT (tenant_id, party_id) DO UPDATE SET
          seller_class = excluded.seller_class, is_umk = excluded.is_umk, district = excluded.district,
          sector = excluded.sector, agency_id = excluded.agency_id, buyer_kind = excluded.buyer_kind,
          is_government = excluded.is_government, in_l = excluded.in_l;
      END LOOP;
      RETURN NULL;
    END
    $fn$`,
    `CREATE FUNCTION analytics_party_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM analytics_party_class c USING old_rows o WHERE c.tenant_id = o.tenant_id AND c.party_id = o.id;
      RETURN NULL;
    END
    $fn$`,
    reclassifyTrigger(
      'analytics_party_updated',
      'party',
      'UPDATE',
      'SELECT n.tenant_id, n.id FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id WHERE (n.kind, n.region_code, n.size_class, n.is_government, n.parent_id) IS DISTINCT FROM (o.kind, o.region_code, o.size_class, o.is_government, o.parent_id)',
    ),
    reclassifyTrigger(
      'analytics_profile_inserted',
      'enterprise_profile, network_unit_profile',
      'INSERT',
      'SELECT tenant_id, party_id AS id FROM new_rows',
    ),
    reclassifyTrigger(
      'analytics_profile_deleted',
      'enterprise_profile, network_unit_profile',
      'DELETE',
      'SELECT o.tenant_id, o.party_id AS id FROM old_rows o JOIN party p ON p.tenant_id = o.tenant_id AND p.id = o.party_id',
    ),
    reclassifyTrigger(
      'analytics_enterprise_profile_updated',
      'enterprise_profile',
      'UPDATE',
      'SELECT n.tenant_id, n.party_id AS id FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.party_id = n.party_id WHERE n.kbli_code IS DISTINCT FROM o.kbli_code OR n.party_id <> o.party_id',
    ),
    reclassifyTrigger(
      'analytics_network_unit_profile_updated',
      'network_unit_profile',
      'UPDATE',
      'SELECT n.tenant_id, n.party_id AS id FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.party_id = n.party_id WHERE n.unit_type IS DISTINCT FROM o.unit_type OR n.party_id <> o.party_id',
    ),
    `CREATE TRIGGER analytics_party_insert AFTER INSERT ON party
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_party_inserted()`,
    `CREATE TRIGGER analytics_party_update AFTER UPDATE ON party
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_party_updated()`,
    `CREATE TRIGGER analytics_party_delete AFTER DELETE ON party
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_party_deleted()`,
    ...['enterprise_profile', 'network_unit_profile'].flatMap((table) => [
      `CREATE TRIGGER analytics_${table}_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_profile_inserted()`,
      `CREATE TRIGGER analytics_${table}_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_profile_deleted()`,
      `CREATE TRIGGER analytics_${table}_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_${table}_updated()`,
    ]),
    // Snapshots feed the domino revenue and the recovery index: they only bump the version.
    `CREATE FUNCTION analytics_snapshot_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM analytics_bump(id) FROM tenant;
      RETURN NULL;
    END
    $fn$`,
    `CREATE TRIGGER analytics_snapshot_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprise_snapshot
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_snapshot_changed()`,

    // Existing data: classify every party and aggregate every transaction.
    `SELECT analytics_rebuild(id) FROM tenant`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const triggers: Array<[string, string]> = [
    ['analytics_transaction_insert', '"transaction"'],
    ['analytics_transaction_delete', '"transaction"'],
    ['analytics_transaction_update', '"transaction"'],
    ['analytics_transaction_truncate', '"transaction"'],
    ['analytics_party_insert', 'party'],
    ['analytics_party_update', 'party'],
    ['analytics_party_delete', 'party'],
    ['analytics_enterprise_profile_insert', 'enterprise_profile'],
    ['analytics_enterprise_profile_delete', 'enterprise_profile'],
    ['analytics_enterprise_profile_update', 'enterprise_profile'],
    ['analytics_network_unit_profile_insert', 'network_unit_profile'],
    ['analytics_network_unit_profile_delete', 'network_unit_profile'],
    ['analytics_network_unit_profile_update', 'network_unit_profile'],
    ['analytics_snapshot_change', 'enterprise_snapshot'],
  ];
  for (const [name, table] of triggers) await sql.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`).execute(db);
  for (const fn of [
    'analytics_transaction_inserted()',
    'analytics_transaction_deleted()',
    'analytics_transaction_updated()',
    'analytics_transaction_truncated()',
    'analytics_party_inserted()',
    'analytics_party_deleted()',
    'analytics_party_updated()',
    'analytics_profile_inserted()',
    'analytics_profile_deleted()',
    'analytics_enterprise_profile_updated()',
    'analytics_network_unit_profile_updated()',
    'analytics_snapshot_changed()',
    'analytics_rebuild(text)',
    'analytics_reclassify(text, bigint[])',
    'analytics_apply_parties(text, bigint[], integer)',
    'analytics_bump(text)',
    'analytics_classify(text, bigint[])',
  ]) {
    await sql.raw(`DROP FUNCTION IF EXISTS ${fn}`).execute(db);
  }
  await sql.raw('DROP INDEX IF EXISTS transaction_program_seller_idx').execute(db);
  for (const table of [...ROLLUPS, 'analytics_party_class', 'analytics_state']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}
