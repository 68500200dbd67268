import type {
  AgencyType,
  CoopType,
  Database,
  PartyKind,
  PartyStatus,
  SizeClass,
  UnitType,
  Verification,
} from '@jejaring/db';
import { npwpSearchForm } from '@jejaring/db/rules';
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { containsPattern } from '../../graphql/filters.ts';
import { type ListQuery, type Ordering, orderings } from '../../graphql/keyset.queries.ts';
import { withinRegion } from '../region/region.queries.ts';
import { ALL_PARTS, type PartyParts, type PartyRow, selectParties } from './party-select.queries.ts';

/** Parties by id, with their profiles, in one statement. */
export async function findPartiesByIds(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly number[],
): Promise<PartyRow[]> {
  return (await selectParties(db, tenantId)
    .where(sql<SqlBool>`p.id = any(${[...ids]}::bigint[])`)
    .execute()) as PartyRow[];
}

/** A set of parties given by ids or by an expression standing for one id (a parent in a LATERAL page). */
export type IdSet = readonly number[] | Expression<number>;

function inSet(column: RawBuilder<unknown>, ids: IdSet): RawBuilder<SqlBool> {
  return Array.isArray(ids) ? sql<SqlBool>`${column} = any(${[...ids]}::bigint[])` : sql<SqlBool>`${column} = ${ids}`;
}

/** The ids of every network unit under the given agencies (or units), at any depth. */
function networkOf(tenantId: string, roots: IdSet): RawBuilder<unknown> {
  return sql`(
    WITH RECURSIVE tree(id) AS (
      SELECT c.id FROM party c WHERE c.tenant_id = ${tenantId} AND ${inSet(sql.ref('c.parent_id'), roots)}
      UNION
      SELECT c.id FROM party c JOIN tree ON c.parent_id = tree.id WHERE c.tenant_id = ${tenantId}
    )
    SELECT id FROM tree)`;
}

/** The ids of every network unit under the given parties (agencies or units), at any depth. */
export async function findNetworkUnitIds(
  db: Kysely<Database>,
  tenantId: string,
  rootIds: readonly number[],
): Promise<number[]> {
  const result = await sql<{
    id: number;
  }>`SELECT id FROM ${networkOf(tenantId, rootIds)} AS network(id) ORDER BY id`.execute(db);
  return result.rows.map((row) => row.id);
}

/** Conditions on parties; every condition given must hold. */
export interface PartyCriteria {
  readonly kinds?: readonly PartyKind[];
  /** Case-insensitive part of the name (also an agency's short name or code, an enterprise's NIB). */
  readonly search?: string;
  /** Located in this region or inside it. */
  readonly regionCode?: string;
  /** True: located inside the tenant's regency; false: outside it or unknown. */
  readonly local?: boolean;
  readonly statuses?: readonly PartyStatus[];
  readonly sizeClasses?: readonly SizeClass[];
  /** With sizeClasses: also those of unknown size; alone: true only unknown, false only known. */
  readonly sizeClassUnknown?: boolean;
  readonly registered?: { min?: string; max?: string };
  readonly isGovernment?: boolean;
  readonly ids?: IdSet;
  readonly agencyTypes?: readonly AgencyType[];
  readonly unitTypes?: readonly UnitType[];
  /** Network units under these agencies (or units), at any depth. */
  readonly networkOf?: IdSet;
  /** Direct children of these parties. */
  readonly parentIds?: IdSet;
  /** KBLI sections (A…U) of an enterprise's main line of business. */
  readonly sectors?: readonly string[];
  readonly kbliPrefix?: string;
  readonly verifications?: readonly Verification[];
  readonly coopTypes?: readonly CoopType[];
  /** Enterprises that are members of these cooperatives. */
  readonly memberOf?: IdSet;
  /** Enterprises registered by these agencies (enterprise_profile.registering_agency_id). */
  readonly registeredBy?: readonly number[];
  readonly capital?: { min?: number; max?: number };
  readonly annualRevenue?: { min?: number; max?: number };
}

/** Adds the criteria's conditions to a selectParties() query made for the same kinds (it filters by kind). */
export function whereParties(query: ListQuery, tenantId: string, criteria: PartyCriteria): ListQuery {
  let q = query;
  const c = criteria;
  const joined = (kind: PartyKind) => !c.kinds || c.kinds.includes(kind);
  if (c.search) {
    const pattern = containsPattern(c.search);
    const alternatives = [sql<SqlBool>`p.name ILIKE ${pattern}`];
    if (joined('AGENCY'))
      alternatives.push(sql<SqlBool>`ap.short_name ILIKE ${pattern}`, sql<SqlBool>`ap.code = ${c.search}`);
    if (joined('ENTERPRISE')) alternatives.push(sql<SqlBool>`ep.nib = ${c.search}`);
    if (joined('COOPERATIVE')) alternatives.push(sql<SqlBool>`cp.registration_no = ${c.search}`);
    const npwp = npwpSearchForm(c.search);
    // Only company-form NPWPs (0 + 15 digits): one that is a NIK must not reveal whose business it is.
    if (npwp?.startsWith('0')) alternatives.push(sql<SqlBool>`p.npwp = ${npwp}`);
    q = q.where(sql<SqlBool>`(${sql.join(alternatives, sql` OR `)})`);
  }
  if (c.regionCode) q = q.where(withinRegion(sql.ref('p.region_code'), c.regionCode));
  if (c.local !== undefined) {
    const local = withinRegion(sql.ref('p.region_code'), tenantId);
    q = q.where(c.local ? local : sql<SqlBool>`(p.region_code IS NULL OR NOT ${local})`);
  }
  if (c.statuses) q = q.where('p.status', 'in', c.statuses);
  if (c.sizeClasses || c.sizeClassUnknown !== undefined) {
    if (c.sizeClasses && c.sizeClassUnknown) {
      q = q.where((eb) =>
        eb.or([eb('p.size_class', 'in', c.sizeClasses as SizeClass[]), eb('p.size_class', 'is', null)]),
      );
    } else if (c.sizeClasses) {
      q = q.where('p.size_class', 'in', c.sizeClasses);
    } else {
      q = q.where('p.size_class', c.sizeClassUnknown ? 'is' : 'is not', null);
    }
  }
  if (c.registered?.min) q = q.where('p.registered_on', '>=', c.registered.min);
  if (c.registered?.max) q = q.where('p.registered_on', '<=', c.registered.max);
  if (c.isGovernment !== undefined) q = q.where('p.is_government', '=', c.isGovernment);
  if (c.ids) q = q.where(inSet(sql.ref('p.id'), c.ids));
  if (c.agencyTypes) q = q.where('ap.agency_type', 'in', c.agencyTypes);
  if (c.unitTypes) q = q.where('np.unit_type', 'in', c.unitTypes);
  if (c.networkOf) q = q.where(sql<SqlBool>`p.id IN ${networkOf(tenantId, c.networkOf)}`);
  if (c.parentIds) q = q.where(inSet(sql.ref('p.parent_id'), c.parentIds));
  if (c.sectors) {
    q = q.where(
      sql<SqlBool>`substr(ep.kbli_code, 1, 2) IN (SELECT d.division FROM kbli_division d WHERE d.section = any(${[...c.sectors]}::text[]))`,
    );
  }
  if (c.kbliPrefix) q = q.where('ep.kbli_code', 'like', `${c.kbliPrefix}%`);
  if (c.verifications) {
    // Only enterprises and cooperatives have a verification state; use the profiles joined.
    const columns = [
      ...(joined('ENTERPRISE') ? [sql.ref('ep.verification')] : []),
      ...(joined('COOPERATIVE') ? [sql.ref('cp.verification')] : []),
    ];
    // A bare column when there is one: coalesce() would hide its statistics from the planner.
    const column = columns.length > 1 ? sql`coalesce(${sql.join(columns)})` : (columns[0] ?? sql`NULL::text`);
    q = q.where(sql<SqlBool>`${column} = any(${[...c.verifications]}::text[])`);
  }
  if (c.coopTypes) q = q.where('cp.coop_type', 'in', c.coopTypes);
  if (c.memberOf) {
    q = q.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM cooperative_membership m WHERE m.tenant_id = p.tenant_id AND m.member_id = p.id AND ${inSet(sql.ref('m.cooperative_id'), c.memberOf)})`,
    );
  }
  if (c.registeredBy) q = q.where(inSet(sql.ref('ep.registering_agency_id'), c.registeredBy));
  if (c.capital?.min !== undefined) q = q.where('ep.capital', '>=', c.capital.min);
  if (c.capital?.max !== undefined) q = q.where('ep.capital', '<=', c.capital.max);
  if (c.annualRevenue?.min !== undefined) q = q.where('ep.annual_revenue', '>=', c.annualRevenue.min);
  if (c.annualRevenue?.max !== undefined) q = q.where('ep.annual_revenue', '<=', c.annualRevenue.max);
  return q;
}

/**
 * The filtered base query of a party list; without `parts.region`, the parties' regions are not
 * joined, and only `parts.columns` are selected beside their lean columns (the profiles are always
 * joined: filters and sort keys read them).
 */
export function partyListQuery(
  db: Kysely<Database>,
  tenantId: string,
  criteria: PartyCriteria,
  parts: Omit<PartyParts, 'profiles'> = ALL_PARTS,
): ListQuery {
  return whereParties(
    selectParties(db, tenantId, criteria.kinds, { profiles: true, region: parts.region, columns: parts.columns }),
    tenantId,
    criteria,
  );
}

/** The cooperatives each of many enterprises belongs to, in one statement. */
export async function findCooperativesOfMembers(
  db: Kysely<Database>,
  tenantId: string,
  memberIds: readonly number[],
): Promise<Array<PartyRow & { member_id: number }>> {
  return (await selectParties(db, tenantId, ['COOPERATIVE'])
    .innerJoin('cooperative_membership as m', (join) =>
      join.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.cooperative_id', '=', 'p.id'),
    )
    .select('m.member_id')
    .where(sql<SqlBool>`m.member_id = any(${[...memberIds]}::bigint[])`)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute()) as Array<PartyRow & { member_id: number }>;
}

/** For each network unit, the agency at the top of its chain of parents (one statement). */
export async function findAgenciesOfUnits(
  db: Kysely<Database>,
  tenantId: string,
  unitIds: readonly number[],
): Promise<Map<number, number>> {
  const result = await sql<{ start_id: number; agency_id: number }>`
    WITH RECURSIVE up(start_id, id, parent_id, kind, depth) AS (
      SELECT p.id, p.id, p.parent_id, p.kind, 0 FROM party p
      WHERE p.tenant_id = ${tenantId} AND p.id = any(${[...unitIds]}::bigint[])
      UNION ALL
      SELECT up.start_id, q.id, q.parent_id, q.kind, up.depth + 1
      FROM up JOIN party q ON q.tenant_id = ${tenantId} AND q.id = up.parent_id
      WHERE up.kind <> 'AGENCY' AND up.depth < 32
    )
    SELECT start_id, id AS agency_id FROM up WHERE kind = 'AGENCY' AND depth > 0`.execute(db);
  return new Map(result.rows.map((row) => [row.start_id, row.agency_id]));
}

/** The sort keys of party lists. Nullable columns sort as the lowest value (first ascending, last descending). */
export type PartyOrderField = 'NAME' | 'REGISTERED_ON' | 'ID' | 'CODE' | 'CAPITAL' | 'ANNUAL_REVENUE' | 'EMPLOYEES';

export const partyOrdering = orderings((field: PartyOrderField, descending: boolean): Ordering => {
  const name = `${field}_${descending ? 'DESC' : 'ASC'}`;
  const id = sql.ref('p.id');
  switch (field) {
    case 'NAME':
      return { name, key: sql.ref('p.name'), keyType: 'text', id, descending };
    case 'REGISTERED_ON':
      return { name, key: sql`coalesce(p.registered_on, '0001-01-01'::date)`, keyType: 'date', id, descending };
    case 'ID':
      return { name, key: id, keyType: 'bigint', id, descending };
    case 'CODE':
      return { name, key: sql.ref('ap.code'), keyType: 'text', id, descending };
    case 'CAPITAL':
      return { name, key: sql`coalesce(ep.capital, -1)`, keyType: 'bigint', id, descending };
    case 'ANNUAL_REVENUE':
      return { name, key: sql`coalesce(ep.annual_revenue, -1)`, keyType: 'bigint', id, descending };
    case 'EMPLOYEES':
      return { name, key: sql`coalesce(ep.employees, -1)`, keyType: 'bigint', id, descending };
  }
});

/** A party's kind, or null when the tenant has no such party. */
export async function findPartyKind(db: Kysely<Database>, tenantId: string, id: number): Promise<PartyKind | null> {
  const row = await db
    .selectFrom('party')
    .select('kind')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.kind ?? null;
}
