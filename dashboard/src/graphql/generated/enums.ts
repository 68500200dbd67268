/** What to sort agencies by. */
export const AgencyOrderField = {
  /** The agency code (the order of the regional budget structure). */
  CODE: 'CODE',
  /** The order in which the agencies were recorded. */
  ID: 'ID',
  /** The name (the default). */
  NAME: 'NAME'
} as const;

export type AgencyOrderField = typeof AgencyOrderField[keyof typeof AgencyOrderField];
/** The type of a regional agency (perangkat daerah). */
export const AgencyType = {
  BADAN: 'BADAN',
  DINAS: 'DINAS',
  INSPEKTORAT: 'INSPEKTORAT',
  KECAMATAN: 'KECAMATAN',
  OTHER: 'OTHER',
  RSUD: 'RSUD',
  SATPOL_PP: 'SATPOL_PP',
  SEKRETARIAT: 'SEKRETARIAT'
} as const;

export type AgencyType = typeof AgencyType[keyof typeof AgencyType];
/** The kind of help a program gave an enterprise. */
export const AssistanceKind = {
  CAPITAL: 'CAPITAL',
  CERTIFICATION: 'CERTIFICATION',
  MARKET_ACCESS: 'MARKET_ACCESS',
  MENTORING: 'MENTORING',
  TRAINING: 'TRAINING'
} as const;

export type AssistanceKind = typeof AssistanceKind[keyof typeof AssistanceKind];
/** What to sort assistance records by. */
export const AssistanceOrderField = {
  /** The order in which the records were made. */
  ID: 'ID',
  /** The date (the default, oldest first). */
  OCCURRED_ON: 'OCCURRED_ON'
} as const;

export type AssistanceOrderField = typeof AssistanceOrderField[keyof typeof AssistanceOrderField];
/** The type of a cooperative (jenis koperasi). */
export const CoopType = {
  CONSUMER: 'CONSUMER',
  MARKETING: 'MARKETING',
  OTHER: 'OTHER',
  PRODUCER: 'PRODUCER',
  SAVINGS_LOAN: 'SAVINGS_LOAN',
  SERVICES: 'SERVICES'
} as const;

export type CoopType = typeof CoopType[keyof typeof CoopType];
/** What to sort enterprises by. Unknown values sort as the lowest (first ascending, last descending). */
export const EnterpriseOrderField = {
  /** Annual sales. */
  ANNUAL_REVENUE: 'ANNUAL_REVENUE',
  /** Business capital. */
  CAPITAL: 'CAPITAL',
  /** Number of workers. */
  EMPLOYEES: 'EMPLOYEES',
  /** The order in which the enterprises were recorded. */
  ID: 'ID',
  /** The name (the default). */
  NAME: 'NAME',
  /** The registration date. */
  REGISTERED_ON: 'REGISTERED_ON'
} as const;

export type EnterpriseOrderField = typeof EnterpriseOrderField[keyof typeof EnterpriseOrderField];
/** A way to split spending in a flow (Sankey) diagram. */
export const FlowLevel = {
  /** The buying agency; a network unit's spending counts under its agency. Key: the agency's global id. */
  AGENCY: 'AGENCY',
  /** AGENCY for an agency itself, else the unit type of the buying network unit. */
  BUYER_KIND: 'BUYER_KIND',
  /** The category of goods (ProductCategory). */
  CATEGORY: 'CATEGORY',
  /** The seller's KBLI section letter, or UNKNOWN. */
  SECTOR: 'SECTOR',
  /** LOCAL_UMKM, LOCAL_OTHER, OUTSIDE_UMK or OUTSIDE_OTHER (SellerClass). */
  SELLER_CLASS: 'SELLER_CLASS',
  /** The seller's kecamatan code; OUTSIDE for sellers outside the regency, UNKNOWN for local sellers without a kecamatan. */
  SELLER_DISTRICT: 'SELLER_DISTRICT'
} as const;

export type FlowLevel = typeof FlowLevel[keyof typeof FlowLevel];
/** Where the money of a purchase comes from. */
export const FundingSource = {
  /** The regional budget. */
  APBD: 'APBD',
  /** The national budget. */
  APBN: 'APBN',
  /** School operational assistance (Bantuan Operasional Sekolah). */
  BOS: 'BOS',
  /** Special allocation fund (Dana Alokasi Khusus). */
  DAK: 'DAK',
  /** Village fund (Dana Desa). */
  DANA_DESA: 'DANA_DESA',
  /** The buyer's own money (enterprises, associations). */
  OWN: 'OWN'
} as const;

export type FundingSource = typeof FundingSource[keyof typeof FundingSource];
/** A scorecard grade from achievement = local UMKM share / target, as the US SBA procurement scorecard grades. */
export const Grade = {
  /** At least 100 % of target. */
  A: 'A',
  /** A+: at least 120 % of target. */
  A_PLUS: 'A_PLUS',
  /** At least 90 % of target. */
  B: 'B',
  /** At least 80 % of target. */
  C: 'C',
  /** At least 70 % of target. */
  D: 'D',
  /** Below 70 % of target. */
  F: 'F'
} as const;

export type Grade = typeof Grade[keyof typeof Grade];
/** Where an uploaded import is: checked by a dry run first, then committed. */
export const ImportJobStatus = {
  /** Cancelled because the server was stopped while it ran (errorCode CANCELLED): rolled back, nothing of this step was stored; start it again. */
  CANCELLED: 'CANCELLED',
  /** The dry run is done: read its report, then commitImport. */
  CHECKED: 'CHECKED',
  /** The dry run is running: every row is checked, nothing is stored. */
  CHECKING: 'CHECKING',
  /** Stored; the report says what was inserted, updated, unchanged or rejected. */
  COMMITTED: 'COMMITTED',
  /** The rows are being stored, in one transaction. */
  COMMITTING: 'COMMITTING',
  /** Stopped (errorCode says why); nothing of this step was stored. */
  FAILED: 'FAILED',
  /** The file is on the server; nothing checked yet (run startImport). */
  UPLOADED: 'UPLOADED'
} as const;

export type ImportJobStatus = typeof ImportJobStatus[keyof typeof ImportJobStatus];
/** The length of the periods of a trend. */
export const Interval = {
  /** Calendar months. */
  MONTH: 'MONTH',
  /** Calendar quarters (January-March …). */
  QUARTER: 'QUARTER',
  /** Calendar years (= fiscal years). */
  YEAR: 'YEAR'
} as const;

export type Interval = typeof Interval[keyof typeof Interval];
/** Sort direction. */
export const OrderDirection = {
  /** Smallest first (A→Z, oldest first). */
  ASC: 'ASC',
  /** Largest first (Z→A, newest first). */
  DESC: 'DESC'
} as const;

export type OrderDirection = typeof OrderDirection[keyof typeof OrderDirection];
/** What kind of economic actor a party is. */
export const PartyKind = {
  /** A regional government agency (SKPD / perangkat daerah): dinas, badan, sekretariat, kecamatan office, RSUD. */
  AGENCY: 'AGENCY',
  /** A cooperative (koperasi). */
  COOPERATIVE: 'COOPERATIVE',
  /** A business in the UMKM registry (micro, small, medium) or a large enterprise. */
  ENTERPRISE: 'ENTERPRISE',
  /** A unit in an agency's network (jejaring): school, health centre, village government, civil-servant association, BUMDes… */
  NETWORK_UNIT: 'NETWORK_UNIT',
  /** A supplier that is neither in the UMKM registry nor a cooperative, typically from outside the regency. */
  VENDOR: 'VENDOR'
} as const;

export type PartyKind = typeof PartyKind[keyof typeof PartyKind];
/** What to sort parties by. */
export const PartyOrderField = {
  /** The order in which the parties were recorded. */
  ID: 'ID',
  /** The name (the default). */
  NAME: 'NAME',
  /** The registration date; parties without one sort first ascending, last descending. */
  REGISTERED_ON: 'REGISTERED_ON'
} as const;

export type PartyOrderField = typeof PartyOrderField[keyof typeof PartyOrderField];
/** Whether a party is trading. */
export const PartyStatus = {
  /** Trading. */
  ACTIVE: 'ACTIVE',
  /** Closed for good. */
  CLOSED: 'CLOSED',
  /** Not trading for now (mati suri). */
  DORMANT: 'DORMANT'
} as const;

export type PartyStatus = typeof PartyStatus[keyof typeof PartyStatus];
/** The measure a policy target is set on (docs/metrics.md). */
export const PolicyMetric = {
  /** Share of spending paid to local UMKM and cooperatives (the regent's regulation). */
  LOCAL_UMKM_SHARE: 'LOCAL_UMKM_SHARE',
  /** Share of spending paid to micro and small enterprises and cooperatives anywhere (Perpres 12/2021, 40 %). */
  UMK_SHARE: 'UMK_SHARE'
} as const;

export type PolicyMetric = typeof PolicyMetric[keyof typeof PolicyMetric];
/** The category of goods or services bought. */
export const ProductCategory = {
  /** Meals and catering (makan minum). */
  CATERING: 'CATERING',
  /** Construction materials (bahan bangunan). */
  CONSTRUCTION_MATERIALS: 'CONSTRUCTION_MATERIALS',
  /** Rice and other staple food (beras, pangan). */
  FOOD_STAPLES: 'FOOD_STAPLES',
  /** Garments and uniforms (konveksi, seragam). */
  GARMENTS: 'GARMENTS',
  /** Anything else. */
  OTHER: 'OTHER',
  /** Printing and stationery (cetak, ATK). */
  PRINTING_STATIONERY: 'PRINTING_STATIONERY',
  /** Masks and protective equipment (masker, APD). */
  PROTECTIVE_GEAR: 'PROTECTIVE_GEAR',
  /** Services (jasa). */
  SERVICES: 'SERVICES',
  /** Snacks and pastries (penganan, kue). */
  SNACKS: 'SNACKS',
  /** Souvenirs and crafts (oleh-oleh, kerajinan). */
  SOUVENIRS: 'SOUVENIRS'
} as const;

export type ProductCategory = typeof ProductCategory[keyof typeof ProductCategory];
/** What to sort products by. */
export const ProductOrderField = {
  /** The order in which the products were recorded. */
  ID: 'ID',
  /** The name (the default). */
  NAME: 'NAME',
  /** The unit price; products without one sort first ascending, last descending. */
  UNIT_PRICE: 'UNIT_PRICE'
} as const;

export type ProductOrderField = typeof ProductOrderField[keyof typeof ProductOrderField];
/** What to sort programs by. */
export const ProgramOrderField = {
  /** The budget. */
  BUDGET: 'BUDGET',
  /** The program code (the default). */
  CODE: 'CODE',
  /** The fiscal year. */
  FISCAL_YEAR: 'FISCAL_YEAR',
  /** The order in which the programs were recorded. */
  ID: 'ID',
  /** The name. */
  NAME: 'NAME'
} as const;

export type ProgramOrderField = typeof ProgramOrderField[keyof typeof ProgramOrderField];
/** Whether a program's local UMKM share meets its target. */
export const ProgramStatus = {
  /** The local UMKM share is below the target. */
  BELOW_TARGET: 'BELOW_TARGET',
  /** The local UMKM share is at or above the target. */
  MET: 'MET',
  /** Nothing has been realised (spent) yet. */
  NO_SPEND: 'NO_SPEND',
  /** Neither the program, its agency nor the regency has a target for that year. */
  NO_TARGET: 'NO_TARGET'
} as const;

export type ProgramStatus = typeof ProgramStatus[keyof typeof ProgramStatus];
/** How to group enterprises in the recovery index. */
export const RecoveryGroup = {
  /** By kecamatan (key: its code; OUTSIDE or UNKNOWN otherwise). */
  DISTRICT: 'DISTRICT',
  /** One series of every enterprise (key "ALL"). */
  NONE: 'NONE',
  /** By KBLI section (key: the section letter, or UNKNOWN). */
  SECTOR: 'SECTOR',
  /** By size class (key: MICRO, SMALL, MEDIUM, LARGE or UNKNOWN). */
  SIZE_CLASS: 'SIZE_CLASS'
} as const;

export type RecoveryGroup = typeof RecoveryGroup[keyof typeof RecoveryGroup];
/** A level of Indonesia's administrative regions (Kemendagri codes). */
export const RegionLevel = {
  /** Kecamatan, level 3, code like 61.12.01. */
  DISTRICT: 'DISTRICT',
  /** Provinsi, level 1, code like 61. */
  PROVINCE: 'PROVINCE',
  /** Kabupaten or kota, level 2, code like 61.12. */
  REGENCY: 'REGENCY',
  /** Desa or kelurahan, level 4, code like 61.12.01.2001. */
  VILLAGE: 'VILLAGE'
} as const;

export type RegionLevel = typeof RegionLevel[keyof typeof RegionLevel];
/** What to sort regions by. */
export const RegionOrderField = {
  /** The region code (the default). */
  CODE: 'CODE',
  /** The name. */
  NAME: 'NAME'
} as const;

export type RegionOrderField = typeof RegionOrderField[keyof typeof RegionOrderField];
/** What a request may see and do (docs/security.md, "Roles"). */
export const Role = {
  /** Everything: every read (personal data included, audited), every write, accounts and API keys. */
  ADMIN: 'ADMIN',
  /** Reads everything but personal data, usually with an API key; no writes. */
  ANALYST: 'ANALYST',
  /** Members of the regional parliament: reads everything but personal data; no writes. */
  DPRD: 'DPRD',
  /** An agency's operator: reads like an analyst, writes only for its own agency and that agency's network units; sees the NIK of enterprises its agency registered. */
  OPERATOR: 'OPERATOR',
  /** The regent, Bappeda: reads everything but personal data; no writes. */
  POLICYMAKER: 'POLICYMAKER',
  /** Anyone without credentials: aggregate measures and public registry fields only; no personal data, no transaction list. */
  PUBLIC: 'PUBLIC'
} as const;

export type Role = typeof Role[keyof typeof Role];
/** Who set a work unit's agency. */
export const SatkerMappingSource = {
  /** An administrator (mapSatker); later imports keep it. */
  EDITED: 'EDITED',
  /** The ISB import, from RUP-MasterSatker or a row's own agency code (docs/imports.md, "Work units → agencies"). */
  SEEDED: 'SEEDED'
} as const;

export type SatkerMappingSource = typeof SatkerMappingSource[keyof typeof SatkerMappingSource];
/** The four classes of sellers of the SELLER_CLASS flow level (node keys). */
export const SellerClass = {
  /** Any other local seller: large enterprises, local vendors. */
  LOCAL_OTHER: 'LOCAL_OTHER',
  /** Local UMKM: a local enterprise of micro, small, medium or unknown size, or a local cooperative. */
  LOCAL_UMKM: 'LOCAL_UMKM',
  /** Any other seller outside the regency (or with an unknown location). */
  OUTSIDE_OTHER: 'OUTSIDE_OTHER',
  /** A micro or small enterprise or a cooperative outside the regency. */
  OUTSIDE_UMK: 'OUTSIDE_UMK'
} as const;

export type SellerClass = typeof SellerClass[keyof typeof SellerClass];
/** Which figure decided the size class: business capital or annual sales. */
export const SizeBasis = {
  CAPITAL: 'CAPITAL',
  REVENUE: 'REVENUE'
} as const;

export type SizeBasis = typeof SizeBasis[keyof typeof SizeBasis];
/** Enterprise size under PP 7/2021, from business capital (excluding land and buildings) when known, else from annual sales. */
export const SizeClass = {
  /** Above the medium thresholds. */
  LARGE: 'LARGE',
  /** Capital > Rp 5 to ≤ 10 billion, or annual sales > Rp 15 to ≤ 50 billion. */
  MEDIUM: 'MEDIUM',
  /** Capital ≤ Rp 1 billion, or annual sales ≤ Rp 2 billion. */
  MICRO: 'MICRO',
  /** Capital > Rp 1 to ≤ 5 billion, or annual sales > Rp 2 to ≤ 15 billion. */
  SMALL: 'SMALL'
} as const;

export type SizeClass = typeof SizeClass[keyof typeof SizeClass];
/** Where a target comes from. */
export const TargetSource = {
  /** The agency's target for the year. */
  AGENCY: 'AGENCY',
  /** The program's own target. */
  PROGRAM: 'PROGRAM',
  /** The regency-wide target for the year (the regent's regulation). */
  TENANT: 'TENANT'
} as const;

export type TargetSource = typeof TargetSource[keyof typeof TargetSource];
/** What to sort transactions by. */
export const TransactionOrderField = {
  /** The amount. */
  AMOUNT: 'AMOUNT',
  /** The order in which the transactions were recorded. */
  ID: 'ID',
  /** The date (the default, newest first). */
  OCCURRED_ON: 'OCCURRED_ON'
} as const;

export type TransactionOrderField = typeof TransactionOrderField[keyof typeof TransactionOrderField];
/** The type of a unit in an agency's network. */
export const UnitType = {
  /** A civil servants' association (KORPRI, Dharma Wanita Persatuan); not a government buyer. */
  ASN_ASSOCIATION: 'ASN_ASSOCIATION',
  /** A village-owned enterprise (Badan Usaha Milik Desa); not a government buyer. */
  BUMDES: 'BUMDES',
  /** A community health centre (Puskesmas) or its sub-units. */
  HEALTH_CENTER: 'HEALTH_CENTER',
  /** Any other unit. */
  OTHER: 'OTHER',
  /** A public school (SD, SMP). */
  SCHOOL: 'SCHOOL',
  /** A technical implementation unit (UPT/UPTD). */
  TECHNICAL_UNIT: 'TECHNICAL_UNIT',
  /** A village government (Pemerintah Desa). */
  VILLAGE_GOVERNMENT: 'VILLAGE_GOVERNMENT'
} as const;

export type UnitType = typeof UnitType[keyof typeof UnitType];
/** Where a registry entry stands in the data-collection (pendataan) workflow. */
export const Verification = {
  /** Registered, not yet checked. */
  DRAFT: 'DRAFT',
  /** Checked and rejected (duplicate, not a real business…); excluded from progress. */
  REJECTED: 'REJECTED',
  /** Checked by the cooperatives & UMKM office. */
  VERIFIED: 'VERIFIED'
} as const;

export type Verification = typeof Verification[keyof typeof Verification];