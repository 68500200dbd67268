import type { PartyKind } from '@jejaring/db';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { badInput } from '../../errors.ts';
import { OrderDirection } from '../../graphql/connection.ts';
import {
  AgencyType,
  CoopType,
  PartyKind as PartyKindEnum,
  PartyStatus,
  SizeClass,
  UnitType,
  Verification,
} from '../../graphql/enums.ts';
import { globalIds, oneOf, range, regionCode, searchText } from '../../graphql/filters.ts';
import type { Ordering } from '../../graphql/keyset.queries.ts';
import { DateScalar, RupiahScalar } from '../../graphql/scalars.ts';
import { type PartyCriteria, type PartyOrderField, partyOrdering } from './party.queries.ts';

/*
 * Filters and orders of the party lists. Every condition given must hold; an omitted condition
 * matches everything. Each *Criteria() validates a filter and names the offending field
 * ("filter.regionCode") in BAD_USER_INPUT.
 */

@InputType('PartyFilterBase')
abstract class PartyFilterBase {
  @Field(() => String, {
    nullable: true,
    description:
      'Part of the name, any case ("bakso" finds "Bakso Pak Kumis"); also an exact NIB, agency code or registration number.',
  })
  search?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Located in this region or inside it, at any level: a province ("61"), regency ("61.12"), district ("61.12.01") or village ("61.12.01.2001").',
  })
  regionCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: only parties located in this API's regency; false: only those outside it or with an unknown region.",
  })
  local?: boolean | null;

  @Field(() => [PartyStatus], { nullable: true, description: 'Only these statuses (ACTIVE, DORMANT, CLOSED).' })
  statuses?: PartyStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Registered on or after this date.' })
  registeredFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Registered on or before this date.' })
  registeredTo?: string | null;
}

@InputType('SizedPartyFilterBase')
abstract class SizedFilterBase extends PartyFilterBase {
  @Field(() => [SizeClass], { nullable: true, description: 'Only these size classes (PP 7/2021).' })
  sizeClasses?: SizeClass[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Size unknown (neither capital nor sales recorded). With sizeClasses, true adds those of unknown size; alone, true keeps only those of unknown size and false only those of known size.',
  })
  sizeClassUnknown?: boolean | null;
}

@InputType('PartyFilter', { description: 'Which parties to list (any kind). Every condition given must hold.' })
export class PartyFilter extends SizedFilterBase {
  @Field(() => [PartyKindEnum], { nullable: true, description: 'Only these kinds of party.' })
  kinds?: PartyKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only government buyers; false: only the others.' })
  isGovernment?: boolean | null;

  @Field(() => [Verification], {
    nullable: true,
    description: 'Only enterprises and cooperatives whose registry entry is in these states.',
  })
  verifications?: Verification[] | null;
}

@InputType('AgencyFilter', { description: 'Which agencies to list. Every condition given must hold.' })
export class AgencyFilter extends PartyFilterBase {
  @Field(() => [AgencyType], { nullable: true, description: 'Only these types of agency.' })
  agencyTypes?: AgencyType[] | null;
}

@InputType('NetworkUnitFilter', { description: 'Which network units to list. Every condition given must hold.' })
export class NetworkUnitFilter extends PartyFilterBase {
  @Field(() => [UnitType], { nullable: true, description: 'Only these types of unit.' })
  unitTypes?: UnitType[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Only units in these agencies' networks, at any depth (ids of Agency).",
  })
  agencyIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Only units directly under these agencies or units (ids of Agency or NetworkUnit).',
  })
  parentIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only government units; false: associations, BUMDes and the like.',
  })
  isGovernment?: boolean | null;
}

@InputType('EnterpriseFilter', { description: 'Which enterprises (UMKM) to list. Every condition given must hold.' })
export class EnterpriseFilter extends SizedFilterBase {
  @Field(() => [String], {
    nullable: true,
    description:
      'Only these KBLI sections (A…U) of the main line of business, e.g. ["C"] for manufacturing, ["I"] for food service.',
  })
  sectors?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only KBLI codes starting with these digits, e.g. "107" (other food products).',
  })
  kbliPrefix?: string | null;

  @Field(() => [Verification], { nullable: true, description: 'Only registry entries in these states.' })
  verifications?: Verification[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only members of these cooperatives (ids of Cooperative).' })
  cooperativeIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Only enterprises registered by these agencies (ids of Agency): the ones an OPERATOR of such an agency may change, verify or reject.',
  })
  registeringAgencyIds?: string[] | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Business capital at least this (rupiah).' })
  capitalMin?: number | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Business capital at most this (rupiah).' })
  capitalMax?: number | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Annual sales at least this (rupiah).' })
  annualRevenueMin?: number | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Annual sales at most this (rupiah).' })
  annualRevenueMax?: number | null;
}

@InputType('CooperativeFilter', { description: 'Which cooperatives to list. Every condition given must hold.' })
export class CooperativeFilter extends SizedFilterBase {
  @Field(() => [CoopType], { nullable: true, description: 'Only these types of cooperative.' })
  coopTypes?: CoopType[] | null;

  @Field(() => [Verification], { nullable: true, description: 'Only registry entries in these states.' })
  verifications?: Verification[] | null;
}

@InputType('VendorFilter', { description: 'Which vendors to list. Every condition given must hold.' })
export class VendorFilter extends SizedFilterBase {}

function baseCriteria(filter: PartyFilterBase): PartyCriteria {
  const search = searchText(filter.search, 'filter.search');
  const region = regionCode(filter.regionCode, 'filter.regionCode');
  const statuses = oneOf(filter.statuses, 'filter.statuses');
  const registered = range(filter.registeredFrom, filter.registeredTo, 'filter.registeredFrom');
  return {
    ...(search ? { search } : {}),
    ...(region ? { regionCode: region } : {}),
    ...(filter.local != null ? { local: filter.local } : {}),
    ...(statuses ? { statuses } : {}),
    ...(registered.min || registered.max ? { registered } : {}),
  };
}

function sizeCriteria(filter: SizedFilterBase): PartyCriteria {
  const sizeClasses = oneOf(filter.sizeClasses, 'filter.sizeClasses');
  return {
    ...(sizeClasses ? { sizeClasses } : {}),
    ...(filter.sizeClassUnknown != null ? { sizeClassUnknown: filter.sizeClassUnknown } : {}),
  };
}

export function partyCriteria(filter: PartyFilter | null | undefined): PartyCriteria {
  if (!filter) return {};
  const kinds = oneOf(filter.kinds, 'filter.kinds');
  const verifications = oneOf(filter.verifications, 'filter.verifications');
  return {
    ...baseCriteria(filter),
    ...sizeCriteria(filter),
    ...(kinds ? { kinds } : {}),
    ...(filter.isGovernment != null ? { isGovernment: filter.isGovernment } : {}),
    ...(verifications ? { verifications } : {}),
  };
}

export function agencyCriteria(filter: AgencyFilter | null | undefined): PartyCriteria {
  const agencyTypes = oneOf(filter?.agencyTypes, 'filter.agencyTypes');
  return { ...(filter ? baseCriteria(filter) : {}), kinds: ['AGENCY'], ...(agencyTypes ? { agencyTypes } : {}) };
}

export function networkUnitCriteria(filter: NetworkUnitFilter | null | undefined): PartyCriteria {
  const unitTypes = oneOf(filter?.unitTypes, 'filter.unitTypes');
  const networkOf = globalIds(filter?.agencyIds, 'filter.agencyIds', ['Agency']);
  const parentIds = globalIds(filter?.parentIds, 'filter.parentIds', ['Agency', 'NetworkUnit']);
  return {
    ...(filter ? baseCriteria(filter) : {}),
    kinds: ['NETWORK_UNIT'],
    ...(unitTypes ? { unitTypes } : {}),
    ...(networkOf ? { networkOf } : {}),
    ...(parentIds ? { parentIds } : {}),
    ...(filter?.isGovernment != null ? { isGovernment: filter.isGovernment } : {}),
  };
}

const SECTION = /^[A-U]$/;
const KBLI_PREFIX = /^[0-9]{1,5}$/;

export function enterpriseCriteria(filter: EnterpriseFilter | null | undefined): PartyCriteria {
  if (!filter) return { kinds: ['ENTERPRISE'] };
  const sectors = oneOf(filter.sectors, 'filter.sectors')?.map((s) => s.trim().toUpperCase());
  for (const sector of sectors ?? []) {
    if (!SECTION.test(sector))
      throw badInput('filter.sectors', {
        id: `"${sector}" bukan kategori KBLI (A sampai U)`,
        en: `"${sector}" is not a KBLI section (A to U)`,
      });
  }
  const kbliPrefix = filter.kbliPrefix?.trim();
  if (kbliPrefix != null && !KBLI_PREFIX.test(kbliPrefix)) {
    throw badInput('filter.kbliPrefix', {
      id: `"${filter.kbliPrefix}" bukan 1 sampai 5 angka awal kode KBLI`,
      en: `"${filter.kbliPrefix}" is not 1 to 5 digits of a KBLI code`,
    });
  }
  const verifications = oneOf(filter.verifications, 'filter.verifications');
  const memberOf = globalIds(filter.cooperativeIds, 'filter.cooperativeIds', ['Cooperative']);
  const registeredBy = globalIds(filter.registeringAgencyIds, 'filter.registeringAgencyIds', ['Agency']);
  const capital = range(filter.capitalMin, filter.capitalMax, 'filter.capitalMin');
  const annualRevenue = range(filter.annualRevenueMin, filter.annualRevenueMax, 'filter.annualRevenueMin');
  return {
    ...baseCriteria(filter),
    ...sizeCriteria(filter),
    kinds: ['ENTERPRISE'],
    ...(sectors ? { sectors } : {}),
    ...(kbliPrefix ? { kbliPrefix } : {}),
    ...(verifications ? { verifications } : {}),
    ...(memberOf ? { memberOf } : {}),
    ...(registeredBy ? { registeredBy } : {}),
    ...(Object.keys(capital).length ? { capital } : {}),
    ...(Object.keys(annualRevenue).length ? { annualRevenue } : {}),
  };
}

export function cooperativeCriteria(filter: CooperativeFilter | null | undefined): PartyCriteria {
  if (!filter) return { kinds: ['COOPERATIVE'] };
  const coopTypes = oneOf(filter.coopTypes, 'filter.coopTypes');
  const verifications = oneOf(filter.verifications, 'filter.verifications');
  return {
    ...baseCriteria(filter),
    ...sizeCriteria(filter),
    kinds: ['COOPERATIVE'],
    ...(coopTypes ? { coopTypes } : {}),
    ...(verifications ? { verifications } : {}),
  };
}

export function vendorCriteria(filter: VendorFilter | null | undefined): PartyCriteria {
  return { ...(filter ? { ...baseCriteria(filter), ...sizeCriteria(filter) } : {}), kinds: ['VENDOR'] };
}

// ── Orders ──────────────────────────────────────────────────────────────────────────────────────

const PartyOrderFieldEnum = { NAME: 'NAME', REGISTERED_ON: 'REGISTERED_ON', ID: 'ID' } as const;
registerEnumType(PartyOrderFieldEnum, {
  name: 'PartyOrderField',
  description: 'What to sort parties by.',
  valuesConfig: {
    NAME: { description: 'The name (the default).' },
    REGISTERED_ON: { description: 'The registration date; parties without one sort first ascending, last descending.' },
    ID: { description: 'The order in which the parties were recorded.' },
  },
});

const AgencyOrderFieldEnum = { NAME: 'NAME', CODE: 'CODE', ID: 'ID' } as const;
registerEnumType(AgencyOrderFieldEnum, {
  name: 'AgencyOrderField',
  description: 'What to sort agencies by.',
  valuesConfig: {
    NAME: { description: 'The name (the default).' },
    CODE: { description: 'The agency code (the order of the regional budget structure).' },
    ID: { description: 'The order in which the agencies were recorded.' },
  },
});

const EnterpriseOrderFieldEnum = {
  NAME: 'NAME',
  REGISTERED_ON: 'REGISTERED_ON',
  ID: 'ID',
  CAPITAL: 'CAPITAL',
  ANNUAL_REVENUE: 'ANNUAL_REVENUE',
  EMPLOYEES: 'EMPLOYEES',
} as const;
registerEnumType(EnterpriseOrderFieldEnum, {
  name: 'EnterpriseOrderField',
  description: 'What to sort enterprises by. Unknown values sort as the lowest (first ascending, last descending).',
  valuesConfig: {
    NAME: { description: 'The name (the default).' },
    REGISTERED_ON: { description: 'The registration date.' },
    ID: { description: 'The order in which the enterprises were recorded.' },
    CAPITAL: { description: 'Business capital.' },
    ANNUAL_REVENUE: { description: 'Annual sales.' },
    EMPLOYEES: { description: 'Number of workers.' },
  },
});

@InputType('PartyOrder', { description: 'How to sort parties.' })
export class PartyOrder {
  @Field(() => PartyOrderFieldEnum, { description: 'What to sort by.' })
  field!: keyof typeof PartyOrderFieldEnum;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Sort direction (default ASC).' })
  direction!: OrderDirection;
}

@InputType('AgencyOrder', { description: 'How to sort agencies.' })
export class AgencyOrder {
  @Field(() => AgencyOrderFieldEnum, { description: 'What to sort by.' })
  field!: keyof typeof AgencyOrderFieldEnum;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Sort direction (default ASC).' })
  direction!: OrderDirection;
}

@InputType('EnterpriseOrder', { description: 'How to sort enterprises.' })
export class EnterpriseOrder {
  @Field(() => EnterpriseOrderFieldEnum, { description: 'What to sort by.' })
  field!: keyof typeof EnterpriseOrderFieldEnum;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Sort direction (default ASC).' })
  direction!: OrderDirection;
}

/** The ordering of a party list; by name ascending when not given. */
export function partyOrder(order: { field: PartyOrderField; direction: OrderDirection } | null | undefined): Ordering {
  return partyOrdering(order?.field ?? 'NAME', order?.direction === 'DESC');
}
