import type { Database, FundingSource, PartyKind, ProductCategory, SizeClass } from '@jejaring/db';
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type ListQuery, type Ordering, orderings } from '../../graphql/keyset.queries.ts';
import { findNetworkUnitIds } from '../party/party.queries.ts';
import { type PartyParts, type PartyRow, selectParties } from '../party/party-select.queries.ts';
import { withinRegion } from '../region/region.queries.ts';

export interface TransactionRow {
  id: number;
  buyer_id: number;
  seller_id: number;
  program_id: number | null;
  product_id: number | null;
  category: ProductCategory;
  account_code: string | null;
  funding_source: FundingSource | null;
  amount: number;
  quantity: number | null;
  occurred_on: string;
  source: string;
  source_ref: string;
}

function selectTransactions(db: Kysely<Database>, tenantId: string): ListQuery {
  return db
    .selectFrom('transaction as t')
    .select([
      't.id',
      't.buyer_id',
      't.seller_id',
      't.program_id',
      't.product_id',
      't.category',
      't.account_code',
      't.funding_source',
      't.amount',
      't.quantity',
      't.occurred_on',
      't.source',
      't.source_ref',
    ])
    .where('t.tenant_id', '=', tenantId);
}

/** The sides of a transaction that are parties. */
export type PartySide = 'buyer' | 'seller';

/** A transaction row with, for the sides asked of withParties, that side's party row. */
export type TransactionWithParties = TransactionRow & { [side in `${PartySide}_party`]?: PartyRow | null };

/**
 * Adds to a transaction query the party rows (selectParties' columns, with `parts`) of the given
 * sides, one JSON column each (`buyer_party`, `seller_party`): a page of transactions with its
 * buyers and sellers is then one statement. JSON keeps the row's types as the driver parses them:
 * int8 and numeric come back as numbers, dates as YYYY-MM-DD.
 */
export function withParties(
  db: Kysely<Database>,
  tenantId: string,
  query: ListQuery,
  sides: readonly PartySide[],
  parts: PartyParts,
): ListQuery {
  let q = query;
  for (const side of sides) {
    const party = selectParties(db, tenantId, undefined, parts).where(sql<SqlBool>`p.id = ${sql.ref(`t.${side}_id`)}`);
    q = q.select(sql`(SELECT to_json(__party) FROM (${party}) AS __party)`.as(`${side}_party`));
  }
  return q;
}

/** Transactions by id, in one statement. */
export async function findTransactionsByIds(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly number[],
): Promise<TransactionRow[]> {
  return (await selectTransactions(db, tenantId)
    .where(sql<SqlBool>`t.id = any(${[...ids]}::bigint[])`)
    .execute()) as TransactionRow[];
}

type IdSet = readonly number[] | Expression<number>;

function inSet(column: string, ids: IdSet): RawBuilder<SqlBool> {
  return Array.isArray(ids)
    ? sql<SqlBool>`${sql.ref(column)} = any(${[...ids]}::bigint[])`
    : sql<SqlBool>`${sql.ref(column)} = ${ids}`;
}

/** Conditions on the buyer or the seller of a transaction. */
export interface PartySideCriteria {
  readonly kinds?: readonly PartyKind[];
  readonly regionCode?: string;
  readonly local?: boolean;
  readonly sizeClasses?: readonly SizeClass[];
}

export interface TransactionCriteria {
  readonly occurred?: { min?: string; max?: string };
  readonly amount?: { min?: number; max?: number };
  readonly buyerIds?: IdSet;
  readonly sellerIds?: IdSet;
  /** Bought by these agencies (and, with includeNetwork, by the units of their networks at any depth). */
  readonly agencyIds?: readonly number[];
  readonly includeNetwork?: boolean;
  readonly programIds?: IdSet;
  readonly productIds?: readonly number[];
  readonly categories?: readonly ProductCategory[];
  readonly fundingSources?: readonly FundingSource[];
  readonly accountPrefix?: string;
  readonly buyer?: PartySideCriteria;
  readonly seller?: PartySideCriteria;
}

function partySide(
  alias: 'b' | 's',
  column: 't.buyer_id' | 't.seller_id',
  tenantId: string,
  side: PartySideCriteria,
): RawBuilder<SqlBool> {
  const ref = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions: RawBuilder<SqlBool>[] = [];
  if (side.kinds) conditions.push(sql<SqlBool>`${ref('kind')} = any(${[...side.kinds]}::text[])`);
  if (side.regionCode) conditions.push(withinRegion(ref('region_code'), side.regionCode));
  if (side.local !== undefined) {
    const local = withinRegion(ref('region_code'), tenantId);
    conditions.push(side.local ? local : sql<SqlBool>`(${ref('region_code')} IS NULL OR NOT ${local})`);
  }
  if (side.sizeClasses) conditions.push(sql<SqlBool>`${ref('size_class')} = any(${[...side.sizeClasses]}::text[])`);
  return sql<SqlBool>`EXISTS (SELECT 1 FROM party ${sql.raw(alias)} WHERE ${ref('tenant_id')} = t.tenant_id AND ${ref('id')} = ${sql.ref(column)} AND ${sql.join(conditions, sql` AND `)})`;
}

/**
 * Replaces "these agencies with their networks" by the explicit list of buyers (one statement):
 * the planner then estimates the page query from the buyers' statistics instead of guessing
 * about a recursive sub-query, and picks the buyer index for a rare buyer instead of scanning a
 * whole year by date.
 */
export async function resolveNetwork(
  db: Kysely<Database>,
  tenantId: string,
  criteria: TransactionCriteria,
): Promise<TransactionCriteria> {
  if (!criteria.agencyIds || !criteria.includeNetwork) return criteria;
  const network = await findNetworkUnitIds(db, tenantId, criteria.agencyIds);
  return { ...criteria, agencyIds: [...new Set([...criteria.agencyIds, ...network])], includeNetwork: false };
}

/** The filtered base query of a transaction list. */
export function transactionListQuery(db: Kysely<Database>, tenantId: string, criteria: TransactionCriteria): ListQuery {
  let q = selectTransactions(db, tenantId);
  const c = criteria;
  if (c.occurred?.min) q = q.where('t.occurred_on', '>=', c.occurred.min);
  if (c.occurred?.max) q = q.where('t.occurred_on', '<=', c.occurred.max);
  if (c.amount?.min !== undefined) q = q.where('t.amount', '>=', c.amount.min);
  if (c.amount?.max !== undefined) q = q.where('t.amount', '<=', c.amount.max);
  if (c.buyerIds) q = q.where(inSet('t.buyer_id', c.buyerIds));
  if (c.sellerIds) q = q.where(inSet('t.seller_id', c.sellerIds));
  if (c.agencyIds) {
    const agencies = [...c.agencyIds];
    // Without the network resolved beforehand (resolveNetwork), walk it here.
    q = q.where(
      c.includeNetwork
        ? sql<SqlBool>`(t.buyer_id = any(${agencies}::bigint[]) OR t.buyer_id IN (
            WITH RECURSIVE tree(id) AS (
              SELECT c.id FROM party c WHERE c.tenant_id = ${tenantId} AND c.parent_id = any(${agencies}::bigint[])
              UNION
              SELECT c.id FROM party c JOIN tree ON c.parent_id = tree.id WHERE c.tenant_id = ${tenantId}
            )
            SELECT id FROM tree))`
        : sql<SqlBool>`t.buyer_id = any(${agencies}::bigint[])`,
    );
  }
  if (c.programIds) q = q.where(inSet('t.program_id', c.programIds));
  if (c.productIds) q = q.where(inSet('t.product_id', c.productIds));
  if (c.categories) q = q.where('t.category', 'in', c.categories);
  if (c.fundingSources) q = q.where('t.funding_source', 'in', c.fundingSources);
  if (c.accountPrefix) {
    q = q.where(sql<SqlBool>`(t.account_code = ${c.accountPrefix} OR t.account_code LIKE ${`${c.accountPrefix}.%`})`);
  }
  if (c.buyer) q = q.where(partySide('b', 't.buyer_id', tenantId, c.buyer));
  if (c.seller) q = q.where(partySide('s', 't.seller_id', tenantId, c.seller));
  return q;
}

export type TransactionOrderField = 'OCCURRED_ON' | 'AMOUNT' | 'ID';

export const transactionOrdering = orderings((field: TransactionOrderField, descending: boolean): Ordering => {
  const name = `${field}_${descending ? 'DESC' : 'ASC'}`;
  const id = sql.ref('t.id');
  switch (field) {
    case 'OCCURRED_ON':
      return { name, key: sql.ref('t.occurred_on'), keyType: 'date', id, descending };
    case 'AMOUNT':
      return { name, key: sql.ref('t.amount'), keyType: 'bigint', id, descending };
    case 'ID':
      return { name, key: id, keyType: 'bigint', id, descending };
  }
});
