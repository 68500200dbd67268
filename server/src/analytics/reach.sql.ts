import { type RawBuilder, sql } from 'kysely';
import { periodStart, yearOf } from './dates.ts';
import { factsCte, rawDays } from './facts.sql.ts';
import { type PeriodRange, splitRange } from './periods.ts';
import { type BuyerSelection, buyersOf, type SpendScope } from './spend-scope.ts';

/*
 * Distinct local UMKM sellers reached, the one measure that does not add up across periods: read
 * from the seller-year month masks where the filter allows, else from the per-seller cells.
 */

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
