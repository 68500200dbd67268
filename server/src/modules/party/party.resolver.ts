import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { type Connection, type ConnectionAnswer, PageArgs } from '../../graphql/connection.ts';
import { searchText } from '../../graphql/filters.ts';
import { FilterArg, OrderByArg } from '../../graphql/list-args.ts';
import {
  objectConnectionRowNames,
  objectFieldArguments,
  objectFieldNames,
  rowFieldNames,
} from '../../graphql/lookahead.ts';
import {
  fetchRowWithNested,
  listConnection,
  type NestedSpec,
  nestedConnection,
  pageWindow,
} from '../../graphql/pagination.ts';
import { productsOfRows } from '../product/product.resolver.ts';
import { regionByCode, regionOfRow } from '../region/region.loaders.ts';
import { Region } from '../region/region.types.ts';
import {
  AgencyFilter,
  AgencyOrder,
  agencyCriteria,
  CooperativeFilter,
  cooperativeCriteria,
  EnterpriseFilter,
  EnterpriseOrder,
  enterpriseCriteria,
  NetworkUnitFilter,
  networkUnitCriteria,
  PartyFilter,
  PartyOrder,
  partyCriteria,
  partyOrder,
  VendorFilter,
  vendorCriteria,
} from './party.inputs.ts';
import { agencyOfUnit, partyById, partyPartsAsked, toPartyPrimed } from './party.loaders.ts';
import { type PartyCriteria, partyListQuery } from './party.queries.ts';
import {
  Agency,
  AgencyConnection,
  Cooperative,
  CooperativeConnection,
  Enterprise,
  EnterpriseConnection,
  NetworkUnit,
  NetworkUnitConnection,
  Party,
  PartyConnection,
  VendorConnection,
} from './party.types.ts';
import type { PartyParts, PartyRow } from './party-select.queries.ts';

/** A party list's filtered query, selecting what the operation asks of its rows (partyPartsAsked). */
const listQuery = (ctx: Context, criteria: PartyCriteria, info: GraphQLResolveInfo) =>
  partyListQuery(ctx.db, ctx.tenantId, criteria, partyPartsAsked(rowFieldNames(info)));

/** The lists of parties, one per kind and one across all kinds. */
@Resolver(() => Party)
export class PartyResolver {
  @Query(() => PartyConnection, {
    description:
      'Every economic actor (agencies, network units, enterprises, cooperatives, vendors), filtered and sorted, a page at a time. Use `... on Enterprise { … }` for kind-specific fields.',
  })
  parties(
    @FilterArg(() => PartyFilter)
    filter: PartyFilter | null,
    @OrderByArg(() => PartyOrder, 'Default: by name, ascending.')
    orderBy: PartyOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Party>> {
    const order = partyOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const query = listQuery(ctx, partyCriteria(filter), info);
    return listConnection<PartyRow, Party>(query, order, window, (row) => toPartyPrimed(ctx, row));
  }

  @Query(() => AgencyConnection, {
    description: 'The regional government agencies (SKPD), filtered and sorted, a page at a time.',
  })
  agencies(
    @FilterArg(() => AgencyFilter)
    filter: AgencyFilter | null,
    @OrderByArg(() => AgencyOrder, 'Default: by name, ascending.')
    orderBy: AgencyOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Agency>> {
    const order = partyOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const query = listQuery(ctx, agencyCriteria(filter), info);
    return listConnection<PartyRow, Agency>(query, order, window, (row) => toPartyPrimed(ctx, row) as Agency);
  }

  @Query(() => NetworkUnitConnection, {
    description:
      "The units of the agencies' networks (schools, health centres, village governments, associations…), filtered and sorted, a page at a time.",
  })
  networkUnits(
    @FilterArg(() => NetworkUnitFilter)
    filter: NetworkUnitFilter | null,
    @OrderByArg(() => PartyOrder, 'Default: by name, ascending.')
    orderBy: PartyOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<NetworkUnit>> {
    const order = partyOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const query = listQuery(ctx, networkUnitCriteria(filter), info);
    return listConnection<PartyRow, NetworkUnit>(query, order, window, (row) => toPartyPrimed(ctx, row) as NetworkUnit);
  }

  @Query(() => EnterpriseConnection, {
    description:
      'The UMKM registry (and large enterprises), filtered by place, sector, size, status and verification, sorted, a page at a time. Example: the verified micro enterprises of a kecamatan are `enterprises(filter: { regionCode: "61.12.01", sizeClasses: [MICRO], verifications: [VERIFIED] })`.',
  })
  enterprises(
    @FilterArg(() => EnterpriseFilter)
    filter: EnterpriseFilter | null,
    @OrderByArg(() => EnterpriseOrder, 'Default: by name, ascending.')
    orderBy: EnterpriseOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Enterprise>> {
    const order = partyOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const query = listQuery(ctx, enterpriseCriteria(filter), info);
    // The products asked under each enterprise come in the page's statement.
    const products = productsOfRows(ctx, info);
    return listConnection<PartyRow, Enterprise>(
      query,
      order,
      window,
      (row) => toPartyPrimed(ctx, row) as Enterprise,
      products ? { ctx, specs: [products] } : undefined,
    );
  }

  @Query(() => CooperativeConnection, {
    description: 'The cooperatives (koperasi), filtered and sorted, a page at a time.',
  })
  cooperatives(
    @FilterArg(() => CooperativeFilter)
    filter: CooperativeFilter | null,
    @OrderByArg(() => PartyOrder, 'Default: by name, ascending.')
    orderBy: PartyOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Cooperative>> {
    const order = partyOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const query = listQuery(ctx, cooperativeCriteria(filter), info);
    return listConnection<PartyRow, Cooperative>(query, order, window, (row) => toPartyPrimed(ctx, row) as Cooperative);
  }

  @Query(() => VendorConnection, {
    description:
      'Suppliers outside the UMKM registry (distributors, companies, often from outside the regency), a page at a time.',
  })
  vendors(
    @FilterArg(() => VendorFilter)
    filter: VendorFilter | null,
    @OrderByArg(() => PartyOrder, 'Default: by name, ascending.')
    orderBy: PartyOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Party>> {
    const order = partyOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const query = listQuery(ctx, vendorCriteria(filter), info);
    return listConnection<PartyRow, Party>(query, order, window, (row) => toPartyPrimed(ctx, row));
  }

  @Query(() => Agency, { description: 'One agency by its code or its exact short name. NOT_FOUND when there is none.' })
  async agency(
    @Arg('code', () => String, {
      description: 'The agency code (e.g. "1.01.2.22.0.00.01.0000") or short name (e.g. "Bappeda").',
    })
    code: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Agency> {
    const text = searchText(code, 'code') ?? '';
    const region = objectFieldNames(info).has('region');
    const query = partyListQuery(ctx.db, ctx.tenantId, { kinds: ['AGENCY'] }, { region, columns: 'all' })
      .where((eb) => eb.or([eb('ap.code', '=', text), eb('ap.short_name', '=', text)]))
      .orderBy('p.id')
      .limit(1);
    // The network units asked of the agency come in the same statement.
    const units = networkUnitsAsked(ctx, info);
    const row = await fetchRowWithNested<PartyRow>(ctx, query, units ? [units] : []);
    if (!row) throw notFound({ id: `perangkat daerah "${code}"`, en: `agency "${code}"` }, 'code');
    return toPartyPrimed(ctx, row) as Agency;
  }

  @Query(() => Enterprise, {
    description: 'One enterprise by its NIB (13 digits). NOT_FOUND when no enterprise has it.',
  })
  async enterpriseByNib(
    @Arg('nib', () => String, { description: 'The business identification number.' }) nib: string,
    @Ctx() ctx: Context,
  ): Promise<Enterprise> {
    const query = partyListQuery(ctx.db, ctx.tenantId, { kinds: ['ENTERPRISE'] })
      .where('ep.nib', '=', nib.trim())
      .limit(1);
    const row = (await query.executeTakeFirst()) as PartyRow | undefined;
    if (!row) throw notFound({ id: `usaha dengan NIB "${nib}"`, en: `enterprise with NIB "${nib}"` }, 'nib');
    return toPartyPrimed(ctx, row) as Enterprise;
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'The region (village, district or regency) where the party is located; null when unknown.',
  })
  region(@Root() party: Party, @Ctx() ctx: Context): Region | Promise<Region | null> | null {
    if (!party.regionCode) return null;
    // Party rows come with their region's (party.queries.ts): no statement, no loader's promise.
    if (party.regionRow) return regionOfRow(ctx, party.regionRow);
    return regionByCode(ctx).load(party.regionCode);
  }
}

@Resolver(() => Agency)
export class AgencyResolver {
  @FieldResolver(() => NetworkUnitConnection, {
    description:
      "The units in the agency's network (schools, health centres…), at any depth below the agency, by name unless ordered otherwise.",
  })
  networkUnits(
    @Root() agency: Agency,
    @FilterArg(() => NetworkUnitFilter)
    filter: NetworkUnitFilter | null,
    @OrderByArg(() => PartyOrder)
    orderBy: PartyOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): ConnectionAnswer<NetworkUnit> {
    const parts = partyPartsAsked(rowFieldNames(info));
    return nestedConnection(ctx, agency.rowId, agencyNetworkUnits(ctx, filter, orderBy, page, parts));
  }
}

/**
 * An agency's network units as a nested connection, their regions joined and their own columns
 * selected as `parts` says (from what is asked of the rows); throws BAD_USER_INPUT for bad arguments.
 */
function agencyNetworkUnits(
  ctx: Context,
  filter: NetworkUnitFilter | null,
  orderBy: PartyOrder | null,
  page: PageArgs,
  parts: PartyParts,
): NestedSpec<PartyRow, NetworkUnit> {
  const order = partyOrder(orderBy);
  const window = pageWindow(page, order, ctx.config.maxPageSize);
  const criteria = networkUnitCriteria(filter);
  const { region, columns } = parts;
  return {
    relation: 'Agency.networkUnits',
    // The rows differ with the parts they were fetched with: those key the request's loaders too.
    args: { criteria, region, columns },
    build: (agencyId) =>
      partyListQuery(ctx.db, ctx.tenantId, { ...criteria, networkOf: agencyId }, { region, columns }),
    order,
    window,
    map: (row) => toPartyPrimed(ctx, row) as NetworkUnit,
  };
}

/** The network units the operation asks of the agency being resolved, to fetch with it; null otherwise (see productsOfRows). */
function networkUnitsAsked(ctx: Context, info: GraphQLResolveInfo): NestedSpec<PartyRow, NetworkUnit> | null {
  const args = objectFieldArguments(info, 'networkUnits');
  if (!args) return null;
  try {
    const filter = (args.filter ?? null) as NetworkUnitFilter | null;
    const parts = partyPartsAsked(objectConnectionRowNames(info, 'networkUnits'));
    return agencyNetworkUnits(ctx, filter, (args.orderBy ?? null) as PartyOrder | null, args as PageArgs, parts);
  } catch {
    return null;
  }
}

@Resolver(() => NetworkUnit)
export class NetworkUnitResolver {
  @FieldResolver(() => Party, {
    nullable: true,
    description:
      'What the unit belongs to directly: its agency, or a parent unit (a sub-health-centre under its Puskesmas).',
  })
  parent(@Root() unit: NetworkUnit, @Ctx() ctx: Context): Promise<Party | null> | null {
    return unit.parentId ? partyById(ctx).load(unit.parentId) : null;
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description: "The agency at the top of the unit's chain of parents (whose network the unit belongs to).",
  })
  agency(@Root() unit: NetworkUnit, @Ctx() ctx: Context): Promise<Agency | null> {
    return agencyOfUnit(ctx).load(unit.rowId);
  }

  @FieldResolver(() => NetworkUnitConnection, {
    description: 'The units directly under this one, by name unless ordered otherwise.',
  })
  units(
    @Root() unit: NetworkUnit,
    @FilterArg(() => NetworkUnitFilter)
    filter: NetworkUnitFilter | null,
    @OrderByArg(() => PartyOrder)
    orderBy: PartyOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): ConnectionAnswer<NetworkUnit> {
    const order = partyOrder(orderBy);
    const window = pageWindow(page, order, ctx.config.maxPageSize);
    const criteria = networkUnitCriteria(filter);
    return nestedConnection<PartyRow, NetworkUnit>(ctx, unit.rowId, {
      relation: 'NetworkUnit.units',
      args: criteria,
      build: (parentId) => partyListQuery(ctx.db, ctx.tenantId, { ...criteria, parentIds: parentId }),
      order,
      window,
      map: (row) => toPartyPrimed(ctx, row) as NetworkUnit,
    });
  }
}
