import type { Database, ProductCategory } from '@jejaring/db';
import type { Kysely } from 'kysely';

export interface ProductColumns {
  name: string;
  category: ProductCategory;
  unit: string;
  unit_price: number | null;
  kbli_code: string | null;
}

/** The seller of a product and the seller's kind (locked for the write), or null when there is no such product. */
export async function lockProduct(
  trx: Kysely<Database>,
  tenantId: string,
  id: number,
): Promise<(ProductColumns & { seller_id: number }) | null> {
  const row = await trx
    .selectFrom('product')
    .select(['seller_id', 'name', 'category', 'unit', 'unit_price', 'kbli_code'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

export async function insertProduct(
  trx: Kysely<Database>,
  tenantId: string,
  ref: string,
  sellerId: number,
  c: ProductColumns,
): Promise<number> {
  const row = await trx
    .insertInto('product')
    .values({ tenant_id: tenantId, ref, seller_id: sellerId, ...c })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProductColumns(
  trx: Kysely<Database>,
  tenantId: string,
  id: number,
  c: ProductColumns,
): Promise<void> {
  await trx.updateTable('product').set(c).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
