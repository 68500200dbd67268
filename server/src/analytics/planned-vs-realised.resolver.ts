import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { type Context, loader } from '../context.ts';
import { partyById } from '../modules/party/party.loaders.ts';
import { Agency } from '../modules/party/party.types.ts';
import { type PlannedVsRealisedData, plannedVsRealised } from './planned-vs-realised.sql.ts';
import { PlannedVsRealised } from './planned-vs-realised.types.ts';
import { resolveSpendScope } from './spend-scope.queries.ts';
import { parseSpendFilter } from './spend-scope.ts';

@Resolver(() => PlannedVsRealised)
export class PlannedVsRealisedResolver {
  @Query(() => [PlannedVsRealised], {
    description:
      'Per agency, for a fiscal year: the budget ceilings of its active SiRUP plans flagged for small businesses against what it paid to micro and small enterprises and cooperatives (docs/metrics-outcomes.md "Planned vs realised for small businesses"). One row per agency with an active plan or a purchase that year, most planned for small businesses first.',
  })
  async plannedVsRealised(
    @Ctx() ctx: Context,
    @Arg('fiscalYear', () => Int, { description: 'The fiscal year, 2000-2100.' }) fiscalYear: number,
    @Arg('agencyIds', () => [ID], { nullable: true, description: 'Only these agencies (all when absent).' })
    agencyIds?: string[] | null,
    @Arg('includeNetwork', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: "Count the purchases of the agencies' network units as theirs (plans are the agency's own).",
    })
    includeNetwork?: boolean,
  ): Promise<PlannedVsRealised[]> {
    const scope = await resolveSpendScope(ctx.db, ctx.tenantId, {
      fiscalYear,
      ...(agencyIds ? { agencyIds } : {}),
      includeNetwork: includeNetwork ?? false,
    });
    return plannedVsRealised(ctx.db, scope);
  }

  @FieldResolver(() => Agency, { description: 'The agency this line is about.' })
  async agency(@Ctx() ctx: Context, @Root() row: PlannedVsRealised): Promise<Agency> {
    const party = await partyById(ctx).load(row.agencyId);
    if (!(party instanceof Agency)) throw new Error(`agency ${row.agencyId} vanished`);
    return party;
  }
}

@Resolver(() => Agency)
export class AgencyPlannedVsRealisedResolver {
  @FieldResolver(() => PlannedVsRealised, {
    nullable: true,
    description:
      "This agency's line of plannedVsRealised for a fiscal year; null when it had no active plan and no purchase that year.",
  })
  async plannedVsRealised(
    @Ctx() ctx: Context,
    @Root() agency: Agency,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('includeNetwork', () => Boolean, { nullable: true, defaultValue: false }) includeNetwork: boolean,
  ): Promise<PlannedVsRealised | null> {
    // One comparison per request and year, however many agencies of a list ask for theirs.
    const key = `analytics.plannedVsRealised.${fiscalYear}.${includeNetwork}`;
    const rows = loader(ctx, key, () =>
      plannedVsRealised(ctx.db, parseSpendFilter(ctx.tenantId, { fiscalYear, includeNetwork })),
    ) as Promise<PlannedVsRealisedData[]>;
    return (await rows).find((row) => row.agencyId === agency.rowId) ?? null;
  }
}
