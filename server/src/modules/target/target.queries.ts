import type { Database, PolicyMetric } from '@jejaring/db';
import { type Kysely, type SqlBool, sql } from 'kysely';
import { withinRegion } from '../region/region.queries.ts';

export interface PolicyTargetRow {
  id: number;
  name: string;
  legal_basis: string | null;
  metric: PolicyMetric;
  target_share: number;
  fiscal_year: number;
  agency_id: number | null;
}

function selectPolicyTargets(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('policy_target as pt')
    .select(['pt.id', 'pt.name', 'pt.legal_basis', 'pt.metric', 'pt.target_share', 'pt.fiscal_year', 'pt.agency_id'])
    .where('pt.tenant_id', '=', tenantId);
}

/** Policy targets by id, in one statement. */
export async function findPolicyTargetsByIds(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly number[],
): Promise<PolicyTargetRow[]> {
  return selectPolicyTargets(db, tenantId)
    .where(sql<SqlBool>`pt.id = any(${[...ids]}::bigint[])`)
    .execute();
}

export interface PolicyTargetCriteria {
  readonly fiscalYears?: readonly number[];
  readonly metrics?: readonly PolicyMetric[];
  /** Targets of these agencies. */
  readonly agencyIds?: readonly number[];
  /** true: only regency-wide targets; false: only agency targets. */
  readonly regencyWide?: boolean;
}

/** Policy targets, by year, metric, then regency-wide before agency targets. A short list: no paging. */
export async function findPolicyTargets(
  db: Kysely<Database>,
  tenantId: string,
  criteria: PolicyTargetCriteria,
): Promise<PolicyTargetRow[]> {
  let q = selectPolicyTargets(db, tenantId);
  if (criteria.fiscalYears) q = q.where(sql<SqlBool>`pt.fiscal_year = any(${[...criteria.fiscalYears]}::int[])`);
  if (criteria.metrics) q = q.where('pt.metric', 'in', criteria.metrics);
  if (criteria.agencyIds) q = q.where(sql<SqlBool>`pt.agency_id = any(${[...criteria.agencyIds]}::bigint[])`);
  if (criteria.regencyWide !== undefined) q = q.where('pt.agency_id', criteria.regencyWide ? 'is' : 'is not', null);
  return q
    .orderBy('pt.fiscal_year')
    .orderBy('pt.metric')
    .orderBy(sql`pt.agency_id NULLS FIRST`)
    .orderBy('pt.id')
    .execute();
}

export interface CollectionTargetRow {
  region_code: string;
  year: number;
  enterprises: number;
  cooperatives: number;
}

/** Data-collection targets by district code and year. */
export async function findCollectionTargets(
  db: Kysely<Database>,
  tenantId: string,
  criteria: { years?: readonly number[]; regionCode?: string },
): Promise<CollectionTargetRow[]> {
  let q = db
    .selectFrom('collection_target as ct')
    .select(['ct.region_code', 'ct.year', 'ct.enterprises', 'ct.cooperatives'])
    .where('ct.tenant_id', '=', tenantId);
  if (criteria.years) q = q.where(sql<SqlBool>`ct.year = any(${[...criteria.years]}::int[])`);
  if (criteria.regionCode) q = q.where(withinRegion(sql.ref('ct.region_code'), criteria.regionCode));
  return q.orderBy('ct.year').orderBy('ct.region_code').execute();
}
