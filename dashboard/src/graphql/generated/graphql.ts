/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The type of a regional agency (perangkat daerah). */
export type AgencyType =
  | 'BADAN'
  | 'DINAS'
  | 'INSPEKTORAT'
  | 'KECAMATAN'
  | 'OTHER'
  | 'RSUD'
  | 'SATPOL_PP'
  | 'SEKRETARIAT';

/** The type of a cooperative (jenis koperasi). */
export type CoopType =
  | 'CONSUMER'
  | 'MARKETING'
  | 'OTHER'
  | 'PRODUCER'
  | 'SAVINGS_LOAN'
  | 'SERVICES';

/** Which cooperatives to list. Every condition given must hold. */
export type CooperativeFilter = {
  /** Only these types of cooperative. */
  coopTypes?: Array<CoopType> | null | undefined;
  /** true: only parties located in this API's regency; false: only those outside it or with an unknown region. */
  local?: boolean | null | undefined;
  /** Located in this region or inside it, at any level: a province ("61"), regency ("61.12"), district ("61.12.01") or village ("61.12.01.2001"). */
  regionCode?: string | null | undefined;
  /** Registered on or after this date. */
  registeredFrom?: string | null | undefined;
  /** Registered on or before this date. */
  registeredTo?: string | null | undefined;
  /** Part of the name, any case ("bakso" finds "Bakso Pak Kumis"); also an exact NIB, agency code or registration number. */
  search?: string | null | undefined;
  /** Size unknown (neither capital nor sales recorded). With sizeClasses, true adds those of unknown size; alone, true keeps only those of unknown size and false only those of known size. */
  sizeClassUnknown?: boolean | null | undefined;
  /** Only these size classes (PP 7/2021). */
  sizeClasses?: Array<SizeClass> | null | undefined;
  /** Only these statuses (ACTIVE, DORMANT, CLOSED). */
  statuses?: Array<PartyStatus> | null | undefined;
  /** Only registry entries in these states. */
  verifications?: Array<Verification> | null | undefined;
};

/** Which enterprises (UMKM) to list. Every condition given must hold. */
export type EnterpriseFilter = {
  /** Annual sales at most this (rupiah). */
  annualRevenueMax?: number | null | undefined;
  /** Annual sales at least this (rupiah). */
  annualRevenueMin?: number | null | undefined;
  /** Business capital at most this (rupiah). */
  capitalMax?: number | null | undefined;
  /** Business capital at least this (rupiah). */
  capitalMin?: number | null | undefined;
  /** Only members of these cooperatives (ids of Cooperative). */
  cooperativeIds?: Array<string | number> | null | undefined;
  /** Only KBLI codes starting with these digits, e.g. "107" (other food products). */
  kbliPrefix?: string | null | undefined;
  /** true: only parties located in this API's regency; false: only those outside it or with an unknown region. */
  local?: boolean | null | undefined;
  /** Located in this region or inside it, at any level: a province ("61"), regency ("61.12"), district ("61.12.01") or village ("61.12.01.2001"). */
  regionCode?: string | null | undefined;
  /** Registered on or after this date. */
  registeredFrom?: string | null | undefined;
  /** Registered on or before this date. */
  registeredTo?: string | null | undefined;
  /** Only enterprises registered by these agencies (ids of Agency): the ones an OPERATOR of such an agency may change, verify or reject. */
  registeringAgencyIds?: Array<string | number> | null | undefined;
  /** Part of the name, any case ("bakso" finds "Bakso Pak Kumis"); also an exact NIB, agency code or registration number. */
  search?: string | null | undefined;
  /** Only these KBLI sections (A…U) of the main line of business, e.g. ["C"] for manufacturing, ["I"] for food service. */
  sectors?: Array<string> | null | undefined;
  /** Size unknown (neither capital nor sales recorded). With sizeClasses, true adds those of unknown size; alone, true keeps only those of unknown size and false only those of known size. */
  sizeClassUnknown?: boolean | null | undefined;
  /** Only these size classes (PP 7/2021). */
  sizeClasses?: Array<SizeClass> | null | undefined;
  /** Only these statuses (ACTIVE, DORMANT, CLOSED). */
  statuses?: Array<PartyStatus> | null | undefined;
  /** Only registry entries in these states. */
  verifications?: Array<Verification> | null | undefined;
};

/** An enterprise as entered. Checked by the shared rules (docs/data-entry.md); identifiers may be typed with spaces, dots or dashes. */
export type EnterpriseInput = {
  /** Annual sales (omzet), whole rupiah. */
  annualRevenue?: number | null | undefined;
  /** Business capital excluding land and buildings (modal usaha), whole rupiah. */
  capital?: number | null | undefined;
  /** Workers, including the owner. */
  employees?: number | null | undefined;
  /** The year the business was founded (1900 to this year). */
  foundedYear?: number | null | undefined;
  /** KBLI 2020 code, 5 digits of an existing division. */
  kbliCode?: string | null | undefined;
  /** The business name as registered. */
  name: string;
  /** NIB: 13 digits; another enterprise with it is a CONFLICT. */
  nib?: string | null | undefined;
  /** NPWP: 15 digits (check digit 9th) or the 16-digit form; stored in 16 digits; another party with it is a CONFLICT. */
  npwp?: string | null | undefined;
  /** F or M; must agree with the NIK; taken from it when omitted. */
  ownerGender?: string | null | undefined;
  /** The owner's name (personal data). */
  ownerName?: string | null | undefined;
  /** The owner's NIK, 16 digits (personal data); its region prefix and birth date are checked. */
  ownerNik?: string | null | undefined;
  /** The region where it is located, ideally its village (61.12.01.2001); must exist. */
  regionCode?: string | null | undefined;
  /** When it entered the registry; not in the future. */
  registeredOn?: string | null | undefined;
  /** The size class, if known without figures. With capital or sales the class is derived (PP 7/2021); a given class that contradicts them is a warning. */
  sizeClass?: SizeClass | null | undefined;
  /** ACTIVE (the default), DORMANT or CLOSED. */
  status?: PartyStatus | null | undefined;
};

/** A way to split spending in a flow (Sankey) diagram. */
export type FlowLevel =
  /** The buying agency; a network unit's spending counts under its agency. Key: the agency's global id. */
  | 'AGENCY'
  /** AGENCY for an agency itself, else the unit type of the buying network unit. */
  | 'BUYER_KIND'
  /** The category of goods (ProductCategory). */
  | 'CATEGORY'
  /** The seller's KBLI section letter, or UNKNOWN. */
  | 'SECTOR'
  /** LOCAL_UMKM, LOCAL_OTHER, OUTSIDE_UMK or OUTSIDE_OTHER (SellerClass). */
  | 'SELLER_CLASS'
  /** The seller's kecamatan code; OUTSIDE for sellers outside the regency, UNKNOWN for local sellers without a kecamatan. */
  | 'SELLER_DISTRICT';

/** Where the money of a purchase comes from. */
export type FundingSource =
  /** The regional budget. */
  | 'APBD'
  /** The national budget. */
  | 'APBN'
  /** School operational assistance (Bantuan Operasional Sekolah). */
  | 'BOS'
  /** Special allocation fund (Dana Alokasi Khusus). */
  | 'DAK'
  /** Village fund (Dana Desa). */
  | 'DANA_DESA'
  /** The buyer's own money (enterprises, associations). */
  | 'OWN';

/** A scorecard grade from achievement = local UMKM share / target, as the US SBA procurement scorecard grades. */
export type Grade =
  /** At least 100 % of target. */
  | 'A'
  /** A+: at least 120 % of target. */
  | 'A_PLUS'
  /** At least 90 % of target. */
  | 'B'
  /** At least 80 % of target. */
  | 'C'
  /** At least 70 % of target. */
  | 'D'
  /** Below 70 % of target. */
  | 'F';

/** Where an uploaded import is: checked by a dry run first, then committed. */
export type ImportJobStatus =
  /** Cancelled because the server was stopped while it ran (errorCode CANCELLED): rolled back, nothing of this step was stored; start it again. */
  | 'CANCELLED'
  /** The dry run is done: read its report, then commitImport. */
  | 'CHECKED'
  /** The dry run is running: every row is checked, nothing is stored. */
  | 'CHECKING'
  /** Stored; the report says what was inserted, updated, unchanged or rejected. */
  | 'COMMITTED'
  /** The rows are being stored, in one transaction. */
  | 'COMMITTING'
  /** Stopped (errorCode says why); nothing of this step was stored. */
  | 'FAILED'
  /** The file is on the server; nothing checked yet (run startImport). */
  | 'UPLOADED';

/** The length of the periods of a trend. */
export type Interval =
  /** Calendar months. */
  | 'MONTH'
  /** Calendar quarters (January-March …). */
  | 'QUARTER'
  /** Calendar years (= fiscal years). */
  | 'YEAR';

/** What kind of economic actor a party is. */
export type PartyKind =
  /** A regional government agency (SKPD / perangkat daerah): dinas, badan, sekretariat, kecamatan office, RSUD. */
  | 'AGENCY'
  /** A cooperative (koperasi). */
  | 'COOPERATIVE'
  /** A business in the UMKM registry (micro, small, medium) or a large enterprise. */
  | 'ENTERPRISE'
  /** A unit in an agency's network (jejaring): school, health centre, village government, civil-servant association, BUMDes… */
  | 'NETWORK_UNIT'
  /** A supplier that is neither in the UMKM registry nor a cooperative, typically from outside the regency. */
  | 'VENDOR';

/** Whether a party is trading. */
export type PartyStatus =
  /** Trading. */
  | 'ACTIVE'
  /** Closed for good. */
  | 'CLOSED'
  /** Not trading for now (mati suri). */
  | 'DORMANT';

/** The category of goods or services bought. */
export type ProductCategory =
  /** Meals and catering (makan minum). */
  | 'CATERING'
  /** Construction materials (bahan bangunan). */
  | 'CONSTRUCTION_MATERIALS'
  /** Rice and other staple food (beras, pangan). */
  | 'FOOD_STAPLES'
  /** Garments and uniforms (konveksi, seragam). */
  | 'GARMENTS'
  /** Anything else. */
  | 'OTHER'
  /** Printing and stationery (cetak, ATK). */
  | 'PRINTING_STATIONERY'
  /** Masks and protective equipment (masker, APD). */
  | 'PROTECTIVE_GEAR'
  /** Services (jasa). */
  | 'SERVICES'
  /** Snacks and pastries (penganan, kue). */
  | 'SNACKS'
  /** Souvenirs and crafts (oleh-oleh, kerajinan). */
  | 'SOUVENIRS';

/** Whether a program's local UMKM share meets its target. */
export type ProgramStatus =
  /** The local UMKM share is below the target. */
  | 'BELOW_TARGET'
  /** The local UMKM share is at or above the target. */
  | 'MET'
  /** Nothing has been realised (spent) yet. */
  | 'NO_SPEND'
  /** Neither the program, its agency nor the regency has a target for that year. */
  | 'NO_TARGET';

/** How to group enterprises in the recovery index. */
export type RecoveryGroup =
  /** By kecamatan (key: its code; OUTSIDE or UNKNOWN otherwise). */
  | 'DISTRICT'
  /** One series of every enterprise (key "ALL"). */
  | 'NONE'
  /** By KBLI section (key: the section letter, or UNKNOWN). */
  | 'SECTOR'
  /** By size class (key: MICRO, SMALL, MEDIUM, LARGE or UNKNOWN). */
  | 'SIZE_CLASS';

/** What a request may see and do (docs/security.md, "Roles"). */
export type Role =
  /** Everything: every read (personal data included, audited), every write, accounts and API keys. */
  | 'ADMIN'
  /** Reads everything but personal data, usually with an API key; no writes. */
  | 'ANALYST'
  /** Members of the regional parliament: reads everything but personal data; no writes. */
  | 'DPRD'
  /** An agency's operator: reads like an analyst, writes only for its own agency and that agency's network units; sees the NIK of enterprises its agency registered. */
  | 'OPERATOR'
  /** The regent, Bappeda: reads everything but personal data; no writes. */
  | 'POLICYMAKER'
  /** Anyone without credentials: aggregate measures and public registry fields only; no personal data, no transaction list. */
  | 'PUBLIC';

/** Who set a work unit's agency. */
export type SatkerMappingSource =
  /** An administrator (mapSatker); later imports keep it. */
  | 'EDITED'
  /** The ISB import, from RUP-MasterSatker or a row's own agency code (docs/imports.md, "Work units → agencies"). */
  | 'SEEDED';

/** Which figure decided the size class: business capital or annual sales. */
export type SizeBasis =
  | 'CAPITAL'
  | 'REVENUE';

/** Enterprise size under PP 7/2021, from business capital (excluding land and buildings) when known, else from annual sales. */
export type SizeClass =
  /** Above the medium thresholds. */
  | 'LARGE'
  /** Capital > Rp 5 to ≤ 10 billion, or annual sales > Rp 15 to ≤ 50 billion. */
  | 'MEDIUM'
  /** Capital ≤ Rp 1 billion, or annual sales ≤ Rp 2 billion. */
  | 'MICRO'
  /** Capital > Rp 1 to ≤ 5 billion, or annual sales > Rp 2 to ≤ 15 billion. */
  | 'SMALL';

/** Which purchases a spending measure covers (docs/metrics.md, "The SpendFilter and the scoped transactions"): a date range, the buying agencies (and optionally their networks), categories of goods and an account-code prefix. Every field is optional; an empty filter covers every purchase made by an agency itself. */
export type SpendFilter = {
  /** Only purchases whose budget account code starts with this text, e.g. "5.1.02" for goods and services. */
  accountPrefix?: string | null | undefined;
  /** Ids of the buying agencies. Absent: every agency of the regency. */
  agencyIds?: Array<string | number> | null | undefined;
  /** Only purchases of these categories. */
  categories?: Array<ProductCategory> | null | undefined;
  /** A fiscal year (Indonesian fiscal years are calendar years): 1 January to 31 December. Given together with from/to, the range is the intersection of both. */
  fiscalYear?: number | null | undefined;
  /** First day covered (inclusive). */
  from?: string | null | undefined;
  /** Also count the purchases of the agencies' network units (schools, health centres, village governments…, any depth of the parent chain). Default false. */
  includeNetwork?: boolean | null | undefined;
  /** Last day covered (inclusive). */
  to?: string | null | undefined;
};

/** Where a target comes from. */
export type TargetSource =
  /** The agency's target for the year. */
  | 'AGENCY'
  /** The program's own target. */
  | 'PROGRAM'
  /** The regency-wide target for the year (the regent's regulation). */
  | 'TENANT';

/** Which transactions to list. Every condition given must hold. */
export type TransactionFilter = {
  /** Only account codes starting with this prefix, e.g. "5.1.02" for goods and services spending. */
  accountPrefix?: string | null | undefined;
  /** Bought by these agencies (ids of Agency); see includeNetwork. */
  agencyIds?: Array<string | number> | null | undefined;
  /** Amount at most this (rupiah). */
  amountMax?: number | null | undefined;
  /** Amount at least this (rupiah). */
  amountMin?: number | null | undefined;
  /** Bought by these parties (ids of any party). */
  buyerIds?: Array<string | number> | null | undefined;
  /** Only purchases by these kinds of buyer. */
  buyerKinds?: Array<PartyKind> | null | undefined;
  /** Only buyers located in this region or inside it (any level). */
  buyerRegionCode?: string | null | undefined;
  /** Only these categories of goods. */
  categories?: Array<ProductCategory> | null | undefined;
  /** Within this fiscal year (the calendar year: 1 January to 31 December). */
  fiscalYear?: number | null | undefined;
  /** On or after this date. */
  from?: string | null | undefined;
  /** Only these funding sources. */
  fundingSources?: Array<FundingSource> | null | undefined;
  /** With agencyIds: also the purchases of the units in those agencies' networks, at any depth (default false). */
  includeNetwork?: boolean | null | undefined;
  /** For these products (ids of Product). */
  productIds?: Array<string | number> | null | undefined;
  /** Recorded under these programs (ids of Program). */
  programIds?: Array<string | number> | null | undefined;
  /** Sold by these parties (ids of any party). */
  sellerIds?: Array<string | number> | null | undefined;
  /** Only sales by these kinds of seller, e.g. [ENTERPRISE, COOPERATIVE] for UMKM and cooperatives. */
  sellerKinds?: Array<PartyKind> | null | undefined;
  /** true: only sellers located in this API's regency; false: only sellers outside it (or of unknown location). */
  sellerLocal?: boolean | null | undefined;
  /** Only sellers located in this region or inside it (any level), e.g. a kecamatan: where the money went. */
  sellerRegionCode?: string | null | undefined;
  /** Only sellers of these size classes. */
  sellerSizeClasses?: Array<SizeClass> | null | undefined;
  /** On or before this date. */
  to?: string | null | undefined;
};

/** A purchase as entered: who paid whom, how much, when, for what. Checked by the shared rules (docs/data-entry.md). */
export type TransactionInput = {
  /** Budget account code, e.g. 5.1.02.01.01.0024. */
  accountCode?: string | null | undefined;
  /** The amount paid, whole rupiah, more than 0. */
  amount: number;
  /** The buyer: an Agency or a NetworkUnit (or, in the supply chain, any party). */
  buyerId: string | number;
  /** The category of goods or services bought. */
  category: ProductCategory;
  /** APBD, APBN, DAK, DANA_DESA, BOS or OWN. */
  fundingSource?: FundingSource | null | undefined;
  /** The date of payment: not in the future, inside the program's fiscal year when a program is given. */
  occurredOn: string;
  /** The Product bought. */
  productId?: string | number | null | undefined;
  /** The Program the purchase is recorded under. */
  programId?: string | number | null | undefined;
  /** The quantity, in the product's unit; more than 0. */
  quantity?: number | null | undefined;
  /** The seller: an Enterprise, Cooperative or Vendor (any party but the buyer). */
  sellerId: string | number;
  /** The reference in the paper trail (e.g. the SP2D or receipt number); unique among manual entries, so the same purchase is not recorded twice (CONFLICT). Generated when omitted. */
  sourceRef?: string | null | undefined;
};

/** The type of a unit in an agency's network. */
export type UnitType =
  /** A civil servants' association (KORPRI, Dharma Wanita Persatuan); not a government buyer. */
  | 'ASN_ASSOCIATION'
  /** A village-owned enterprise (Badan Usaha Milik Desa); not a government buyer. */
  | 'BUMDES'
  /** A community health centre (Puskesmas) or its sub-units. */
  | 'HEALTH_CENTER'
  /** Any other unit. */
  | 'OTHER'
  /** A public school (SD, SMP). */
  | 'SCHOOL'
  /** A technical implementation unit (UPT/UPTD). */
  | 'TECHNICAL_UNIT'
  /** A village government (Pemerintah Desa). */
  | 'VILLAGE_GOVERNMENT';

/** Where a registry entry stands in the data-collection (pendataan) workflow. */
export type Verification =
  /** Registered, not yet checked. */
  | 'DRAFT'
  /** Checked and rejected (duplicate, not a real business…); excluded from progress. */
  | 'REJECTED'
  /** Checked by the cooperatives & UMKM office. */
  | 'VERIFIED';

export type CommitImportMutationVariables = Exact<{
  id: string | number;
}>;


export type CommitImportMutation = { commitImport: { id: string, status: ImportJobStatus } };

export type CreateApiKeyMutationVariables = Exact<{
  username: string;
  name: string;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string, prefix: string } } };

export type GetAboutQueryVariables = Exact<{ [key: string]: never; }>;


export type GetAboutQuery = { about: { tenantId: string, tenantName: string, demoData: boolean, firstTransactionOn: string | null, lastTransactionOn: string | null } };

export type GetAgencyQueryVariables = Exact<{
  id: string | number;
}>;


export type GetAgencyQuery = { node:
    | { __typename: 'Agency', code: string, name: string, shortName: string | null, agencyType: AgencyType, id: string, region: { code: string, name: string } | null }
    | { __typename: 'Assistance', id: string }
    | { __typename: 'Cooperative', id: string }
    | { __typename: 'Enterprise', id: string }
    | { __typename: 'NetworkUnit', id: string }
    | { __typename: 'PolicyTarget', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'Program', id: string }
    | { __typename: 'Transaction', id: string }
    | { __typename: 'Vendor', id: string }
   | null };

export type GetAgencyScorecardQueryVariables = Exact<{
  filter?: SpendFilter | null | undefined;
}>;


export type GetAgencyScorecardQuery = { agencyScorecard: Array<{ rank: number, total: number, transactionCount: number, toLocalUmkm: number, localUmkmShare: number | null, sellersReached: number, target: number | null, achievement: number | null, grade: Grade | null, agency: { id: string, code: string, name: string, shortName: string | null } }> };

export type GetBuyerOptionsQueryVariables = Exact<{
  agencyId: string | number;
  fiscalYear: number;
}>;


export type GetBuyerOptionsQuery = { node:
    | { __typename: 'Agency', name: string, id: string, programs: { nodes: Array<{ id: string, code: string, name: string }> } }
    | { __typename: 'Assistance', id: string }
    | { __typename: 'Cooperative', id: string }
    | { __typename: 'Enterprise', id: string }
    | { __typename: 'NetworkUnit', id: string }
    | { __typename: 'PolicyTarget', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'Program', id: string }
    | { __typename: 'Transaction', id: string }
    | { __typename: 'Vendor', id: string }
   | null, networkUnits: { nodes: Array<{ id: string, name: string, unitType: UnitType }> } };

export type GetDataCollectionProgressQueryVariables = Exact<{
  year: number;
}>;


export type GetDataCollectionProgressQuery = { dataCollectionProgress: Array<{ enterprisesRegistered: number, enterprisesVerified: number, enterprisesTarget: number | null, enterprisesProgress: number | null, cooperativesRegistered: number, cooperativesVerified: number, cooperativesTarget: number | null, cooperativesProgress: number | null, region: { code: string, name: string } }> };

export type GetDominoEffectQueryVariables = Exact<{
  filter?: SpendFilter | null | undefined;
  rounds?: number | null | undefined;
}>;


export type GetDominoEffectQuery = { dominoEffect: { injection: number, multiplier: number | null, limitMultiplier: number | null, converged: boolean, iterations: number, rounds: Array<{ round: number, amount: number, parties: number, bySector: Array<{ sector: string, amount: number }> }> } };

export type GetEnterpriseForEditQueryVariables = Exact<{
  id: string | number;
}>;


export type GetEnterpriseForEditQuery = { node:
    | { __typename: 'Agency', id: string }
    | { __typename: 'Assistance', id: string }
    | { __typename: 'Cooperative', id: string }
    | { __typename: 'Enterprise', name: string, regionCode: string | null, nib: string | null, npwp: string | null, kbliCode: string | null, ownerName: string | null, ownerNik: string | null, ownerGender: string | null, foundedYear: number | null, employees: number | null, capital: number | null, annualRevenue: number | null, sizeClass: SizeClass | null, sizeBasis: SizeBasis | null, status: PartyStatus, registeredOn: string | null, id: string }
    | { __typename: 'NetworkUnit', id: string }
    | { __typename: 'PolicyTarget', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'Program', id: string }
    | { __typename: 'Transaction', id: string }
    | { __typename: 'Vendor', id: string }
   | null };

export type GetImportJobProgressQueryVariables = Exact<{
  id: string | number;
}>;


export type GetImportJobProgressQuery = { importJob: { id: string, status: ImportJobStatus, errorCode: string | null, errorText: { id: string, en: string } | null, progress: { stage: string, done: number, total: number } | null } | null };

export type GetImportJobReportQueryVariables = Exact<{
  id: string | number;
}>;


export type GetImportJobReportQuery = { importJob: { id: string, status: ImportJobStatus, fileName: string, sizeBytes: number, allOrNothing: boolean, errorCode: string | null, errorText: { id: string, en: string } | null, report: { committed: boolean, dryRun: boolean, allOrNothing: boolean, rejectedTotal: number, files: Array<{ file: string, rows: number, inserted: number, updated: number, unchanged: number, rejected: number }>, rejected: Array<{ file: string, line: number, column: string | null, code: string, reasonText: { id: string, en: string } }>, warnings: Array<{ file: string, line: number | null, column: string | null, messageText: { id: string, en: string } }> } | null } | null };

export type GetLikelyDuplicatesQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type GetLikelyDuplicatesQuery = { likelyDuplicates: { totalCount: number, pairs: Array<{ similarity: number, earlier: { id: string, name: string, nib: string | null, verification: Verification, registeredOn: string | null, region: { code: string, name: string } | null }, later: { id: string, name: string, nib: string | null, verification: Verification, registeredOn: string | null, region: { code: string, name: string } | null } }> } };

export type DuplicateSideFragment = { id: string, name: string, nib: string | null, verification: Verification, registeredOn: string | null, region: { code: string, name: string } | null };

export type GetMarketAccessEffectQueryVariables = Exact<{
  cohortYear: number;
}>;


export type GetMarketAccessEffectQuery = { marketAccessEffect: { cohortYear: number, cohortSize: number, difference: number | null, withMarket: { size: number, active: number, inactive: number, unknown: number, survivalRate: number | null }, trainedOnly: { size: number, active: number, inactive: number, unknown: number, survivalRate: number | null } } };

export type GetNetworkReachQueryVariables = Exact<{
  agencyId: string | number;
  filter?: SpendFilter | null | undefined;
}>;


export type GetNetworkReachQuery = { networkReach: { amplification: number | null, sellersReachedDirect: number, sellersReachedOnlyViaNetwork: number, agency: { id: string, name: string }, direct: { total: number, toLocalUmkm: number, localUmkmShare: number | null, sellersReached: number }, network: { total: number, toLocalUmkm: number, localUmkmShare: number | null, sellersReached: number }, byUnitType: Array<{ unitType: UnitType, units: number, summary: { total: number, toLocalUmkm: number, localUmkmShare: number | null, sellersReached: number } }> } };

export type GetPlannedVsRealisedQueryVariables = Exact<{
  fiscalYear: number;
  agencyIds?: Array<string | number> | string | number | null | undefined;
  includeNetwork?: boolean | null | undefined;
}>;


export type GetPlannedVsRealisedQuery = { plannedVsRealised: Array<{ fiscalYear: number, planCount: number, plannedTotal: number, planCountForSmall: number, plannedForSmall: number, plannedSmallShare: number | null, realisedTotal: number, realisedToSmall: number, realisedSmallShare: number | null, realisationRate: number | null, agency: { id: string, code: string, name: string, shortName: string | null } }> };

export type GetProgramQueryVariables = Exact<{
  id: string | number;
}>;


export type GetProgramQuery = { node:
    | { __typename: 'Agency', id: string }
    | { __typename: 'Assistance', id: string }
    | { __typename: 'Cooperative', id: string }
    | { __typename: 'Enterprise', id: string }
    | { __typename: 'NetworkUnit', id: string }
    | { __typename: 'PolicyTarget', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'Program', code: string, name: string, fiscalYear: number, budget: number, localTargetShare: number | null, id: string, agency: { id: string, name: string, shortName: string | null } }
    | { __typename: 'Transaction', id: string }
    | { __typename: 'Vendor', id: string }
   | null };

export type GetProgramOutcomesQueryVariables = Exact<{
  fiscalYear: number;
  agencyId?: string | number | null | undefined;
}>;


export type GetProgramOutcomesQuery = { programOutcomes: Array<{ budget: number, realized: number, realizationRate: number | null, toLocalUmkm: number, localUmkmShare: number | null, target: number | null, targetSource: TargetSource | null, umkmReached: number, enterprisesAssisted: number, status: ProgramStatus, program: { id: string, code: string, name: string, fiscalYear: number, agency: { id: string, name: string, shortName: string | null } } }> };

export type GetProvinceOverviewQueryVariables = Exact<{
  province: string;
  fiscalYear: number;
}>;


export type GetProvinceOverviewQuery = { provinceOverview: { provinceCode: string, provinceName: string, fiscalYear: number, total: { total: number, transactionCount: number, toLocalUmkm: number, localUmkmShare: number | null, toLocal: number, localShare: number | null }, regencies: Array<{ rank: number | null, regency: { code: string, name: string }, summary: { total: number, transactionCount: number, toLocalUmkm: number, localUmkmShare: number | null, toLocal: number, localShare: number | null, target: number | null } }> } };

export type GetRecoveryIndexQueryVariables = Exact<{
  groupBy: RecoveryGroup;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type GetRecoveryIndexQuery = { recoveryIndex: Array<{ key: string, label: string, points: Array<{ period: string, index: number | null, activeShare: number | null, panelSize: number }> }> };

export type GetRegistryEntryQueryVariables = Exact<{
  id: string | number;
}>;


export type GetRegistryEntryQuery = { node:
    | { __typename: 'Agency', id: string }
    | { __typename: 'Assistance', id: string }
    | { __typename: 'Cooperative', name: string, registrationNo: string | null, coopType: CoopType, membersCount: number | null, status: PartyStatus, verification: Verification, registeredOn: string | null, id: string, region: { code: string, name: string } | null, products: { totalCount: number, edges: Array<{ node: { id: string, name: string, category: ProductCategory, unit: string, unitPrice: number | null } }> } }
    | { __typename: 'Enterprise', name: string, nib: string | null, kbliCode: string | null, sizeClass: SizeClass | null, status: PartyStatus, verification: Verification, registeredOn: string | null, id: string, sector: { code: string, name: string } | null, region: { code: string, name: string } | null, products: { totalCount: number, edges: Array<{ node: { id: string, name: string, category: ProductCategory, unit: string, unitPrice: number | null } }> }, snapshots: { totalCount: number, edges: Array<{ node: { period: string, revenue: number | null, employees: number | null, status: PartyStatus } }> } }
    | { __typename: 'NetworkUnit', id: string }
    | { __typename: 'PolicyTarget', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'Program', id: string }
    | { __typename: 'Transaction', id: string }
    | { __typename: 'Vendor', id: string }
   | null };

export type GetSpendByDistrictQueryVariables = Exact<{
  filter?: SpendFilter | null | undefined;
}>;


export type GetSpendByDistrictQuery = { spendByDistrict: Array<{ toLocalUmkm: number, sellersReached: number, region: { code: string, name: string } }> };

export type GetSpendFlowsQueryVariables = Exact<{
  filter?: SpendFilter | null | undefined;
  levels: Array<FlowLevel> | FlowLevel;
}>;


export type GetSpendFlowsQuery = { spendFlows: { levels: Array<FlowLevel>, total: number, nodes: Array<{ id: string, level: FlowLevel, key: string, label: string, value: number }>, links: Array<{ source: string, target: string, value: number }> } };

export type GetSpendSummaryQueryVariables = Exact<{
  filter?: SpendFilter | null | undefined;
}>;


export type GetSpendSummaryQuery = { spendSummary: { total: number, transactionCount: number, toLocalUmkm: number, localUmkmShare: number | null, toUmk: number, umkShare: number | null, toLocal: number, localShare: number | null, sellersReached: number, target: number | null, umkTarget: number | null } };

export type GetSpendTrendQueryVariables = Exact<{
  filter?: SpendFilter | null | undefined;
  interval: Interval;
}>;


export type GetSpendTrendQuery = { spendTrend: Array<{ periodStart: string, periodEnd: string, total: number, transactionCount: number, toLocalUmkm: number, localUmkmShare: number | null, toUmk: number, umkShare: number | null, sellersReached: number, target: number | null }> };

export type GetViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type GetViewerQuery = { me: { role: Role, user: { id: string, username: string, displayName: string | null, role: Role, agencyCode: string | null } | null } };

export type ListAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type ListAccountsQuery = { users: Array<{ id: string, username: string, displayName: string | null, role: Role, agencyCode: string | null, disabled: boolean, demo: boolean }>, apiKeys: Array<{ id: string, name: string, prefix: string, createdAt: string, revokedAt: string | null, lastUsedAt: string | null, user: { id: string, username: string } }> };

export type ListAgenciesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ListAgenciesQuery = { agencies: { totalCount: number, edges: Array<{ node: { id: string, code: string, name: string, shortName: string | null } }> } };

export type ListCooperativesQueryVariables = Exact<{
  filter?: CooperativeFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListCooperativesQuery = { cooperatives: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, registrationNo: string | null, coopType: CoopType, membersCount: number | null, status: PartyStatus, verification: Verification, region: { code: string, name: string } | null } }> } };

export type ListDraftsQueryVariables = Exact<{
  filter?: EnterpriseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListDraftsQuery = { enterprises: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, nib: string | null, registeredOn: string | null, region: { code: string, name: string } | null }> } };

export type ListEnterprisesQueryVariables = Exact<{
  filter?: EnterpriseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListEnterprisesQuery = { enterprises: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, nib: string | null, sizeClass: SizeClass | null, status: PartyStatus, verification: Verification, sector: { code: string, name: string } | null, region: { code: string, name: string } | null } }> } };

export type ListGovernmentOrdersQueryVariables = Exact<{
  filter?: TransactionFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type ListGovernmentOrdersQuery = { transactions: { totalCount: number, edges: Array<{ node: { id: string, amount: number, occurredOn: string, category: ProductCategory, buyer:
          | { __typename: 'Agency', id: string, name: string }
          | { __typename: 'Cooperative', id: string, name: string }
          | { __typename: 'Enterprise', id: string, name: string }
          | { __typename: 'NetworkUnit', id: string, name: string }
          | { __typename: 'Vendor', id: string, name: string }
        , seller:
          | { __typename: 'Agency', id: string, name: string, isLocal: boolean }
          | { __typename: 'Cooperative', id: string, name: string, isLocal: boolean }
          | { __typename: 'Enterprise', id: string, name: string, isLocal: boolean }
          | { __typename: 'NetworkUnit', id: string, name: string, isLocal: boolean }
          | { __typename: 'Vendor', id: string, name: string, isLocal: boolean }
        , program: { id: string, name: string } | null } }> } };

export type ListRegenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type ListRegenciesQuery = { regencies: Array<{ code: string, name: string, provinceCode: string, hasData: boolean }> };

export type ListSatkerMappingsQueryVariables = Exact<{ [key: string]: never; }>;


export type ListSatkerMappingsQuery = { satkerMappings: Array<{ kdSatker: string, kdSatkerStr: string | null, namaSatker: string | null, source: SatkerMappingSource, updatedAt: string, agency: { id: string, code: string, name: string } }> };

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LoginMutation = { login: { expiresAt: string, user: { id: string, username: string, role: Role } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MapSatkerMutationVariables = Exact<{
  kdSatker: string;
  agencyId: string | number;
}>;


export type MapSatkerMutation = { mapSatker: { kdSatker: string, source: SatkerMappingSource, updatedAt: string, agency: { id: string, code: string, name: string } } };

export type MergePartiesMutationVariables = Exact<{
  survivorId: string | number;
  duplicateId: string | number;
}>;


export type MergePartiesMutation = { mergeParties: { survivor:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
    , moved: { transactions: number, voidedTransactions: number, products: number, memberships: number, assistance: number, snapshots: number } } };

export type RecordPurchaseMutationVariables = Exact<{
  input: TransactionInput;
}>;


export type RecordPurchaseMutation = { recordTransaction: { transaction: { id: string, amount: number, occurredOn: string } } };

export type RegisterEnterpriseMutationVariables = Exact<{
  input: EnterpriseInput;
}>;


export type RegisterEnterpriseMutation = { registerEnterprise: { enterprise: { id: string, name: string, verification: Verification, sizeClass: SizeClass | null }, warnings: Array<{ code: string, field: string, reason: { id: string, en: string } }>, likelyDuplicates: Array<{ id: string, name: string, nib: string | null }> } };

export type EnterpriseWrittenFragment = { enterprise: { id: string, name: string, verification: Verification, sizeClass: SizeClass | null }, warnings: Array<{ code: string, field: string, reason: { id: string, en: string } }>, likelyDuplicates: Array<{ id: string, name: string, nib: string | null }> };

export type RejectEnterpriseMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectEnterpriseMutation = { rejectEnterprise: { enterprise: { id: string, name: string, verification: Verification } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type SearchSellersQueryVariables = Exact<{
  search: string;
}>;


export type SearchSellersQuery = { parties: { nodes: Array<
      | { __typename: 'Agency', id: string, kind: PartyKind, name: string, regionCode: string | null, npwp: string | null }
      | { __typename: 'Cooperative', id: string, kind: PartyKind, name: string, regionCode: string | null, npwp: string | null }
      | { __typename: 'Enterprise', nib: string | null, id: string, kind: PartyKind, name: string, regionCode: string | null, npwp: string | null }
      | { __typename: 'NetworkUnit', id: string, kind: PartyKind, name: string, regionCode: string | null, npwp: string | null }
      | { __typename: 'Vendor', id: string, kind: PartyKind, name: string, regionCode: string | null, npwp: string | null }
    > } };

export type StartImportMutationVariables = Exact<{
  id: string | number;
  allOrNothing: boolean;
}>;


export type StartImportMutation = { startImport: { id: string, status: ImportJobStatus } };

export type UpdateEnterpriseMutationVariables = Exact<{
  id: string | number;
  input: EnterpriseInput;
}>;


export type UpdateEnterpriseMutation = { updateEnterprise: { enterprise: { id: string, name: string, verification: Verification, sizeClass: SizeClass | null }, warnings: Array<{ code: string, field: string, reason: { id: string, en: string } }>, likelyDuplicates: Array<{ id: string, name: string, nib: string | null }> } };

export type VerifyEnterpriseMutationVariables = Exact<{
  id: string | number;
}>;


export type VerifyEnterpriseMutation = { verifyEnterprise: { enterprise: { id: string, name: string, verification: Verification } } };

export const DuplicateSideFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DuplicateSide"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Enterprise"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nib"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DuplicateSideFragment, unknown>;
export const EnterpriseWrittenFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnterpriseWritten"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnterprisePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"sizeClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"reason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"likelyDuplicates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nib"}}]}}]}}]} as unknown as DocumentNode<EnterpriseWrittenFragment, unknown>;
export const CommitImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CommitImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CommitImportMutation, CommitImportMutationVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const GetAboutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetAbout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"about"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"demoData"}},{"kind":"Field","name":{"kind":"Name","value":"firstTransactionOn"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransactionOn"}}]}}]}}]} as unknown as DocumentNode<GetAboutQuery, GetAboutQueryVariables>;
export const GetAgencyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetAgency"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"agencyType"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetAgencyQuery, GetAgencyQueryVariables>;
export const GetAgencyScorecardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetAgencyScorecard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SpendFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencyScorecard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"transactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"toLocalUmkm"}},{"kind":"Field","name":{"kind":"Name","value":"localUmkmShare"}},{"kind":"Field","name":{"kind":"Name","value":"sellersReached"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"achievement"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}}]} as unknown as DocumentNode<GetAgencyScorecardQuery, GetAgencyScorecardQueryVariables>;
export const GetBuyerOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetBuyerOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fiscalYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"networkUnits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"agencyIds"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unitType"}}]}}]}}]}}]} as unknown as DocumentNode<GetBuyerOptionsQuery, GetBuyerOptionsQueryVariables>;
export const GetDataCollectionProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetDataCollectionProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataCollectionProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesRegistered"}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesVerified"}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesTarget"}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesProgress"}},{"kind":"Field","name":{"kind":"Name","value":"cooperativesRegistered"}},{"kind":"Field","name":{"kind":"Name","value":"cooperativesVerified"}},{"kind":"Field","name":{"kind":"Name","value":"cooperativesTarget"}},{"kind":"Field","name":{"kind":"Name","value":"cooperativesProgress"}}]}}]}}]} as unknown as DocumentNode<GetDataCollectionProgressQuery, GetDataCollectionProgressQueryVariables>;
export const GetDominoEffectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetDominoEffect"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SpendFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rounds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dominoEffect"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"rounds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rounds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"injection"}},{"kind":"Field","name":{"kind":"Name","value":"multiplier"}},{"kind":"Field","name":{"kind":"Name","value":"limitMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"converged"}},{"kind":"Field","name":{"kind":"Name","value":"iterations"}},{"kind":"Field","name":{"kind":"Name","value":"rounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"parties"}},{"kind":"Field","name":{"kind":"Name","value":"bySector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetDominoEffectQuery, GetDominoEffectQueryVariables>;
export const GetEnterpriseForEditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetEnterpriseForEdit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Enterprise"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"nib"}},{"kind":"Field","name":{"kind":"Name","value":"npwp"}},{"kind":"Field","name":{"kind":"Name","value":"kbliCode"}},{"kind":"Field","name":{"kind":"Name","value":"ownerName"}},{"kind":"Field","name":{"kind":"Name","value":"ownerNik"}},{"kind":"Field","name":{"kind":"Name","value":"ownerGender"}},{"kind":"Field","name":{"kind":"Name","value":"foundedYear"}},{"kind":"Field","name":{"kind":"Name","value":"employees"}},{"kind":"Field","name":{"kind":"Name","value":"capital"}},{"kind":"Field","name":{"kind":"Name","value":"annualRevenue"}},{"kind":"Field","name":{"kind":"Name","value":"sizeClass"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBasis"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}}]}}]}}]}}]} as unknown as DocumentNode<GetEnterpriseForEditQuery, GetEnterpriseForEditQueryVariables>;
export const GetImportJobProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetImportJobProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorText"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]} as unknown as DocumentNode<GetImportJobProgressQuery, GetImportJobProgressQueryVariables>;
export const GetImportJobReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetImportJobReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"allOrNothing"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorText"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"committed"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"allOrNothing"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rejected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"reasonText"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"messageText"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetImportJobReportQuery, GetImportJobReportQueryVariables>;
export const GetLikelyDuplicatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetLikelyDuplicates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"likelyDuplicates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"similarity"}},{"kind":"Field","name":{"kind":"Name","value":"earlier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DuplicateSide"}}]}},{"kind":"Field","name":{"kind":"Name","value":"later"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DuplicateSide"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DuplicateSide"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Enterprise"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nib"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<GetLikelyDuplicatesQuery, GetLikelyDuplicatesQueryVariables>;
export const GetMarketAccessEffectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetMarketAccessEffect"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cohortYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marketAccessEffect"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cohortYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cohortYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cohortYear"}},{"kind":"Field","name":{"kind":"Name","value":"cohortSize"}},{"kind":"Field","name":{"kind":"Name","value":"difference"}},{"kind":"Field","name":{"kind":"Name","value":"withMarket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"inactive"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"survivalRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trainedOnly"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"inactive"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"survivalRate"}}]}}]}}]}}]} as unknown as DocumentNode<GetMarketAccessEffectQuery, GetMarketAccessEffectQueryVariables>;
export const GetNetworkReachDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetNetworkReach"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SpendFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"networkReach"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"direct"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"toLocalUmkm"}},{"kind":"Field","name":{"kind":"Name","value":"localUmkmShare"}},{"kind":"Field","name":{"kind":"Name","value":"sellersReached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"toLocalUmkm"}},{"kind":"Field","name":{"kind":"Name","value":"localUmkmShare"}},{"kind":"Field","name":{"kind":"Name","value":"sellersReached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byUnitType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitType"}},{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"toLocalUmkm"}},{"kind":"Field","name":{"kind":"Name","value":"localUmkmShare"}},{"kind":"Field","name":{"kind":"Name","value":"sellersReached"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"amplification"}},{"kind":"Field","name":{"kind":"Name","value":"sellersReachedDirect"}},{"kind":"Field","name":{"kind":"Name","value":"sellersReachedOnlyViaNetwork"}}]}}]}}]} as unknown as DocumentNode<GetNetworkReachQuery, GetNetworkReachQueryVariables>;
export const GetPlannedVsRealisedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetPlannedVsRealised"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeNetwork"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plannedVsRealised"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fiscalYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"agencyIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeNetwork"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeNetwork"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"planCount"}},{"kind":"Field","name":{"kind":"Name","value":"plannedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"planCountForSmall"}},{"kind":"Field","name":{"kind":"Name","value":"plannedForSmall"}},{"kind":"Field","name":{"kind":"Name","value":"plannedSmallShare"}},{"kind":"Field","name":{"kind":"Name","value":"realisedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"realisedToSmall"}},{"kind":"Field","name":{"kind":"Name","value":"realisedSmallShare"}},{"kind":"Field","name":{"kind":"Name","value":"realisationRate"}}]}}]}}]} as unknown as DocumentNode<GetPlannedVsRealisedQuery, GetPlannedVsRealisedQueryVariables>;
export const GetProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Program"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"localTargetShare"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetProgramQuery, GetProgramQueryVariables>;
export const GetProgramOutcomesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetProgramOutcomes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programOutcomes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fiscalYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"realized"}},{"kind":"Field","name":{"kind":"Name","value":"realizationRate"}},{"kind":"Field","name":{"kind":"Name","value":"toLocalUmkm"}},{"kind":"Field","name":{"kind":"Name","value":"localUmkmShare"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetSource"}},{"kind":"Field","name":{"kind":"Name","value":"umkmReached"}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesAssisted"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<GetProgramOutcomesQuery, GetProgramOutcomesQueryVariables>;
export const GetProvinceOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetProvinceOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"province"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provinceOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"province"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}},{"kind":"Argument","name":{"kind":"Name","value":"fiscalYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"provinceName"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"transactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"toLocalUmkm"}},{"kind":"Field","name":{"kind":"Name","value":"localUmkmShare"}},{"kind":"Field","name":{"kind":"Name","value":"toLocal"}},{"kind":"Field","name":{"kind":"Name","value":"localShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"regencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"regency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"transactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"toLocalUmkm"}},{"kind":"Field","name":{"kind":"Name","value":"localUmkmShare"}},{"kind":"Field","name":{"kind":"Name","value":"toLocal"}},{"kind":"Field","name":{"kind":"Name","value":"localShare"}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetProvinceOverviewQuery, GetProvinceOverviewQueryVariables>;
export const GetRecoveryIndexDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetRecoveryIndex"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryGroup"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recoveryIndex"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"activeShare"}},{"kind":"Field","name":{"kind":"Name","value":"panelSize"}}]}}]}}]}}]} as unknown as DocumentNode<GetRecoveryIndexQuery, GetRecoveryIndexQueryVariables>;
export const GetRegistryEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetRegistryEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Enterprise"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nib"}},{"kind":"Field","name":{"kind":"Name","value":"kbliCode"}},{"kind":"Field","name":{"kind":"Name","value":"sizeClass"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"sector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}},{"kind":"Field","name":{"kind":"Name","value":"employees"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Cooperative"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registrationNo"}},{"kind":"Field","name":{"kind":"Name","value":"coopType"}},{"kind":"Field","name":{"kind":"Name","value":"membersCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetRegistryEntryQuery, GetRegistryEntryQueryVariables>;
export const GetSpendByDistrictDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetSpendByDistrict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SpendFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spendByDistrict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toLocalUmkm"}},{"kind":"Field","name":{"kind":"Name","value":"sellersReached"}}]}}]}}]} as unknown as DocumentNode<GetSpendByDistrictQuery, GetSpendByDistrictQueryVariables>;
export const GetSpendFlowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetSpendFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SpendFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"levels"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FlowLevel"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spendFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"levels"},"value":{"kind":"Variable","name":{"kind":"Name","value":"levels"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levels"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<GetSpendFlowsQuery, GetSpendFlowsQueryVariables>;
export const GetSpendSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetSpendSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SpendFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spendSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"transactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"toLocalUmkm"}},{"kind":"Field","name":{"kind":"Name","value":"localUmkmShare"}},{"kind":"Field","name":{"kind":"Name","value":"toUmk"}},{"kind":"Field","name":{"kind":"Name","value":"umkShare"}},{"kind":"Field","name":{"kind":"Name","value":"toLocal"}},{"kind":"Field","name":{"kind":"Name","value":"localShare"}},{"kind":"Field","name":{"kind":"Name","value":"sellersReached"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"umkTarget"}}]}}]}}]} as unknown as DocumentNode<GetSpendSummaryQuery, GetSpendSummaryQueryVariables>;
export const GetSpendTrendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetSpendTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SpendFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Interval"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spendTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"transactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"toLocalUmkm"}},{"kind":"Field","name":{"kind":"Name","value":"localUmkmShare"}},{"kind":"Field","name":{"kind":"Name","value":"toUmk"}},{"kind":"Field","name":{"kind":"Name","value":"umkShare"}},{"kind":"Field","name":{"kind":"Name","value":"sellersReached"}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}}]}}]} as unknown as DocumentNode<GetSpendTrendQuery, GetSpendTrendQueryVariables>;
export const GetViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"agencyCode"}}]}}]}}]}}]} as unknown as DocumentNode<GetViewerQuery, GetViewerQueryVariables>;
export const ListAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"agencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"demo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeRevoked"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<ListAccountsQuery, ListAccountsQueryVariables>;
export const ListAgenciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListAgencies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListAgenciesQuery, ListAgenciesQueryVariables>;
export const ListCooperativesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListCooperatives"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CooperativeFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cooperatives"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registrationNo"}},{"kind":"Field","name":{"kind":"Name","value":"coopType"}},{"kind":"Field","name":{"kind":"Name","value":"membersCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListCooperativesQuery, ListCooperativesQueryVariables>;
export const ListDraftsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListDrafts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"ID"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nib"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListDraftsQuery, ListDraftsQueryVariables>;
export const ListEnterprisesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListEnterprises"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nib"}},{"kind":"Field","name":{"kind":"Name","value":"sizeClass"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"sector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListEnterprisesQuery, ListEnterprisesQueryVariables>;
export const ListGovernmentOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListGovernmentOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TransactionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"AMOUNT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"buyer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"seller"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isLocal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListGovernmentOrdersQuery, ListGovernmentOrdersQueryVariables>;
export const ListRegenciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListRegencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasData"}}]}}]}}]} as unknown as DocumentNode<ListRegenciesQuery, ListRegenciesQueryVariables>;
export const ListSatkerMappingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListSatkerMappings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"satkerMappings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kdSatker"}},{"kind":"Field","name":{"kind":"Name","value":"kdSatkerStr"}},{"kind":"Field","name":{"kind":"Name","value":"namaSatker"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ListSatkerMappingsQuery, ListSatkerMappingsQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const MapSatkerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MapSatker"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kdSatker"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mapSatker"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kdSatker"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kdSatker"}}},{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kdSatker"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MapSatkerMutation, MapSatkerMutationVariables>;
export const MergePartiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MergeParties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"survivorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"duplicateId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mergeParties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"survivorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"survivorId"}}},{"kind":"Argument","name":{"kind":"Name","value":"duplicateId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"duplicateId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"survivor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"moved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactions"}},{"kind":"Field","name":{"kind":"Name","value":"voidedTransactions"}},{"kind":"Field","name":{"kind":"Name","value":"products"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"}},{"kind":"Field","name":{"kind":"Name","value":"assistance"}},{"kind":"Field","name":{"kind":"Name","value":"snapshots"}}]}}]}}]}}]} as unknown as DocumentNode<MergePartiesMutation, MergePartiesMutationVariables>;
export const RecordPurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransactionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordTransaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}}]}}]}}]}}]} as unknown as DocumentNode<RecordPurchaseMutation, RecordPurchaseMutationVariables>;
export const RegisterEnterpriseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterEnterprise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnterpriseWritten"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnterpriseWritten"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnterprisePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"sizeClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"reason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"likelyDuplicates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nib"}}]}}]}}]} as unknown as DocumentNode<RegisterEnterpriseMutation, RegisterEnterpriseMutationVariables>;
export const RejectEnterpriseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectEnterprise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}}]}}]}}]}}]} as unknown as DocumentNode<RejectEnterpriseMutation, RejectEnterpriseMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const SearchSellersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchSellers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ENTERPRISE"},{"kind":"EnumValue","value":"COOPERATIVE"},{"kind":"EnumValue","value":"VENDOR"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"npwp"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Enterprise"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nib"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchSellersQuery, SearchSellersQueryVariables>;
export const StartImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allOrNothing"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"allOrNothing"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allOrNothing"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartImportMutation, StartImportMutationVariables>;
export const UpdateEnterpriseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEnterprise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnterpriseWritten"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnterpriseWritten"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnterprisePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}},{"kind":"Field","name":{"kind":"Name","value":"sizeClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"reason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"likelyDuplicates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nib"}}]}}]}}]} as unknown as DocumentNode<UpdateEnterpriseMutation, UpdateEnterpriseMutationVariables>;
export const VerifyEnterpriseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyEnterprise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"verification"}}]}}]}}]}}]} as unknown as DocumentNode<VerifyEnterpriseMutation, VerifyEnterpriseMutationVariables>;