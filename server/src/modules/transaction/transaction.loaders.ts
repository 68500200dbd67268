import DataLoader from 'dataloader';
import { type Context, loader } from '../../context.ts';
import { encodeGlobalId } from '../../graphql/global-id.ts';
import { toPartyPrimed } from '../party/party.loaders.ts';
import type { Party } from '../party/party.types.ts';
import type { PartyRow } from '../party/party-select.queries.ts';
import { findTransactionsByIds, type TransactionRow, type TransactionWithParties } from './transaction.queries.ts';
import { Transaction } from './transaction.types.ts';
import { findVoidedByIds } from './transaction-write.queries.ts';

/** A transaction row as a GraphQL Transaction. */
export function toTransaction(row: TransactionRow): Transaction {
  return Object.assign(new Transaction(), {
    id: encodeGlobalId('Transaction', row.id),
    rowId: row.id,
    buyerId: row.buyer_id,
    sellerId: row.seller_id,
    programId: row.program_id,
    productId: row.product_id,
    category: row.category,
    accountCode: row.account_code,
    fundingSource: row.funding_source,
    amount: row.amount,
    quantity: row.quantity,
    occurredOn: row.occurred_on,
    source: row.source,
    sourceRef: row.source_ref,
    voidedAt: null,
    voidReason: null,
  });
}

/**
 * Maps the rows of a page fetched withParties, priming the request's party loader with the buyers
 * and sellers that came with them (each party once, one object per party), and keeping them on the
 * transaction, so `buyer`/`seller` answer them without a statement or a loader's promise.
 */
export function toTransactionWithParties(ctx: Context): (row: TransactionWithParties) => Transaction {
  const parties = new Map<number, Party>();
  const partyOf = (row: PartyRow | null | undefined): Party | undefined => {
    if (!row) return undefined;
    let party = parties.get(row.id);
    if (!party) {
      party = toPartyPrimed(ctx, row);
      parties.set(row.id, party);
    }
    return party;
  };
  return (row) => {
    const transaction = toTransaction(row);
    const buyer = partyOf(row.buyer_party);
    const seller = partyOf(row.seller_party);
    if (buyer) transaction.buyerParty = buyer;
    if (seller) transaction.sellerParty = seller;
    return transaction;
  };
}

/** The request's transaction loader (one statement per batch, one more for ids not found: voided ones). */
export function transactionById(ctx: Context): DataLoader<number, Transaction | null> {
  return loader(
    ctx,
    'transaction.byId',
    () =>
      new DataLoader<number, Transaction | null>(async (ids) => {
        const rows = await findTransactionsByIds(ctx.db, ctx.tenantId, ids);
        const byId = new Map(rows.map((row) => [row.id, toTransaction(row)]));
        const missing = ids.filter((id) => !byId.has(id));
        // Voided purchases stay readable by id.
        for (const row of missing.length > 0 ? await findVoidedByIds(ctx.db, ctx.tenantId, missing) : []) {
          byId.set(
            row.id,
            Object.assign(toTransaction(row), { voidedAt: row.voided_at.toISOString(), voidReason: row.void_reason }),
          );
        }
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
