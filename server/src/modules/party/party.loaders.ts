import DataLoader from 'dataloader';
import { type Context, loader } from '../../context.ts';
import { encodeGlobalId, partyNodeType } from '../../graphql/global-id.ts';
import { isLocalRegion } from '../region/region.types.ts';
import { findAgenciesOfUnits, findCooperativesOfMembers, findPartiesByIds, type PartyRow } from './party.queries.ts';
import { Agency, Cooperative, Enterprise, maskNik, NetworkUnit, type Party, Vendor } from './party.types.ts';

/**
 * Maps a party row (from any query built on selectParties) to its GraphQL type: Agency,
 * NetworkUnit, Enterprise, Cooperative or Vendor. `tenantId` decides `isLocal`.
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
      row.region_code !== null && row.region_level !== null && row.region_name !== null
        ? {
            code: row.region_code,
            level: row.region_level,
            name: row.region_name,
            parent_code: row.region_parent_code,
            population: row.region_population,
            area_km2: row.region_area_km2,
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
        shortName: row.short_name,
        agencyType: row.agency_type ?? 'OTHER',
      });
    case 'NETWORK_UNIT':
      return Object.assign(new NetworkUnit(), base, { unitType: row.unit_type ?? 'OTHER', members: row.unit_members });
    case 'ENTERPRISE':
      return Object.assign(new Enterprise(), base, {
        nib: row.nib,
        kbliCode: row.kbli_code,
        sizeClass: row.size_class,
        sizeBasis: row.size_basis,
        verification: row.enterprise_verification ?? 'DRAFT',
        ownerGender: row.owner_gender,
        foundedYear: row.founded_year,
        employees: row.employees,
        capital: row.capital,
        annualRevenue: row.annual_revenue,
        ownerNameValue: row.owner_name,
        ownerNikValue: row.owner_nik,
        registeringAgencyId: row.registering_agency_id,
      });
    case 'COOPERATIVE':
      return Object.assign(new Cooperative(), base, {
        registrationNo: row.registration_no,
        coopType: row.coop_type ?? 'OTHER',
        membersCount: row.members_count,
        verification: row.cooperative_verification ?? 'DRAFT',
        sizeClass: row.size_class,
      });
    case 'VENDOR':
      return Object.assign(new Vendor(), base, { sizeClass: row.size_class });
  }
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

/** Maps party rows and primes the request's party loader with them. */
export function toPartyPrimed(ctx: Context, row: PartyRow): Party {
  const party = toParty(row, ctx.tenantId);
  partyById(ctx).prime(row.id, party);
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
