import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { AMOUNT_COLUMNS, factsCte, type SummaryRow, withCtes } from './facts.sql.ts';
import { type SpendSummaryData, toSummary } from './measures.ts';
import { reachCte } from './reach.sql.ts';
import { cachedAnalytic } from './result-cache.sql.ts';
import type { SpendScope } from './spend-scope.ts';
import { loadTargets } from './targets.sql.ts';

/** The agency whose own target applies: the scope's only agency, if it names exactly one. */
export function targetAgency(scope: SpendScope): number | null {
  return scope.agencyIds?.length === 1 ? (scope.agencyIds[0] ?? null) : null;
}

/**
 * docs/metrics.md "Spend summary": totals and shares over the scoped transactions, with the target.
 * Amounts come from the monthly rollup by seller class; distinct sellers from the per-seller one.
 */
export async function spendSummary(db: Kysely<Database>, scope: SpendScope): Promise<SpendSummaryData> {
  const [rows, targets] = await Promise.all([
    cachedAnalytic(
      db,
      scope.tenantId,
      'spendSummary',
      sql<SummaryRow>`${withCtes(factsCte('spend', scope, 'spend'), reachCte('reached', scope, 'NONE'))}
      SELECT ${AMOUNT_COLUMNS},
        (SELECT count(DISTINCT seller_id) FROM reached) AS sellers_reached
      FROM spend`,
    ),
    loadTargets(db, scope.tenantId, scope.fiscalYear === null ? [] : [scope.fiscalYear]),
  ]);
  const agency = targetAgency(scope);
  return toSummary(
    rows[0],
    targets.get('LOCAL_UMKM_SHARE', scope.fiscalYear, agency),
    targets.get('UMK_SHARE', scope.fiscalYear, agency),
  );
}
