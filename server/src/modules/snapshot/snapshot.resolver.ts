import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { type ConnectionAnswer, OrderDirection, PageArgs } from '../../graphql/connection.ts';
import { PartyStatus } from '../../graphql/enums.ts';
import { oneOf, range } from '../../graphql/filters.ts';
import { nestedConnection, pageWindow } from '../../graphql/pagination.ts';
import { DateScalar } from '../../graphql/scalars.ts';
import { partyById } from '../party/party.loaders.ts';
import { Enterprise } from '../party/party.types.ts';
import { type SnapshotRow, snapshotListQuery, snapshotOrdering } from './snapshot.queries.ts';
import { EnterpriseSnapshot, EnterpriseSnapshotConnection } from './snapshot.types.ts';

function toSnapshot(row: SnapshotRow): EnterpriseSnapshot {
  return Object.assign(new EnterpriseSnapshot(), {
    enterpriseId: row.enterprise_id,
    period: row.period,
    revenue: row.revenue,
    employees: row.employees,
    status: row.status,
  });
}

@Resolver(() => Enterprise)
export class EnterpriseSnapshotsResolver {
  @FieldResolver(() => EnterpriseSnapshotConnection, {
    description: "The enterprise's monthly survey snapshots, oldest first unless `direction: DESC`.",
  })
  snapshots(
    @Root() enterprise: Enterprise,
    @Arg('from', () => DateScalar, {
      nullable: true,
      description: 'From this month (its first day, or any day in it).',
    })
    from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Up to this month (inclusive).' }) to: string | null,
    @Arg('statuses', () => [PartyStatus], { nullable: true, description: 'Only months with these statuses.' }) statuses:
      | PartyStatus[]
      | null,
    @Arg('direction', () => OrderDirection, {
      defaultValue: 'ASC',
      description: 'ASC oldest first (default), DESC newest first.',
    })
    direction: OrderDirection,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): ConnectionAnswer<EnterpriseSnapshot> {
    const order = snapshotOrdering(direction === 'DESC');
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const months = range(from ? `${from.slice(0, 7)}-01` : null, to, 'from');
    const statusList = oneOf(statuses, 'statuses');
    const args = { months, statusList };
    return nestedConnection<SnapshotRow, EnterpriseSnapshot>(ctx, enterprise.rowId, {
      relation: 'Enterprise.snapshots',
      args,
      build: (enterpriseId) =>
        snapshotListQuery(ctx.db, ctx.tenantId, {
          enterpriseId,
          ...(Object.keys(months).length ? { period: months } : {}),
          ...(statusList ? { statuses: statusList } : {}),
        }),
      order,
      window,
      map: toSnapshot,
    });
  }
}

@Resolver(() => EnterpriseSnapshot)
export class EnterpriseSnapshotResolver {
  @FieldResolver(() => Enterprise, { description: 'The enterprise the snapshot describes.' })
  async enterprise(@Root() snapshot: EnterpriseSnapshot, @Ctx() ctx: Context): Promise<Enterprise> {
    const enterprise = await partyById(ctx).load(snapshot.enterpriseId);
    if (!(enterprise instanceof Enterprise))
      throw new Error(`snapshot: enterprise ${snapshot.enterpriseId} is missing`);
    return enterprise;
  }
}
