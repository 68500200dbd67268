/*
 * The domain's enumerations, each listed once, with its label in Indonesian (id) and English (en).
 *
 * Everything else derives from here: the Kysely column types (database.ts), the importers' checks
 * (db/import), the GraphQL enums (server/src/graphql/enums.ts), the dashboard's labels
 * (dashboard/src/i18n) and the demo data. The database's CHECK constraints were written by the
 * migrations; db/test/enums.test.ts reads them back from pg_catalog and fails when they and these
 * lists differ. docs/data-model.md describes each column that holds one of these values.
 *
 * Pure data with no imports: the dashboard bundles this file.
 */

/** A label in each language of the dashboard. */
export interface Label {
  id: string;
  en: string;
}
type LabelTable = Record<string, Label>;

/** The values of a label table, in the order they are listed. */
function valuesOf<T extends LabelTable>(table: T): readonly (keyof T & string)[] {
  return Object.freeze(Object.keys(table)) as readonly (keyof T & string)[];
}

export const PARTY_KIND_LABELS = {
  AGENCY: { id: 'SKPD', en: 'Agency' },
  NETWORK_UNIT: { id: 'Unit jejaring', en: 'Network unit' },
  ENTERPRISE: { id: 'Usaha', en: 'Enterprise' },
  COOPERATIVE: { id: 'Koperasi', en: 'Cooperative' },
  VENDOR: { id: 'Penyedia lain', en: 'Other vendor' },
} as const satisfies LabelTable;
export const PARTY_KINDS = valuesOf(PARTY_KIND_LABELS);
export type PartyKind = (typeof PARTY_KINDS)[number];

export const SIZE_CLASS_LABELS = {
  MICRO: { id: 'Mikro', en: 'Micro' },
  SMALL: { id: 'Kecil', en: 'Small' },
  MEDIUM: { id: 'Menengah', en: 'Medium' },
  LARGE: { id: 'Besar', en: 'Large' },
} as const satisfies LabelTable;
export const SIZE_CLASSES = valuesOf(SIZE_CLASS_LABELS);
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const PARTY_STATUS_LABELS = {
  ACTIVE: { id: 'Aktif', en: 'Active' },
  DORMANT: { id: 'Mati suri', en: 'Dormant' },
  CLOSED: { id: 'Tutup', en: 'Closed' },
} as const satisfies LabelTable;
export const PARTY_STATUSES = valuesOf(PARTY_STATUS_LABELS);
export type PartyStatus = (typeof PARTY_STATUSES)[number];

export const VERIFICATION_LABELS = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  VERIFIED: { id: 'Terverifikasi', en: 'Verified' },
  REJECTED: { id: 'Ditolak', en: 'Rejected' },
} as const satisfies LabelTable;
export const VERIFICATIONS = valuesOf(VERIFICATION_LABELS);
export type Verification = (typeof VERIFICATIONS)[number];

export const AGENCY_TYPE_LABELS = {
  DINAS: { id: 'Dinas', en: 'Department (dinas)' },
  BADAN: { id: 'Badan', en: 'Board (badan)' },
  SEKRETARIAT: { id: 'Sekretariat', en: 'Secretariat' },
  KECAMATAN: { id: 'Kecamatan', en: 'District office (kecamatan)' },
  RSUD: { id: 'RSUD', en: 'Regional hospital (RSUD)' },
  INSPEKTORAT: { id: 'Inspektorat', en: 'Inspectorate' },
  SATPOL_PP: { id: 'Satpol PP', en: 'Civil police (Satpol PP)' },
  OTHER: { id: 'Lainnya', en: 'Other' },
} as const satisfies LabelTable;
export const AGENCY_TYPES = valuesOf(AGENCY_TYPE_LABELS);
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const UNIT_TYPE_LABELS = {
  SCHOOL: { id: 'Sekolah', en: 'Schools' },
  HEALTH_CENTER: { id: 'Puskesmas', en: 'Health centres' },
  VILLAGE_GOVERNMENT: { id: 'Pemerintah desa', en: 'Village governments' },
  TECHNICAL_UNIT: { id: 'UPT', en: 'Technical units' },
  ASN_ASSOCIATION: { id: 'Asosiasi ASN', en: 'Civil-servant associations' },
  BUMDES: { id: 'BUMDes', en: 'BUMDes' },
  OTHER: { id: 'Lainnya', en: 'Other' },
} as const satisfies LabelTable;
export const UNIT_TYPES = valuesOf(UNIT_TYPE_LABELS);
export type UnitType = (typeof UNIT_TYPES)[number];

export const COOP_TYPE_LABELS = {
  PRODUCER: { id: 'Produsen', en: 'Producer' },
  CONSUMER: { id: 'Konsumen', en: 'Consumer' },
  SAVINGS_LOAN: { id: 'Simpan pinjam', en: 'Savings & loan' },
  MARKETING: { id: 'Pemasaran', en: 'Marketing' },
  SERVICES: { id: 'Jasa', en: 'Services' },
  OTHER: { id: 'Lainnya', en: 'Other' },
} as const satisfies LabelTable;
export const COOP_TYPES = valuesOf(COOP_TYPE_LABELS);
export type CoopType = (typeof COOP_TYPES)[number];

export const PRODUCT_CATEGORY_LABELS = {
  FOOD_STAPLES: { id: 'Bahan pangan', en: 'Food staples' },
  SNACKS: { id: 'Penganan', en: 'Snacks' },
  SOUVENIRS: { id: 'Oleh-oleh & kerajinan', en: 'Souvenirs & crafts' },
  GARMENTS: { id: 'Konveksi & seragam', en: 'Garments & uniforms' },
  PROTECTIVE_GEAR: { id: 'Masker & APD', en: 'Masks & PPE' },
  CATERING: { id: 'Katering', en: 'Catering' },
  PRINTING_STATIONERY: { id: 'Cetak & ATK', en: 'Printing & stationery' },
  CONSTRUCTION_MATERIALS: { id: 'Bahan bangunan', en: 'Construction materials' },
  SERVICES: { id: 'Jasa', en: 'Services' },
  OTHER: { id: 'Lainnya', en: 'Other' },
} as const satisfies LabelTable;
export const PRODUCT_CATEGORIES = valuesOf(PRODUCT_CATEGORY_LABELS);
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const FUNDING_SOURCE_LABELS = {
  APBD: { id: 'APBD', en: 'Regional budget (APBD)' },
  APBN: { id: 'APBN', en: 'National budget (APBN)' },
  DAK: { id: 'DAK', en: 'Special allocation fund (DAK)' },
  DANA_DESA: { id: 'Dana Desa', en: 'Village fund' },
  BOS: { id: 'BOS', en: 'School operational aid (BOS)' },
  OWN: { id: 'Dana sendiri', en: 'Own money' },
} as const satisfies LabelTable;
export const FUNDING_SOURCES = valuesOf(FUNDING_SOURCE_LABELS);
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const ASSISTANCE_KIND_LABELS = {
  TRAINING: { id: 'Pelatihan', en: 'Training' },
  CERTIFICATION: { id: 'Sertifikasi', en: 'Certification' },
  CAPITAL: { id: 'Bantuan modal', en: 'Capital' },
  MENTORING: { id: 'Pendampingan', en: 'Mentoring' },
  MARKET_ACCESS: { id: 'Akses pasar', en: 'Market access' },
} as const satisfies LabelTable;
export const ASSISTANCE_KINDS = valuesOf(ASSISTANCE_KIND_LABELS);
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];

export const POLICY_METRIC_LABELS = {
  LOCAL_UMKM_SHARE: { id: 'Porsi UMKM lokal', en: 'Local UMKM share' },
  UMK_SHARE: { id: 'Porsi UMK', en: 'UMK share' },
} as const satisfies LabelTable;
export const POLICY_METRICS = valuesOf(POLICY_METRIC_LABELS);
export type PolicyMetric = (typeof POLICY_METRICS)[number];

export const SIZE_BASIS_LABELS = {
  CAPITAL: { id: 'Modal usaha', en: 'Business capital' },
  REVENUE: { id: 'Omzet tahunan', en: 'Annual sales' },
} as const satisfies LabelTable;
export const SIZE_BASES = valuesOf(SIZE_BASIS_LABELS);
export type SizeBasis = (typeof SIZE_BASES)[number];

export const GENDER_LABELS = {
  F: { id: 'Perempuan', en: 'Female' },
  M: { id: 'Laki-laki', en: 'Male' },
} as const satisfies LabelTable;
export const GENDERS = valuesOf(GENDER_LABELS);
export type Gender = (typeof GENDERS)[number];

export const IMPORT_JOB_STATUS_LABELS = {
  UPLOADED: { id: 'Terunggah', en: 'Uploaded' },
  CHECKING: { id: 'Sedang diperiksa', en: 'Checking (dry run)' },
  CHECKED: { id: 'Sudah diperiksa', en: 'Checked' },
  COMMITTING: { id: 'Sedang disimpan', en: 'Committing' },
  COMMITTED: { id: 'Tersimpan', en: 'Committed' },
  FAILED: { id: 'Gagal', en: 'Failed' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
} as const satisfies LabelTable;
export const IMPORT_JOB_STATUSES = valuesOf(IMPORT_JOB_STATUS_LABELS);
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** Where a SiRUP procurement package stands (docs/imports.md, "LKPP procurement data"). */
export const PLAN_STATUS_LABELS = {
  ACTIVE: { id: 'Aktif', en: 'Active' },
  INACTIVE: { id: 'Tidak aktif', en: 'Inactive' },
  CANCELLED: { id: 'Dihapus', en: 'Cancelled' },
} as const satisfies LabelTable;
export const PLAN_STATUSES = valuesOf(PLAN_STATUS_LABELS);
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Who set a work unit's agency: the ISB import, or an administrator (who then keeps it). */
export const SATKER_MAPPING_SOURCE_LABELS = {
  SEEDED: { id: 'Dari impor ISB', en: 'From the ISB import' },
  EDITED: { id: 'Diubah admin', en: 'Edited by an administrator' },
} as const satisfies LabelTable;
export const SATKER_MAPPING_SOURCES = valuesOf(SATKER_MAPPING_SOURCE_LABELS);
export type SatkerMappingSource = (typeof SATKER_MAPPING_SOURCES)[number];

/** How the analytics rollups are kept (docs/scale-out.md, "Rollups"); analytics_setting.mode. */
export const ROLLUP_MODE_LABELS = {
  TRIGGER: { id: 'Langsung (trigger)', en: 'At once (triggers)' },
  SCHEDULED: { id: 'Terjadwal', en: 'Scheduled' },
} as const satisfies LabelTable;
export const ROLLUP_MODES = valuesOf(ROLLUP_MODE_LABELS);
export type RollupMode = (typeof ROLLUP_MODES)[number];

/** What a stored part of a domino matrix covers: a whole month or year (docs/domino-parts.md). */
export const PART_SPAN_LABELS = {
  MONTH: { id: 'Bulan', en: 'Month' },
  YEAR: { id: 'Tahun', en: 'Year' },
} as const satisfies LabelTable;
export const PART_SPANS = valuesOf(PART_SPAN_LABELS);
export type PartSpan = (typeof PART_SPANS)[number];

/**
 * The roles a user account can hold (docs/security.md, "Roles"). Anonymous visitors have the role
 * PUBLIC, which no account holds, so it is not listed here (see PUBLIC_ROLE).
 */
export const ROLE_LABELS = {
  ADMIN: { id: 'Admin', en: 'Administrator' },
  OPERATOR: { id: 'Operator SKPD', en: 'Agency operator' },
  POLICYMAKER: { id: 'Pimpinan daerah', en: 'Policymaker' },
  DPRD: { id: 'DPRD', en: 'Regional parliament (DPRD)' },
  ANALYST: { id: 'Analis', en: 'Analyst' },
} as const satisfies LabelTable;
export const ROLES = valuesOf(ROLE_LABELS);
export type Role = (typeof ROLES)[number];
/** The role of a request without credentials: aggregate measures and public registry fields only. */
export const PUBLIC_ROLE = 'PUBLIC';
export const PUBLIC_ROLE_LABEL: Label = { id: 'Publik', en: 'Public' };

/**
 * Every enumeration whose values a CHECK constraint restricts, with the columns it restricts
 * (table.column). db/test/enums.test.ts compares these with the constraints in pg_catalog.
 */
export const CHECKED_COLUMNS: ReadonlyArray<{ values: readonly string[]; columns: readonly string[] }> = [
  { values: PARTY_KINDS, columns: ['party.kind'] },
  { values: SIZE_CLASSES, columns: ['party.size_class'] },
  { values: PARTY_STATUSES, columns: ['party.status', 'enterprise_snapshot.status'] },
  { values: VERIFICATIONS, columns: ['enterprise_profile.verification', 'cooperative_profile.verification'] },
  { values: AGENCY_TYPES, columns: ['agency_profile.agency_type'] },
  { values: UNIT_TYPES, columns: ['network_unit_profile.unit_type'] },
  { values: COOP_TYPES, columns: ['cooperative_profile.coop_type'] },
  { values: PRODUCT_CATEGORIES, columns: ['product.category', 'transaction.category'] },
  { values: FUNDING_SOURCES, columns: ['transaction.funding_source'] },
  { values: ASSISTANCE_KINDS, columns: ['assistance.kind'] },
  { values: POLICY_METRICS, columns: ['policy_target.metric'] },
  { values: SIZE_BASES, columns: ['enterprise_profile.size_basis'] },
  { values: GENDERS, columns: ['enterprise_profile.owner_gender'] },
  { values: ROLES, columns: ['app_user.role'] },
  { values: IMPORT_JOB_STATUSES, columns: ['import_job.status'] },
  { values: PLAN_STATUSES, columns: ['procurement_plan.status'] },
  { values: SATKER_MAPPING_SOURCES, columns: ['satker_mapping.source'] },
  { values: ROLLUP_MODES, columns: ['analytics_setting.mode'] },
  { values: PART_SPANS, columns: ['analytics_part_state.span', 'analytics_domino_part.span'] },
];
