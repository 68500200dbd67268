import type { Database, PartyStatus } from '@jejaring/db';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { ListQuery, Ordering } from '../../graphql/keyset.queries.ts';

export interface SnapshotRow {
  enterprise_id: number;
  period: string;
  revenue: number | null;
  employees: number | null;
  status: PartyStatus;
}

export interface SnapshotCriteria {
  readonly enterpriseId: Expression<number>;
  readonly period?: { min?: string; max?: string };
  readonly statuses?: readonly PartyStatus[];
}

/** The filtered base query of an enterprise's monthly snapshots. */
export function snapshotListQuery(db: Kysely<Database>, tenantId: string, criteria: SnapshotCriteria): ListQuery {
  let q: ListQuery = db
    .selectFrom('enterprise_snapshot as es')
    .select(['es.enterprise_id', 'es.period', 'es.revenue', 'es.employees', 'es.status'])
    .where('es.tenant_id', '=', tenantId)
    .where(sql<SqlBool>`es.enterprise_id = ${criteria.enterpriseId}`);
  if (criteria.period?.min) q = q.where('es.period', '>=', criteria.period.min);
  if (criteria.period?.max) q = q.where('es.period', '<=', criteria.period.max);
  if (criteria.statuses) q = q.where('es.status', 'in', criteria.statuses);
  return q;
}

/** Snapshots in time order; the enterprise id breaks ties (an enterprise has one snapshot a month). */
export function snapshotOrdering(descending: boolean): Ordering {
  return {
    name: descending ? 'PERIOD_DESC' : 'PERIOD_ASC',
    key: sql.ref('es.period'),
    keyType: 'date',
    id: sql.ref('es.enterprise_id'),
    descending,
  };
}
