import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.ts';
import { regionByCode } from '../modules/region/region.loaders.ts';
import { Region } from '../modules/region/region.types.ts';
import { dataCollectionProgress } from './data-collection.sql.ts';
import { DistrictProgress } from './data-collection.types.ts';

@Resolver(() => DistrictProgress)
export class DataCollectionResolver {
  @Query(() => [DistrictProgress], {
    description:
      'For every kecamatan (all listed), the enterprises and cooperatives registered by the end of the year and not rejected, how many are verified, and verified / target (docs/metrics-outcomes.md "Data-collection progress").',
  })
  async dataCollectionProgress(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<DistrictProgress[]> {
    return dataCollectionProgress(ctx.db, ctx.tenantId, year);
  }

  @FieldResolver(() => Region, { description: 'The kecamatan.' })
  async region(@Ctx() ctx: Context, @Root() row: DistrictProgress): Promise<Region> {
    const region = await regionByCode(ctx).load(row.regionCode);
    if (!region) throw new Error(`region ${row.regionCode} vanished`);
    return region;
  }
}
