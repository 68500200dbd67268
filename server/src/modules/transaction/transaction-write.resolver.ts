import { randomUUID } from 'node:crypto';
import type { Database } from '@jejaring/db';
import { checkTransaction, issue, type RuleContext, type RuleIssue } from '@jejaring/db/rules';
import type { Kysely } from 'kysely';
import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, notFound, ruleFailures } from '../../errors.ts';
import { DataWarning } from '../../graphql/data-issue.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { type Writer, writerOfPurchase } from '../audit/writer.ts';
import { serverRuleContext } from '../region/region.rules.ts';
import { transactionById } from './transaction.loaders.ts';
import type { TransactionRow } from './transaction.queries.ts';
import { Transaction } from './transaction.types.ts';
import { TransactionCorrection, TransactionInput } from './transaction-write.inputs.ts';
import {
  findExistingParties,
  findProgramYear,
  insertTransaction,
  isVoided,
  lockTransaction,
  type TransactionColumns,
  updateTransaction,
  voidTransactionRow,
} from './transaction-write.queries.ts';

const PARTY_TYPES = ['Agency', 'NetworkUnit', 'Enterprise', 'Cooperative', 'Vendor'] as const;

/** A new purchase's optional columns when not given. */
const OPTIONAL_NONE = { program_id: null, product_id: null, account_code: null, funding_source: null, quantity: null };

@ObjectType('TransactionPayload', { description: 'A purchase as written.' })
export class TransactionPayload {
  @Field(() => Transaction, { description: 'The purchase as stored (voidedAt set once voided).' })
  transaction!: Transaction;

  @Field(() => [DataWarning], { description: 'Accepted, but worth a look (none so far for purchases).' })
  warnings!: DataWarning[];
}

const optionalId = (value: string | null | undefined, field: string, types: readonly ('Program' | 'Product')[]) =>
  value ? decodeGlobalId(value, field, types).id : null;

/** Decodes and checks the columns of a purchase (rules, then that its parties and program exist). */
async function checkedColumns(
  db: Kysely<Database>,
  ctx: Context,
  rules: RuleContext,
  input: TransactionInput | (TransactionCorrection & Partial<TransactionColumns>),
  base: TransactionColumns | null,
): Promise<TransactionColumns> {
  const pick = <K extends keyof TransactionInput>(key: K, decode: (v: NonNullable<TransactionInput[K]>) => unknown) => {
    const value = (input as TransactionInput)[key];
    return value === undefined ? undefined : value === null ? null : decode(value as NonNullable<TransactionInput[K]>);
  };
  const given = {
    buyer_id: pick('buyerId', (v) => decodeGlobalId(v, 'input.buyerId', PARTY_TYPES).id),
    seller_id: pick('sellerId', (v) => decodeGlobalId(v, 'input.sellerId', PARTY_TYPES).id),
    program_id: pick('programId', (v) => optionalId(v, 'input.programId', ['Program'])),
    product_id: pick('productId', (v) => optionalId(v, 'input.productId', ['Product'])),
    amount: pick('amount', (v) => v),
    occurred_on: pick('occurredOn', (v) => v),
    category: pick('category', (v) => v),
    account_code: pick('accountCode', (v) => v.trim() || null),
    funding_source: pick('fundingSource', (v) => v),
    quantity: pick('quantity', (v) => v),
  };
  const c = {
    ...(base ?? OPTIONAL_NONE),
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
  } as TransactionColumns;
  const programYear = c.program_id === null ? null : await findProgramYear(db, ctx.tenantId, c.program_id);
  const failures: RuleIssue[] = [];
  if (c.program_id !== null && programYear === null) {
    failures.push(issue('PROGRAM_UNKNOWN', 'programId', 'program tidak ditemukan', 'no such program'));
  }
  const parties = await findExistingParties(db, ctx.tenantId, [c.buyer_id, c.seller_id]);
  for (const [field, id] of [
    ['buyerId', c.buyer_id],
    ['sellerId', c.seller_id],
  ] as const) {
    if (!parties.has(id)) failures.push(issue('PARTY_UNKNOWN', field, 'pihak tidak ditemukan', 'no such party'));
  }
  failures.push(
    ...checkTransaction(
      {
        buyerId: c.buyer_id,
        sellerId: c.seller_id,
        amount: c.amount,
        occurredOn: c.occurred_on,
        accountCode: c.account_code,
        quantity: c.quantity,
      },
      { ...rules, programFiscalYear: programYear },
    ),
  );
  if (failures.length > 0) throw ruleFailures(failures);
  return c;
}

function columnsOf(row: TransactionRow): TransactionColumns {
  const { id: _id, source: _source, source_ref: _ref, ...columns } = row;
  return columns;
}

/** The columns that differ, before and after (amounts and ids: nothing personal in a purchase). */
function difference(before: TransactionColumns, after: TransactionColumns) {
  const changed = Object.keys(after).filter(
    (k) => before[k as keyof TransactionColumns] !== after[k as keyof TransactionColumns],
  ) as (keyof TransactionColumns)[];
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  };
}

async function payload(ctx: Context, id: number): Promise<TransactionPayload> {
  const transaction = await transactionById(ctx).load(id);
  return Object.assign(new TransactionPayload(), { transaction, warnings: [] });
}

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') {
    throw localized('BAD_USER_INPUT', 'reason', { id: 'alasan wajib diisi', en: 'a reason is required' });
  }
  return trimmed;
}

/** The locked purchase, or NOT_FOUND (BAD_USER_INPUT when it was voided: a void is final). */
async function lockOrFail(trx: Kysely<Database>, ctx: Context, id: number): Promise<TransactionRow> {
  const row = await lockTransaction(trx, ctx.tenantId, id);
  if (row) return row;
  if (await isVoided(trx, ctx.tenantId, id)) {
    throw localized('BAD_USER_INPUT', 'id', {
      id: 'transaksi ini sudah dibatalkan dan tidak dapat diubah lagi',
      en: 'this purchase was voided and cannot be changed any more',
    });
  }
  throw notFound({ id: 'transaksi', en: 'Transaction' }, 'id');
}

@Resolver()
export class TransactionWriteResolver {
  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => TransactionPayload, {
    description:
      'Records a purchase. BAD_USER_INPUT names every field the rules refuse (amount, date, program year, parties); CONFLICT for a sourceRef already recorded. The measures include it at once (the rollups are updated in the same database transaction). Audited.',
  })
  async recordTransaction(@Arg('input', () => TransactionInput) input: TransactionInput, @Ctx() ctx: Context) {
    const sourceRef = input.sourceRef?.trim() || `MANUAL-${randomUUID()}`;
    const rules = await serverRuleContext(ctx.db);
    const id = await ctx.db.transaction().execute(async (trx) => {
      const columns = await checkedColumns(trx, ctx, rules, input, null);
      const writer = await writerOfPurchase(trx, ctx, columns.buyer_id);
      const id = await insertTransaction(trx, ctx.tenantId, columns, sourceRef);
      await audit(trx, ctx, writer, 'transaction.record', id, { values: { ...columns, source_ref: sourceRef } });
      return id;
    });
    return payload(ctx, id);
  }

  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => TransactionPayload, {
    description:
      'Corrects a recorded purchase (fields left out keep their values), with the reason. Every measure follows; the audit trail keeps the values before and after.',
  })
  async correctTransaction(
    @Arg('id', () => ID, { description: 'The id of a Transaction.' }) globalId: string,
    @Arg('input', () => TransactionCorrection) input: TransactionCorrection,
    @Arg('reason', () => String, { description: 'Why it is corrected (kept in the audit trail).' }) reason: string,
    @Ctx() ctx: Context,
  ) {
    const { id } = decodeGlobalId(globalId, 'id', ['Transaction']);
    const why = requireReason(reason);
    const rules = await serverRuleContext(ctx.db);
    await ctx.db.transaction().execute(async (trx) => {
      const row = await lockOrFail(trx, ctx, id);
      const before = columnsOf(row);
      const writer = await writerOfPurchase(trx, ctx, before.buyer_id);
      const after = await checkedColumns(trx, ctx, rules, input, before);
      if (after.buyer_id !== before.buyer_id) await writerOfPurchase(trx, ctx, after.buyer_id);
      await updateTransaction(trx, ctx.tenantId, id, after);
      await audit(trx, ctx, writer, 'transaction.correct', id, { ...difference(before, after), reason: why });
    });
    return payload(ctx, id);
  }

  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => TransactionPayload, {
    description:
      'Voids a recorded purchase, with the reason: every measure excludes it from then on; the row stays readable (node(id), voidedAt, voidReason) with its history in the audit trail. A void is final.',
  })
  async voidTransaction(
    @Arg('id', () => ID, { description: 'The id of a Transaction.' }) globalId: string,
    @Arg('reason', () => String, { description: 'Why it is voided (a duplicate entry, a cancelled payment…).' })
    reason: string,
    @Ctx() ctx: Context,
  ) {
    const { id } = decodeGlobalId(globalId, 'id', ['Transaction']);
    const why = requireReason(reason);
    await ctx.db.transaction().execute(async (trx) => {
      const row = await lockOrFail(trx, ctx, id);
      const writer = await writerOfPurchase(trx, ctx, row.buyer_id);
      await voidTransactionRow(trx, ctx.tenantId, id, writer.userId, why);
      await audit(trx, ctx, writer, 'transaction.void', id, { amount: row.amount, reason: why });
    });
    return payload(ctx, id);
  }
}

function audit(
  trx: Kysely<Database>,
  ctx: Context,
  writer: Writer,
  action: string,
  id: number,
  details: Record<string, unknown>,
) {
  return insertAuditEvent(trx, ctx.tenantId, writer, { action, entity: 'transaction', entityId: id, details });
}
