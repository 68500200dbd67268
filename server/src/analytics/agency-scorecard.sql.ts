import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { firstDayOfYear, lastDayOfYear } from './dates.ts';
import { AMOUNT_COLUMNS, factsCte, type SummaryRow, withCtes } from './facts.sql.ts';
import { type Grade, gradeOf, share } from './measures.ts';
import { cachedAnalytic } from './result-cache.sql.ts';
import type { SpendScope } from './spend-scope.ts';
import { loadTargets } from './targets.sql.ts';

export interface AgencyScoreData {
  rank: number;
  agencyId: number;
  agencyName: string;
  total: number;
  transactionCount: number;
  toLocalUmkm: number;
  localUmkmShare: number | null;
  sellersReached: number;
  target: number | null;
  achievement: number | null;
  grade: Grade | null;
}

/**
 * A CTE `reached` of (agency_id, sellers_reached). For a whole fiscal year without a category or
 * account filter (the dashboard's default) it reads the counts kept per agency and year
 * (analytics_agency_year); otherwise it counts distinct sellers in the per-seller purchase cells.
 */
function reachedByAgency(scope: SpendScope): RawBuilder<unknown> {
  const wholeYear =
    scope.fiscalYear !== null &&
    scope.from === firstDayOfYear(scope.fiscalYear) &&
    scope.to === lastDayOfYear(scope.fiscalYear);
  if (wholeYear && !scope.categories && !scope.accountPrefix) {
    const agencies = scope.agencyIds
      ? sql`AND agency_id IN (${sql.join(scope.agencyIds.map((id) => sql`${id}`))})`
      : sql``;
    return sql`reached AS (
      SELECT agency_id, ${scope.includeNetwork ? sql`with_network` : sql`direct`} AS sellers_reached
      FROM analytics_agency_year
      WHERE tenant_id = ${scope.tenantId} AND year = ${scope.fiscalYear} ${agencies}
    )`;
  }
  return sql`${factsCte('sellers', scope, 'sellers')},
    reached AS (
      SELECT agency_id, count(DISTINCT seller_id) AS sellers_reached FROM sellers GROUP BY agency_id
    )`;
}

/** Code-point order, so the ranking is the same on every engine and collation. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * docs/metrics.md "Agency scorecard": one row per agency with at least one scoped transaction (its
 * network's too with includeNetwork), ordered by local UMKM share (nulls last), then name, then id.
 */
export async function agencyScorecard(db: Kysely<Database>, scope: SpendScope): Promise<AgencyScoreData[]> {
  const [rows, targets] = await Promise.all([
    cachedAnalytic(
      db,
      scope.tenantId,
      'agencyScorecard',
      sql<
        SummaryRow & { agency_id: number; name: string }
      >`${withCtes(factsCte('spend', scope, 'spend'), reachedByAgency(scope))},
      amounts AS (SELECT agency_id, ${AMOUNT_COLUMNS} FROM spend GROUP BY agency_id)
      SELECT amounts.*, coalesce(reached.sellers_reached, 0) AS sellers_reached, p.name
      FROM amounts
      LEFT JOIN reached ON reached.agency_id = amounts.agency_id
      JOIN party p ON p.tenant_id = ${scope.tenantId} AND p.id = amounts.agency_id`,
    ),
    loadTargets(db, scope.tenantId, scope.fiscalYear === null ? [] : [scope.fiscalYear]),
  ]);
  const scores = rows.map((row) => {
    const agencyId = Number(row.agency_id);
    const total = Number(row.total);
    const toLocalUmkm = Number(row.to_local_umkm);
    const localUmkmShare = share(toLocalUmkm, total);
    const target = targets.get('LOCAL_UMKM_SHARE', scope.fiscalYear, agencyId)?.share ?? null;
    const grade = gradeOf(toLocalUmkm, total, target);
    return {
      rank: 0,
      agencyId,
      agencyName: row.name,
      total,
      transactionCount: Number(row.transaction_count),
      toLocalUmkm,
      localUmkmShare,
      sellersReached: Number(row.sellers_reached),
      target,
      achievement: localUmkmShare === null || target === null ? null : share(localUmkmShare, target),
      grade,
    };
  });
  scores.sort((a, b) => {
    if (a.localUmkmShare !== b.localUmkmShare) {
      if (a.localUmkmShare === null) return 1;
      if (b.localUmkmShare === null) return -1;
      // Compare the fractions exactly: a.num/a.den vs b.num/b.den.
      const left = BigInt(a.toLocalUmkm) * BigInt(b.total);
      const right = BigInt(b.toLocalUmkm) * BigInt(a.total);
      if (left !== right) return left > right ? -1 : 1;
    }
    return byText(a.agencyName, b.agencyName) || a.agencyId - b.agencyId;
  });
  scores.forEach((row, i) => {
    row.rank = i + 1;
  });
  return scores;
}
