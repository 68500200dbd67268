import { type RawBuilder, sql } from 'kysely';
import { dayBefore, firstDayOfYear, yearOf } from './dates.ts';
import type { InjectionRow } from './domino-cascade.ts';
import { factsCte, withCtes } from './facts.sql.ts';
import { splitRange } from './periods.ts';
import type { BuyerSelection, SpendScope } from './spend-scope.ts';

/*
 * The domino effect's round 1 (docs/metrics.md "Re-spending rounds"): what the scoped government
 * buyers paid each local UMKM seller, with its sector, one row per seller.
 */

/** Sums the rows of `parts` (seller_id, amount, sector) per seller. */
const perSeller = (parts: RawBuilder<unknown>[]) =>
  sql`SELECT seller_id, sum(amount) AS amount, min(sector) AS sector
    FROM (${sql.join(parts, sql` UNION ALL `)}) injected GROUP BY seller_id`;

/**
 * The statement of R1 per local UMKM seller. From the per-seller rollups: analytics_seller_month
 * (by month, agency, buyer kind, category and account) through factsCte. A scope that names no
 * agency, category or account and covers at least one whole calendar year reads those years from
 * analytics_gov_seller_year instead (per year, seller, and agency or network unit: at scale 100 a
 * third of the rows for the whole recorded period), and only the rest of its range from the months
 * and the purchases.
 */
export function injection(scope: SpendScope) {
  const buyers: BuyerSelection = {
    agencyIds: scope.agencyIds,
    network: scope.includeNetwork ? 'include' : 'exclude',
    governmentOnly: true,
  };
  const { years } = splitRange(scope.from, scope.to, true);
  if (years === null || scope.agencyIds || scope.categories || scope.accountPrefix) {
    const sellers = factsCte('sellers', scope, 'sellers', buyers);
    return sql<InjectionRow>`${withCtes(sellers)}
      ${perSeller([sql`SELECT seller_id, amount, sector FROM sellers`])}`;
  }
  const where = [sql`tenant_id = ${scope.tenantId}`, sql`n > 0`];
  if (years.first) where.push(sql`year >= ${yearOf(years.first)}::smallint`);
  if (years.last) where.push(sql`year <= ${yearOf(years.last)}::smallint`);
  if (!scope.includeNetwork) where.push(sql`direct`);
  // The days before the first whole year and after the last one (an open end has none).
  const edges: Array<{ from: string; to: string }> = [];
  if (scope.from && years.first && scope.from < years.first)
    edges.push({ from: scope.from, to: dayBefore(years.first) });
  const afterLast = years.last && firstDayOfYear(yearOf(years.last) + 1);
  if (scope.to && afterLast && scope.to >= afterLast) edges.push({ from: afterLast, to: scope.to });
  const ctes = edges.map((edge, i) => factsCte(`edge${i}`, { ...scope, ...edge }, 'sellers', buyers));
  const parts = [
    sql`SELECT seller_id, amount, sector FROM analytics_gov_seller_year WHERE ${sql.join(where, sql` AND `)}`,
    ...edges.map((_, i) => sql`SELECT seller_id, amount, sector FROM ${sql.table(`edge${i}`)}`),
  ];
  return sql<InjectionRow>`${ctes.length ? withCtes(...ctes) : sql``}
    ${perSeller(parts)}`;
}
