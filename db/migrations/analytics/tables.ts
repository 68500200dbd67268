/*
 * The analytics rollups' tables and indexes (part of the baseline migration
 * 2026_11_30_1000_analytics; docs/data-model.md "Analytics rollups"). Every key starts with
 * tenant_id, so a tenant's rollups live on its shard when the tables are distributed by tenant.
 *
 *   analytics_party_class       each party's classification, as the rollups were built with it
 *   analytics_spend_month       month × agency × buyer kind × government × category × account
 *                               × seller class × UMK                (totals, shares, scorecard, flows)
 *   analytics_spend_cell_month  … × kecamatan × KBLI section of the seller        (flows by place/sector)
 *   analytics_spend_year,       the same two summed over the months of a year (ranges of whole years)
 *   analytics_spend_cell_year
 *   analytics_seller_month      month × agency × buyer kind × government × category × account
 *                               × seller, local UMKM sellers only   (sellers reached, domino injection)
 *   analytics_seller_year       per local UMKM seller and year, 12-bit masks of the months it was paid
 *                               by an agency, a government network unit, another network unit
 *   analytics_agency_year       distinct local UMKM sellers per agency and year, direct and with network
 *   analytics_program_spend     program × seller class, any buyer   (program realisation)
 *   analytics_program_seller    program × seller, local UMKM only   (UMKM reached per program)
 *   analytics_pair_month        month × buyer × seller between parties of L (re-spending rounds)
 *   analytics_party_month       month × party of L: what it received and what it paid
 *   analytics_state             per tenant, counters bumped by writes (caches know when to refresh)
 *
 * And the machinery of the two modes (scheduled.sql.ts): the mode setting, the delta type the
 * apply function takes, and the queues the SCHEDULED mode records changes into.
 */

export const SPEND_KEY =
  'tenant_id, month, agency_id, buyer_kind, buyer_gov, category, account_code, seller_class, seller_umk';
export const CELL_KEY = `${SPEND_KEY}, district, sector`;
export const SELLER_KEY = 'tenant_id, month, agency_id, buyer_kind, buyer_gov, category, account_code, seller_id';
export const YEAR_KEY = SPEND_KEY.replace('month', 'year');
export const CELL_YEAR_KEY = CELL_KEY.replace('month', 'year');

/** The rollups summed from contributions (amount and count `n`; a row leaves when `n` reaches 0). */
export const SUMMED_ROLLUPS = [
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

/** The rollups re-derived from analytics_seller_month for the keys a change touched. */
export const DERIVED_ROLLUPS = ['analytics_seller_year', 'analytics_agency_year'];

/** Every table a rebuild empties and refills (and the statistics keeper watches). */
export const ALL_ROLLUPS = ['analytics_party_class', ...SUMMED_ROLLUPS, ...DERIVED_ROLLUPS];

/** The columns of a party's class, in analytics_classify's order. */
export const CLASS_COLUMNS = 'seller_class, is_umk, district, sector, agency_id, buyer_kind, is_government, in_l';

const SPEND_COLUMNS = (period: 'month date' | 'year smallint', cells: boolean) => `
      tenant_id text NOT NULL,
      ${period} NOT NULL,
      agency_id bigint NOT NULL,
      buyer_kind text NOT NULL,
      buyer_gov boolean NOT NULL,
      category text NOT NULL,
      account_code text NOT NULL,
      seller_class text NOT NULL,
      seller_umk boolean NOT NULL,${cells ? '\n      district text NOT NULL,\n      sector text NOT NULL,' : ''}
      amount bigint NOT NULL,
      n bigint NOT NULL`;

export const TABLES: string[] = [
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
  `CREATE TABLE analytics_spend_month (${SPEND_COLUMNS('month date', false)},
      PRIMARY KEY (${SPEND_KEY})
    )`,
  `CREATE TABLE analytics_spend_cell_month (${SPEND_COLUMNS('month date', true)},
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
  `CREATE TABLE analytics_spend_year (${SPEND_COLUMNS('year smallint', false)},
      PRIMARY KEY (${YEAR_KEY})
    )`,
  `CREATE TABLE analytics_spend_cell_year (${SPEND_COLUMNS('year smallint', true)},
      PRIMARY KEY (${CELL_YEAR_KEY})
    )`,
  `CREATE TABLE analytics_seller_year (
      tenant_id text NOT NULL,
      year smallint NOT NULL,
      seller_id bigint NOT NULL,
      district text NOT NULL,
      sector text NOT NULL,
      m_agency integer NOT NULL,
      m_net_gov integer NOT NULL,
      m_net_other integer NOT NULL,
      PRIMARY KEY (tenant_id, year, seller_id)
    )`,
  `CREATE TABLE analytics_agency_year (
      tenant_id text NOT NULL,
      year smallint NOT NULL,
      agency_id bigint NOT NULL,
      direct integer NOT NULL,
      with_network integer NOT NULL,
      PRIMARY KEY (tenant_id, year, agency_id)
    )`,
  // version: every write that can change a measure; panel_version: writes to the survey panel
  // and the registry (snapshots, parties, profiles, assistance, collection targets).
  `CREATE TABLE analytics_state (
      tenant_id text PRIMARY KEY,
      version bigint NOT NULL DEFAULT 0,
      panel_version bigint NOT NULL DEFAULT 0
    )`,

  // Rows whose last transaction left: the partial indexes make their removal a lookup.
  ...SUMMED_ROLLUPS.map((table) => `CREATE INDEX ${table}_empty_idx ON ${table} (tenant_id) WHERE n = 0`),
  // Sellers reached, the domino injection, and re-deriving a seller's year from its months.
  'CREATE INDEX analytics_seller_month_seller_idx ON analytics_seller_month (tenant_id, seller_id, month)',
  // Re-counting an agency's year from its months.
  'CREATE INDEX analytics_seller_month_agency_idx ON analytics_seller_month (tenant_id, agency_id, month)',
  'CREATE INDEX analytics_party_class_agency_idx ON analytics_party_class (tenant_id, agency_id) WHERE agency_id IS NOT NULL',
  'CREATE INDEX transaction_program_seller_idx ON "transaction" (tenant_id, seller_id) WHERE program_id IS NOT NULL',

  // ── the two modes (scheduled.sql.ts) ──
  // One row: TRIGGER (the statement triggers apply every change at once, the default) or
  // SCHEDULED (they record it; analytics_apply_pending applies it later).
  `CREATE TABLE analytics_setting (
      id boolean PRIMARY KEY DEFAULT true CONSTRAINT analytics_setting_one_row CHECK (id),
      mode text NOT NULL DEFAULT 'TRIGGER' CONSTRAINT analytics_setting_mode_valid CHECK (mode IN ('TRIGGER', 'SCHEDULED'))
    )`,
  'INSERT INTO analytics_setting DEFAULT VALUES',
  // A change to "transaction" as analytics_apply takes it: the columns the rollups read, signed
  // (+1 a row that arrived, -1 a row that left; an update is both).
  `CREATE TYPE analytics_delta AS (
      sign smallint,
      buyer_id bigint,
      seller_id bigint,
      program_id bigint,
      category text,
      account_code text,
      amount bigint,
      occurred_on date
    )`,
  // SCHEDULED mode: the changes to purchases not applied yet, and the parties to reclassify.
  `CREATE TABLE analytics_pending_transaction (
      tenant_id text NOT NULL,
      id bigserial, -- not an identity column (2026_11_30_0910_domain)
      sign smallint NOT NULL CONSTRAINT analytics_pending_transaction_sign_valid CHECK (sign IN (-1, 1)),
      buyer_id bigint NOT NULL,
      seller_id bigint NOT NULL,
      program_id bigint,
      category text NOT NULL,
      account_code text,
      amount bigint NOT NULL,
      occurred_on date NOT NULL,
      PRIMARY KEY (tenant_id, id)
    )`,
  `CREATE TABLE analytics_pending_party (
      tenant_id text NOT NULL,
      party_id bigint NOT NULL,
      PRIMARY KEY (tenant_id, party_id)
    )`,
];
