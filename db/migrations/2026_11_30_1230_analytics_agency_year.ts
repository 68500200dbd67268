import { type Kysely, sql } from 'kysely';

/*
 * Distinct local UMKM sellers per agency and year, counted in advance: the agency scorecard of a
 * fiscal year (the dashboard's default view) reads 1 row per agency instead of every per-seller
 * purchase cell of the year.
 *
 *   analytics_agency_year   year × agency: sellers paid by the agency itself (direct), and by the
 *                           agency or any unit of its network (with_network)
 *
 * Kept in step like the others: the apply functions of 2026_11_30_1210 are replaced by versions
 * that, after the other rollups, recount the agency-years the statement touched from
 * analytics_seller_month (indexed by agency for it). Subtracting runs with the stored (old) classes
 * and adding with the new ones, so when a network unit moves to another agency both are recounted.
 */

const SPEND_KEY =
  'tenant_id, month, agency_id, buyer_kind, buyer_gov, category, account_code, seller_class, seller_umk';
const CELL_KEY = `${SPEND_KEY}, district, sector`;
const SELLER_KEY = 'tenant_id, month, agency_id, buyer_kind, buyer_gov, category, account_code, seller_id';
const YEAR_KEY = SPEND_KEY.replace('month', 'year');
const CELL_YEAR_KEY = CELL_KEY.replace('month', 'year');

const ROLLUPS = [
  'analytics_spend_month',
  'analytics_spend_cell_month',
  'analytics_seller_month',
  'analytics_program_spend',
  'analytics_program_seller',
  'analytics_pair_month',
  'analytics_party_month',
  'analytics_spend_year',
  'analytics_spend_cell_year',
];

/**
 * The statements adding (sign 1) or subtracting (-1) the contributions of the transactions in
 * `source` to every rollup: one statement whose data-modifying CTEs share one read of the source;
 * (when subtracting) the removal of rows left empty; then the seller-year masks of the sellers
 * touched, re-derived from analytics_seller_month.
 */
function applySql(source: string, sign: 1 | -1): string {
  const month = "date_trunc('month', t.occurred_on::timestamp)::date";
  const year = "date_part('year', t.occurred_on)::smallint";
  const from = `FROM src t
        JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id
        JOIN analytics_party_class s ON s.tenant_id = t.tenant_id AND s.party_id = t.seller_id`;
  const add = (key: string) =>
    `ON CONFLICT (${key}) DO UPDATE SET amount = r.amount + excluded.amount, n = r.n + excluded.n`;
  const spend = (table: string, key: string, period: string, cells: boolean) =>
    `INSERT INTO ${table} AS r (${key}, amount, n)
        SELECT t.tenant_id, ${period}, b.agency_id, b.buyer_kind, b.is_government, t.category,
               coalesce(t.account_code, ''), s.seller_class, s.is_umk${cells ? ', s.district, s.sector' : ''},
               ${sign} * sum(t.amount), ${sign} * count(*)
        ${from}
        WHERE b.agency_id IS NOT NULL
        GROUP BY ${cells ? '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11' : '1, 2, 3, 4, 5, 6, 7, 8, 9'}
        ${add(key)}`;
  const upserts = [
    spend('analytics_spend_month', SPEND_KEY, month, false),
    spend('analytics_spend_cell_month', CELL_KEY, month, true),
    spend('analytics_spend_year', YEAR_KEY, year, false),
    spend('analytics_spend_cell_year', CELL_YEAR_KEY, year, true),
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
  // The seller-years the source touched, re-derived from the (now updated) monthly seller cells.
  const touched = `(SELECT DISTINCT t.tenant_id, date_part('year', t.occurred_on)::smallint AS year, t.seller_id
        FROM (SELECT * FROM ${source}) t)`;
  const inYear = `m.tenant_id = a.tenant_id AND m.seller_id = a.seller_id
          AND m.month >= make_date(a.year, 1, 1) AND m.month < make_date(a.year + 1, 1, 1) AND m.n > 0`;
  const bit = "1 << (date_part('month', m.month)::int - 1)";
  statements.push(
    `INSERT INTO analytics_seller_year AS r (tenant_id, year, seller_id, district, sector, m_agency, m_net_gov, m_net_other)
      SELECT a.tenant_id, a.year, a.seller_id, min(m.district), min(m.sector),
        coalesce(bit_or(${bit}) FILTER (WHERE m.buyer_kind = 'AGENCY'), 0),
        coalesce(bit_or(${bit}) FILTER (WHERE m.buyer_kind <> 'AGENCY' AND m.buyer_gov), 0),
        coalesce(bit_or(${bit}) FILTER (WHERE m.buyer_kind <> 'AGENCY' AND NOT m.buyer_gov), 0)
      FROM ${touched} a JOIN analytics_seller_month m ON ${inYear}
      GROUP BY a.tenant_id, a.year, a.seller_id
      ON CONFLICT (tenant_id, year, seller_id) DO UPDATE SET district = excluded.district, sector = excluded.sector,
        m_agency = excluded.m_agency, m_net_gov = excluded.m_net_gov, m_net_other = excluded.m_net_other`,
    `DELETE FROM analytics_seller_year y USING ${touched} a
      WHERE y.tenant_id = a.tenant_id AND y.year = a.year AND y.seller_id = a.seller_id
        AND NOT EXISTS (SELECT 1 FROM analytics_seller_month m WHERE ${inYear})`,
  );
  // The agency-years the source touched (through its buyers' current classes), recounted.
  const agencyYears = `(SELECT DISTINCT t.tenant_id, date_part('year', t.occurred_on)::smallint AS year, b.agency_id
        FROM (SELECT * FROM ${source}) t
        JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id
        WHERE b.agency_id IS NOT NULL)`;
  const ofAgencyYear = `m.tenant_id = a.tenant_id AND m.agency_id = a.agency_id
          AND m.month >= make_date(a.year, 1, 1) AND m.month < make_date(a.year + 1, 1, 1) AND m.n > 0`;
  statements.push(
    `INSERT INTO analytics_agency_year AS r (tenant_id, year, agency_id, direct, with_network)
      SELECT a.tenant_id, a.year, a.agency_id,
        count(DISTINCT m.seller_id) FILTER (WHERE m.buyer_kind = 'AGENCY'), count(DISTINCT m.seller_id)
      FROM ${agencyYears} a JOIN analytics_seller_month m ON ${ofAgencyYear}
      GROUP BY a.tenant_id, a.year, a.agency_id
      ON CONFLICT (tenant_id, year, agency_id) DO UPDATE SET direct = excluded.direct, with_network = excluded.with_network`,
    `DELETE FROM analytics_agency_year y USING ${agencyYears} a
      WHERE y.tenant_id = a.tenant_id AND y.year = a.year AND y.agency_id = a.agency_id
        AND NOT EXISTS (SELECT 1 FROM analytics_seller_month m WHERE ${ofAgencyYear})`,
  );
  return statements.map((s) => `${s};`).join('\n      ');
}

/** The transactions of a tenant whose buyer or seller is one of p_ids (inside analytics_apply_parties). */
const TOUCHED = `(SELECT * FROM "transaction" WHERE tenant_id = p_tenant AND buyer_id = ANY (p_ids)
    UNION SELECT * FROM "transaction" WHERE tenant_id = p_tenant AND seller_id = ANY (p_ids)) touched`;

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE analytics_agency_year (
      tenant_id text NOT NULL,
      year smallint NOT NULL,
      agency_id bigint NOT NULL,
      direct integer NOT NULL,
      with_network integer NOT NULL,
      PRIMARY KEY (tenant_id, year, agency_id)
    )`,
    'CREATE INDEX analytics_seller_month_agency_idx ON analytics_seller_month (tenant_id, agency_id, month)',

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
      ${[...ROLLUPS, 'analytics_seller_year', 'analytics_agency_year'].map((t) => `DELETE FROM ${t} WHERE tenant_id = p_tenant;`).join('\n      ')}
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
      ${[...ROLLUPS, 'analytics_seller_year', 'analytics_agency_year'].map((t) => `DELETE FROM ${t};`).join('\n      ')}
      UPDATE analytics_state SET version = version + 1;
      RETURN NULL;
    END
    $fn$`,
    // Count what is already there.
    `INSERT INTO analytics_agency_year (tenant_id, year, agency_id, direct, with_network)
      SELECT tenant_id, date_part('year', month)::smallint, agency_id,
        count(DISTINCT seller_id) FILTER (WHERE buyer_kind = 'AGENCY'), count(DISTINCT seller_id)
      FROM analytics_seller_month WHERE n > 0
      GROUP BY 1, 2, 3`,
    'ANALYZE analytics_agency_year',
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Rolling back means rolling back 2026_11_30_1210 too (its functions were replaced).
  await sql.raw('DROP TABLE IF EXISTS analytics_agency_year').execute(db);
  await sql.raw('DROP INDEX IF EXISTS analytics_seller_month_agency_idx').execute(db);
}
