import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { type Connection, type ConnectionAnswer, PageArgs } from '../../graphql/connection.ts';
import { FilterArg, OrderByArg } from '../../graphql/list-args.ts';
import { connectionRowNames, rowFieldSelection } from '../../graphql/lookahead.ts';
import { listConnection, type NestedSpec, nestedConnection, pageWindow } from '../../graphql/pagination.ts';
import { partyById } from '../party/party.loaders.ts';
import { Party } from '../party/party.types.ts';
import { Sector, sectorOfKbli } from '../sector/sector.types.ts';
import { ProductFilter, ProductOrder, productCriteria, productOrder } from './product.inputs.ts';
import { productColumnsAsked, toProduct } from './product.loaders.ts';
import { PRODUCT_COLUMNS, type ProductColumn, type ProductRow, productListQuery } from './product.queries.ts';
import { Product, ProductConnection } from './product.types.ts';

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, {
    description: 'What local producers and other sellers sell, filtered and sorted, a page at a time.',
  })
  products(
    @FilterArg(() => ProductFilter)
    filter: ProductFilter | null,
    @OrderByArg(() => ProductOrder, 'Default: by name, ascending.')
    orderBy: ProductOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<Product>> {
    const order = productOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    return listConnection<ProductRow, Product>(
      productListQuery(ctx.db, ctx.tenantId, productCriteria(filter)),
      order,
      window,
      toProduct,
    );
  }

  @FieldResolver(() => Party, { description: 'Who sells the product.' })
  async seller(@Root() product: Product, @Ctx() ctx: Context): Promise<Party> {
    const party = await partyById(ctx).load(product.sellerId);
    if (!party) throw new Error(`product ${product.rowId}: seller ${product.sellerId} is missing`);
    return party;
  }

  @FieldResolver(() => Sector, {
    nullable: true,
    description: 'The sector (KBLI section) of the product, where its KBLI code is known.',
  })
  sector(@Root() product: Product): Sector | null {
    return sectorOfKbli(product.kbliCode);
  }
}

@Resolver(() => Party)
export class PartyProductsResolver {
  @FieldResolver(() => ProductConnection, { description: 'What the party sells, by name unless ordered otherwise.' })
  products(
    @Root() party: Party,
    @FilterArg(() => ProductFilter)
    filter: ProductFilter | null,
    @OrderByArg(() => ProductOrder)
    orderBy: ProductOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): ConnectionAnswer<Product> {
    return nestedConnection(ctx, party.rowId, partyProducts(ctx, filter, orderBy, page));
  }
}

/**
 * A party's products as a nested connection (`Party.products`), their rows selecting `columns`;
 * throws BAD_USER_INPUT for bad arguments.
 */
function partyProducts(
  ctx: Context,
  filter: ProductFilter | null,
  orderBy: ProductOrder | null,
  page: PageArgs,
  columns: readonly ProductColumn[] = PRODUCT_COLUMNS,
): NestedSpec<ProductRow, Product> {
  const order = productOrder(orderBy);
  const window = pageWindow(page, order, ctx.config.maxPageSize);
  const criteria = productCriteria(filter);
  return {
    relation: 'Party.products',
    // The columns key the request's loaders too: pages of fewer columns answer only their selection.
    args: { criteria, columns },
    build: (sellerId) => productListQuery(ctx.db, ctx.tenantId, { ...criteria, sellerIds: sellerId }, columns),
    order,
    window,
    map: toProduct,
  };
}

/**
 * The products the operation asks under each party of the list being resolved (`info`), to fetch
 * with the page (listConnection); null when it asks none, or not as one plain selection, or with
 * arguments the field itself will refuse.
 */
export function productsOfRows(ctx: Context, info: GraphQLResolveInfo): NestedSpec<ProductRow, Product> | null {
  const selection = rowFieldSelection(info, 'products');
  if (!selection) return null;
  const { node, args } = selection;
  try {
    const filter = (args.filter ?? null) as ProductFilter | null;
    // Only the columns the products' fields asked read (productColumnsAsked).
    const columns = productColumnsAsked(connectionRowNames(node, info));
    const spec = partyProducts(ctx, filter, (args.orderBy ?? null) as ProductOrder | null, args as PageArgs, columns);
    // Each row's products are then answered without calling `products` (pagination.ts, answerPrefetched).
    return { ...spec, field: node };
  } catch {
    return null;
  }
}
