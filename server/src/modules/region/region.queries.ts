import type { Database, RegionTable } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { containsPattern } from '../../graphql/filters.ts';
import { type Ordering, orderings } from '../../graphql/keyset.queries.ts';

/** Regions are reference data shared by every tenant (not tenant-scoped). */

export type RegionRow = RegionTable;

const COLUMNS = ['r.code', 'r.level', 'r.name', 'r.parent_code', 'r.population', 'r.area_km2'] as const;

/** Regions by code, in one statement. */
export async function findRegionsByCodes(db: Kysely<Database>, codes: readonly string[]): Promise<RegionRow[]> {
  return db
    .selectFrom('region as r')
    .select(COLUMNS)
    .where(sql<boolean>`r.code = any(${[...codes]}::text[])`)
    .execute();
}

/** The children of many regions, in one statement, ordered by code. */
export async function findRegionChildren(db: Kysely<Database>, parentCodes: readonly string[]): Promise<RegionRow[]> {
  return db
    .selectFrom('region as r')
    .select(COLUMNS)
    .where(sql<boolean>`r.parent_code = any(${[...parentCodes]}::text[])`)
    .orderBy('r.code')
    .execute();
}

export interface RegionCriteria {
  readonly search?: string;
  readonly levels?: number[];
  readonly parentCode?: string;
  /** The region itself and every region inside it. */
  readonly within?: string;
  readonly codes?: string[];
}

/** The filtered base query of the regions list. */
export function regionListQuery(db: Kysely<Database>, criteria: RegionCriteria) {
  let q = db.selectFrom('region as r').select(COLUMNS);
  if (criteria.search) q = q.where('r.name', 'ilike', containsPattern(criteria.search));
  if (criteria.levels) q = q.where('r.level', 'in', criteria.levels);
  if (criteria.parentCode) q = q.where('r.parent_code', '=', criteria.parentCode);
  if (criteria.within) q = q.where(withinRegion(sql.ref('r.code'), criteria.within));
  if (criteria.codes) q = q.where(sql<boolean>`r.code = any(${criteria.codes}::text[])`);
  return q;
}

/** `column` is the region `code` or lies inside it (codes nest by prefix: 61 ⊃ 61.12 ⊃ 61.12.01). */
export function withinRegion(column: ReturnType<typeof sql.ref>, code: string) {
  return sql<boolean>`(${column} = ${code} OR ${column} LIKE ${`${code}.%`})`;
}

export type RegionOrderField = 'CODE' | 'NAME';

export const regionOrdering = orderings((field: RegionOrderField, descending: boolean): Ordering => {
  const name = `${field}_${descending ? 'DESC' : 'ASC'}`;
  const key = field === 'NAME' ? sql.ref('r.name') : sql.ref('r.code');
  return { name, key, keyType: 'text', id: sql.ref('r.code'), idType: 'text', descending };
});

/** Every region code (reference data: a few thousand rows, the same for every tenant). */
export async function findAllRegionCodes(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('region').select('code').execute();
  return rows.map((row) => row.code);
}
