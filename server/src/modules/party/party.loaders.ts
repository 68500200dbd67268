import DataLoader from 'dataloader';
import { type Context, loader } from '../../context.ts';
import { encodeGlobalId, partyNodeType } from '../../graphql/global-id.ts';
import { isLocalRegion } from '../region/region.types.ts';
import { findAgenciesOfUnits, findCooperativesOfMembers, findPartiesByIds } from './party.queries.ts';
import { Agency, Cooperative, Enterprise, maskNik, NetworkUnit, type Party, Vendor } from './party.types.ts';
import { isWholeRow, type PartyParts, type PartyRow } from './party-select.queries.ts';

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

/** The GraphQL fields toParty answers from a party's lean own columns: id, kind, name and region_code. */
const LEAN_OWN_FIELDS = ['__typename', 'id', 'kind', 'name', 'regionCode', 'isLocal'];

/** The GraphQL fields toParty answers from the party's own columns (`base` above, and sizeClass). */
const OWN_ROW_FIELDS: ReadonlySet<string> = new Set([
  ...LEAN_OWN_FIELDS,
  'status',
  'isGovernment',
  'registeredOn',
  'npwp',
  'sizeClass',
]);

/**
 * The GraphQL fields a lean row answers (PartyParts.own false): from its lean own columns, its
 * region, and profile columns alone (an agency's code and type, a unit's type and members). Every
 * other field needs all of the party's own columns.
 */
const LEAN_ROW_FIELDS: ReadonlySet<string> = new Set([
  ...LEAN_OWN_FIELDS,
  'region',
  'code',
  'shortName',
  'agencyType',
  'unitType',
  'members',
]);

/**
 * What a party's row must join and select to answer the fields asked of it (names from
 * lookahead.ts): the region for `region`, the profiles for any field not answered from the party's
 * own columns (conservative: a field resolver that only needs the id counts too), and every own
 * column for any field a lean row does not answer.
 */
export function partyPartsAsked(names: ReadonlySet<string>): PartyParts {
  return {
    region: names.has('region'),
    profiles: [...names].some((name) => name !== 'region' && !OWN_ROW_FIELDS.has(name)),
    own: [...names].some((name) => !LEAN_ROW_FIELDS.has(name)),
  };
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
