import type { Migration } from 'kysely';
import * as referenceAndTenant from './2026_11_30_0900_reference_and_tenant.ts';
import * as domain from './2026_11_30_0910_domain.ts';
import * as analytics from './2026_11_30_1000_analytics.ts';
import * as apiListIndexes from './2026_11_30_1100_api_list_indexes.ts';
import * as identities from './2026_12_04_1300_identities.ts';
import * as dataEntry from './2026_12_04_1400_data_entry.ts';
import * as importJob from './2026_12_04_1600_import_job.ts';
import * as importJobCancelled from './2026_12_05_0130_import_job_cancelled.ts';
import * as procurementPlan from './2026_12_05_0510_procurement_plan.ts';
import * as importJobAgency from './2026_12_05_0530_import_job_agency.ts';
import * as resultCache from './2026_12_05_1000_result_cache.ts';
import * as dominoMatrixStore from './2026_12_05_1100_domino_matrix_store.ts';
import * as credentialHashIndexes from './2026_12_05_1945_credential_hash_indexes.ts';
import * as importJobErrorReason from './2026_12_06_0900_import_job_error_reason.ts';
import * as coveringIndexes from './2026_12_06_1000_covering_indexes.ts';
import * as analyticsPartyYear from './2026_12_06_1100_analytics_party_year.ts';
import * as analyticsFill from './2026_12_06_1200_analytics_fill.ts';
import * as dominoWarm from './2026_12_07_1000_domino_warm.ts';
import * as analyticsFillInKeyOrder from './2026_12_08_1000_analytics_fill_in_key_order.ts';
import * as analyticsGovSellerYear from './2026_12_09_1000_analytics_gov_seller_year.ts';
import * as analyticsStateFirst from './2026_12_10_1000_analytics_state_first.ts';
import * as analyticsSnapshotYear from './2026_12_11_1000_analytics_snapshot_year.ts';
import * as dominoParts from './2026_12_12_1000_domino_parts.ts';
import * as classVersion from './2026_12_13_1000_class_version.ts';

/**
 * Every migration, by name, in order. A static list (rather than a folder scan) so the same code
 * runs under tsx, vitest and a bundler. Migrations are frozen in time: never edit one that has run.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_30_0900_reference_and_tenant': referenceAndTenant,
  '2026_11_30_0910_domain': domain,
  '2026_11_30_1000_analytics': analytics,
  '2026_11_30_1100_api_list_indexes': apiListIndexes,
  '2026_12_04_1300_identities': identities,
  '2026_12_04_1400_data_entry': dataEntry,
  '2026_12_04_1600_import_job': importJob,
  '2026_12_05_0130_import_job_cancelled': importJobCancelled,
  '2026_12_05_0510_procurement_plan': procurementPlan,
  '2026_12_05_0530_import_job_agency': importJobAgency,
  '2026_12_05_1000_result_cache': resultCache,
  '2026_12_05_1100_domino_matrix_store': dominoMatrixStore,
  '2026_12_05_1945_credential_hash_indexes': credentialHashIndexes,
  '2026_12_06_0900_import_job_error_reason': importJobErrorReason,
  '2026_12_06_1000_covering_indexes': coveringIndexes,
  '2026_12_06_1100_analytics_party_year': analyticsPartyYear,
  '2026_12_06_1200_analytics_fill': analyticsFill,
  '2026_12_07_1000_domino_warm': dominoWarm,
  '2026_12_08_1000_analytics_fill_in_key_order': analyticsFillInKeyOrder,
  '2026_12_09_1000_analytics_gov_seller_year': analyticsGovSellerYear,
  '2026_12_10_1000_analytics_state_first': analyticsStateFirst,
  '2026_12_11_1000_analytics_snapshot_year': analyticsSnapshotYear,
  '2026_12_12_1000_domino_parts': dominoParts,
  '2026_12_13_1000_class_version': classVersion,
};
