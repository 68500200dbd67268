import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { marketAccessEffect } from './market-access.sql.ts';
import { MarketAccessEffect } from './market-access.types.ts';

@Resolver(() => MarketAccessEffect)
export class MarketAccessResolver {
  @Query(() => MarketAccessEffect, {
    description:
      'Of the UMKM trained in a year, how many are still active a year later, split by whether they also won government orders: survival = active / (active + inactive) by each member\'s last snapshot of the next year (docs/metrics-outcomes.md "Market-access effect").',
  })
  async marketAccessEffect(
    @Ctx() ctx: Context,
    @Arg('cohortYear', () => Int) cohortYear: number,
  ): Promise<MarketAccessEffect> {
    return marketAccessEffect(ctx.db, ctx.tenantId, cohortYear);
  }
}
