import type { Generated } from 'kysely';
import type { Timestamp } from './database.ts';
import type { PlanStatus, SatkerMappingSource } from './enums.ts';

/* Kysely's view of the LKPP procurement tables (migration 2026_12_05_0510_procurement_plan). */

/** Which agency a work unit (kd_satker) of LKPP's datasets is (docs/imports.md, "LKPP procurement data"). */
export interface SatkerMappingTable {
  tenant_id: string;
  kd_satker: string;
  /** The SIPD agency code the master data gives for the unit. */
  kd_satker_str: string | null;
  nama_satker: string | null;
  agency_id: number;
  /** SEEDED by an import; EDITED by an administrator, and then kept by later imports. */
  source: SatkerMappingSource;
  updated_at: Timestamp;
}

/** A SiRUP procurement package: a plan with its budget ceiling, never a purchase. */
export interface ProcurementPlanTable {
  tenant_id: string;
  id: Generated<number>;
  kd_rup: string;
  name: string;
  fiscal_year: number;
  agency_id: number;
  /** The work unit as the dataset gives it (the mapping made it agency_id). */
  kd_satker: string;
  /** The budget ceiling, whole rupiah. */
  pagu: number;
  method: string | null;
  procurement_type: string | null;
  /** Planned for small businesses (status_ukm UKM); null when the row did not say. */
  for_small_business: boolean | null;
  non_small_reason: string | null;
  status: PlanStatus;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** A budget line of a plan: the account code (from mak), funding source and amount. */
export interface ProcurementPlanLineTable {
  tenant_id: string;
  plan_id: number;
  /** 1…n, the line's place among the plan's rows of RUP-PaketAnggaranPenyedia. */
  line_no: number;
  mak: string;
  account_code: string | null;
  funding_source: string | null;
  pagu: number;
}
