import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { SpendFilter } from './spend-filter.input.ts';
import { resolveSpendScope } from './spend-scope.queries.ts';
import { spendTrend } from './spend-trend.sql.ts';
import { Interval, SpendPoint } from './spend-trend.types.ts';

@Resolver(() => SpendPoint)
export class SpendTrendResolver {
  @Query(() => [SpendPoint], {
    description:
      'The spend summary period by period: one point per month, quarter or year from the first to the last period of the filter\'s range (of the recorded data when the range is open), empty periods included (docs/metrics.md "Trend").',
  })
  async spendTrend(
    @Ctx() ctx: Context,
    @Arg('interval', () => Interval) interval: Interval,
    @Arg('filter', () => SpendFilter, { nullable: true }) filter?: SpendFilter | null,
  ): Promise<SpendPoint[]> {
    return spendTrend(ctx.db, await resolveSpendScope(ctx.db, ctx.tenantId, filter), interval);
  }
}
