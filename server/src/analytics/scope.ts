import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { badInput } from '../errors.ts';
import { decodeGlobalId } from '../graphql/global-id.ts';
import { dayAfter, dayBefore, firstDayOfYear, lastDayOfYear, nextPeriod, periodStart, yearOf } from './dates.ts';
import type { SpendFilter } from './spend-filter.input.ts';

/*
 * The one place that turns a SpendFilter into "scoped transactions" (docs/metrics.md, "Sets and
 * terms"). Every spending measure selects from the relations built here (factsCte), so they all
 * agree on which purchases count; how a party is classified (local, UMKM, UMK, kecamatan, sector,
 * the agency of a network unit) is decided once, by the database function analytics_classify.
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
 * Validates a filter without touching the database. Choices docs/metrics.md records
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
      throw badInput(
        'accountPrefix',
        `accountPrefix must look like "5.1.02" (digits and dots), got "${f.accountPrefix}"`,
      );
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

/** The buyers of a scope as docs/metrics.md defines them. */
export function buyersOf(scope: SpendScope): BuyerSelection {
  return { agencyIds: scope.agencyIds, network: scope.includeNetwork ? 'include' : 'exclude' };
}

const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`));

/**
 * Which rollup a `facts` relation reads (migrations 2026_11_30_1000… analytics):
 * - 'spend': amounts by seller class and UMK (analytics_spend_year / _month);
 * - 'cells': the same with the seller's kecamatan and KBLI section (analytics_spend_cell_year / _month);
 * - 'sellers': one row per local UMKM seller (analytics_seller_month), for distinct sellers.
 */
export type FactSource = 'spend' | 'cells' | 'sellers';

const MONTHLY: Record<FactSource, string> = {
  spend: 'analytics_spend_month',
  cells: 'analytics_spend_cell_month',
  sellers: 'analytics_seller_month',
};
const YEARLY: Partial<Record<FactSource, string>> = {
  spend: 'analytics_spend_year',
  cells: 'analytics_spend_cell_year',
};

const isFirstOfMonth = (day: string) => day.endsWith('-01');
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const isLastOfMonth = (day: string) => monthOf(dayAfter(day)) !== monthOf(day);

/** An inclusive range of whole periods; null ends are open. */
export interface PeriodRange {
  first: string | null;
  last: string | null;
}

/**
 * Splits an inclusive day range into whole calendar years (read from the yearly rollups, when
 * `years`), whole months (the monthly rollups) and the days before the first and after the last
 * whole month (the transactions). Months and years are named by their first day.
 */
export function splitRange(
  from: string | null,
  to: string | null,
  years = false,
): { years: PeriodRange | null; months: PeriodRange[]; days: Array<[string, string]> } {
  const first = from === null ? null : isFirstOfMonth(from) ? from : nextPeriod(monthOf(from), 'MONTH');
  const last = to === null ? null : isLastOfMonth(to) ? monthOf(to) : monthOf(dayBefore(monthOf(to)));
  if (first !== null && last !== null && first > last) {
    return { years: null, months: [], days: from !== null && to !== null ? [[from, to]] : [] };
  }
  const days: Array<[string, string]> = [];
  if (from !== null && first !== null && from < first) days.push([from, dayBefore(first)]);
  if (to !== null && last !== null && to >= nextPeriod(last, 'MONTH')) days.push([nextPeriod(last, 'MONTH'), to]);
  if (!years) return { years: null, months: [{ first, last }], days };
  const yFirst = first === null ? null : first.slice(5, 7) === '01' ? yearOf(first) : yearOf(first) + 1;
  const yLast = last === null ? null : last.slice(5, 7) === '12' ? yearOf(last) : yearOf(last) - 1;
  if (yFirst !== null && yLast !== null && yFirst > yLast) return { years: null, months: [{ first, last }], days };
  const months: PeriodRange[] = [];
  if (first !== null && yFirst !== null && first < firstDayOfYear(yFirst)) {
    months.push({ first, last: `${yFirst - 1}-12-01` });
  }
  if (last !== null && yLast !== null && last >= firstDayOfYear(yLast + 1)) {
    months.push({ first: firstDayOfYear(yLast + 1), last });
  }
  return {
    years: {
      first: yFirst === null ? null : firstDayOfYear(yFirst),
      last: yLast === null ? null : firstDayOfYear(yLast),
    },
    months,
    days,
  };
}

interface Filters {
  buyer(prefix: string, gov: string): RawBuilder<unknown>[];
  goods(prefix: string): RawBuilder<unknown>[];
}

function filters(scope: SpendScope, buyers: BuyerSelection): Filters {
  const col = (prefix: string, c: string) => sql.ref(prefix ? `${prefix}.${c}` : c);
  return {
    buyer(prefix, gov) {
      const parts: RawBuilder<unknown>[] = [];
      if (buyers.agencyIds) parts.push(sql`${col(prefix, 'agency_id')} IN (${list(buyers.agencyIds)})`);
      if (buyers.network === 'exclude') parts.push(sql`${col(prefix, 'buyer_kind')} = 'AGENCY'`);
      if (buyers.network === 'only') parts.push(sql`${col(prefix, 'buyer_kind')} <> 'AGENCY'`);
      if (buyers.governmentOnly) parts.push(sql`${sql.ref(gov)}`);
      return parts;
    },
    goods(prefix) {
      const parts: RawBuilder<unknown>[] = [];
      if (scope.categories) parts.push(sql`${col(prefix, 'category')} IN (${list(scope.categories)})`);
      if (scope.accountPrefix) parts.push(sql`${col(prefix, 'account_code')} LIKE ${`${scope.accountPrefix}%`}`);
      return parts;
    },
  };
}

/** The scoped purchases of the partial months, read from the transactions and classified. */
function rawDays(
  scope: SpendScope,
  buyers: BuyerSelection,
  [a, b]: [string, string],
  extra: RawBuilder<unknown>[],
  columns: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const f = filters(scope, buyers);
  const where = [
    sql`t.tenant_id = ${scope.tenantId}`,
    sql`b.agency_id IS NOT NULL`,
    sql`t.occurred_on BETWEEN ${a}::date AND ${b}::date`,
    ...f.buyer('b', 'b.is_government'),
    ...f.goods('t'),
    ...extra,
  ];
  return sql`SELECT ${columns}
    FROM "transaction" t
    JOIN analytics_party_class b ON b.tenant_id = t.tenant_id AND b.party_id = t.buyer_id
    JOIN analytics_party_class s ON s.tenant_id = t.tenant_id AND s.party_id = t.seller_id
    WHERE ${sql.join(where, sql` AND `)}`;
}

/**
 * A CTE named `name` of the scoped purchases, pre-aggregated: whole years and months from the
 * rollups, and the partial months at the ends of the range from the transactions themselves, all
 * classified by analytics_party_class, the one classification of sellers and buyers.
 *
 * Columns: day (the first day of the year or month for rollup rows), agency_id (the buying agency,
 * or the agency a network unit belongs to through any depth of parent_id: a unit whose chain is a
 * cycle belongs to none), buyer_kind ('AGENCY' or the unit type), buyer_gov, category,
 * account_code ('' when none), seller_class, is_local_umkm, is_local, is_umk, amount, n
 * (transactions); 'cells' and 'sellers' add district (kecamatan code, 'UNKNOWN' or 'OUTSIDE') and
 * sector (KBLI section or 'UNKNOWN'); 'sellers' adds seller_id and holds local UMKM sellers only.
 * With `years: false` every row lies within one month (for monthly and quarterly trends).
 */
export function factsCte(
  name: string,
  scope: SpendScope,
  source: FactSource,
  buyers: BuyerSelection = buyersOf(scope),
  options: { years?: boolean } = {},
): RawBuilder<unknown> {
  const t = scope.tenantId;
  const f = filters(scope, buyers);
  const useYears = (options.years ?? true) && YEARLY[source] !== undefined;
  const { years, months, days } = splitRange(scope.from, scope.to, useYears);
  const place = source === 'spend' ? sql`` : sql`, district, sector`;
  const seller = source === 'sellers' ? sql`, seller_id` : sql``;
  const flags =
    source === 'sellers'
      ? sql`'LOCAL_UMKM'::text AS seller_class, true AS is_local_umkm, true AS is_local, true AS is_umk`
      : sql`seller_class, seller_class = 'LOCAL_UMKM' AS is_local_umkm,
          seller_class IN ('LOCAL_UMKM', 'LOCAL_OTHER') AS is_local, seller_umk AS is_umk`;
  const parts: RawBuilder<unknown>[] = [];
  const rollup = (table: string, period: RawBuilder<unknown>, column: string, range: PeriodRange) => {
    const where = [sql`tenant_id = ${t}`, ...f.buyer('', 'buyer_gov'), ...f.goods('')];
    if (range.first)
      where.push(
        sql`${sql.ref(column)} >= ${column === 'year' ? sql`${yearOf(range.first)}` : sql`${range.first}::date`}`,
      );
    if (range.last)
      where.push(
        sql`${sql.ref(column)} <= ${column === 'year' ? sql`${yearOf(range.last)}` : sql`${range.last}::date`}`,
      );
    if (source === 'sellers') where.push(sql`n > 0`);
    parts.push(sql`SELECT ${period} AS day, agency_id, buyer_kind, buyer_gov, category, account_code, ${flags}
        ${place} ${seller}, amount, n
      FROM ${sql.table(table)}
      WHERE ${sql.join(where, sql` AND `)}`);
  };
  if (years) rollup(YEARLY[source] as string, sql`make_date(year, 1, 1)`, 'year', years);
  for (const range of months) rollup(MONTHLY[source], sql`month`, 'month', range);
  for (const segment of days) {
    parts.push(
      rawDays(
        scope,
        buyers,
        segment,
        source === 'sellers' ? [sql`s.seller_class = 'LOCAL_UMKM'`] : [],
        sql`t.occurred_on AS day, b.agency_id, b.buyer_kind, b.is_government AS buyer_gov, t.category,
          coalesce(t.account_code, '') AS account_code, s.seller_class,
          s.seller_class = 'LOCAL_UMKM' AS is_local_umkm, s.seller_class IN ('LOCAL_UMKM', 'LOCAL_OTHER') AS is_local,
          s.is_umk ${source === 'spend' ? sql`` : sql`, s.district, s.sector`}
          ${source === 'sellers' ? sql`, t.seller_id` : sql``}, t.amount, 1::bigint AS n`,
      ),
    );
  }
  if (parts.length === 0) {
    // An empty relation with the right columns.
    parts.push(sql`SELECT NULL::date AS day, NULL::bigint AS agency_id, NULL::text AS buyer_kind,
        NULL::boolean AS buyer_gov, NULL::text AS category, NULL::text AS account_code, NULL::text AS seller_class,
        NULL::boolean AS is_local_umkm, NULL::boolean AS is_local, NULL::boolean AS is_umk
        ${source === 'spend' ? sql`` : sql`, NULL::text AS district, NULL::text AS sector`}
        ${source === 'sellers' ? sql`, NULL::bigint AS seller_id` : sql``}, 0::bigint AS amount, 0::bigint AS n
      WHERE false`);
  }
  return sql`${sql.ref(name)} AS (${sql.join(parts, sql` UNION ALL `)})`;
}

/** The periods a count of distinct sellers is split by: none (one count) or calendar periods. */
export type ReachPeriod = 'NONE' | 'MONTH' | 'QUARTER' | 'YEAR';

/** Whether distinct sellers can be read from the seller-year masks (no agency/category/account filter). */
function masked(scope: SpendScope, buyers: BuyerSelection): boolean {
  return !buyers.agencyIds && !scope.categories && !scope.accountPrefix && !buyers.governmentOnly;
}

/**
 * The seller-year rows whose months in the range match the buyers, as (bits, where): `bits` is
 * the mask of the months the seller was paid in the range, restricted to the buyer selection.
 */
function presence(scope: SpendScope, buyers: BuyerSelection, range: PeriodRange) {
  const mask =
    buyers.network === 'exclude'
      ? sql`y.m_agency`
      : buyers.network === 'only'
        ? sql`(y.m_net_gov | y.m_net_other)`
        : sql`(y.m_agency | y.m_net_gov | y.m_net_other)`;
  const lit = (n: number) => sql.lit(n);
  const where = [sql`y.tenant_id = ${scope.tenantId}`];
  if (range.first) where.push(sql`y.year >= ${lit(yearOf(range.first))}`);
  if (range.last) where.push(sql`y.year <= ${lit(yearOf(range.last))}`);
  // Months from the first (bits m-1…11) in the first year, to the last (bits 0…m-1) in the last.
  const head = range.first
    ? sql`CASE WHEN y.year = ${lit(yearOf(range.first))} THEN ${lit(4095 & ~((1 << (Number(range.first.slice(5, 7)) - 1)) - 1))} ELSE 4095 END`
    : sql`4095`;
  const tail = range.last
    ? sql`CASE WHEN y.year = ${lit(yearOf(range.last))} THEN ${lit((1 << Number(range.last.slice(5, 7))) - 1)} ELSE 4095 END`
    : sql`4095`;
  return { bits: sql`(${mask} & (${head}) & (${tail}))`, where: sql.join(where, sql` AND `) };
}

const WIDTH: Record<Exclude<ReachPeriod, 'NONE'>, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/**
 * A CTE named `name` of (period, seller_id, district) rows: every local UMKM seller the scoped
 * purchases paid, once or more per period (callers count DISTINCT). Without an agency, category or
 * account filter it reads analytics_seller_year (one row per seller and year, with month masks)
 * instead of the per-seller purchase cells: several times fewer rows.
 */
export function reachCte(
  name: string,
  scope: SpendScope,
  period: ReachPeriod,
  buyers: BuyerSelection = buyersOf(scope),
  onlyPeriods?: readonly string[],
): RawBuilder<unknown> {
  const periodOf = (day: RawBuilder<unknown>) =>
    period === 'NONE' ? sql`NULL::date` : sql`date_trunc(${period.toLowerCase()}, ${day}::timestamp)::date`;
  if (!masked(scope, buyers)) {
    return sql`${factsCte(`${name}_cells`, scope, 'sellers', buyers)},
      ${sql.ref(name)} AS (SELECT ${periodOf(sql`day`)} AS period, seller_id, district FROM ${sql.ref(`${name}_cells`)})`;
  }
  const { months, days } = splitRange(scope.from, scope.to, false);
  const range = months[0];
  const parts: RawBuilder<unknown>[] = [];
  if (range) {
    const { bits, where } = presence(scope, buyers, range);
    const row = sql`y.seller_id, y.district FROM analytics_seller_year y`;
    if (period === 'NONE' || period === 'YEAR') {
      parts.push(sql`SELECT ${period === 'NONE' ? sql`NULL::date` : sql`make_date(y.year, 1, 1)`} AS period, ${row}
        WHERE ${where} AND ${bits} <> 0`);
    } else {
      const width = WIDTH[period];
      const only = onlyPeriods
        ? sql`AND y.year IN (${sql.join([...new Set(onlyPeriods.map(yearOf))].map((y) => sql.lit(y)))})
            AND make_date(y.year, k * ${sql.lit(width)} + 1, 1) IN (${sql.join(onlyPeriods.map((p) => sql`${p}::date`))})`
        : sql``;
      parts.push(sql`SELECT make_date(y.year, k * ${sql.lit(width)} + 1, 1) AS period, ${row}
        CROSS JOIN generate_series(0, ${sql.lit(12 / width - 1)}) k
        WHERE ${where} AND (${bits} & (${sql.lit((1 << width) - 1)} << (k * ${sql.lit(width)}))) <> 0 ${only}`);
    }
  }
  for (const segment of days) {
    parts.push(
      rawDays(
        scope,
        buyers,
        segment,
        [sql`s.seller_class = 'LOCAL_UMKM'`],
        sql`${periodOf(sql`t.occurred_on`)} AS period,
        t.seller_id, s.district`,
      ),
    );
  }
  if (parts.length === 0)
    parts.push(sql`SELECT NULL::date AS period, NULL::bigint AS seller_id, NULL::text AS district WHERE false`);
  return sql`${sql.ref(name)} AS (${sql.join(parts, sql` UNION ALL `)})`;
}

/**
 * A CTE named `name` of (period, sellers_reached) for a trend: with the masks, a seller-year row is
 * one seller in each period its bits mark, so most periods are counted by summing bits in one pass
 * (no DISTINCT); only the periods that also hold partial months read seller ids and count them
 * distinct.
 */
export function reachCountsCte(
  name: string,
  scope: SpendScope,
  period: Exclude<ReachPeriod, 'NONE'>,
  buyers: BuyerSelection = buyersOf(scope),
): RawBuilder<unknown> {
  const distinct = (cte: string, onlyPeriods?: readonly string[]) =>
    sql`${reachCte(cte, scope, period, buyers, onlyPeriods)},
      ${sql.ref(`${cte}_n`)} AS (
        SELECT period, count(DISTINCT seller_id) AS sellers_reached FROM ${sql.ref(cte)} GROUP BY period
      )`;
  const { months, days } = splitRange(scope.from, scope.to, false);
  const range = months[0];
  if (!masked(scope, buyers) || !range) {
    return sql`${distinct(`${name}_all`)}, ${sql.ref(name)} AS (SELECT * FROM ${sql.ref(`${name}_all_n`)})`;
  }
  const width = WIDTH[period];
  const { bits, where } = presence(scope, buyers, range);
  const groups = Array.from({ length: 12 / width }, (_, k) => k);
  const sums = sql.join(
    groups.map(
      (k) =>
        sql`count(*) FILTER (WHERE (${bits} & ${sql.lit(((1 << width) - 1) << (k * width))}) <> 0) AS ${sql.ref(`p${k}`)}`,
    ),
  );
  const unpivot = sql.join(groups.map((k) => sql`(${sql.lit(k)}, ${sql.ref(`s.p${k}`)})`));
  const bitCounts = sql`${sql.ref(`${name}_bits`)} AS (
      SELECT make_date(s.year, x.k * ${sql.lit(width)} + 1, 1) AS period, x.n AS sellers_reached
      FROM (SELECT y.year, ${sums} FROM analytics_seller_year y WHERE ${where} GROUP BY y.year) s
      CROSS JOIN LATERAL (VALUES ${unpivot}) x(k, n)
      WHERE x.n > 0
    )`;
  if (days.length === 0) return sql`${bitCounts}, ${sql.ref(name)} AS (SELECT * FROM ${sql.ref(`${name}_bits`)})`;
  // Periods that also hold partial months: count those distinct over masks and transactions.
  const edges = [...new Set(days.map(([a]) => periodStart(a, period)))];
  return sql`${bitCounts}, ${distinct(`${name}_edge`, edges)},
    ${sql.ref(name)} AS (
      SELECT * FROM ${sql.ref(`${name}_bits`)} WHERE period NOT IN (${sql.join(edges.map((e) => sql`${e}::date`))})
      UNION ALL SELECT * FROM ${sql.ref(`${name}_edge_n`)}
    )`;
}

/** `WITH` and the given CTEs, comma-separated. */
export function withCtes(...ctes: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return sql`WITH ${sql.join(ctes)}`;
}

/** Amount columns every spending measure reports, as SQL aggregate expressions over a 'spend' CTE. */
export const AMOUNT_COLUMNS = sql`
  coalesce(sum(amount), 0) AS total,
  coalesce(sum(n), 0) AS transaction_count,
  coalesce(sum(amount) FILTER (WHERE is_local_umkm), 0) AS to_local_umkm,
  coalesce(sum(amount) FILTER (WHERE is_umk), 0) AS to_umk,
  coalesce(sum(amount) FILTER (WHERE is_local), 0) AS to_local`;

/** A row of AMOUNT_COLUMNS plus sellers_reached, as the drivers return it (bigint and numeric parse to number). */
export interface SummaryRow {
  total: number | string;
  transaction_count: number | string;
  to_local_umkm: number | string;
  to_umk: number | string;
  to_local: number | string;
  sellers_reached: number | string;
}
