import { FUNDING_SOURCES, type FundingSource, PRODUCT_CATEGORIES, type ProductCategory } from '../../src/database.ts';
import { constraintReason } from '../../src/errors.ts';
import { columnsOf } from '../bulk.ts';
import { type BundleCsv, FirstSeen, type ImportContext, rejectRow } from '../context.ts';
import { partyId, product, programId } from '../resolve.ts';
import { purchasesOfOtherBuyers } from '../scope.queries.ts';
import { type ImportScope, OUTSIDE_SCOPE } from '../scope.ts';
import { storeRows } from '../store.ts';
import type { StreamedCsv } from '../stream.ts';
import type { FileSpec } from './spec.ts';
import {
  createSeenKeys,
  keyOf,
  rememberKeys,
  seenLines,
  type TransactionKey,
  voidedKeys,
} from './transactions.queries.ts';

/** The source a transaction gets when the file has no source column: re-imports match on (source, ref). */
export const DEFAULT_SOURCE = 'CSV';

const ACCOUNT_CODE = /^[0-9]+(\.[0-9]+)*$/;

interface TransactionRow {
  readonly line: number;
  readonly source: string;
  readonly source_ref: string;
  readonly buyer_id: number;
  readonly seller_id: number;
  readonly program_id: number | null;
  readonly product_id: number | null;
  readonly category: ProductCategory;
  readonly account_code: string | null;
  readonly funding_source: FundingSource | null;
  readonly amount: number;
  readonly quantity: number | null;
  readonly occurred_on: string;
}

/**
 * transactions.csv: purchases, buyer → seller; the bulk of any bundle, so it is streamed: each
 * batch of records is checked and stored before the next is read (db/import/stream.ts). A ref
 * used twice is found across batches through a temporary table of the refs met so far.
 */
async function importTransactions(ctx: ImportContext, file: StreamedCsv): Promise<void> {
  await createSeenKeys(ctx.trx);
  for await (const batch of file.batches(ctx)) await importBatch(ctx, batch);
}

async function importBatch(ctx: ImportContext, file: BundleCsv): Promise<void> {
  const readers = file.records.map((record) => {
    const row = file.reader(record);
    const ref = row.token('ref', { required: true });
    const source = row.token('source') ?? DEFAULT_SOURCE;
    return { row, key: ref ? { source, ref } : null };
  });
  // Refs met in earlier batches own their ref; then the first row in this batch owns a new one.
  const keys = new FirstSeen();
  const batchKeys = readers.flatMap((r) => (r.key ? [r.key] : []));
  for (const [key, line] of await seenLines(ctx.trx, batchKeys)) keys.seed(key, line);
  const firsts: Array<TransactionKey & { line: number }> = [];
  for (const { row, key } of readers) {
    if (!key) continue;
    const { source, ref } = key;
    const label =
      source === DEFAULT_SOURCE
        ? { id: `ref ${ref}`, en: `ref ${ref}` }
        : { id: `ref ${ref} untuk sumber ${source}`, en: `ref ${ref} for source ${source}` };
    if (keys.check(row, 'ref', keyOf(key), label)) firsts.push({ ...key, line: row.line });
  }
  await rememberKeys(ctx.trx, firsts);

  const rows: TransactionRow[] = [];
  for (const { row, key } of readers) {
    const ref = key?.ref ?? null;
    const source = key?.source ?? DEFAULT_SOURCE;
    const buyerId = partyId(ctx, row, 'buyer_ref', { required: true });
    const sellerId = partyId(ctx, row, 'seller_ref', { required: true });
    if (buyerId !== null && buyerId === sellerId) row.fail('seller_ref', constraintReason('transaction_not_self'));
    if (ctx.scope && buyerId !== null && !ctx.scope.isBuyer(buyerId)) row.fail('buyer_ref', OUTSIDE_SCOPE.buyer);
    const programIdValue = programId(ctx, row, 'program_ref');
    const sold = product(ctx, row, 'product_ref');
    if (sold && sellerId !== null && sold.sellerId !== sellerId) {
      const [productRef, sellerRef] = [row.raw('product_ref').trim(), row.raw('seller_ref').trim()];
      row.fail('product_ref', {
        id: `product_ref ${productRef} dijual oleh pihak lain, bukan seller_ref ${sellerRef}`,
        en: `product_ref ${productRef} is sold by another party than seller_ref ${sellerRef}`,
      });
    }
    // The category may be left empty when a product says it.
    const category = row.oneOf('category', PRODUCT_CATEGORIES, { required: !sold }) ?? sold?.category ?? null;
    const accountCode = row.token('account_code', {
      pattern: ACCOUNT_CODE,
      hint: constraintReason('transaction_account_code_format'),
    });
    const fundingSource = row.oneOf('funding_source', FUNDING_SOURCES);
    const amount = row.money('amount', { required: true });
    const quantity = row.decimal('quantity');
    const occurredOn = row.date('occurred_on', { required: true });
    if (!row.ok || !ref || buyerId === null || sellerId === null || !category || amount === null || !occurredOn) {
      rejectRow(ctx, file, row);
      continue;
    }
    rows.push({
      line: row.line,
      source,
      source_ref: ref,
      buyer_id: buyerId,
      seller_id: sellerId,
      program_id: programIdValue,
      product_id: sold?.id ?? null,
      category,
      account_code: accountCode,
      funding_source: fundingSource,
      amount,
      quantity,
      occurred_on: occurredOn,
    });
  }
  const allowed = ctx.scope ? await withoutOtherBuyers(ctx, ctx.scope, file, rows) : rows;
  // A purchase voided since an earlier import stays voided: its row is left out, counted unchanged.
  const voided = await voidedKeys(
    ctx.trx,
    ctx.tenantId,
    allowed.map((r) => ({ source: r.source, ref: r.source_ref })),
  );
  const kept = voided.size
    ? allowed.filter((r) => !voided.has(keyOf({ source: r.source, ref: r.source_ref })))
    : allowed;
  if (voided.size) {
    ctx.report.tally(file.name).unchanged += allowed.length - kept.length;
    const left = new Set(kept);
    for (const r of allowed) {
      if (left.has(r)) continue;
      ctx.report.warn({
        file: file.name,
        line: r.line,
        column: 'ref',
        message: {
          id: `ref ${r.source_ref} sudah dibatalkan: tetap batal dan tidak diimpor lagi`,
          en: `ref ${r.source_ref} was voided: it stays voided and is not imported again`,
        },
      });
    }
  }
  await storeRows(ctx, file, kept, {
    spec: {
      table: 'transaction',
      columns: columnsOf(file.has.bind(file), [
        ['source', 'text', []],
        ['source_ref', 'text', []],
        ['buyer_id', 'bigint', 'buyer_ref'],
        ['seller_id', 'bigint', 'seller_ref'],
        ['program_id', 'bigint', 'program_ref'],
        ['product_id', 'bigint', 'product_ref'],
        ['category', 'text', ['category', 'product_ref']],
        ['account_code', 'text'],
        ['funding_source', 'text'],
        ['amount', 'bigint'],
        ['quantity', 'numeric'],
        ['occurred_on', 'date'],
      ]),
      conflict: ['source', 'source_ref'],
      returning: [],
    },
    renames: { source_ref: 'ref' },
    chunkSize: 20_000,
    progress: false, // the stream reports progress per batch
  });
}

/** An operator's import: rows whose ref is a stored purchase of a buyer outside its network are rejected. */
async function withoutOtherBuyers(
  ctx: ImportContext,
  scope: ImportScope,
  file: BundleCsv,
  rows: readonly TransactionRow[],
): Promise<TransactionRow[]> {
  const keys = rows.map((r) => ({ source: r.source, ref: r.source_ref }));
  const foreign = await purchasesOfOtherBuyers(ctx.trx, ctx.tenantId, keys, scope.buyerIds());
  if (foreign.size === 0) return [...rows];
  return rows.filter((r) => {
    if (!foreign.has(keyOf({ source: r.source, ref: r.source_ref }))) return true;
    ctx.report.reject(file.name, r.line, {
      column: 'ref',
      reason: {
        id: `ref ${r.source_ref}: ${OUTSIDE_SCOPE.purchase.id}`,
        en: `ref ${r.source_ref}: ${OUTSIDE_SCOPE.purchase.en}`,
      },
    });
    return false;
  });
}

export const transactionsFile: FileSpec = {
  name: 'transactions.csv',
  required: ['ref', 'buyer_ref', 'seller_ref', 'amount', 'occurred_on'],
  columns: [
    'ref',
    'buyer_ref',
    'seller_ref',
    'program_ref',
    'category',
    'account_code',
    'funding_source',
    'amount',
    'quantity',
    'occurred_on',
    'source',
    'product_ref',
  ],
  refColumns: { parties: ['buyer_ref', 'seller_ref'], programs: ['program_ref'], products: ['product_ref'] },
  stream: importTransactions,
};
