/**
 * Maps the database's constraint errors to messages a user can act on. The constraint names are
 * those of db/migrations; the SQLSTATE codes are PostgreSQL's (PGlite reports the same ones).
 */

export type DataErrorCode = 'BAD_USER_INPUT' | 'CONFLICT';

/** A database rejection explained: which field, why, and the GraphQL-style error code. */
export interface DataError {
  readonly code: DataErrorCode;
  readonly field: string | null;
  readonly message: string;
  readonly constraint: string | null;
}

const CONSTRAINTS: Record<string, { field: string; message: string }> = {
  region_code_format: { field: 'code', message: 'a region code looks like 61, 61.12, 61.12.01 or 61.12.01.2001' },
  tenant_id_format: { field: 'tenant_id', message: 'a tenant is a regency code like 61.12' },
  party_ref_not_blank: { field: 'ref', message: 'ref must not be blank' },
  party_kind_valid: { field: 'kind', message: 'kind must be AGENCY, NETWORK_UNIT, ENTERPRISE, COOPERATIVE or VENDOR' },
  party_name_not_blank: { field: 'name', message: 'name must not be blank' },
  party_size_class_valid: { field: 'size_class', message: 'size_class must be MICRO, SMALL, MEDIUM or LARGE' },
  party_status_valid: { field: 'status', message: 'status must be ACTIVE, DORMANT or CLOSED' },
  party_ref_unique: { field: 'ref', message: 'another party already has this ref' },
  party_parent_fk: { field: 'parent_id', message: 'the parent is not a party of this regency' },
  party_parent_only_network_unit: { field: 'parent_id', message: 'only a network unit can have a parent' },
  party_parent_not_self: { field: 'parent_id', message: 'a party cannot be its own parent' },
  party_agency_is_government: { field: 'is_government', message: 'an agency is always a government buyer' },
  party_size_class_kind: {
    field: 'size_class',
    message: 'only enterprises, cooperatives and vendors have a size class',
  },
  party_npwp_format: { field: 'npwp', message: 'NPWP is stored as 16 digits' },
  party_npwp_unique: { field: 'npwp', message: 'another party is already registered with this NPWP' },
  voided_transaction_reason_not_blank: { field: 'reason', message: 'a reason is required' },
  party_region_code_fkey: { field: 'region_code', message: 'unknown region code' },
  party_tenant_id_fkey: { field: 'tenant_id', message: 'unknown tenant' },
  agency_code_format: {
    field: 'code',
    message: 'an agency code is digits and letters separated by dots, e.g. 1.01.2.22.0.00.01.0000',
  },
  agency_type_valid: {
    field: 'agency_type',
    message: 'agency_type must be DINAS, BADAN, SEKRETARIAT, KECAMATAN, RSUD, INSPEKTORAT, SATPOL_PP or OTHER',
  },
  agency_code_unique: { field: 'code', message: 'another agency already has this code' },
  network_unit_type_valid: {
    field: 'unit_type',
    message:
      'unit_type must be SCHOOL, HEALTH_CENTER, VILLAGE_GOVERNMENT, TECHNICAL_UNIT, ASN_ASSOCIATION, BUMDES or OTHER',
  },
  network_unit_members_non_negative: { field: 'members', message: 'members must not be negative' },
  enterprise_nib_format: { field: 'nib', message: 'NIB must be exactly 13 digits' },
  enterprise_kbli_format: { field: 'kbli_code', message: 'KBLI code must be exactly 5 digits' },
  enterprise_nik_format: { field: 'owner_nik', message: 'NIK must be exactly 16 digits' },
  enterprise_owner_gender_valid: { field: 'owner_gender', message: 'owner_gender must be F or M' },
  enterprise_founded_year_range: { field: 'founded_year', message: 'founded_year must be between 1900 and 2100' },
  enterprise_employees_non_negative: { field: 'employees', message: 'employees must not be negative' },
  enterprise_capital_non_negative: { field: 'capital', message: 'capital must not be negative' },
  enterprise_revenue_non_negative: { field: 'annual_revenue', message: 'annual_revenue must not be negative' },
  enterprise_size_basis_valid: { field: 'size_basis', message: 'size_basis must be CAPITAL or REVENUE' },
  enterprise_verification_valid: { field: 'verification', message: 'verification must be DRAFT, VERIFIED or REJECTED' },
  enterprise_nib_unique: { field: 'nib', message: 'another enterprise is already registered with this NIB' },
  cooperative_type_valid: {
    field: 'coop_type',
    message: 'coop_type must be PRODUCER, CONSUMER, SAVINGS_LOAN, MARKETING, SERVICES or OTHER',
  },
  cooperative_members_non_negative: { field: 'members_count', message: 'members_count must not be negative' },
  cooperative_verification_valid: {
    field: 'verification',
    message: 'verification must be DRAFT, VERIFIED or REJECTED',
  },
  cooperative_registration_unique: {
    field: 'registration_no',
    message: 'another cooperative already has this registration number',
  },
  membership_cooperative_fk: { field: 'cooperative_id', message: 'not a cooperative of this regency' },
  membership_member_fk: { field: 'member_id', message: 'the member is not an enterprise of this regency' },
  product_name_not_blank: { field: 'name', message: 'name must not be blank' },
  product_category_valid: { field: 'category', message: 'unknown product category' },
  product_unit_price_non_negative: { field: 'unit_price', message: 'unit_price must not be negative' },
  product_kbli_format: { field: 'kbli_code', message: 'KBLI code must be exactly 5 digits' },
  product_ref_unique: { field: 'ref', message: 'another product already has this ref' },
  product_seller_fk: { field: 'seller_id', message: 'the seller is not a party of this regency' },
  program_name_not_blank: { field: 'name', message: 'name must not be blank' },
  program_fiscal_year_range: { field: 'fiscal_year', message: 'fiscal_year must be between 2000 and 2100' },
  program_budget_non_negative: { field: 'budget', message: 'budget must not be negative' },
  program_target_share_range: {
    field: 'local_target_share',
    message: 'local_target_share is a fraction between 0 and 1 (0.4, not 40)',
  },
  program_ref_unique: { field: 'ref', message: 'another program already has this ref' },
  program_code_unique: {
    field: 'code',
    message: 'this agency already has a program with this code in that fiscal year',
  },
  program_agency_fk: { field: 'agency_id', message: 'the agency is not an agency of this regency' },
  transaction_category_valid: { field: 'category', message: 'unknown product category' },
  transaction_account_code_format: {
    field: 'account_code',
    message: 'an account code is digits separated by dots, e.g. 5.1.02.01.01.0024',
  },
  transaction_funding_source_valid: {
    field: 'funding_source',
    message: 'funding_source must be APBD, APBN, DAK, DANA_DESA, BOS or OWN',
  },
  transaction_amount_non_negative: { field: 'amount', message: 'amount must not be negative' },
  transaction_quantity_non_negative: { field: 'quantity', message: 'quantity must not be negative' },
  transaction_source_ref_unique: {
    field: 'source_ref',
    message: 'a transaction with this source reference is already recorded',
  },
  transaction_buyer_fk: { field: 'buyer_id', message: 'the buyer is not a party of this regency' },
  transaction_seller_fk: { field: 'seller_id', message: 'the seller is not a party of this regency' },
  transaction_program_fk: { field: 'program_id', message: 'the program is not a program of this regency' },
  transaction_product_fk: { field: 'product_id', message: 'the product is not a product of this regency' },
  transaction_not_self: { field: 'seller_id', message: 'buyer and seller must be different parties' },
  assistance_kind_valid: {
    field: 'kind',
    message: 'kind must be TRAINING, CERTIFICATION, CAPITAL, MENTORING or MARKET_ACCESS',
  },
  assistance_ref_unique: { field: 'ref', message: 'another assistance record already has this ref' },
  assistance_program_fk: { field: 'program_id', message: 'the program is not a program of this regency' },
  assistance_enterprise_fk: { field: 'enterprise_id', message: 'not an enterprise of this regency' },
  snapshot_period_first_of_month: { field: 'period', message: 'a snapshot period is a month (YYYY-MM)' },
  snapshot_revenue_non_negative: { field: 'revenue', message: 'revenue must not be negative' },
  snapshot_employees_non_negative: { field: 'employees', message: 'employees must not be negative' },
  snapshot_status_valid: { field: 'status', message: 'status must be ACTIVE, DORMANT or CLOSED' },
  snapshot_enterprise_fk: { field: 'enterprise_id', message: 'not an enterprise of this regency' },
  enterprise_snapshot_pkey: { field: 'period', message: 'this enterprise already has a snapshot for this month' },
  policy_target_metric_valid: { field: 'metric', message: 'metric must be LOCAL_UMKM_SHARE or UMK_SHARE' },
  policy_target_share_range: {
    field: 'target_share',
    message: 'target_share is a fraction between 0 and 1 (0.4, not 40)',
  },
  policy_target_fiscal_year_range: { field: 'fiscal_year', message: 'fiscal_year must be between 2000 and 2100' },
  policy_target_ref_unique: { field: 'ref', message: 'another policy target already has this ref' },
  policy_target_agency_fk: { field: 'agency_id', message: 'the agency is not an agency of this regency' },
  policy_target_scope_unique: {
    field: 'fiscal_year',
    message: 'there is already a target for this metric, year and agency',
  },
  collection_target_year_range: { field: 'year', message: 'year must be between 2000 and 2100' },
  collection_target_enterprises_non_negative: { field: 'enterprises', message: 'enterprises must not be negative' },
  collection_target_cooperatives_non_negative: { field: 'cooperatives', message: 'cooperatives must not be negative' },
  collection_target_region_code_fkey: { field: 'region_code', message: 'unknown region code' },
  collection_target_pkey: { field: 'year', message: 'there is already a collection target for this district and year' },
  app_user_username_format: {
    field: 'username',
    message: 'a username is 3-64 lower-case letters, digits, dots, dashes or underscores',
  },
  app_user_role_valid: { field: 'role', message: 'role must be ADMIN, OPERATOR, ANALYST or VIEWER' },
  app_user_username_unique: { field: 'username', message: 'this username is taken' },
  app_user_operator_has_agency: { field: 'agency_id', message: 'an operator belongs to an agency' },
};

interface PgLikeError {
  code?: string;
  constraint?: string;
  column?: string;
  message?: string;
}

/**
 * Explains a database error caused by bad data, or returns null when the error is something else
 * (a lost connection, a bug) that must not be shown to a user.
 *
 * @example
 * try { await insert(); } catch (e) { const why = describeDataError(e); if (!why) throw e; }
 */
export function describeDataError(error: unknown): DataError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, constraint, column } = error as PgLikeError;
  const known = constraint ? CONSTRAINTS[constraint] : undefined;
  switch (code) {
    case '23505': // unique_violation
      return {
        code: 'CONFLICT',
        field: known?.field ?? column ?? null,
        message: known?.message ?? 'a row with these values already exists',
        constraint: constraint ?? null,
      };
    case '23503': // foreign_key_violation
    case '23514': // check_violation
      return {
        code: 'BAD_USER_INPUT',
        field: known?.field ?? column ?? null,
        message: known?.message ?? `violates ${constraint ?? 'a constraint'}`,
        constraint: constraint ?? null,
      };
    case '23502': // not_null_violation
      return {
        code: 'BAD_USER_INPUT',
        field: column ?? null,
        message: `${column ?? 'a value'} is required`,
        constraint: null,
      };
    case '22P02': // invalid_text_representation
    case '22003': // numeric_value_out_of_range
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22001': // string_data_right_truncation
      return {
        code: 'BAD_USER_INPUT',
        field: column ?? null,
        message: (error as PgLikeError).message ?? 'invalid value',
        constraint: null,
      };
    default:
      return null;
  }
}
