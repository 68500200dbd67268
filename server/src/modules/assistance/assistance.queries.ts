import type { AssistanceKind, Database } from '@jejaring/db';
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type ListQuery, type Ordering, orderings } from '../../graphql/keyset.queries.ts';

export interface AssistanceRow {
  id: number;
  program_id: number | null;
  enterprise_id: number;
  kind: AssistanceKind;
  occurred_on: string;
}

function selectAssistance(db: Kysely<Database>, tenantId: string): ListQuery {
  return db
    .selectFrom('assistance as a')
    .select(['a.id', 'a.program_id', 'a.enterprise_id', 'a.kind', 'a.occurred_on'])
    .where('a.tenant_id', '=', tenantId);
}

/** Assistance records by id, in one statement. */
export async function findAssistanceByIds(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly number[],
): Promise<AssistanceRow[]> {
  return (await selectAssistance(db, tenantId)
    .where(sql<SqlBool>`a.id = any(${[...ids]}::bigint[])`)
    .execute()) as AssistanceRow[];
}

type IdSet = readonly number[] | Expression<number>;

function inSet(column: string, ids: IdSet): RawBuilder<SqlBool> {
  return Array.isArray(ids)
    ? sql<SqlBool>`${sql.ref(column)} = any(${[...ids]}::bigint[])`
    : sql<SqlBool>`${sql.ref(column)} = ${ids}`;
}

export interface AssistanceCriteria {
  readonly kinds?: readonly AssistanceKind[];
  readonly occurred?: { min?: string; max?: string };
  readonly programIds?: IdSet;
  readonly enterpriseIds?: IdSet;
  /** Given under programs of these agencies. */
  readonly agencyIds?: readonly number[];
}

/** The filtered base query of an assistance list. */
export function assistanceListQuery(db: Kysely<Database>, tenantId: string, criteria: AssistanceCriteria): ListQuery {
  let q = selectAssistance(db, tenantId);
  const c = criteria;
  if (c.kinds) q = q.where('a.kind', 'in', c.kinds);
  if (c.occurred?.min) q = q.where('a.occurred_on', '>=', c.occurred.min);
  if (c.occurred?.max) q = q.where('a.occurred_on', '<=', c.occurred.max);
  if (c.programIds) q = q.where(inSet('a.program_id', c.programIds));
  if (c.enterpriseIds) q = q.where(inSet('a.enterprise_id', c.enterpriseIds));
  if (c.agencyIds) {
    q = q.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM program g WHERE g.tenant_id = a.tenant_id AND g.id = a.program_id AND g.agency_id = any(${[...c.agencyIds]}::bigint[]))`,
    );
  }
  return q;
}

export type AssistanceOrderField = 'OCCURRED_ON' | 'ID';

export const assistanceOrdering = orderings((field: AssistanceOrderField, descending: boolean): Ordering => {
  const name = `${field}_${descending ? 'DESC' : 'ASC'}`;
  const id = sql.ref('a.id');
  return field === 'OCCURRED_ON'
    ? { name, key: sql.ref('a.occurred_on'), keyType: 'date', id, descending }
    : { name, key: id, keyType: 'bigint', id, descending };
});
