import DataLoader from 'dataloader';
import { type Context, loader } from '../../context.ts';
import { encodeGlobalId } from '../../graphql/global-id.ts';
import { columnsOfFields } from '../../graphql/lookahead.ts';
import { findProductsByIds, PRODUCT_COLUMNS, type ProductColumn, type ProductRow } from './product.queries.ts';
import { Product } from './product.types.ts';

/** A product row as a GraphQL Product. */
export function toProduct(row: ProductRow): Product {
  return Object.assign(new Product(), {
    id: encodeGlobalId('Product', row.id),
    rowId: row.id,
    sellerId: row.seller_id,
    name: row.name,
    category: row.category,
    unit: row.unit,
    unitPrice: row.unit_price,
    kbliCode: row.kbli_code,
  });
}

/**
 * The columns each Product field reads (the GraphQL field's name, as lookahead.ts gives it). `id`
 * is always selected: it keys the row and its cursor.
 */
const FIELD_COLUMNS: Readonly<Record<string, readonly ProductColumn[]>> = {
  __typename: [],
  id: [],
  name: ['name'],
  category: ['category'],
  unit: ['unit'],
  unitPrice: ['unit_price'],
  kbliCode: ['kbli_code'],
  sector: ['kbli_code'],
  seller: ['seller_id'],
};

/**
 * The columns a product row must select to answer the fields asked of it: `id` and those
 * FIELD_COLUMNS lists, in PRODUCT_COLUMNS' order; every column when any field asked is not listed
 * (columnsOfFields).
 */
export function productColumnsAsked(names: ReadonlySet<string>): readonly ProductColumn[] {
  const chosen = columnsOfFields(FIELD_COLUMNS, names);
  if (chosen === 'all') return PRODUCT_COLUMNS;
  return PRODUCT_COLUMNS.filter((column) => column === 'id' || chosen.has(column));
}

/** The request's product loader (one statement per batch). */
export function productById(ctx: Context): DataLoader<number, Product | null> {
  return loader(
    ctx,
    'product.byId',
    () =>
      new DataLoader<number, Product | null>(async (ids) => {
        const rows = await findProductsByIds(ctx.db, ctx.tenantId, ids);
        const byId = new Map(rows.map((row) => [row.id, toProduct(row)]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
