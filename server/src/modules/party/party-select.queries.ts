import {
  type AgencyType,
  type CoopType,
  type Database,
  PARTY_KINDS,
  type PartyKind,
  type PartyStatus,
  type SizeBasis,
  type SizeClass,
  type UnitType,
  type Verification,
} from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ListQuery } from '../../graphql/keyset.queries.ts';

/*
 * The party shape every party query starts from (selectParties): a party with its kind's profile
 * and its region, joined to what the caller needs (PartyParts). The lists, filters and lookups
 * built on it are in party.queries.ts.
 */

/**
 * A party row from selectParties: the party's own columns (only LEAN_COLUMNS' without
 * `PartyParts.own`), the columns of its kind's profile when profiles are joined, and its region's
 * when the region is joined (PartyParts). Columns not selected are absent (undefined), not null:
 * isWholeRow tells a row without some of them.
 */
export interface PartyRow {
  id: number;
  kind: PartyKind;
  name: string;
  region_code: string | null;
  /** The other own columns: absent from a lean row (PartyParts.own false). */
  parent_id?: number | null;
  size_class?: SizeClass | null;
  is_government?: boolean;
  status?: PartyStatus;
  registered_on?: string | null;
  npwp?: string | null;
  agency_code?: string | null;
  short_name?: string | null;
  agency_type?: AgencyType | null;
  unit_type?: UnitType | null;
  unit_members?: number | null;
  nib?: string | null;
  kbli_code?: string | null;
  owner_name?: string | null;
  owner_nik?: string | null;
  registering_agency_id?: number | null;
  owner_gender?: 'F' | 'M' | null;
  founded_year?: number | null;
  employees?: number | null;
  capital?: number | null;
  annual_revenue?: number | null;
  size_basis?: SizeBasis | null;
  enterprise_verification?: Verification | null;
  registration_no?: string | null;
  coop_type?: CoopType | null;
  members_count?: number | null;
  cooperative_verification?: Verification | null;
  /** The party's region (joined, so a page of parties with their regions is one statement); null without one. */
  region_level?: number | null;
  region_name?: string | null;
  region_parent_code?: string | null;
  region_population?: number | null;
  region_area_km2?: number | null;
}

/**
 * What selectParties joins besides the party's own row: the profile of each kind asked for, and
 * the party's region. A statement that needs neither (a purchase's buyer asked only for its name)
 * is planned and run several times faster without them.
 */
export interface PartyParts {
  readonly profiles: boolean;
  readonly region: boolean;
  /**
   * Every own column of the party; without, only LEAN_COLUMNS (id, kind, name, region_code): a page
   * of 300 network units asked for their names and types builds half the JSON.
   */
  readonly own: boolean;
}

export const ALL_PARTS: PartyParts = { profiles: true, region: true, own: true };

/** The own columns a party row always has. */
const LEAN_COLUMNS = ['p.id', 'p.kind', 'p.name', 'p.region_code'] as const;

/** The other own columns, selected with `PartyParts.own`. */
const OTHER_OWN_COLUMNS = [
  'p.parent_id',
  'p.size_class',
  'p.is_government',
  'p.status',
  'p.registered_on',
  'p.npwp',
] as const;

const PROFILE_COLUMNS = {
  AGENCY: { agency_code: 'ap.code', short_name: 'ap.short_name', agency_type: 'ap.agency_type' },
  NETWORK_UNIT: { unit_type: 'np.unit_type', unit_members: 'np.members' },
  ENTERPRISE: {
    nib: 'ep.nib',
    kbli_code: 'ep.kbli_code',
    owner_name: 'ep.owner_name',
    owner_nik: 'ep.owner_nik',
    registering_agency_id: 'ep.registering_agency_id',
    owner_gender: 'ep.owner_gender',
    founded_year: 'ep.founded_year',
    employees: 'ep.employees',
    capital: 'ep.capital',
    annual_revenue: 'ep.annual_revenue',
    size_basis: 'ep.size_basis',
    enterprise_verification: 'ep.verification',
  },
  COOPERATIVE: {
    registration_no: 'cp.registration_no',
    coop_type: 'cp.coop_type',
    members_count: 'cp.members_count',
    cooperative_verification: 'cp.verification',
  },
  VENDOR: {},
} as const;

const PROFILE_TABLES = {
  AGENCY: ['agency_profile', 'ap'],
  NETWORK_UNIT: ['network_unit_profile', 'np'],
  ENTERPRISE: ['enterprise_profile', 'ep'],
  COOPERATIVE: ['cooperative_profile', 'cp'],
} as const;

/**
 * Parties (alias `p`) with their profiles, for the given kinds (all when omitted): only the
 * profiles of those kinds are joined and selected (with `parts.profiles`), and their region (alias
 * `rg`, reference data) with `parts.region`. Tenant-scoped.
 */
export function selectParties(
  db: Kysely<Database>,
  tenantId: string,
  kinds: readonly PartyKind[] = PARTY_KINDS,
  parts: PartyParts = ALL_PARTS,
): ListQuery {
  // Made once per database handle and shape: the query is immutable (what callers add to it makes
  // a new one), and lists start from it on every request and embedded row.
  let made = madeParties.get(db);
  if (!made) {
    made = new Map();
    madeParties.set(db, made);
  }
  const key = `${tenantId}|${kinds.join(',')}|${parts.profiles}|${parts.region}|${parts.own}`;
  let query = made.get(key);
  if (!query) {
    query = buildParties(db, tenantId, kinds, parts);
    made.set(key, query);
  }
  return query;
}

const madeParties = new WeakMap<Kysely<Database>, Map<string, ListQuery>>();

function buildParties(
  db: Kysely<Database>,
  tenantId: string,
  kinds: readonly PartyKind[],
  parts: PartyParts,
): ListQuery {
  let q: ListQuery = db.selectFrom('party as p').where('p.tenant_id', '=', tenantId);
  const selections: Array<ReturnType<RawBuilder<unknown>['as']>> = [];
  for (const kind of PARTY_KINDS) {
    if (kind === 'VENDOR' || !parts.profiles || !kinds.includes(kind)) continue;
    const [table, alias] = PROFILE_TABLES[kind];
    q = q.leftJoin(`${table} as ${alias}`, (join) =>
      join.onRef(`${alias}.tenant_id`, '=', 'p.tenant_id').onRef(`${alias}.party_id`, '=', 'p.id'),
    );
    for (const [as, column] of Object.entries(PROFILE_COLUMNS[kind])) selections.push(sql.ref(column).as(as));
  }
  if (kinds.length < PARTY_KINDS.length) {
    // The kinds written into the statement, not bound: a named statement's generic plan then knows
    // which kind it reads (how many network units, not a party of any kind), and is chosen where it
    // is as good as the custom plans (prepared-statements.ts). They are the enum's own values.
    if (!kinds.every((kind) => PARTY_KINDS.includes(kind)))
      throw new Error(`Unknown party kind in ${kinds.join(', ')}`);
    q = q.where(
      'p.kind',
      'in',
      kinds.map((kind) => sql.lit(kind)),
    );
  }
  if (parts.region) {
    q = q
      .leftJoin('region as rg', 'rg.code', 'p.region_code')
      .select([
        'rg.level as region_level',
        'rg.name as region_name',
        'rg.parent_code as region_parent_code',
        'rg.population as region_population',
        'rg.area_km2 as region_area_km2',
      ]);
  }
  return q.select(parts.own ? [...LEAN_COLUMNS, ...OTHER_OWN_COLUMNS] : LEAN_COLUMNS).select(selections as never);
}

/**
 * Whether a row has all of its own columns and its profile's (see PartyParts). One without its
 * region's still answers every field: `region` then looks the region up by code.
 */
export function isWholeRow(row: PartyRow): boolean {
  const [first] = Object.keys(PROFILE_COLUMNS[row.kind]) as Array<keyof PartyRow>;
  return row.status !== undefined && (first === undefined || row[first] !== undefined);
}
