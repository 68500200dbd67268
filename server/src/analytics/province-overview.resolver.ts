import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { toRegency } from '../modules/regency/regency.resolver.ts';
import { provinceOverview } from './province-overview.ts';
import { ProvinceOverview } from './province-overview.types.ts';
import { validateYear } from './spend-scope.ts';

@Resolver(() => ProvinceOverview)
export class ProvinceOverviewResolver {
  @Query(() => ProvinceOverview, {
    description:
      'The regencies of a province held by this server compared for a fiscal year: each one\'s total, what reached its local UMKM and local sellers, and the shares, ranked (docs/metrics-outcomes.md "Province overview"). Readable by anyone, whichever regency the request names.',
  })
  async provinceOverview(
    @Ctx() ctx: Context,
    @Arg('province', () => String, { description: 'The province code, e.g. "61" (Kalimantan Barat).' })
    province: string,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
  ): Promise<ProvinceOverview> {
    const data = await provinceOverview(ctx.db, province, validateYear(fiscalYear, 'fiscalYear'));
    return { ...data, regencies: data.regencies.map((r) => ({ ...r, regency: toRegency(r.regency) })) };
  }
}
