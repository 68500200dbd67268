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
 * A party row from selectParties: the party's lean columns, its other own columns and its kind's
 * profile's as PartyParts.columns chooses (a profile's only when profiles are joined), and its
 * region's when the region is joined (PartyParts). Columns not selected are absent (undefined), not null:
 * isWholeRow tells a row without some of them.
 */
export interface PartyRow {
  id: number;
  kind: PartyKind;
  name: string;
  region_code: string | null;
  /** The other own columns: absent unless chosen (PartyParts.columns). */
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
 * What selectParties joins and selects besides the party's lean columns (id, kind, name,
 * region_code): the profile of each kind asked for, the party's region, and which of the other
 * columns. A statement that needs few of them (a purchase's buyer asked only for its name, a page of
 * enterprises asked for their NIB and status) is planned, run and read faster without the rest.
 */
export interface PartyParts {
  readonly profiles: boolean;
  readonly region: boolean;
  /**
   * The party's other columns and its profile's to select (PartyColumn), or 'all'; a profile's
   * columns only where its profile is joined. A row without some of them answers only the
   * fields they were chosen for (party.loaders.ts, partyPartsAsked).
   */
  readonly columns: 'all' | readonly PartyColumn[];
}

export const ALL_PARTS: PartyParts = { profiles: true, region: true, columns: 'all' };

/** The own columns a party row always has. */
const LEAN_COLUMNS = ['p.id', 'p.kind', 'p.name', 'p.region_code'] as const;

/** The party's other own columns (PartyRow key → column), selected as PartyParts.columns says. */
const OTHER_OWN_COLUMNS = {
  parent_id: 'p.parent_id',
  size_class: 'p.size_class',
  is_government: 'p.is_government',
  status: 'p.status',
  registered_on: 'p.registered_on',
  npwp: 'p.npwp',
} as const;

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

/** A party row's columns that PartyParts.columns chooses: its other own columns and its profile's. */
export type PartyColumn =
  | keyof typeof OTHER_OWN_COLUMNS
  | { [K in keyof typeof PROFILE_COLUMNS]: keyof (typeof PROFILE_COLUMNS)[K] }[keyof typeof PROFILE_COLUMNS];

/** Whether `columns` choose any profile's column: the profiles must then be joined. */
export function choosesProfileColumns(columns: PartyParts['columns']): boolean {
  return columns === 'all' || columns.some((column) => !(column in OTHER_OWN_COLUMNS));
}

/** The columns a whole row of each kind has (isWholeRow): every own column and its profile's. */
const WHOLE_ROW_COLUMNS = new Map<PartyKind, readonly string[]>(
  PARTY_KINDS.map((kind) => [kind, [...Object.keys(OTHER_OWN_COLUMNS), ...Object.keys(PROFILE_COLUMNS[kind])]]),
);

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
  // a new one), and lists start from it on every request and embedded row. The shapes follow the
  // fields a client asks (PartyParts.columns), so at most MADE_SHAPES are kept: beyond them a shape
  // is built for its request and not kept, and no client can grow this map by varying its fields.
  let made = madeParties.get(db);
  if (!made) {
    made = new Map();
    madeParties.set(db, made);
  }
  const columns = parts.columns === 'all' ? '*' : parts.columns.join(',');
  const key = `${tenantId}|${kinds.join(',')}|${parts.profiles}|${parts.region}|${columns}`;
  let query = made.get(key);
  if (!query) {
    query = buildParties(db, tenantId, kinds, parts);
    if (made.size < MADE_SHAPES) made.set(key, query);
  }
  return query;
}

/** At most this many party query shapes are kept per database handle (selectParties). */
const MADE_SHAPES = 256;

const madeParties = new WeakMap<Kysely<Database>, Map<string, ListQuery>>();

/** How many party query shapes are kept for `db` (selectParties): for the test of their bound. */
export function keptPartyShapes(db: Kysely<Database>): number {
  return madeParties.get(db)?.size ?? 0;
}

function buildParties(
  db: Kysely<Database>,
  tenantId: string,
  kinds: readonly PartyKind[],
  parts: PartyParts,
): ListQuery {
  let q: ListQuery = db.selectFrom('party as p').where('p.tenant_id', '=', tenantId);
  const chosen = (column: string) => parts.columns === 'all' || (parts.columns as readonly string[]).includes(column);
  const selections: Array<ReturnType<RawBuilder<unknown>['as']>> = [];
  for (const [as, column] of Object.entries(OTHER_OWN_COLUMNS)) if (chosen(as)) selections.push(sql.ref(column).as(as));
  for (const kind of PARTY_KINDS) {
    if (kind === 'VENDOR' || !parts.profiles || !kinds.includes(kind)) continue;
    const [table, alias] = PROFILE_TABLES[kind];
    q = q.leftJoin(`${table} as ${alias}`, (join) =>
      join.onRef(`${alias}.tenant_id`, '=', 'p.tenant_id').onRef(`${alias}.party_id`, '=', 'p.id'),
    );
    for (const [as, column] of Object.entries(PROFILE_COLUMNS[kind])) {
      if (chosen(as)) selections.push(sql.ref(column).as(as));
    }
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
  return q.select(LEAN_COLUMNS).select(selections as never);
}

/**
 * Whether a row has all of its own columns and its profile's (see PartyParts): only such a row may
 * answer every field of its party, and prime the request's loader. One without its region's still
 * does: `region` then looks the region up by code.
 */
export function isWholeRow(row: PartyRow): boolean {
  return (WHOLE_ROW_COLUMNS.get(row.kind) ?? []).every((column) => column in row);
}
