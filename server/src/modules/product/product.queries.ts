import type { Database, ProductCategory } from '@jejaring/db';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { containsPattern } from '../../graphql/filters.ts';
import { type ListQuery, type Ordering, orderings } from '../../graphql/keyset.queries.ts';
import { withinRegion } from '../region/region.queries.ts';

/**
 * A product row. A list selects only the columns its fields read (PRODUCT_COLUMNS, chosen by
 * productColumnsAsked): columns not selected are absent (undefined), not null.
 */
export interface ProductRow {
  id: number;
  seller_id: number;
  name: string;
  category: ProductCategory;
  unit: string;
  unit_price: number | null;
  kbli_code: string | null;
}

/** Every column of a product row, in ProductRow's order. */
export const PRODUCT_COLUMNS = ['id', 'seller_id', 'name', 'category', 'unit', 'unit_price', 'kbli_code'] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];

function selectProducts(
  db: Kysely<Database>,
  tenantId: string,
  columns: readonly ProductColumn[] = PRODUCT_COLUMNS,
): ListQuery {
  return db
    .selectFrom('product as pr')
    .select(columns.map((column) => `pr.${column}` as const))
    .where('pr.tenant_id', '=', tenantId);
}

/** Products by id, in one statement. */
export async function findProductsByIds(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly number[],
): Promise<ProductRow[]> {
  return (await selectProducts(db, tenantId)
    .where(sql<SqlBool>`pr.id = any(${[...ids]}::bigint[])`)
    .execute()) as ProductRow[];
}

export interface ProductCriteria {
  readonly search?: string;
  readonly categories?: readonly ProductCategory[];
  /** Products of these sellers, or of the seller a LATERAL parent stands for. */
  readonly sellerIds?: readonly number[] | Expression<number>;
  readonly sellerRegionCode?: string;
  readonly sellerLocal?: boolean;
  readonly unitPrice?: { min?: number; max?: number };
  readonly kbliPrefix?: string;
}

/** The filtered base query of a product list, selecting `columns` (every one by default). */
export function productListQuery(
  db: Kysely<Database>,
  tenantId: string,
  criteria: ProductCriteria,
  columns: readonly ProductColumn[] = PRODUCT_COLUMNS,
): ListQuery {
  let q = selectProducts(db, tenantId, columns);
  const c = criteria;
  if (c.search) q = q.where('pr.name', 'ilike', containsPattern(c.search));
  if (c.categories) q = q.where('pr.category', 'in', c.categories);
  if (c.sellerIds) {
    q = q.where(
      Array.isArray(c.sellerIds)
        ? sql<SqlBool>`pr.seller_id = any(${[...c.sellerIds]}::bigint[])`
        : sql<SqlBool>`pr.seller_id = ${c.sellerIds}`,
    );
  }
  if (c.sellerRegionCode || c.sellerLocal !== undefined) {
    const conditions: Array<ReturnType<typeof sql<SqlBool>>> = [];
    if (c.sellerRegionCode) conditions.push(withinRegion(sql.ref('s.region_code'), c.sellerRegionCode));
    if (c.sellerLocal !== undefined) {
      const local = withinRegion(sql.ref('s.region_code'), tenantId);
      conditions.push(c.sellerLocal ? local : sql<SqlBool>`(s.region_code IS NULL OR NOT ${local})`);
    }
    q = q.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM party s WHERE s.tenant_id = pr.tenant_id AND s.id = pr.seller_id AND ${sql.join(conditions, sql` AND `)})`,
    );
  }
  if (c.unitPrice?.min !== undefined) q = q.where('pr.unit_price', '>=', c.unitPrice.min);
  if (c.unitPrice?.max !== undefined) q = q.where('pr.unit_price', '<=', c.unitPrice.max);
  if (c.kbliPrefix) q = q.where('pr.kbli_code', 'like', `${c.kbliPrefix}%`);
  return q;
}

export type ProductOrderField = 'NAME' | 'UNIT_PRICE' | 'ID';

export const productOrdering = orderings((field: ProductOrderField, descending: boolean): Ordering => {
  const name = `${field}_${descending ? 'DESC' : 'ASC'}`;
  const id = sql.ref('pr.id');
  switch (field) {
    case 'NAME':
      return { name, key: sql.ref('pr.name'), keyType: 'text', id, descending };
    case 'UNIT_PRICE':
      return { name, key: sql`coalesce(pr.unit_price, -1)`, keyType: 'bigint', id, descending };
    case 'ID':
      return { name, key: id, keyType: 'bigint', id, descending };
  }
});
