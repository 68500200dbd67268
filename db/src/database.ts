import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ProcurementPlanLineTable, ProcurementPlanTable, SatkerMappingTable } from './database-procurement.ts';
import type {
  AgencyType,
  AssistanceKind,
  CoopType,
  FundingSource,
  Gender,
  ImportJobStatus,
  PartyKind,
  PartyStatus,
  PolicyMetric,
  ProductCategory,
  Role,
  SizeBasis,
  SizeClass,
  UnitType,
  Verification,
} from './enums.ts';

/*
 * Kysely's view of the schema built by db/migrations. Connections parse int8 and numeric as JS
 * numbers (amounts are whole rupiah, safe integers) and dates as 'YYYY-MM-DD' strings, so the
 * types below say number and string.
 */

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type { ProcurementPlanLineTable, ProcurementPlanTable, SatkerMappingTable } from './database-procurement.ts';
export * from './enums.ts';

export interface RegionTable {
  code: string;
  level: number;
  name: string;
  parent_code: string | null;
  population: number | null;
  area_km2: number | null;
}

export interface KbliSectionTable {
  section: string;
  name_id: string;
  name_en: string;
}

export interface KbliDivisionTable {
  division: string;
  section: string;
}

export interface TenantTable {
  id: string;
  name: string;
  region_code: string;
  demo_seed: number | null;
  demo_scale: number | null;
  created_at: Timestamp;
}

export interface PartyTable {
  tenant_id: string;
  id: Generated<number>;
  ref: string;
  kind: PartyKind;
  name: string;
  region_code: string | null;
  parent_id: number | null;
  size_class: SizeClass | null;
  is_government: Generated<boolean>;
  status: Generated<PartyStatus>;
  registered_on: string | null;
  /** The taxpayer number in its 16-digit form (db/src/rules, checkNpwp). */
  npwp: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgencyProfileTable {
  tenant_id: string;
  party_id: number;
  code: string;
  short_name: string | null;
  agency_type: AgencyType;
}

export interface NetworkUnitProfileTable {
  tenant_id: string;
  party_id: number;
  unit_type: UnitType;
  members: number | null;
}

export interface EnterpriseProfileTable {
  tenant_id: string;
  party_id: number;
  nib: string | null;
  kbli_code: string | null;
  owner_name: string | null;
  owner_nik: string | null;
  owner_gender: Gender | null;
  founded_year: number | null;
  employees: number | null;
  capital: number | null;
  annual_revenue: number | null;
  size_basis: SizeBasis | null;
  verification: Generated<Verification>;
  /** The agency that registered the enterprise: its operators may read the owner's NIK in full. */
  registering_agency_id: number | null;
}

/**
 * An enterprise profile's own values (without its keys and the registering agency): one definition
 * for the importer (db/import/files/parties.read.ts) and data entry (server/src/modules/party).
 */
export type EnterpriseProfileValues = Omit<
  Selectable<EnterpriseProfileTable>,
  'tenant_id' | 'party_id' | 'registering_agency_id'
>;

export interface CooperativeProfileTable {
  tenant_id: string;
  party_id: number;
  registration_no: string | null;
  coop_type: Generated<CoopType>;
  members_count: number | null;
  verification: Generated<Verification>;
}

export interface CooperativeMembershipTable {
  tenant_id: string;
  cooperative_id: number;
  member_id: number;
  joined_on: string | null;
}

export interface ProductTable {
  tenant_id: string;
  id: Generated<number>;
  ref: string;
  seller_id: number;
  name: string;
  category: ProductCategory;
  unit: Generated<string>;
  unit_price: number | null;
  kbli_code: string | null;
}

export interface ProgramTable {
  tenant_id: string;
  id: Generated<number>;
  ref: string;
  agency_id: number;
  code: string;
  name: string;
  fiscal_year: number;
  budget: number;
  local_target_share: number | null;
}

export interface TransactionTable {
  tenant_id: string;
  id: Generated<number>;
  buyer_id: number;
  seller_id: number;
  program_id: number | null;
  product_id: number | null;
  category: ProductCategory;
  account_code: string | null;
  funding_source: FundingSource | null;
  amount: number;
  quantity: number | null;
  occurred_on: string;
  source: Generated<string>;
  source_ref: string;
}

/** A voided purchase: the row as it was in "transaction", with who voided it, when and why. */
export interface VoidedTransactionTable extends Omit<TransactionTable, 'id' | 'source'> {
  id: number;
  source: string;
  voided_at: Timestamp;
  voided_by: number | null;
  void_reason: string;
}

export interface AssistanceTable {
  tenant_id: string;
  id: Generated<number>;
  ref: string;
  program_id: number | null;
  enterprise_id: number;
  kind: AssistanceKind;
  occurred_on: string;
}

export interface EnterpriseSnapshotTable {
  tenant_id: string;
  enterprise_id: number;
  /** First day of the month, 'YYYY-MM-01'. */
  period: string;
  revenue: number | null;
  employees: number | null;
  status: PartyStatus;
}

export interface PolicyTargetTable {
  tenant_id: string;
  id: Generated<number>;
  ref: string;
  name: string;
  legal_basis: string | null;
  metric: PolicyMetric;
  target_share: number;
  fiscal_year: number;
  agency_id: number | null;
}

export interface CollectionTargetTable {
  tenant_id: string;
  region_code: string;
  year: number;
  enterprises: number;
  cooperatives: number;
}

export interface AppUserTable {
  tenant_id: string;
  id: Generated<number>;
  username: string;
  display_name: string | null;
  password_hash: string;
  role: Role;
  agency_id: number | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  /** Created by the demo loader with the published demo password. */
  is_demo: Generated<boolean>;
}

export interface ApiKeyTable {
  tenant_id: string;
  id: Generated<number>;
  user_id: number;
  name: string;
  key_hash: string;
  /** The first characters of the key, to recognise it in a list (the key itself is never stored). */
  prefix: Generated<string>;
  created_at: Timestamp;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface UserSessionTable {
  tenant_id: string;
  id: Generated<number>;
  user_id: number;
  /** SHA-256 of the session token (the token itself is never stored). */
  token_hash: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** The absolute expiry, fixed at sign-in. */
  expires_at: Date | string;
  /** Set at logout or when the account is disabled. */
  ended_at: Date | null;
}

export interface AuditEventTable {
  tenant_id: string;
  id: Generated<number>;
  occurred_at: Timestamp;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  request_id: string | null;
  details: unknown;
}

/** An uploaded file on its way in: dry run, then commit (docs/imports.md, "Upload and jobs"). */
export interface ImportJobTable {
  tenant_id: string;
  id: Generated<number>;
  status: ImportJobStatus;
  file_name: string;
  format: string;
  size_bytes: number;
  /** Where the upload waits on the server's disk; null once it is removed. */
  file_path: string | null;
  all_or_nothing: Generated<boolean>;
  /** { stage, done, total } of the running step. */
  progress: unknown;
  /** The ImportReport of the last dry run or commit. */
  report: unknown;
  error_code: string | null;
  /** When FAILED or CANCELLED: why, as "Indonesian / English" (what the CLI prints). */
  error_message: string | null;
  /** The same reason as { id, en }, for a UI that shows one language; null on rows older than it. */
  error_reason: unknown;
  created_by: number | null;
  /** The agency an operator's job writes for (the import is confined to it); null for an administrator. */
  agency_id: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface Database {
  region: RegionTable;
  kbli_section: KbliSectionTable;
  kbli_division: KbliDivisionTable;
  tenant: TenantTable;
  party: PartyTable;
  agency_profile: AgencyProfileTable;
  network_unit_profile: NetworkUnitProfileTable;
  enterprise_profile: EnterpriseProfileTable;
  cooperative_profile: CooperativeProfileTable;
  cooperative_membership: CooperativeMembershipTable;
  product: ProductTable;
  program: ProgramTable;
  transaction: TransactionTable;
  voided_transaction: VoidedTransactionTable;
  assistance: AssistanceTable;
  enterprise_snapshot: EnterpriseSnapshotTable;
  policy_target: PolicyTargetTable;
  collection_target: CollectionTargetTable;
  app_user: AppUserTable;
  api_key: ApiKeyTable;
  user_session: UserSessionTable;
  audit_event: AuditEventTable;
  import_job: ImportJobTable;
  satker_mapping: SatkerMappingTable;
  procurement_plan: ProcurementPlanTable;
  procurement_plan_line: ProcurementPlanLineTable;
}

/** The tenant-scoped tables, in an order that satisfies their foreign keys when inserting. */
export const TENANT_TABLES = [
  'party',
  'agency_profile',
  'network_unit_profile',
  'enterprise_profile',
  'cooperative_profile',
  'cooperative_membership',
  'product',
  'program',
  'transaction',
  'assistance',
  'enterprise_snapshot',
  'policy_target',
  'collection_target',
  'satker_mapping',
  'procurement_plan',
  'procurement_plan_line',
  'app_user',
  'voided_transaction',
  'api_key',
  'user_session',
  'audit_event',
] as const satisfies readonly (keyof Database)[];

export type Party = Selectable<PartyTable>;
export type NewParty = Insertable<PartyTable>;
export type PartyUpdate = Updateable<PartyTable>;
export type Transaction = Selectable<TransactionTable>;
export type NewTransaction = Insertable<TransactionTable>;
