import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { SpendFilter } from './spend-filter.input.ts';
import { resolveSpendScope } from './spend-scope.queries.ts';
import { spendSummary } from './spend-summary.sql.ts';
import { SpendSummary } from './spend-summary.types.ts';

@Resolver(() => SpendSummary)
export class SpendSummaryResolver {
  @Query(() => SpendSummary, {
    description:
      'How much the scoped purchases total and what share reached local UMKM, UMK anywhere and local sellers, with the target: sums of amounts over the purchases matching the filter (docs/metrics.md "Spend summary").',
  })
  async spendSummary(
    @Ctx() ctx: Context,
    @Arg('filter', () => SpendFilter, { nullable: true }) filter?: SpendFilter | null,
  ): Promise<SpendSummary> {
    return spendSummary(ctx.db, await resolveSpendScope(ctx.db, ctx.tenantId, filter));
  }
}
