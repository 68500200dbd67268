import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { type Connection, PageArgs } from '../../graphql/connection.ts';
import { regionCode } from '../../graphql/filters.ts';
import { FilterArg, OrderByArg } from '../../graphql/list-args.ts';
import { listConnection, pageWindow } from '../../graphql/pagination.ts';
import { RegionFilter, RegionOrder, regionCriteria, regionOrder } from './region.inputs.ts';
import { regionByCode, regionChildren } from './region.loaders.ts';
import { type RegionRow, regionListQuery } from './region.queries.ts';
import { Region, RegionConnection, toRegion } from './region.types.ts';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => RegionConnection, {
    description:
      'Administrative regions (provinces, regencies, districts, villages), filtered and sorted, a page at a time. Example: the kecamatan of Kubu Raya are `regions(filter: { parentCode: "61.12" })`.',
  })
  async regions(
    @FilterArg(() => RegionFilter)
    filter: RegionFilter | null,
    @OrderByArg(() => RegionOrder, 'Default: by code, ascending.')
    orderBy: RegionOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<Region>> {
    const order = regionOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const query = regionListQuery(ctx.db, regionCriteria(filter));
    return listConnection<RegionRow, Region>(query, order, window, (row) => toRegion(row, ctx.tenantId));
  }

  @Query(() => Region, {
    description: 'One region by its code, e.g. "61.12.01". NOT_FOUND when no region has the code.',
  })
  async region(
    @Arg('code', () => String, { description: 'A region code of any level.' }) code: string,
    @Ctx() ctx: Context,
  ): Promise<Region> {
    const region = await regionByCode(ctx).load(regionCode(code, 'code') as string);
    if (!region) throw notFound({ id: `wilayah ${code}`, en: `region ${code}` }, 'code');
    return region;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region this one lies in (null for a province).' })
  parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> | null {
    return region.parentCode ? regionByCode(ctx).load(region.parentCode) : null;
  }

  @FieldResolver(() => [Region], {
    description: 'The regions directly inside this one, by code (the villages of a district…).',
  })
  children(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    return regionChildren(ctx).load(region.code);
  }
}
