import DataLoader from 'dataloader';
import { type Context, loader } from '../../context.ts';
import { encodeGlobalId } from '../../graphql/global-id.ts';
import { findProductsByIds, type ProductRow } from './product.queries.ts';
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
