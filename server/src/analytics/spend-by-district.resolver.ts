import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.ts';
import { regionByCode } from '../modules/region/region.loaders.ts';
import { Region } from '../modules/region/region.types.ts';
import { spendByDistrict } from './spend-by-district.sql.ts';
import { DistrictSpend } from './spend-by-district.types.ts';
import { SpendFilter } from './spend-filter.input.ts';
import { resolveSpendScope } from './spend-scope.queries.ts';

@Resolver(() => DistrictSpend)
export class SpendByDistrictResolver {
  @Query(() => [DistrictSpend], {
    description:
      'For every kecamatan of the regency (zeros included), the scoped spending paid to local UMKM located there and how many of them were paid (docs/metrics.md "By district").',
  })
  async spendByDistrict(
    @Ctx() ctx: Context,
    @Arg('filter', () => SpendFilter, { nullable: true }) filter?: SpendFilter | null,
  ): Promise<DistrictSpend[]> {
    return spendByDistrict(ctx.db, await resolveSpendScope(ctx.db, ctx.tenantId, filter));
  }

  @FieldResolver(() => Region, { description: 'The kecamatan.' })
  async region(@Ctx() ctx: Context, @Root() row: DistrictSpend): Promise<Region> {
    const region = await regionByCode(ctx).load(row.regionCode);
    if (!region) throw new Error(`region ${row.regionCode} vanished`);
    return region;
  }
}
