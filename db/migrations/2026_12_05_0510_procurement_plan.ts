import { type Kysely, sql } from 'kysely';

/*
 * LKPP procurement plans and the work-unit mapping (docs/data-model.md, "Procurement plans"):
 * - satker_mapping: which agency a work unit (kd_satker) of LKPP's datasets is, seeded by the ISB
 *   import and editable by an administrator (an edited row keeps its agency on later imports);
 * - procurement_plan: a SiRUP package, a plan with a budget ceiling, never a purchase (no rollup
 *   reads it), keyed by kd_rup so a re-import updates rather than duplicates;
 * - procurement_plan_line: its budget lines (account code, funding source, amount).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE satker_mapping (
      tenant_id text NOT NULL REFERENCES tenant (id),
      kd_satker text NOT NULL CONSTRAINT satker_mapping_kd_format CHECK (kd_satker ~ '^[0-9A-Za-z._-]{1,64}$'),
      kd_satker_str text,
      nama_satker text,
      agency_id bigint NOT NULL,
      source text NOT NULL CONSTRAINT satker_mapping_source_valid CHECK (source IN ('SEEDED', 'EDITED')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, kd_satker),
      CONSTRAINT satker_mapping_agency_fk FOREIGN KEY (tenant_id, agency_id) REFERENCES agency_profile (tenant_id, party_id)
    )`.execute(db);
  await sql`CREATE INDEX satker_mapping_agency ON satker_mapping (tenant_id, agency_id)`.execute(db);

  await sql`
    CREATE TABLE procurement_plan (
      tenant_id text NOT NULL REFERENCES tenant (id),
      id bigserial, -- not an identity column (2026_11_30_0910_domain)
      kd_rup text NOT NULL CONSTRAINT plan_kd_rup_not_blank CHECK (length(btrim(kd_rup)) > 0),
      name text NOT NULL CONSTRAINT plan_name_not_blank CHECK (length(btrim(name)) > 0),
      fiscal_year integer NOT NULL CONSTRAINT plan_fiscal_year_range CHECK (fiscal_year BETWEEN 2000 AND 2100),
      agency_id bigint NOT NULL,
      kd_satker text NOT NULL,
      pagu bigint NOT NULL CONSTRAINT plan_pagu_non_negative CHECK (pagu >= 0),
      method text,
      procurement_type text,
      for_small_business boolean,
      non_small_reason text,
      status text NOT NULL CONSTRAINT plan_status_valid CHECK (status IN ('ACTIVE', 'INACTIVE', 'CANCELLED')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT plan_kd_rup_unique UNIQUE (tenant_id, kd_rup),
      CONSTRAINT plan_agency_fk FOREIGN KEY (tenant_id, agency_id) REFERENCES agency_profile (tenant_id, party_id)
    )`.execute(db);
  await sql`CREATE INDEX procurement_plan_year_agency ON procurement_plan (tenant_id, fiscal_year, agency_id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE procurement_plan_line (
      tenant_id text NOT NULL,
      plan_id bigint NOT NULL,
      line_no integer NOT NULL CONSTRAINT plan_line_no_positive CHECK (line_no > 0),
      mak text NOT NULL,
      account_code text,
      funding_source text,
      pagu bigint NOT NULL CONSTRAINT plan_line_pagu_non_negative CHECK (pagu >= 0),
      PRIMARY KEY (tenant_id, plan_id, line_no),
      CONSTRAINT plan_line_plan_fk FOREIGN KEY (tenant_id, plan_id) REFERENCES procurement_plan (tenant_id, id)
        ON DELETE CASCADE
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS procurement_plan_line`.execute(db);
  await sql`DROP TABLE IF EXISTS procurement_plan`.execute(db);
  await sql`DROP TABLE IF EXISTS satker_mapping`.execute(db);
}
