import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { SpendFilter } from './spend-filter.input.ts';
import { spendFlows, validateLevels } from './spend-flows.sql.ts';
import { FlowGraph, FlowLevel } from './spend-flows.types.ts';
import { resolveSpendScope } from './spend-scope.queries.ts';

@Resolver(() => FlowGraph)
export class SpendFlowsResolver {
  @Query(() => FlowGraph, {
    description:
      'Where the scoped money goes, level by level (e.g. agency → seller class → kecamatan): nodes carry the sum of the purchases with their key, links the sum of the purchases in both of their nodes (docs/metrics.md "Flows").',
  })
  async spendFlows(
    @Ctx() ctx: Context,
    @Arg('levels', () => [FlowLevel], { description: 'The levels, in order; each at most once.' }) levels: FlowLevel[],
    @Arg('filter', () => SpendFilter, { nullable: true }) filter?: SpendFilter | null,
  ): Promise<FlowGraph> {
    const checked = validateLevels(levels);
    return spendFlows(ctx.db, await resolveSpendScope(ctx.db, ctx.tenantId, filter), checked);
  }
}
