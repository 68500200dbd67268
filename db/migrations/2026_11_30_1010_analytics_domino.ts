import { type Kysely, sql } from 'kysely';

/*
 * Two more rollups for the re-spending rounds of docs/metrics.md (server/src/analytics/domino-effect),
 * maintained exactly like those of 2026_11_30_1000_analytics_rollup (whose functions this migration
 * replaces with versions that also keep these two):
 *
 *   analytics_pair_month    month × buyer × seller, for purchases between parties of L (local,
 *                           not government buyers): the numerators of m[i][j]
 *   analytics_party_month   month × party of L: what it received and what it paid, to anyone:
 *                           two of the three candidates of rev[i]
 *
 * Both depend on the class of the parties (in_l), so analytics_reclassify moves them too. The
 * rebuild also gets enough work_mem to aggregate millions of rows in memory.
 */

const SPEND_KEY =
  'tenant_id, month, agency_id, buyer_kind, buyer_gov, category, account_code, seller_class, seller_umk';
const CELL_KEY = `${SPEND_KEY}, district, sector`;
const SELLER_KEY = 'tenant_id, month, agency_id, buyer_kind, buyer_gov, category, account_code, seller_id';

const ROLLUPS = [
  'analytics_spend_month',
  'analytics_spend_cell_month',
  'analytics_seller_month',
  'analytics_program_spend',
  'analytics_program_seller',
  'analytics_pair_month',
  'analytics_party_month',
];

/**
 * One statement adding (sign 1) or subtracting (-1) the contributions of the transactions in
 * `source` to every rollup, then (when subtracting) the removal of rows left empty.
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
    `INSERT INTO analytics_pair_month AS r (tenant_id, month, buyer_id, seller_id, amount, n)
        SELECT t.tenant_id, ${month}, t.buyer_id, t.seller_id, ${sign} * sum(t.amount), ${sign} * count(*)
        ${from}
        WHERE b.in_l AND s.in_l
        GROUP BY 1, 2, 3, 4
        ${add('tenant_id, month, buyer_id, seller_id')}`,
    `INSERT INTO analytics_party_month AS r (tenant_id, month, party_id, received, paid, n)
        SELECT tenant_id, month, party_id, ${sign} * sum(received), ${sign} * sum(paid), ${sign} * count(*)
        FROM (
          SELECT t.tenant_id, ${month} AS month, t.buyer_id AS party_id, 0::bigint AS received, t.amount AS paid
          ${from} WHERE b.in_l
          UNION ALL
          SELECT t.tenant_id, ${month}, t.seller_id, t.amount, 0::bigint
          ${from} WHERE s.in_l
        ) x
        GROUP BY 1, 2, 3
        ON CONFLICT (tenant_id, month, party_id) DO UPDATE
          SET received = r.received + excluded.received, paid = r.paid + excluded.paid, n = r.n + excluded.n`,
  ];
  const ctes = upserts.slice(0, -1).map((u, i) => `u${i} AS (${u})`);
  const statements = [
    `WITH src AS MATERIALIZED (SELECT * FROM ${source}), ${ctes.join(',\n      ')}\n      ${upserts.at(-1)}`,
  ];
  if (sign === -1) {
    for (const table of ROLLUPS) statements.push(`DELETE FROM ${table} WHERE n = 0`);
  }
  return statements.map((s) => `${s};`).join('\n      ');
}

/** The transactions of a tenant whose buyer or seller is one of p_ids (inside analytics_apply_parties). */
const TOUCHED = `(SELECT * FROM "transaction" WHERE tenant_id = p_tenant AND buyer_id = ANY (p_ids)
    UNION SELECT * FROM "transaction" WHERE tenant_id = p_tenant AND seller_id = ANY (p_ids)) touched`;

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE analytics_pair_month (
      tenant_id text NOT NULL,
      month date NOT NULL,
      buyer_id bigint NOT NULL,
      seller_id bigint NOT NULL,
      amount bigint NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (tenant_id, month, buyer_id, seller_id)
    )`,
    `CREATE TABLE analytics_party_month (
      tenant_id text NOT NULL,
      month date NOT NULL,
      party_id bigint NOT NULL,
      received bigint NOT NULL,
      paid bigint NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (tenant_id, month, party_id)
    )`,
    `CREATE INDEX analytics_pair_month_empty_idx ON analytics_pair_month (tenant_id) WHERE n = 0`,
    `CREATE INDEX analytics_party_month_empty_idx ON analytics_party_month (tenant_id) WHERE n = 0`,

    `CREATE OR REPLACE FUNCTION analytics_apply_parties(p_tenant text, p_ids bigint[], p_sign integer)
    RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF p_sign > 0 THEN
        ${applySql(TOUCHED, 1)}
      ELSE
        ${applySql(TOUCHED, -1)}
      END IF;
    END
    $fn$`,
    `CREATE OR REPLACE FUNCTION analytics_rebuild(p_tenant text) RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      v_all bigint[];
    BEGIN
      PERFORM set_config('work_mem', '256MB', true);
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
    `CREATE OR REPLACE FUNCTION analytics_transaction_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${applySql('new_rows', 1)}
      PERFORM analytics_bump(tenant_id) FROM (SELECT DISTINCT tenant_id FROM new_rows) x;
      RETURN NULL;
    END
    $fn$`,
    `CREATE OR REPLACE FUNCTION analytics_transaction_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${applySql('old_rows', -1)}
      PERFORM analytics_bump(tenant_id) FROM (SELECT DISTINCT tenant_id FROM old_rows) x;
      RETURN NULL;
    END
    $fn$`,
    `CREATE OR REPLACE FUNCTION analytics_transaction_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${applySql('old_rows', -1)}
      ${applySql('new_rows', 1)}
      PERFORM analytics_bump(tenant_id) FROM (SELECT DISTINCT tenant_id FROM new_rows) x;
      RETURN NULL;
    END
    $fn$`,
    `CREATE OR REPLACE FUNCTION analytics_transaction_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${ROLLUPS.map((t) => `DELETE FROM ${t};`).join('\n      ')}
      UPDATE analytics_state SET version = version + 1;
      RETURN NULL;
    END
    $fn$`,
    // Fill the new rollups from the data already there.
    `INSERT INTO analytics_pair_month (tenant_id, month, buyer_id, seller_id, amount, n)
      SELECT t.tenant_id, date_trunc('month', t.occurred_on::timestamp)::date, t.buyer_id, t.seller_id, sum(t.amount), count(*)
      FROM "transaction" t
      JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id AND b.in_l
      JOIN analytics_party_class s ON s.tenant_id = t.tenant_id AND s.party_id = t.seller_id AND s.in_l
      GROUP BY 1, 2, 3, 4`,
    `INSERT INTO analytics_party_month (tenant_id, month, party_id, received, paid, n)
      SELECT tenant_id, month, party_id, sum(received), sum(paid), count(*)
      FROM (
        SELECT t.tenant_id, date_trunc('month', t.occurred_on::timestamp)::date AS month, t.buyer_id AS party_id,
               0::bigint AS received, t.amount AS paid
        FROM "transaction" t JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id AND b.in_l
        UNION ALL
        SELECT t.tenant_id, date_trunc('month', t.occurred_on::timestamp)::date, t.seller_id, t.amount, 0::bigint
        FROM "transaction" t JOIN analytics_party_class s ON s.tenant_id = t.tenant_id AND s.party_id = t.seller_id AND s.in_l
      ) x
      GROUP BY 1, 2, 3`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The functions of 2026_11_30_1000 keep working without these tables only once they are
  // re-created by that migration's up(): rolling back this one means rolling back both.
  await sql.raw('DROP TABLE IF EXISTS analytics_pair_month').execute(db);
  await sql.raw('DROP TABLE IF EXISTS analytics_party_month').execute(db);
}
