import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import type { TransactionRow } from './transaction.queries.ts';

/** The columns a purchase is entered with. */
export type TransactionColumns = Omit<TransactionRow, 'id' | 'source' | 'source_ref'>;

const COLUMNS = [
  'id',
  'buyer_id',
  'seller_id',
  'program_id',
  'product_id',
  'category',
  'account_code',
  'funding_source',
  'amount',
  'quantity',
  'occurred_on',
  'source',
  'source_ref',
] as const;

/** A recorded (not voided) purchase, locked for the rest of the transaction; null if none. */
export async function lockTransaction(
  trx: Kysely<Database>,
  tenantId: string,
  id: number,
): Promise<TransactionRow | null> {
  const row = await trx
    .selectFrom('transaction')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return (row as TransactionRow | undefined) ?? null;
}

/** Is this id a voided purchase? */
export async function isVoided(db: Kysely<Database>, tenantId: string, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('voided_transaction')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records a purchase (the rollup triggers add it to every measure); returns its id. */
export async function insertTransaction(
  trx: Kysely<Database>,
  tenantId: string,
  c: TransactionColumns,
  sourceRef: string,
): Promise<number> {
  const row = await trx
    .insertInto('transaction')
    .values({ tenant_id: tenantId, ...c, source: 'MANUAL', source_ref: sourceRef })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Rewrites a purchase (the triggers subtract the old row and add the new one). */
export async function updateTransaction(
  trx: Kysely<Database>,
  tenantId: string,
  id: number,
  c: TransactionColumns,
): Promise<void> {
  await trx.updateTable('transaction').set(c).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/**
 * Voids a purchase: copies the row to voided_transaction with who, when and why, and deletes it
 * from "transaction" (the delete trigger subtracts it from every rollup), in one statement.
 */
export async function voidTransactionRow(
  trx: Kysely<Database>,
  tenantId: string,
  id: number,
  voidedBy: number | null,
  reason: string,
): Promise<void> {
  await sql`
    WITH gone AS (DELETE FROM "transaction" WHERE tenant_id = ${tenantId} AND id = ${id} RETURNING *)
    INSERT INTO voided_transaction (tenant_id, id, buyer_id, seller_id, program_id, product_id, category,
      account_code, funding_source, amount, quantity, occurred_on, source, source_ref, voided_by, void_reason)
    SELECT tenant_id, id, buyer_id, seller_id, program_id, product_id, category, account_code, funding_source,
      amount, quantity, occurred_on, source, source_ref, ${voidedBy}::bigint, ${reason}
    FROM gone`.execute(trx);
}

/** Voided purchases by id, with when and why they were voided. */
export async function findVoidedByIds(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly number[],
): Promise<Array<TransactionRow & { voided_at: Date; void_reason: string }>> {
  return (await db
    .selectFrom('voided_transaction')
    .select([...COLUMNS, 'voided_at', 'void_reason'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`id = any(${[...ids]}::bigint[])`)
    .execute()) as Array<TransactionRow & { voided_at: Date; void_reason: string }>;
}

/** A program's fiscal year, or null when there is no such program. */
export async function findProgramYear(db: Kysely<Database>, tenantId: string, id: number): Promise<number | null> {
  const row = await db
    .selectFrom('program')
    .select('fiscal_year')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.fiscal_year ?? null;
}

/** Which of these ids are parties of the tenant. */
export async function findExistingParties(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly number[],
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('party')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`id = any(${[...ids]}::bigint[])`)
    .execute();
  return new Set(rows.map((r) => r.id));
}
