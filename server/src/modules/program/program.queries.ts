import type { Database } from '@jejaring/db';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { containsPattern } from '../../graphql/filters.ts';
import { type ListQuery, type Ordering, orderings } from '../../graphql/keyset.queries.ts';

export interface ProgramRow {
  id: number;
  agency_id: number;
  code: string;
  name: string;
  fiscal_year: number;
  budget: number;
  local_target_share: number | null;
}

function selectPrograms(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('program as g')
    .select(['g.id', 'g.agency_id', 'g.code', 'g.name', 'g.fiscal_year', 'g.budget', 'g.local_target_share'])
    .where('g.tenant_id', '=', tenantId);
}

/** Programs by id, in one statement. */
export async function findProgramsByIds(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly number[],
): Promise<ProgramRow[]> {
  return selectPrograms(db, tenantId)
    .where(sql<SqlBool>`g.id = any(${[...ids]}::bigint[])`)
    .execute();
}

export interface ProgramCriteria {
  readonly search?: string;
  /** Programs of these agencies (ids), or of the agency a LATERAL parent stands for. */
  readonly agencyIds?: readonly number[] | Expression<number>;
  readonly fiscalYears?: readonly number[];
  readonly budget?: { min?: number; max?: number };
  /** true: only programs with their own local-UMKM target; false: only those without. */
  readonly hasTarget?: boolean;
}

/** The filtered base query of a program list. */
export function programListQuery(db: Kysely<Database>, tenantId: string, criteria: ProgramCriteria): ListQuery {
  let q: ListQuery = selectPrograms(db, tenantId);
  const c = criteria;
  if (c.search) {
    q = q.where(sql<SqlBool>`(g.name ILIKE ${containsPattern(c.search)} OR g.code = ${c.search})`);
  }
  if (c.agencyIds) {
    q = q.where(
      Array.isArray(c.agencyIds)
        ? sql<SqlBool>`g.agency_id = any(${[...c.agencyIds]}::bigint[])`
        : sql<SqlBool>`g.agency_id = ${c.agencyIds}`,
    );
  }
  if (c.fiscalYears) q = q.where(sql<SqlBool>`g.fiscal_year = any(${[...c.fiscalYears]}::int[])`);
  if (c.budget?.min !== undefined) q = q.where('g.budget', '>=', c.budget.min);
  if (c.budget?.max !== undefined) q = q.where('g.budget', '<=', c.budget.max);
  if (c.hasTarget !== undefined) q = q.where('g.local_target_share', c.hasTarget ? 'is not' : 'is', null);
  return q;
}

export type ProgramOrderField = 'NAME' | 'CODE' | 'FISCAL_YEAR' | 'BUDGET' | 'ID';

export const programOrdering = orderings((field: ProgramOrderField, descending: boolean): Ordering => {
  const name = `${field}_${descending ? 'DESC' : 'ASC'}`;
  const id = sql.ref('g.id');
  switch (field) {
    case 'NAME':
      return { name, key: sql.ref('g.name'), keyType: 'text', id, descending };
    case 'CODE':
      return { name, key: sql.ref('g.code'), keyType: 'text', id, descending };
    case 'FISCAL_YEAR':
      return { name, key: sql.ref('g.fiscal_year'), keyType: 'int', id, descending };
    case 'BUDGET':
      return { name, key: sql.ref('g.budget'), keyType: 'bigint', id, descending };
    case 'ID':
      return { name, key: id, keyType: 'bigint', id, descending };
  }
});
