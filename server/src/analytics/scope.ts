import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { badInput } from '../errors.ts';
import { decodeGlobalId } from '../graphql/global-id.ts';
import { firstDayOfYear, lastDayOfYear, yearOf } from './dates.ts';
import type { SpendFilter } from './spend-filter.input.ts';

/*
 * The one place that turns a SpendFilter into "scoped transactions" (METRICS.md, "Sets and
 * terms"). Every spending measure selects from the `facts` relation built here, so they all agree
 * on which purchases count and how a seller is classified.
 */

/** Fiscal years the schema accepts (program, policy_target constraints). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const MAX_AGENCY_IDS = 1000;

/** A validated SpendFilter: dates resolved to one inclusive range, ids decoded. */
export interface SpendScope {
  readonly tenantId: string;
  /** First day covered (inclusive); null when open. */
  readonly from: string | null;
  /** Last day covered (inclusive); null when open. */
  readonly to: string | null;
  /** The single fiscal year the range lies in (targets apply); null when open or spanning years. */
  readonly fiscalYear: number | null;
  /** Buying agencies; null means every agency of the tenant. */
  readonly agencyIds: readonly number[] | null;
  readonly categories: readonly string[] | null;
  readonly accountPrefix: string | null;
  readonly includeNetwork: boolean;
}

/** Which buyers a query covers: the scoped agencies themselves, their network units, or both. */
export interface BuyerSelection {
  readonly agencyIds: readonly number[] | null;
  /** 'exclude': agencies only; 'include': agencies and their networks; 'only': the networks only. */
  readonly network: 'exclude' | 'include' | 'only';
  /** Drop buyers that are not government bodies (the domino injection counts only those). */
  readonly governmentOnly?: boolean;
}

export function validateYear(year: number, field: string): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw badInput(field, `${field} must be a year from ${MIN_YEAR} to ${MAX_YEAR}, got ${year}`);
  }
  return year;
}

const ACCOUNT_PREFIX = /^[0-9]+(\.[0-9]+)*\.?$/;

/** Decodes a list of agency global ids, de-duplicated, naming `field` in errors. */
export function decodeAgencyIds(ids: readonly string[], field: string): number[] {
  if (ids.length === 0) throw badInput(field, `${field} is empty: omit it to cover every agency`);
  if (ids.length > MAX_AGENCY_IDS) throw badInput(field, `${field} may list at most ${MAX_AGENCY_IDS} agencies`);
  return [...new Set(ids.map((id) => decodeGlobalId(id, field, ['Agency']).id))];
}

/**
 * Validates a filter without touching the database. Choices where METRICS.md leaves one open
 * (docs/metrics.md): fiscalYear together with from/to means their intersection, and an empty
 * intersection is an error; an empty agencyIds or categories list is an error (omit it instead).
 */
export function parseSpendFilter(tenantId: string, filter: SpendFilter | null | undefined): SpendScope {
  const f = filter ?? {};
  let from = f.from ?? null;
  let to = f.to ?? null;
  if (from && to && from > to) throw badInput('from', `from (${from}) is after to (${to})`);
  let fiscalYear: number | null = null;
  if (f.fiscalYear !== undefined && f.fiscalYear !== null) {
    const year = validateYear(f.fiscalYear, 'fiscalYear');
    const yearFrom = firstDayOfYear(year);
    const yearTo = lastDayOfYear(year);
    if (from && from > yearTo) throw badInput('from', `from (${from}) lies after fiscal year ${year}`);
    if (to && to < yearFrom) throw badInput('to', `to (${to}) lies before fiscal year ${year}`);
    from = from && from > yearFrom ? from : yearFrom;
    to = to && to < yearTo ? to : yearTo;
    fiscalYear = year;
  } else if (from && to && yearOf(from) === yearOf(to)) {
    fiscalYear = yearOf(from);
  }
  const agencyIds = f.agencyIds ? decodeAgencyIds(f.agencyIds, 'agencyIds') : null;
  let categories: string[] | null = null;
  if (f.categories) {
    if (f.categories.length === 0) throw badInput('categories', 'categories is empty: omit it to cover every category');
    categories = [...new Set(f.categories)];
  }
  let accountPrefix: string | null = null;
  if (f.accountPrefix !== undefined && f.accountPrefix !== null) {
    const prefix = f.accountPrefix.trim();
    if (prefix.length === 0 || prefix.length > 64 || !ACCOUNT_PREFIX.test(prefix)) {
      throw badInput('accountPrefix', `accountPrefix must look like "5.1.02" (digits and dots), got "${f.accountPrefix}"`);
    }
    accountPrefix = prefix;
  }
  return {
    tenantId,
    from,
    to,
    fiscalYear,
    agencyIds,
    categories,
    accountPrefix,
    includeNetwork: f.includeNetwork ?? false,
  };
}

/** Throws BAD_USER_INPUT naming `field` unless every id is an agency of the tenant. */
export async function assertAgencies(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly number[],
  field: string,
): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('party')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'AGENCY')
    .where('id', 'in', [...ids])
    .execute();
  if (found.length !== ids.length) {
    const known = new Set(found.map((r) => r.id));
    const missing = ids.filter((id) => !known.has(id));
    throw badInput(field, `${field}: no agency with id ${missing.join(', ')} in this regency`);
  }
}

/** Parses the filter and checks that its agencies exist. */
export async function resolveSpendScope(
  db: Kysely<Database>,
  tenantId: string,
  filter: SpendFilter | null | undefined,
): Promise<SpendScope> {
  const scope = parseSpendFilter(tenantId, filter);
  if (scope.agencyIds) await assertAgencies(db, tenantId, scope.agencyIds, 'agencyIds');
  return scope;
}

/** The buyers of a scope as METRICS.md defines them. */
export function buyersOf(scope: SpendScope): BuyerSelection {
  return { agencyIds: scope.agencyIds, network: scope.includeNetwork ? 'include' : 'exclude' };
}

const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`));

/**
 * Seller classification, written once (the rollup triggers of migration
 * 2026_11_30_1000_analytics_rollup repeat it in PL/pgSQL; the property tests hold them together).
 * `p` is the seller's party row, `kd` its KBLI division row (LEFT JOINed), `c` the regency code.
 */
export function sellerClassSql(p: string, kd: string, c: RawBuilder<unknown>) {
  const col = (name: string) => sql.ref(`${p}.${name}`);
  const isLocal = sql`coalesce(${col('region_code')} = ${c} OR ${col('region_code')} LIKE ${c} || '.%', false)`;
  const isUmkm = sql`(${col('kind')} = 'COOPERATIVE' OR (${col('kind')} = 'ENTERPRISE' AND coalesce(${col('size_class')}, '') <> 'LARGE'))`;
  const isUmk = sql`(${col('kind')} = 'COOPERATIVE' OR (${col('kind')} = 'ENTERPRISE' AND coalesce(${col('size_class')} IN ('MICRO', 'SMALL'), false)))`;
  return {
    isLocal,
    isUmkm,
    isUmk,
    district: sql`CASE WHEN ${isLocal} THEN CASE WHEN length(${col('region_code')}) >= 8 THEN left(${col('region_code')}, 8) ELSE 'UNKNOWN' END ELSE 'OUTSIDE' END`,
    sector: sql`coalesce(${sql.ref(`${kd}.section`)}::text, 'UNKNOWN')`,
  };
}

/**
 * `WITH RECURSIVE …` ending in the relation `facts`: one row per scoped purchase, with the buyer's
 * agency and kind and the seller's classification.
 *
 * Columns: buyer_id, agency_id (the buying agency, or the agency a network unit belongs to),
 * buyer_kind ('AGENCY' or the unit type), seller_id, category, day, amount, n (transactions),
 * is_local, is_umkm, is_umk, is_local_umkm, district (kecamatan code, 'UNKNOWN' or 'OUTSIDE'),
 * sector (KBLI section or 'UNKNOWN').
 *
 * The network of an agency is walked top-down from the agency through parent_id, so any depth is
 * covered and a unit whose chain is a cycle (never reaching an agency) belongs to no network.
 */
export function withFacts(scope: SpendScope, buyers: BuyerSelection = buyersOf(scope)): RawBuilder<unknown> {
  const t = scope.tenantId;
  const agencyFilter = buyers.agencyIds ? sql`AND a.id IN (${list(buyers.agencyIds)})` : sql``;
  const wantAgencies = buyers.network !== 'only';
  const wantNetwork = buyers.network !== 'exclude';
  const govFilter = buyers.governmentOnly ? sql`AND u.is_government` : sql``;
  const parts: RawBuilder<unknown>[] = [];
  if (wantAgencies) {
    parts.push(sql`SELECT agency_id AS buyer_id, agency_id, 'AGENCY'::text AS buyer_kind FROM scoped_agency`);
  }
  if (wantNetwork) {
    parts.push(sql`SELECT n.unit_id, n.agency_id, coalesce(np.unit_type, 'OTHER')::text
      FROM network n
      JOIN party u ON u.tenant_id = ${t} AND u.id = n.unit_id
      LEFT JOIN network_unit_profile np ON np.tenant_id = ${t} AND np.party_id = n.unit_id
      WHERE true ${govFilter}`);
  }
  const where: RawBuilder<unknown>[] = [sql`t.tenant_id = ${t}`];
  if (scope.from) where.push(sql`t.occurred_on >= ${scope.from}::date`);
  if (scope.to) where.push(sql`t.occurred_on <= ${scope.to}::date`);
  if (scope.categories) where.push(sql`t.category IN (${list(scope.categories)})`);
  if (scope.accountPrefix) where.push(sql`t.account_code LIKE ${`${scope.accountPrefix}%`}`);
  const c = sql`tr.c`;
  const cls = sellerClassSql('s', 'kd', c);
  return sql`WITH RECURSIVE
    tenant_region AS (SELECT region_code AS c FROM tenant WHERE id = ${t}),
    scoped_agency AS (
      SELECT a.id AS agency_id FROM party a WHERE a.tenant_id = ${t} AND a.kind = 'AGENCY' ${agencyFilter}
    ),
    network (unit_id, agency_id) AS (
      SELECT u.id, sa.agency_id
      FROM scoped_agency sa JOIN party u ON u.tenant_id = ${t} AND u.parent_id = sa.agency_id
      WHERE u.kind = 'NETWORK_UNIT' AND ${sql.raw(wantNetwork ? 'true' : 'false')}
      UNION ALL
      SELECT u.id, n.agency_id
      FROM network n JOIN party u ON u.tenant_id = ${t} AND u.parent_id = n.unit_id
      WHERE u.kind = 'NETWORK_UNIT'
    ),
    buyer (buyer_id, agency_id, buyer_kind) AS (${sql.join(parts, sql` UNION ALL `)}),
    facts AS (
      SELECT t.buyer_id, b.agency_id, b.buyer_kind, t.seller_id, t.category, t.occurred_on AS day,
             t.amount, 1::bigint AS n,
             ${cls.isLocal} AS is_local, ${cls.isUmkm} AS is_umkm, ${cls.isUmk} AS is_umk,
             (${cls.isLocal} AND ${cls.isUmkm}) AS is_local_umkm,
             ${cls.district} AS district, ${cls.sector} AS sector
      FROM "transaction" t
      JOIN buyer b ON b.buyer_id = t.buyer_id
      JOIN party s ON s.tenant_id = t.tenant_id AND s.id = t.seller_id
      LEFT JOIN enterprise_profile ep ON ep.tenant_id = s.tenant_id AND ep.party_id = s.id
      LEFT JOIN kbli_division kd ON kd.division = left(ep.kbli_code, 2)
      CROSS JOIN tenant_region tr
      WHERE ${sql.join(where, sql` AND `)}
    )`;
}

/** Amount columns every spending measure reports, as SQL aggregate expressions over `facts`. */
export const SUMMARY_COLUMNS = sql`
  coalesce(sum(amount), 0) AS total,
  coalesce(sum(n), 0) AS transaction_count,
  coalesce(sum(amount) FILTER (WHERE is_local_umkm), 0) AS to_local_umkm,
  coalesce(sum(amount) FILTER (WHERE is_umk), 0) AS to_umk,
  coalesce(sum(amount) FILTER (WHERE is_local), 0) AS to_local,
  count(DISTINCT seller_id) FILTER (WHERE is_local_umkm) AS sellers_reached`;

/** A row of SUMMARY_COLUMNS as the drivers return it (bigint and numeric parse to number). */
export interface SummaryRow {
  total: number | string;
  transaction_count: number | string;
  to_local_umkm: number | string;
  to_umk: number | string;
  to_local: number | string;
  sellers_reached: number | string;
}
