import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { type Connection, type ConnectionAnswer, PageArgs } from '../../graphql/connection.ts';
import { FilterArg, OrderByArg } from '../../graphql/list-args.ts';
import { listConnection, nestedConnection, pageWindow } from '../../graphql/pagination.ts';
import { partyById } from '../party/party.loaders.ts';
import { Agency } from '../party/party.types.ts';
import { ProgramFilter, ProgramOrder, programCriteria, programOrder } from './program.inputs.ts';
import { toProgramPrimed } from './program.loaders.ts';
import { type ProgramRow, programListQuery } from './program.queries.ts';
import { Program, ProgramConnection } from './program.types.ts';

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => ProgramConnection, {
    description:
      'Agencies\' programs and activities with their budgets, filtered and sorted, a page at a time. Example: `programs(filter: { fiscalYears: [2024], agencyIds: ["…"] })`.',
  })
  async programs(
    @FilterArg(() => ProgramFilter)
    filter: ProgramFilter | null,
    @OrderByArg(() => ProgramOrder, 'Default: by code, ascending.')
    orderBy: ProgramOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<Program>> {
    const order = programOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const query = programListQuery(ctx.db, ctx.tenantId, programCriteria(filter));
    return listConnection<ProgramRow, Program>(query, order, window, (row) => toProgramPrimed(ctx, row));
  }

  @FieldResolver(() => Agency, { description: 'The agency that runs the program.' })
  async agency(@Root() program: Program, @Ctx() ctx: Context): Promise<Agency> {
    const agency = await partyById(ctx).load(program.agencyId);
    if (!(agency instanceof Agency)) throw new Error(`program ${program.rowId}: agency ${program.agencyId} is missing`);
    return agency;
  }
}

@Resolver(() => Agency)
export class AgencyProgramsResolver {
  @FieldResolver(() => ProgramConnection, {
    description: "The agency's programs and activities, by code unless ordered otherwise.",
  })
  programs(
    @Root() agency: Agency,
    @Arg('fiscalYear', () => Int, { nullable: true, description: 'Only programs of this fiscal year.' }) fiscalYear:
      | number
      | null,
    @FilterArg(() => ProgramFilter)
    filter: ProgramFilter | null,
    @OrderByArg(() => ProgramOrder)
    orderBy: ProgramOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): ConnectionAnswer<Program> {
    const order = programOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const criteria = programCriteria(filter, fiscalYear);
    return nestedConnection<ProgramRow, Program>(ctx, agency.rowId, {
      relation: 'Agency.programs',
      args: criteria,
      build: (agencyId) => programListQuery(ctx.db, ctx.tenantId, { ...criteria, agencyIds: agencyId }),
      order,
      window,
      map: (row) => toProgramPrimed(ctx, row),
    });
  }
}
