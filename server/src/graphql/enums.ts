import {
  AGENCY_TYPES,
  ASSISTANCE_KINDS,
  COOP_TYPES,
  FUNDING_SOURCES,
  IMPORT_JOB_STATUSES,
  PARTY_KINDS,
  PARTY_STATUSES,
  POLICY_METRICS,
  PRODUCT_CATEGORIES,
  SATKER_MAPPING_SOURCES,
  SIZE_BASES,
  SIZE_CLASSES,
  UNIT_TYPES,
  VERIFICATIONS,
} from '@jejaring/db/enums';
import { registerEnumType } from 'type-graphql';

/*
 * The domain's enumerations as GraphQL enums. The values come from db/src/enums.ts (the one list of
 * each, shared with the database constraints, the importers and the dashboard); this file adds the
 * API's descriptions. Each is a plain object (a TypeScript-enum shape) so type-graphql can register it.
 */

type EnumObject<T extends string> = { [K in T]: K };
function values<T extends string>(names: readonly T[]): EnumObject<T> {
  return Object.fromEntries(names.map((n) => [n, n])) as EnumObject<T>;
}

export const PartyKind = values(PARTY_KINDS);
export type PartyKind = keyof typeof PartyKind;
registerEnumType(PartyKind, {
  name: 'PartyKind',
  description: 'What kind of economic actor a party is.',
  valuesConfig: {
    AGENCY: {
      description:
        'A regional government agency (SKPD / perangkat daerah): dinas, badan, sekretariat, kecamatan office, RSUD.',
    },
    NETWORK_UNIT: {
      description:
        "A unit in an agency's network (jejaring): school, health centre, village government, civil-servant association, BUMDes…",
    },
    ENTERPRISE: { description: 'A business in the UMKM registry (micro, small, medium) or a large enterprise.' },
    COOPERATIVE: { description: 'A cooperative (koperasi).' },
    VENDOR: {
      description:
        'A supplier that is neither in the UMKM registry nor a cooperative, typically from outside the regency.',
    },
  },
});

export const SizeClass = values(SIZE_CLASSES);
export type SizeClass = keyof typeof SizeClass;
registerEnumType(SizeClass, {
  name: 'SizeClass',
  description:
    'Enterprise size under PP 7/2021, from business capital (excluding land and buildings) when known, else from annual sales.',
  valuesConfig: {
    MICRO: { description: 'Capital ≤ Rp 1 billion, or annual sales ≤ Rp 2 billion.' },
    SMALL: { description: 'Capital > Rp 1 to ≤ 5 billion, or annual sales > Rp 2 to ≤ 15 billion.' },
    MEDIUM: { description: 'Capital > Rp 5 to ≤ 10 billion, or annual sales > Rp 15 to ≤ 50 billion.' },
    LARGE: { description: 'Above the medium thresholds.' },
  },
});

export const PartyStatus = values(PARTY_STATUSES);
export type PartyStatus = keyof typeof PartyStatus;
registerEnumType(PartyStatus, {
  name: 'PartyStatus',
  description: 'Whether a party is trading.',
  valuesConfig: {
    ACTIVE: { description: 'Trading.' },
    DORMANT: { description: 'Not trading for now (mati suri).' },
    CLOSED: { description: 'Closed for good.' },
  },
});

export const Verification = values(VERIFICATIONS);
export type Verification = keyof typeof Verification;
registerEnumType(Verification, {
  name: 'Verification',
  description: 'Where a registry entry stands in the data-collection (pendataan) workflow.',
  valuesConfig: {
    DRAFT: { description: 'Registered, not yet checked.' },
    VERIFIED: { description: 'Checked by the cooperatives & UMKM office.' },
    REJECTED: { description: 'Checked and rejected (duplicate, not a real business…); excluded from progress.' },
  },
});

export const AgencyType = values(AGENCY_TYPES);
export type AgencyType = keyof typeof AgencyType;
registerEnumType(AgencyType, { name: 'AgencyType', description: 'The type of a regional agency (perangkat daerah).' });

export const UnitType = values(UNIT_TYPES);
export type UnitType = keyof typeof UnitType;
registerEnumType(UnitType, {
  name: 'UnitType',
  description: "The type of a unit in an agency's network.",
  valuesConfig: {
    SCHOOL: { description: 'A public school (SD, SMP).' },
    HEALTH_CENTER: { description: 'A community health centre (Puskesmas) or its sub-units.' },
    VILLAGE_GOVERNMENT: { description: 'A village government (Pemerintah Desa).' },
    TECHNICAL_UNIT: { description: 'A technical implementation unit (UPT/UPTD).' },
    ASN_ASSOCIATION: {
      description: "A civil servants' association (KORPRI, Dharma Wanita Persatuan); not a government buyer.",
    },
    BUMDES: { description: 'A village-owned enterprise (Badan Usaha Milik Desa); not a government buyer.' },
    OTHER: { description: 'Any other unit.' },
  },
});

export const CoopType = values(COOP_TYPES);
export type CoopType = keyof typeof CoopType;
registerEnumType(CoopType, { name: 'CoopType', description: 'The type of a cooperative (jenis koperasi).' });

export const ProductCategory = values(PRODUCT_CATEGORIES);
export type ProductCategory = keyof typeof ProductCategory;
registerEnumType(ProductCategory, {
  name: 'ProductCategory',
  description: 'The category of goods or services bought.',
  valuesConfig: {
    FOOD_STAPLES: { description: 'Rice and other staple food (beras, pangan).' },
    SNACKS: { description: 'Snacks and pastries (penganan, kue).' },
    SOUVENIRS: { description: 'Souvenirs and crafts (oleh-oleh, kerajinan).' },
    GARMENTS: { description: 'Garments and uniforms (konveksi, seragam).' },
    PROTECTIVE_GEAR: { description: 'Masks and protective equipment (masker, APD).' },
    CATERING: { description: 'Meals and catering (makan minum).' },
    PRINTING_STATIONERY: { description: 'Printing and stationery (cetak, ATK).' },
    CONSTRUCTION_MATERIALS: { description: 'Construction materials (bahan bangunan).' },
    SERVICES: { description: 'Services (jasa).' },
    OTHER: { description: 'Anything else.' },
  },
});

export const FundingSource = values(FUNDING_SOURCES);
export type FundingSource = keyof typeof FundingSource;
registerEnumType(FundingSource, {
  name: 'FundingSource',
  description: 'Where the money of a purchase comes from.',
  valuesConfig: {
    APBD: { description: 'The regional budget.' },
    APBN: { description: 'The national budget.' },
    DAK: { description: 'Special allocation fund (Dana Alokasi Khusus).' },
    DANA_DESA: { description: 'Village fund (Dana Desa).' },
    BOS: { description: 'School operational assistance (Bantuan Operasional Sekolah).' },
    OWN: { description: "The buyer's own money (enterprises, associations)." },
  },
});

export const AssistanceKind = values(ASSISTANCE_KINDS);
export type AssistanceKind = keyof typeof AssistanceKind;
registerEnumType(AssistanceKind, {
  name: 'AssistanceKind',
  description: 'The kind of help a program gave an enterprise.',
});

export const PolicyMetric = values(POLICY_METRICS);
export type PolicyMetric = keyof typeof PolicyMetric;
registerEnumType(PolicyMetric, {
  name: 'PolicyMetric',
  description: 'The measure a policy target is set on (docs/metrics.md).',
  valuesConfig: {
    LOCAL_UMKM_SHARE: {
      description: "Share of spending paid to local UMKM and cooperatives (the regent's regulation).",
    },
    UMK_SHARE: {
      description:
        'Share of spending paid to micro and small enterprises and cooperatives anywhere (Perpres 12/2021, 40 %).',
    },
  },
});

export const SizeBasis = values(SIZE_BASES);
export type SizeBasis = keyof typeof SizeBasis;
registerEnumType(SizeBasis, {
  name: 'SizeBasis',
  description: 'Which figure decided the size class: business capital or annual sales.',
});

export const ImportJobStatus = values(IMPORT_JOB_STATUSES);
export type ImportJobStatus = keyof typeof ImportJobStatus;
registerEnumType(ImportJobStatus, {
  name: 'ImportJobStatus',
  description: 'Where an uploaded import is: checked by a dry run first, then committed.',
  valuesConfig: {
    UPLOADED: { description: 'The file is on the server; nothing checked yet (run startImport).' },
    CHECKING: { description: 'The dry run is running: every row is checked, nothing is stored.' },
    CHECKED: { description: 'The dry run is done: read its report, then commitImport.' },
    COMMITTING: { description: 'The rows are being stored, in one transaction.' },
    COMMITTED: { description: 'Stored; the report says what was inserted, updated, unchanged or rejected.' },
    FAILED: { description: 'Stopped (errorCode says why); nothing of this step was stored.' },
    CANCELLED: {
      description:
        'Cancelled because the server was stopped while it ran (errorCode CANCELLED): rolled back, nothing of this step was stored; start it again.',
    },
  },
});

export const SatkerMappingSource = values(SATKER_MAPPING_SOURCES);
export type SatkerMappingSource = keyof typeof SatkerMappingSource;
registerEnumType(SatkerMappingSource, {
  name: 'SatkerMappingSource',
  description: "Who set a work unit's agency.",
  valuesConfig: {
    SEEDED: {
      description:
        'The ISB import, from RUP-MasterSatker or a row\'s own agency code (docs/imports.md, "Work units → agencies").',
    },
    EDITED: { description: 'An administrator (mapSatker); later imports keep it.' },
  },
});
