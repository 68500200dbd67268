import type { Expression } from 'kysely';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { type Connection, type ConnectionAnswer, PageArgs } from '../../graphql/connection.ts';
import { FilterArg, OrderByArg } from '../../graphql/list-args.ts';
import { listConnection, nestedConnection, pageWindow } from '../../graphql/pagination.ts';
import { partyById } from '../party/party.loaders.ts';
import { Enterprise } from '../party/party.types.ts';
import { programById } from '../program/program.loaders.ts';
import { Program } from '../program/program.types.ts';
import { AssistanceFilter, AssistanceOrder, assistanceCriteria, assistanceOrder } from './assistance.inputs.ts';
import { toAssistance } from './assistance.loaders.ts';
import { type AssistanceCriteria, type AssistanceRow, assistanceListQuery } from './assistance.queries.ts';
import { Assistance, AssistanceConnection } from './assistance.types.ts';

@Resolver(() => Assistance)
export class AssistanceResolver {
  @Query(() => AssistanceConnection, {
    description:
      'Help given to enterprises by programs (training, certification, capital…), filtered and sorted, a page at a time.',
  })
  assistance(
    @FilterArg(() => AssistanceFilter)
    filter: AssistanceFilter | null,
    @OrderByArg(() => AssistanceOrder, 'Default: by date, oldest first.')
    orderBy: AssistanceOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<Assistance>> {
    const order = assistanceOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    return listConnection<AssistanceRow, Assistance>(
      assistanceListQuery(ctx.db, ctx.tenantId, assistanceCriteria(filter)),
      order,
      window,
      toAssistance,
    );
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise that was helped.' })
  async enterprise(@Root() assistance: Assistance, @Ctx() ctx: Context): Promise<Enterprise> {
    const enterprise = await partyById(ctx).load(assistance.enterpriseId);
    if (!(enterprise instanceof Enterprise))
      throw new Error(`assistance ${assistance.rowId}: enterprise ${assistance.enterpriseId} is missing`);
    return enterprise;
  }

  @FieldResolver(() => Program, { nullable: true, description: 'The program that gave the help, when recorded.' })
  program(@Root() assistance: Assistance, @Ctx() ctx: Context): Promise<Program | null> | null {
    return assistance.programId ? programById(ctx).load(assistance.programId) : null;
  }
}

function nestedAssistance(
  ctx: Context,
  relation: string,
  parentId: number,
  filter: AssistanceFilter | null,
  orderBy: AssistanceOrder | null,
  page: PageArgs,
  scope: (parent: Expression<number>) => AssistanceCriteria,
): ConnectionAnswer<Assistance> {
  const order = assistanceOrder(orderBy);
  const window = pageWindow(page, order, ctx.config.maxPageSize);
  const criteria = assistanceCriteria(filter);
  return nestedConnection<AssistanceRow, Assistance>(ctx, parentId, {
    relation,
    args: criteria,
    build: (parent) => assistanceListQuery(ctx.db, ctx.tenantId, { ...criteria, ...scope(parent) }),
    order,
    window,
    map: toAssistance,
  });
}

@Resolver(() => Enterprise)
export class EnterpriseAssistanceResolver {
  @FieldResolver(() => AssistanceConnection, {
    description: 'The help the enterprise received, oldest first unless ordered otherwise.',
  })
  assistance(
    @Root() enterprise: Enterprise,
    @FilterArg(() => AssistanceFilter)
    filter: AssistanceFilter | null,
    @OrderByArg(() => AssistanceOrder)
    orderBy: AssistanceOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): ConnectionAnswer<Assistance> {
    return nestedAssistance(ctx, 'Enterprise.assistance', enterprise.rowId, filter, orderBy, page, (id) => ({
      enterpriseIds: id,
    }));
  }
}

@Resolver(() => Program)
export class ProgramAssistanceResolver {
  @FieldResolver(() => AssistanceConnection, {
    description: 'The help the program gave enterprises, oldest first unless ordered otherwise.',
  })
  assistance(
    @Root() program: Program,
    @FilterArg(() => AssistanceFilter)
    filter: AssistanceFilter | null,
    @OrderByArg(() => AssistanceOrder)
    orderBy: AssistanceOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): ConnectionAnswer<Assistance> {
    return nestedAssistance(ctx, 'Program.assistance', program.rowId, filter, orderBy, page, (id) => ({
      programIds: id,
    }));
  }
}
