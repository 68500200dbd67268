import { PRODUCT_CATEGORIES, type ProductCategory } from '../../src/database.ts';
import { columnsOf } from '../bulk.ts';
import { type BundleCsv, FirstSeen, type ImportContext, rejectRow } from '../context.ts';
import { kbliProblem } from '../identifiers.ts';
import { partyId } from '../resolve.ts';
import { OUTSIDE_SCOPE } from '../scope.ts';
import { registerIds } from './ids.ts';
import type { FileSpec } from './spec.ts';

interface ProductRow {
  readonly line: number;
  readonly ref: string;
  readonly seller_id: number;
  readonly name: string;
  readonly category: ProductCategory;
  readonly unit: string;
  readonly unit_price: number | null;
  readonly kbli_code: string | null;
}

/** products.csv (optional): what sellers offer; transactions may name one by product_ref. */
async function importProducts(ctx: ImportContext, file: BundleCsv): Promise<void> {
  const refs = new FirstSeen();
  const rows: ProductRow[] = [];
  for (const record of file.records) {
    const row = file.reader(record);
    const ref = row.token('ref', { required: true });
    refs.check(row, 'ref', ref);
    const sellerId = partyId(ctx, row, 'seller_ref', { required: true });
    const name = row.text('name', { required: true });
    const category = row.oneOf('category', PRODUCT_CATEGORIES, { required: true });
    const unit = row.token('unit') ?? 'unit';
    const unitPrice = row.money('unit_price');
    const kbli = row.token('kbli_code');
    const kbliIssue = kbli ? kbliProblem(kbli) : null;
    if (kbliIssue) row.fail('kbli_code', kbliIssue);
    if (ctx.scope && ref) {
      const stored = ctx.products.existingValue(ref);
      if ((sellerId !== null && !ctx.scope.owns(sellerId)) || (stored && !ctx.scope.owns(stored.sellerId)))
        row.fail('seller_ref', OUTSIDE_SCOPE.seller);
    }
    if (!row.ok || !ref || sellerId === null || !name || !category) {
      rejectRow(ctx, file, row);
      const rawRef = row.raw('ref').trim() || null;
      if (refs.owns(rawRef, row.line)) ctx.products.rejected(rawRef, file.name, row.line);
      continue;
    }
    rows.push({
      line: row.line,
      ref,
      seller_id: sellerId,
      name,
      category,
      unit,
      unit_price: unitPrice,
      kbli_code: kbli,
    });
  }
  await registerIds(ctx, file, 'product', ctx.products, rows, {
    spec: {
      table: 'product',
      columns: columnsOf(file.has.bind(file), [
        ['ref', 'text', []],
        ['seller_id', 'bigint', 'seller_ref'],
        ['name', 'text'],
        ['category', 'text'],
        ['unit', 'text'],
        ['unit_price', 'bigint'],
        ['kbli_code', 'text'],
      ]),
      conflict: ['ref'],
      returning: ['ref', 'id'],
    },
    target: (row, id) => ({ id, sellerId: row.seller_id, category: row.category }),
  });
}

export const productsFile: FileSpec = {
  name: 'products.csv',
  required: ['ref', 'seller_ref', 'name', 'category'],
  columns: ['ref', 'seller_ref', 'name', 'category', 'unit', 'unit_price', 'kbli_code'],
  refs: 'products',
  refColumns: { parties: ['seller_ref'], products: ['ref'] },
  run: importProducts,
};
