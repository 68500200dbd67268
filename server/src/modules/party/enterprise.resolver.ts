import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { revealPersonal } from '../../auth/personal-data.ts';
import type { Context } from '../../context.ts';
import { type ConnectionAnswer, PageArgs } from '../../graphql/connection.ts';
import { FilterArg, OrderByArg } from '../../graphql/list-args.ts';
import { nestedConnection, pageWindow } from '../../graphql/pagination.ts';
import { Sector, sectorOfKbli } from '../sector/sector.types.ts';
import { EnterpriseFilter, EnterpriseOrder, enterpriseCriteria, partyOrder } from './party.inputs.ts';
import { cooperativesOfMember, toPartyPrimed } from './party.loaders.ts';
import { partyListQuery } from './party.queries.ts';
import { Cooperative, Enterprise, EnterpriseConnection, maskNik } from './party.types.ts';
import type { PartyRow } from './party-select.queries.ts';

/*
 * The fields of enterprises and cooperatives that their rows do not answer: an enterprise's sector,
 * its owner's name and NIK (personal data, revealed by role) and its cooperatives; a cooperative's
 * members. The party lists and lookups are in party.resolver.ts.
 */

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => Sector, {
    nullable: true,
    description: 'The sector (KBLI section) of the main line of business; null when the KBLI code is unknown.',
  })
  sector(@Root() enterprise: Enterprise): Sector | null {
    return sectorOfKbli(enterprise.kbliCode);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The owner's name: personal data, null for PUBLIC (anonymous requests); every read is audited (docs/security.md).",
  })
  ownerName(@Root() enterprise: Enterprise, @Ctx() ctx: Context): string | null {
    return revealPersonal(ctx, enterprise, 'ownerName', enterprise.ownerNameValue) ? enterprise.ownerNameValue : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The owner\'s national identity number (NIK), masked: the region prefix and the last two digits, e.g. "6112**********01". In full only for ADMIN and the OPERATOR of the agency that registered the enterprise; every full read is audited. Null when not recorded.',
  })
  ownerNik(@Root() enterprise: Enterprise, @Ctx() ctx: Context): string | null {
    return revealPersonal(ctx, enterprise, 'ownerNik', enterprise.ownerNikValue)
      ? enterprise.ownerNikValue
      : maskNik(enterprise.ownerNikValue);
  }

  @FieldResolver(() => [Cooperative], { description: 'The cooperatives the enterprise is a member of, by name.' })
  cooperatives(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<Cooperative[]> {
    return cooperativesOfMember(ctx).load(enterprise.rowId);
  }
}

@Resolver(() => Cooperative)
export class CooperativeResolver {
  @FieldResolver(() => EnterpriseConnection, {
    description: 'The registered enterprises that are members of the cooperative, by name unless ordered otherwise.',
  })
  members(
    @Root() cooperative: Cooperative,
    @FilterArg(() => EnterpriseFilter)
    filter: EnterpriseFilter | null,
    @OrderByArg(() => EnterpriseOrder)
    orderBy: EnterpriseOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): ConnectionAnswer<Enterprise> {
    const order = partyOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const criteria = enterpriseCriteria(filter);
    return nestedConnection<PartyRow, Enterprise>(ctx, cooperative.rowId, {
      relation: 'Cooperative.members',
      args: criteria,
      build: (cooperativeId) => partyListQuery(ctx.db, ctx.tenantId, { ...criteria, memberOf: cooperativeId }),
      order,
      window,
      map: (row) => toPartyPrimed(ctx, row) as Enterprise,
    });
  }
}
