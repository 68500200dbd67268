import { type Kysely, sql } from 'kysely';

/*
 * The domain model (docs/data-model.md). Every tenant-scoped table leads its primary key, unique
 * constraints and foreign keys between tenant-scoped tables with tenant_id, so the schema can be
 * distributed by tenant_id with Citus and every join stays on one shard. Ids are bigserial (a
 * bigint whose default is the next value of a sequence it owns), never identity columns, here and
 * in every later migration: Citus refuses to distribute a table with an identity column. Constraint
 * names are stable: db/src/errors.ts maps them to messages a user can act on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE party (
      tenant_id text NOT NULL REFERENCES tenant (id),
      id bigserial,
      ref text NOT NULL CONSTRAINT party_ref_not_blank CHECK (length(btrim(ref)) > 0),
      kind text NOT NULL CONSTRAINT party_kind_valid
        CHECK (kind IN ('AGENCY', 'NETWORK_UNIT', 'ENTERPRISE', 'COOPERATIVE', 'VENDOR')),
      name text NOT NULL CONSTRAINT party_name_not_blank CHECK (length(btrim(name)) > 0),
      region_code text REFERENCES region (code),
      parent_id bigint,
      size_class text CONSTRAINT party_size_class_valid
        CHECK (size_class IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
      is_government boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'ACTIVE' CONSTRAINT party_status_valid
        CHECK (status IN ('ACTIVE', 'DORMANT', 'CLOSED')),
      registered_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT party_ref_unique UNIQUE (tenant_id, ref),
      CONSTRAINT party_parent_fk FOREIGN KEY (tenant_id, parent_id) REFERENCES party (tenant_id, id),
      CONSTRAINT party_parent_only_network_unit CHECK (parent_id IS NULL OR kind = 'NETWORK_UNIT'),
      CONSTRAINT party_parent_not_self CHECK (parent_id IS NULL OR parent_id <> id),
      CONSTRAINT party_agency_is_government CHECK (kind <> 'AGENCY' OR is_government),
      CONSTRAINT party_size_class_kind CHECK (size_class IS NULL OR kind IN ('ENTERPRISE', 'COOPERATIVE', 'VENDOR'))
    )`,
    sql`CREATE INDEX party_kind_name_idx ON party (tenant_id, kind, name, id)`,
    sql`CREATE INDEX party_parent_idx ON party (tenant_id, parent_id) WHERE parent_id IS NOT NULL`,
    sql`CREATE INDEX party_region_idx ON party (tenant_id, region_code)`,

    sql`CREATE TABLE agency_profile (
      tenant_id text NOT NULL,
      party_id bigint NOT NULL,
      code text NOT NULL CONSTRAINT agency_code_format CHECK (code ~ '^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$'),
      short_name text,
      agency_type text NOT NULL CONSTRAINT agency_type_valid
        CHECK (agency_type IN ('DINAS', 'BADAN', 'SEKRETARIAT', 'KECAMATAN', 'RSUD', 'INSPEKTORAT', 'SATPOL_PP', 'OTHER')),
      PRIMARY KEY (tenant_id, party_id),
      CONSTRAINT agency_code_unique UNIQUE (tenant_id, code),
      CONSTRAINT agency_party_fk FOREIGN KEY (tenant_id, party_id) REFERENCES party (tenant_id, id) ON DELETE CASCADE
    )`,

    sql`CREATE TABLE network_unit_profile (
      tenant_id text NOT NULL,
      party_id bigint NOT NULL,
      unit_type text NOT NULL CONSTRAINT network_unit_type_valid
        CHECK (unit_type IN ('SCHOOL', 'HEALTH_CENTER', 'VILLAGE_GOVERNMENT', 'TECHNICAL_UNIT', 'ASN_ASSOCIATION', 'BUMDES', 'OTHER')),
      members integer CONSTRAINT network_unit_members_non_negative CHECK (members >= 0),
      PRIMARY KEY (tenant_id, party_id),
      CONSTRAINT network_unit_party_fk FOREIGN KEY (tenant_id, party_id) REFERENCES party (tenant_id, id) ON DELETE CASCADE
    )`,

    sql`CREATE TABLE enterprise_profile (
      tenant_id text NOT NULL,
      party_id bigint NOT NULL,
      nib text CONSTRAINT enterprise_nib_format CHECK (nib ~ '^[0-9]{13}$'),
      kbli_code text CONSTRAINT enterprise_kbli_format CHECK (kbli_code ~ '^[0-9]{5}$'),
      owner_name text,
      owner_nik text CONSTRAINT enterprise_nik_format CHECK (owner_nik ~ '^[0-9]{16}$'),
      owner_gender text CONSTRAINT enterprise_owner_gender_valid CHECK (owner_gender IN ('F', 'M')),
      founded_year smallint CONSTRAINT enterprise_founded_year_range CHECK (founded_year BETWEEN 1900 AND 2100),
      employees integer CONSTRAINT enterprise_employees_non_negative CHECK (employees >= 0),
      capital bigint CONSTRAINT enterprise_capital_non_negative CHECK (capital >= 0),
      annual_revenue bigint CONSTRAINT enterprise_revenue_non_negative CHECK (annual_revenue >= 0),
      size_basis text CONSTRAINT enterprise_size_basis_valid CHECK (size_basis IN ('CAPITAL', 'REVENUE')),
      verification text NOT NULL DEFAULT 'DRAFT' CONSTRAINT enterprise_verification_valid
        CHECK (verification IN ('DRAFT', 'VERIFIED', 'REJECTED')),
      PRIMARY KEY (tenant_id, party_id),
      CONSTRAINT enterprise_nib_unique UNIQUE (tenant_id, nib),
      CONSTRAINT enterprise_party_fk FOREIGN KEY (tenant_id, party_id) REFERENCES party (tenant_id, id) ON DELETE CASCADE
    )`,

    sql`CREATE TABLE cooperative_profile (
      tenant_id text NOT NULL,
      party_id bigint NOT NULL,
      registration_no text,
      coop_type text NOT NULL DEFAULT 'OTHER' CONSTRAINT cooperative_type_valid
        CHECK (coop_type IN ('PRODUCER', 'CONSUMER', 'SAVINGS_LOAN', 'MARKETING', 'SERVICES', 'OTHER')),
      members_count integer CONSTRAINT cooperative_members_non_negative CHECK (members_count >= 0),
      verification text NOT NULL DEFAULT 'DRAFT' CONSTRAINT cooperative_verification_valid
        CHECK (verification IN ('DRAFT', 'VERIFIED', 'REJECTED')),
      PRIMARY KEY (tenant_id, party_id),
      CONSTRAINT cooperative_registration_unique UNIQUE (tenant_id, registration_no),
      CONSTRAINT cooperative_party_fk FOREIGN KEY (tenant_id, party_id) REFERENCES party (tenant_id, id) ON DELETE CASCADE
    )`,

    sql`CREATE TABLE cooperative_membership (
      tenant_id text NOT NULL,
      cooperative_id bigint NOT NULL,
      member_id bigint NOT NULL,
      joined_on date,
      PRIMARY KEY (tenant_id, cooperative_id, member_id),
      CONSTRAINT membership_cooperative_fk FOREIGN KEY (tenant_id, cooperative_id)
        REFERENCES cooperative_profile (tenant_id, party_id) ON DELETE CASCADE,
      CONSTRAINT membership_member_fk FOREIGN KEY (tenant_id, member_id)
        REFERENCES enterprise_profile (tenant_id, party_id) ON DELETE CASCADE
    )`,
    sql`CREATE INDEX membership_member_idx ON cooperative_membership (tenant_id, member_id)`,

    sql`CREATE TABLE product (
      tenant_id text NOT NULL,
      id bigserial,
      ref text NOT NULL,
      seller_id bigint NOT NULL,
      name text NOT NULL CONSTRAINT product_name_not_blank CHECK (length(btrim(name)) > 0),
      category text NOT NULL CONSTRAINT product_category_valid CHECK (category IN (
        'FOOD_STAPLES', 'SNACKS', 'SOUVENIRS', 'GARMENTS', 'PROTECTIVE_GEAR', 'CATERING',
        'PRINTING_STATIONERY', 'CONSTRUCTION_MATERIALS', 'SERVICES', 'OTHER')),
      unit text NOT NULL DEFAULT 'unit',
      unit_price bigint CONSTRAINT product_unit_price_non_negative CHECK (unit_price >= 0),
      kbli_code text CONSTRAINT product_kbli_format CHECK (kbli_code ~ '^[0-9]{5}$'),
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT product_ref_unique UNIQUE (tenant_id, ref),
      CONSTRAINT product_seller_fk FOREIGN KEY (tenant_id, seller_id) REFERENCES party (tenant_id, id)
    )`,
    sql`CREATE INDEX product_seller_idx ON product (tenant_id, seller_id)`,

    sql`CREATE TABLE program (
      tenant_id text NOT NULL,
      id bigserial,
      ref text NOT NULL,
      agency_id bigint NOT NULL,
      code text NOT NULL,
      name text NOT NULL CONSTRAINT program_name_not_blank CHECK (length(btrim(name)) > 0),
      fiscal_year smallint NOT NULL CONSTRAINT program_fiscal_year_range CHECK (fiscal_year BETWEEN 2000 AND 2100),
      budget bigint NOT NULL CONSTRAINT program_budget_non_negative CHECK (budget >= 0),
      local_target_share numeric CONSTRAINT program_target_share_range
        CHECK (local_target_share BETWEEN 0 AND 1),
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT program_ref_unique UNIQUE (tenant_id, ref),
      CONSTRAINT program_code_unique UNIQUE (tenant_id, agency_id, fiscal_year, code),
      CONSTRAINT program_agency_fk FOREIGN KEY (tenant_id, agency_id) REFERENCES agency_profile (tenant_id, party_id)
    )`,
    sql`CREATE INDEX program_year_idx ON program (tenant_id, fiscal_year, agency_id)`,

    sql`CREATE TABLE "transaction" (
      tenant_id text NOT NULL,
      id bigserial,
      buyer_id bigint NOT NULL,
      seller_id bigint NOT NULL,
      program_id bigint,
      product_id bigint,
      category text NOT NULL CONSTRAINT transaction_category_valid CHECK (category IN (
        'FOOD_STAPLES', 'SNACKS', 'SOUVENIRS', 'GARMENTS', 'PROTECTIVE_GEAR', 'CATERING',
        'PRINTING_STATIONERY', 'CONSTRUCTION_MATERIALS', 'SERVICES', 'OTHER')),
      account_code text CONSTRAINT transaction_account_code_format CHECK (account_code ~ '^[0-9]+(\\.[0-9]+)*$'),
      funding_source text CONSTRAINT transaction_funding_source_valid
        CHECK (funding_source IN ('APBD', 'APBN', 'DAK', 'DANA_DESA', 'BOS', 'OWN')),
      amount bigint NOT NULL CONSTRAINT transaction_amount_non_negative CHECK (amount >= 0),
      quantity numeric(14, 2) CONSTRAINT transaction_quantity_non_negative CHECK (quantity >= 0),
      occurred_on date NOT NULL,
      source text NOT NULL DEFAULT 'MANUAL',
      source_ref text NOT NULL,
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT transaction_source_ref_unique UNIQUE (tenant_id, source, source_ref),
      CONSTRAINT transaction_buyer_fk FOREIGN KEY (tenant_id, buyer_id) REFERENCES party (tenant_id, id),
      CONSTRAINT transaction_seller_fk FOREIGN KEY (tenant_id, seller_id) REFERENCES party (tenant_id, id),
      CONSTRAINT transaction_program_fk FOREIGN KEY (tenant_id, program_id) REFERENCES program (tenant_id, id),
      CONSTRAINT transaction_product_fk FOREIGN KEY (tenant_id, product_id) REFERENCES product (tenant_id, id),
      CONSTRAINT transaction_not_self CHECK (buyer_id <> seller_id)
    )`,
    sql`CREATE INDEX transaction_occurred_idx ON "transaction" (tenant_id, occurred_on)`,
    sql`CREATE INDEX transaction_buyer_idx ON "transaction" (tenant_id, buyer_id, occurred_on)`,
    sql`CREATE INDEX transaction_seller_idx ON "transaction" (tenant_id, seller_id, occurred_on)`,
    sql`CREATE INDEX transaction_program_idx ON "transaction" (tenant_id, program_id) WHERE program_id IS NOT NULL`,

    sql`CREATE TABLE assistance (
      tenant_id text NOT NULL,
      id bigserial,
      ref text NOT NULL,
      program_id bigint,
      enterprise_id bigint NOT NULL,
      kind text NOT NULL CONSTRAINT assistance_kind_valid
        CHECK (kind IN ('TRAINING', 'CERTIFICATION', 'CAPITAL', 'MENTORING', 'MARKET_ACCESS')),
      occurred_on date NOT NULL,
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT assistance_ref_unique UNIQUE (tenant_id, ref),
      CONSTRAINT assistance_program_fk FOREIGN KEY (tenant_id, program_id) REFERENCES program (tenant_id, id),
      CONSTRAINT assistance_enterprise_fk FOREIGN KEY (tenant_id, enterprise_id)
        REFERENCES enterprise_profile (tenant_id, party_id)
    )`,
    sql`CREATE INDEX assistance_enterprise_idx ON assistance (tenant_id, enterprise_id, occurred_on)`,
    sql`CREATE INDEX assistance_program_idx ON assistance (tenant_id, program_id) WHERE program_id IS NOT NULL`,
    sql`CREATE INDEX assistance_kind_idx ON assistance (tenant_id, kind, occurred_on)`,

    sql`CREATE TABLE enterprise_snapshot (
      tenant_id text NOT NULL,
      enterprise_id bigint NOT NULL,
      period date NOT NULL CONSTRAINT snapshot_period_first_of_month CHECK (extract(day FROM period) = 1),
      revenue bigint CONSTRAINT snapshot_revenue_non_negative CHECK (revenue >= 0),
      employees integer CONSTRAINT snapshot_employees_non_negative CHECK (employees >= 0),
      status text NOT NULL CONSTRAINT snapshot_status_valid CHECK (status IN ('ACTIVE', 'DORMANT', 'CLOSED')),
      PRIMARY KEY (tenant_id, enterprise_id, period),
      CONSTRAINT snapshot_enterprise_fk FOREIGN KEY (tenant_id, enterprise_id)
        REFERENCES enterprise_profile (tenant_id, party_id) ON DELETE CASCADE
    )`,
    sql`CREATE INDEX snapshot_period_idx ON enterprise_snapshot (tenant_id, period)`,

    sql`CREATE TABLE policy_target (
      tenant_id text NOT NULL,
      id bigserial,
      ref text NOT NULL,
      name text NOT NULL,
      legal_basis text,
      metric text NOT NULL CONSTRAINT policy_target_metric_valid CHECK (metric IN ('LOCAL_UMKM_SHARE', 'UMK_SHARE')),
      target_share numeric NOT NULL CONSTRAINT policy_target_share_range CHECK (target_share BETWEEN 0 AND 1),
      fiscal_year smallint NOT NULL CONSTRAINT policy_target_fiscal_year_range CHECK (fiscal_year BETWEEN 2000 AND 2100),
      agency_id bigint,
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT policy_target_ref_unique UNIQUE (tenant_id, ref),
      CONSTRAINT policy_target_agency_fk FOREIGN KEY (tenant_id, agency_id) REFERENCES agency_profile (tenant_id, party_id)
    )`,
    // One target per metric and year for the tenant, and one per agency.
    sql`CREATE UNIQUE INDEX policy_target_scope_unique ON policy_target (tenant_id, metric, fiscal_year, coalesce(agency_id, 0))`,

    sql`CREATE TABLE collection_target (
      tenant_id text NOT NULL REFERENCES tenant (id),
      region_code text NOT NULL REFERENCES region (code),
      year smallint NOT NULL CONSTRAINT collection_target_year_range CHECK (year BETWEEN 2000 AND 2100),
      enterprises integer NOT NULL CONSTRAINT collection_target_enterprises_non_negative CHECK (enterprises >= 0),
      cooperatives integer NOT NULL CONSTRAINT collection_target_cooperatives_non_negative CHECK (cooperatives >= 0),
      PRIMARY KEY (tenant_id, region_code, year)
    )`,

    sql`CREATE TABLE app_user (
      tenant_id text NOT NULL REFERENCES tenant (id),
      id bigserial,
      username text NOT NULL CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
      display_name text,
      password_hash text NOT NULL,
      role text NOT NULL CONSTRAINT app_user_role_valid CHECK (role IN ('ADMIN', 'OPERATOR', 'ANALYST', 'VIEWER')),
      agency_id bigint,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT app_user_username_unique UNIQUE (tenant_id, username),
      CONSTRAINT app_user_agency_fk FOREIGN KEY (tenant_id, agency_id) REFERENCES agency_profile (tenant_id, party_id),
      CONSTRAINT app_user_operator_has_agency CHECK (role <> 'OPERATOR' OR agency_id IS NOT NULL)
    )`,

    sql`CREATE TABLE api_key (
      tenant_id text NOT NULL,
      id bigserial,
      user_id bigint NOT NULL,
      name text NOT NULL,
      key_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT api_key_hash_unique UNIQUE (tenant_id, key_hash),
      CONSTRAINT api_key_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
    )`,

    sql`CREATE TABLE audit_event (
      tenant_id text NOT NULL REFERENCES tenant (id),
      id bigserial,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      user_id bigint,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text,
      request_id text,
      details jsonb,
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT audit_event_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
    )`,
    sql`CREATE INDEX audit_event_entity_idx ON audit_event (tenant_id, entity, entity_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'audit_event',
    'api_key',
    'app_user',
    'collection_target',
    'policy_target',
    'enterprise_snapshot',
    'assistance',
    'transaction',
    'program',
    'product',
    'cooperative_membership',
    'cooperative_profile',
    'enterprise_profile',
    'network_unit_profile',
    'agency_profile',
    'party',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
