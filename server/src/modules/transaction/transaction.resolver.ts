import type { GraphQLResolveInfo } from 'graphql';
import type { Expression } from 'kysely';
import { Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { type Connection, type ConnectionAnswer, PageArgs } from '../../graphql/connection.ts';
import { FilterArg, OrderByArg } from '../../graphql/list-args.ts';
import { rowFieldSubfieldNames, rowsSelect } from '../../graphql/lookahead.ts';
import { listConnection, nestedConnection, pageWindow } from '../../graphql/pagination.ts';
import { partyById, partyPartsAsked } from '../party/party.loaders.ts';
import { Party } from '../party/party.types.ts';
import { productById } from '../product/product.loaders.ts';
import { Product } from '../product/product.types.ts';
import { programById } from '../program/program.loaders.ts';
import { Program } from '../program/program.types.ts';
import { TransactionFilter, TransactionOrder, transactionCriteria, transactionOrder } from './transaction.inputs.ts';
import { toTransaction, toTransactionWithParties } from './transaction.loaders.ts';
import {
  resolveNetwork,
  type TransactionCriteria,
  type TransactionRow,
  type TransactionWithParties,
  transactionListQuery,
  withParties,
} from './transaction.queries.ts';
import { Transaction, TransactionConnection } from './transaction.types.ts';

async function party(ctx: Context, id: number, role: string, transaction: Transaction): Promise<Party> {
  const found = await partyById(ctx).load(id);
  if (!found) throw new Error(`transaction ${transaction.rowId}: ${role} ${id} is missing`);
  return found;
}

@Resolver(() => Transaction)
export class TransactionResolver {
  // Transaction lists name who bought what from whom: signed-in roles only (docs/security.md).
  @Authorized()
  @Query(() => TransactionConnection, {
    description:
      'Purchases (signed-in roles only), filtered by date, amount, buyer, seller, agency (optionally with its network), program, category, funding source and account, sorted (newest first by default), a page at a time.',
  })
  async transactions(
    @FilterArg(() => TransactionFilter)
    filter: TransactionFilter | null,
    @OrderByArg(() => TransactionOrder, 'Default: by date, newest first.')
    orderBy: TransactionOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Transaction>> {
    const order = transactionOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const criteria = await resolveNetwork(ctx.db, ctx.tenantId, transactionCriteria(filter));
    // Buyers and sellers asked for come with the page, in its statement, joined to what is asked of
    // them (one set of parts for both sides: a party can be one row's buyer and another's seller).
    const sides = (['buyer', 'seller'] as const).filter((side) => rowsSelect(info, side));
    const asked = new Set(sides.flatMap((side) => [...rowFieldSubfieldNames(info, side)]));
    const base = transactionListQuery(ctx.db, ctx.tenantId, criteria);
    const query = withParties(ctx.db, ctx.tenantId, base, sides, partyPartsAsked(asked));
    return listConnection<TransactionWithParties, Transaction>(query, order, window, toTransactionWithParties(ctx));
  }

  @FieldResolver(() => Party, {
    description: 'Who paid: an agency, a network unit, or (in the supply chain) an enterprise or cooperative.',
  })
  buyer(@Root() transaction: Transaction, @Ctx() ctx: Context): Party | Promise<Party> {
    return transaction.buyerParty ?? party(ctx, transaction.buyerId, 'buyer', transaction);
  }

  @FieldResolver(() => Party, {
    description: 'Who was paid: an enterprise, a cooperative or a vendor (sometimes another party).',
  })
  seller(@Root() transaction: Transaction, @Ctx() ctx: Context): Party | Promise<Party> {
    return transaction.sellerParty ?? party(ctx, transaction.sellerId, 'seller', transaction);
  }

  @FieldResolver(() => Program, { nullable: true, description: 'The program the purchase was recorded under, if any.' })
  program(@Root() transaction: Transaction, @Ctx() ctx: Context): Promise<Program | null> | null {
    return transaction.programId ? programById(ctx).load(transaction.programId) : null;
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The product bought, when recorded.' })
  product(@Root() transaction: Transaction, @Ctx() ctx: Context): Promise<Product | null> | null {
    return transaction.productId ? productById(ctx).load(transaction.productId) : null;
  }
}

function nestedTransactions(
  ctx: Context,
  relation: string,
  parentId: number,
  filter: TransactionFilter | null,
  orderBy: TransactionOrder | null,
  page: PageArgs,
  scope: (parent: Expression<number>) => TransactionCriteria,
): ConnectionAnswer<Transaction> {
  const order = transactionOrder(orderBy);
  const window = pageWindow(page, order, ctx.config.maxPageSize);
  const criteria = transactionCriteria(filter);
  return nestedConnection<TransactionRow, Transaction>(ctx, parentId, {
    relation,
    args: criteria,
    build: (parent) => transactionListQuery(ctx.db, ctx.tenantId, { ...criteria, ...scope(parent) }),
    order,
    window,
    map: toTransaction,
  });
}

@Resolver(() => Party)
export class PartyTransactionsResolver {
  @Authorized()
  @FieldResolver(() => TransactionConnection, {
    description: 'What the party bought (signed-in roles only), newest first unless ordered otherwise.',
  })
  purchases(
    @Root() party: Party,
    @FilterArg(() => TransactionFilter)
    filter: TransactionFilter | null,
    @OrderByArg(() => TransactionOrder)
    orderBy: TransactionOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): ConnectionAnswer<Transaction> {
    return nestedTransactions(ctx, 'Party.purchases', party.rowId, filter, orderBy, page, (id) => ({ buyerIds: id }));
  }

  @Authorized()
  @FieldResolver(() => TransactionConnection, {
    description: 'What the party sold (signed-in roles only), newest first unless ordered otherwise.',
  })
  sales(
    @Root() party: Party,
    @FilterArg(() => TransactionFilter)
    filter: TransactionFilter | null,
    @OrderByArg(() => TransactionOrder)
    orderBy: TransactionOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): ConnectionAnswer<Transaction> {
    return nestedTransactions(ctx, 'Party.sales', party.rowId, filter, orderBy, page, (id) => ({ sellerIds: id }));
  }
}

@Resolver(() => Program)
export class ProgramTransactionsResolver {
  @Authorized()
  @FieldResolver(() => TransactionConnection, {
    description:
      'The purchases recorded under the program (its realisation; signed-in roles only), newest first unless ordered otherwise.',
  })
  transactions(
    @Root() program: Program,
    @FilterArg(() => TransactionFilter)
    filter: TransactionFilter | null,
    @OrderByArg(() => TransactionOrder)
    orderBy: TransactionOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): ConnectionAnswer<Transaction> {
    return nestedTransactions(ctx, 'Program.transactions', program.rowId, filter, orderBy, page, (id) => ({
      programIds: id,
    }));
  }
}
