import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.ts';
import { decodeGlobalId } from '../graphql/global-id.ts';
import { partyById } from '../modules/party/party.loaders.ts';
import { Agency } from '../modules/party/party.types.ts';
import { networkReach } from './network-reach.sql.ts';
import { NetworkReach } from './network-reach.types.ts';
import { SpendFilter } from './spend-filter.input.ts';
import { assertAgencies } from './spend-scope.queries.ts';
import { parseSpendFilter } from './spend-scope.ts';

@Resolver(() => NetworkReach)
export class NetworkReachResolver {
  @Query(() => NetworkReach, {
    description:
      'An agency\'s own purchases against those of its whole network, with the amplification of its spending at local UMKM and the sellers only the network reaches (docs/metrics.md "Network reach"). The filter\'s dates, categories and account prefix apply; its agencyIds and includeNetwork are ignored.',
  })
  async networkReach(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('filter', () => SpendFilter, { nullable: true }) filter?: SpendFilter | null,
  ): Promise<NetworkReach> {
    const { id } = decodeGlobalId(agencyId, 'agencyId', ['Agency']);
    const scope = parseSpendFilter(ctx.tenantId, { ...filter, agencyIds: null, includeNetwork: null });
    await assertAgencies(ctx.db, ctx.tenantId, [id], 'agencyId');
    return networkReach(ctx.db, scope, id);
  }

  @FieldResolver(() => Agency, { description: 'The agency.' })
  async agency(@Ctx() ctx: Context, @Root() reach: NetworkReach): Promise<Agency> {
    const party = await partyById(ctx).load(reach.agencyId);
    if (!(party instanceof Agency)) throw new Error(`agency ${reach.agencyId} vanished`);
    return party;
  }
}
