import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { type Context, loader } from '../context.ts';
import { partyById } from '../modules/party/party.loaders.ts';
import { Agency } from '../modules/party/party.types.ts';
import { type AgencyScoreData, agencyScorecard } from './agency-scorecard.sql.ts';
import { AgencyScore } from './agency-scorecard.types.ts';
import { SpendFilter } from './spend-filter.input.ts';
import { resolveSpendScope } from './spend-scope.queries.ts';
import { parseSpendFilter } from './spend-scope.ts';

@Resolver(() => AgencyScore)
export class AgencyScorecardResolver {
  @Query(() => [AgencyScore], {
    description:
      'Every agency with scoped purchases, ranked by the share of its spending paid to local UMKM, with that share against its target and an SBA-style grade (docs/metrics.md "Agency scorecard"). With includeNetwork an agency\'s network units count under it.',
  })
  async agencyScorecard(
    @Ctx() ctx: Context,
    @Arg('filter', () => SpendFilter, { nullable: true }) filter?: SpendFilter | null,
  ): Promise<AgencyScore[]> {
    return agencyScorecard(ctx.db, await resolveSpendScope(ctx.db, ctx.tenantId, filter));
  }

  @FieldResolver(() => Agency, { description: 'The agency this line is about.' })
  async agency(@Ctx() ctx: Context, @Root() score: AgencyScore): Promise<Agency> {
    const party = await partyById(ctx).load(score.agencyId);
    if (!(party instanceof Agency)) throw new Error(`agency ${score.agencyId} vanished`);
    return party;
  }
}

@Resolver(() => Agency)
export class AgencyScoreFieldResolver {
  @FieldResolver(() => AgencyScore, {
    nullable: true,
    description:
      "This agency's line of the scorecard for a fiscal year (its rank among all agencies); null when it made no purchase that year.",
  })
  async scorecard(
    @Ctx() ctx: Context,
    @Root() agency: Agency,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('includeNetwork', () => Boolean, { nullable: true, defaultValue: false }) includeNetwork: boolean,
  ): Promise<AgencyScore | null> {
    // One scorecard per request and year, however many agencies of a list ask for theirs.
    const key = `analytics.scorecard.${fiscalYear}.${includeNetwork}`;
    const rows = loader(ctx, key, () =>
      agencyScorecard(ctx.db, parseSpendFilter(ctx.tenantId, { fiscalYear, includeNetwork })),
    ) as Promise<AgencyScoreData[]>;
    return (await rows).find((row) => row.agencyId === agency.rowId) ?? null;
  }
}
