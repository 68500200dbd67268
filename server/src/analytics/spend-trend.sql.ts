import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { badInput } from '../errors.ts';
import { countPeriods, dayBefore, type Interval, nextPeriod, periodsBetween, yearOf } from './dates.ts';
import { AMOUNT_COLUMNS, factsCte, type SummaryRow, withCtes } from './facts.sql.ts';
import { type SpendSummaryData, toSummary } from './measures.ts';
import { reachCountsCte } from './reach.sql.ts';
import { cachedAnalytic } from './result-cache.sql.ts';
import type { SpendScope } from './spend-scope.ts';
import { targetAgency } from './spend-summary.sql.ts';
import { loadTargets } from './targets.sql.ts';

export interface SpendPointData extends SpendSummaryData {
  periodStart: string;
  periodEnd: string;
}

/** The most points one trend may have (a century of months). */
export const MAX_TREND_POINTS = 1200;

/** The first and last day of the tenant's recorded transactions, or null when there are none. */
export async function transactionRange(
  db: Kysely<Database>,
  tenantId: string,
): Promise<{ first: string; last: string } | null> {
  const row = await db
    .selectFrom('transaction')
    .select((eb) => [eb.fn.min('occurred_on').as('first'), eb.fn.max('occurred_on').as('last')])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const first = row?.first as string | null | undefined;
  const last = row?.last as string | null | undefined;
  return first && last ? { first, last } : null;
}

/**
 * The first and last day a trend covers: the filter's range, with an open end taken from the
 * tenant's recorded transactions (all of them, not only the filtered ones, so that the trends of
 * different agencies line up). Null when the range is open and there is no data.
 */
export async function trendRange(
  db: Kysely<Database>,
  scope: SpendScope,
): Promise<{ first: string; last: string } | null> {
  if (scope.from && scope.to) return { first: scope.from, last: scope.to };
  const data = await transactionRange(db, scope.tenantId);
  const first = scope.from ?? (data ? (scope.to && data.first > scope.to ? scope.to : data.first) : scope.to);
  const last = scope.to ?? (data ? (scope.from && data.last < scope.from ? scope.from : data.last) : scope.from);
  return first && last ? { first, last } : null;
}

/**
 * docs/metrics.md "Trend": one point per period from the first to the last period of the range, empty
 * periods included (amounts 0, shares null). The first and last periods may be covered only in
 * part by the filter; periodStart/periodEnd are always the calendar period's bounds.
 */
export async function spendTrend(
  db: Kysely<Database>,
  scope: SpendScope,
  interval: Interval,
): Promise<SpendPointData[]> {
  const range = await trendRange(db, scope);
  if (!range) return [];
  if (countPeriods(range.first, range.last, interval) > MAX_TREND_POINTS) {
    throw badInput('interval', {
      id: `rentang ini lebih dari ${MAX_TREND_POINTS} periode ${interval}: persempit`,
      en: `the range has more than ${MAX_TREND_POINTS} periods of ${interval}: narrow it`,
    });
  }
  const periods = periodsBetween(range.first, range.last, interval);
  const unit = interval.toLowerCase();
  const [rows, targets] = await Promise.all([
    cachedAnalytic(
      db,
      scope.tenantId,
      'spendTrend',
      sql<SummaryRow & { period: string }>`${withCtes(
        factsCte('spend', scope, 'spend', undefined, { years: interval === 'YEAR' }),
        reachCountsCte('reached', scope, interval),
      )},
      amounts AS (
        SELECT date_trunc(${unit}, day::timestamp)::date AS period, ${AMOUNT_COLUMNS} FROM spend GROUP BY 1
      )
      SELECT amounts.*, coalesce(reached.sellers_reached, 0) AS sellers_reached
      FROM amounts LEFT JOIN reached ON reached.period = amounts.period`,
    ),
    loadTargets(db, scope.tenantId, [...new Set(periods.map(yearOf))]),
  ]);
  const byPeriod = new Map(rows.map((row) => [String(row.period), row]));
  const agency = targetAgency(scope);
  return periods.map((start) => {
    const year = yearOf(start);
    return {
      periodStart: start,
      periodEnd: dayBefore(nextPeriod(start, interval)),
      ...toSummary(
        byPeriod.get(start),
        targets.get('LOCAL_UMKM_SHARE', year, agency),
        targets.get('UMK_SHARE', year, agency),
      ),
    };
  });
}
