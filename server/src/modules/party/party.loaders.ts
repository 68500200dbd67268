import DataLoader from 'dataloader';
import { type Context, loader } from '../../context.ts';
import { encodeGlobalId, partyNodeType } from '../../graphql/global-id.ts';
import { columnsOfFields } from '../../graphql/lookahead.ts';
import { isLocalRegion } from '../region/region.types.ts';
import { findAgenciesOfUnits, findCooperativesOfMembers, findPartiesByIds } from './party.queries.ts';
import { Agency, Cooperative, Enterprise, maskNik, NetworkUnit, type Party, Vendor } from './party.types.ts';
import {
  choosesProfileColumns,
  isWholeRow,
  type PartyColumn,
  type PartyParts,
  type PartyRow,
} from './party-select.queries.ts';

/**
 * Maps a party row (from any query built on selectParties) to its GraphQL type: Agency,
 * NetworkUnit, Enterprise, Cooperative or Vendor. `tenantId` decides `isLocal`. Without its region's
 * columns (PartyParts), the party's region is looked up when asked; without its profile's, or
 * without its own columns beyond the lean ones, those fields are null or undefined: that party is
 * fit only for the selection it was fetched for.
 */
export function toParty(row: PartyRow, tenantId: string): Party {
  const base = {
    id: encodeGlobalId(partyNodeType(row.kind), row.id),
    rowId: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    regionCode: row.region_code,
    regionRow:
      row.region_code !== null && row.region_level != null && row.region_name != null
        ? {
            code: row.region_code,
            level: row.region_level,
            name: row.region_name,
            parent_code: row.region_parent_code ?? null,
            population: row.region_population ?? null,
            area_km2: row.region_area_km2 ?? null,
          }
        : null,
    isLocal: isLocalRegion(row.region_code, tenantId),
    status: row.status,
    isGovernment: row.is_government,
    registeredOn: row.registered_on,
    // A 16-digit NPWP not starting with 0 is the owner's NIK: personal data, always masked here.
    npwp: row.npwp && !row.npwp.startsWith('0') ? maskNik(row.npwp) : row.npwp,
  };
  switch (row.kind) {
    case 'AGENCY':
      return Object.assign(new Agency(), base, {
        code: row.agency_code ?? '',
        shortName: row.short_name ?? null,
        agencyType: row.agency_type ?? 'OTHER',
      });
    case 'NETWORK_UNIT':
      return Object.assign(new NetworkUnit(), base, {
        unitType: row.unit_type ?? 'OTHER',
        members: row.unit_members ?? null,
      });
    case 'ENTERPRISE':
      return Object.assign(new Enterprise(), base, {
        nib: row.nib ?? null,
        kbliCode: row.kbli_code ?? null,
        sizeClass: row.size_class,
        sizeBasis: row.size_basis ?? null,
        verification: row.enterprise_verification ?? 'DRAFT',
        ownerGender: row.owner_gender ?? null,
        foundedYear: row.founded_year ?? null,
        employees: row.employees ?? null,
        capital: row.capital ?? null,
        annualRevenue: row.annual_revenue ?? null,
        ownerNameValue: row.owner_name ?? null,
        ownerNikValue: row.owner_nik ?? null,
        registeringAgencyId: row.registering_agency_id ?? null,
      });
    case 'COOPERATIVE':
      return Object.assign(new Cooperative(), base, {
        registrationNo: row.registration_no ?? null,
        coopType: row.coop_type ?? 'OTHER',
        membersCount: row.members_count ?? null,
        verification: row.cooperative_verification ?? 'DRAFT',
        sizeClass: row.size_class,
      });
    case 'VENDOR':
      return Object.assign(new Vendor(), base, { sizeClass: row.size_class });
  }
}

/**
 * The columns each GraphQL field of a party is answered from, beyond the lean ones (id, kind,
 * name, region_code): toParty's for the fields it fills, the field resolvers' for those listed
 * (`sector` reads the KBLI code; `region` and `products` need only the row's lean columns). A name
 * shared by several kinds (`verification`) lists each kind's column. A field not listed here needs
 * the whole row (the owner's name and NIK, whose resolvers decide who may see them, among others).
 */
const FIELD_COLUMNS: Readonly<Record<string, readonly PartyColumn[]>> = {
  __typename: [],
  id: [],
  kind: [],
  name: [],
  regionCode: [],
  isLocal: [],
  region: [],
  products: [],
  status: ['status'],
  isGovernment: ['is_government'],
  registeredOn: ['registered_on'],
  npwp: ['npwp'],
  sizeClass: ['size_class'],
  code: ['agency_code'],
  shortName: ['short_name'],
  agencyType: ['agency_type'],
  unitType: ['unit_type'],
  members: ['unit_members'],
  nib: ['nib'],
  kbliCode: ['kbli_code'],
  sector: ['kbli_code'],
  sizeBasis: ['size_basis'],
  verification: ['enterprise_verification', 'cooperative_verification'],
  ownerGender: ['owner_gender'],
  foundedYear: ['founded_year'],
  employees: ['employees'],
  capital: ['capital'],
  annualRevenue: ['annual_revenue'],
  registrationNo: ['registration_no'],
  coopType: ['coop_type'],
  membersCount: ['members_count'],
};

/**
 * What a party's row must join and select to answer the fields asked of it (names from
 * lookahead.ts): the region for `region`, and the columns FIELD_COLUMNS lists for the fields asked
 * (every column when any field asked is not listed), the profiles joined when one of their columns
 * is among them.
 */
export function partyPartsAsked(names: ReadonlySet<string>): PartyParts {
  const chosen = columnsOfFields(FIELD_COLUMNS, names);
  const columns: PartyParts['columns'] = chosen === 'all' ? 'all' : [...chosen].sort();
  return { region: names.has('region'), profiles: choosesProfileColumns(columns), columns };
}

/**
 * The request's party loader: `partyById(ctx).load(id)` resolves the Party (typed by its kind:
 * Agency, Enterprise…) with database id `id`, or null; all ids asked for in the same tick are
 * fetched in one statement. Lists prime it, so a party listed once is not fetched again.
 *
 * @example
 * const agency = await partyById(ctx).load(program.agencyId); // an Agency
 */
export function partyById(ctx: Context): DataLoader<number, Party | null> {
  return loader(
    ctx,
    'party.byId',
    () =>
      new DataLoader<number, Party | null>(async (ids) => {
        const rows = await findPartiesByIds(ctx.db, ctx.tenantId, ids);
        const byId = new Map(rows.map((row) => [row.id, toParty(row, ctx.tenantId)]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/**
 * Maps party rows and primes the request's party loader with them; not with rows fetched without
 * some of their columns, so a party fetched for one selection (a buyer's name) never answers another.
 */
export function toPartyPrimed(ctx: Context, row: PartyRow): Party {
  const party = toParty(row, ctx.tenantId);
  if (isWholeRow(row)) partyById(ctx).prime(row.id, party);
  return party;
}

/** The request's loader of the agency at the top of a network unit's chain of parents. */
export function agencyOfUnit(ctx: Context): DataLoader<number, Agency | null> {
  return loader(
    ctx,
    'party.agencyOfUnit',
    () =>
      new DataLoader<number, Agency | null>(async (unitIds) => {
        const agencyIds = await findAgenciesOfUnits(ctx.db, ctx.tenantId, unitIds);
        const parties = partyById(ctx);
        return Promise.all(
          unitIds.map(async (id) => {
            const agencyId = agencyIds.get(id);
            const agency = agencyId === undefined ? null : await parties.load(agencyId);
            return agency instanceof Agency ? agency : null;
          }),
        );
      }),
  );
}

/** The request's loader of the cooperatives an enterprise belongs to (by name), one statement per batch. */
export function cooperativesOfMember(ctx: Context): DataLoader<number, Cooperative[]> {
  return loader(
    ctx,
    'party.cooperativesOfMember',
    () =>
      new DataLoader<number, Cooperative[]>(async (memberIds) => {
        const rows = await findCooperativesOfMembers(ctx.db, ctx.tenantId, memberIds);
        const byMember = new Map<number, Cooperative[]>();
        for (const row of rows) {
          const list = byMember.get(row.member_id) ?? [];
          list.push(toPartyPrimed(ctx, row) as Cooperative);
          byMember.set(row.member_id, list);
        }
        return memberIds.map((id) => byMember.get(id) ?? []);
      }),
  );
}
