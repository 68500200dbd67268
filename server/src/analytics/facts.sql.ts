import { type RawBuilder, sql } from 'kysely';
import { yearOf } from './dates.ts';
import { type PeriodRange, splitRange } from './periods.ts';
import { type BuyerSelection, buyersOf, type SpendScope } from './spend-scope.ts';

/*
 * The scoped purchases as SQL: every spending measure selects from the relation factsCte builds,
 * so they all agree on which purchases count; how a party is classified (local, UMKM, UMK,
 * kecamatan, sector, the agency of a network unit) is decided once, by the database function
 * analytics_classify (read through analytics_party_class).
 */

const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`));

/**
 * Which rollup a `facts` relation reads (db/migrations/analytics/tables.ts):
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
export function rawDays(
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
