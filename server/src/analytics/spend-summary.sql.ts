import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { type SpendSummaryData, toSummary } from './measures.ts';
import { SUMMARY_COLUMNS, type SpendScope, type SummaryRow, withFacts } from './scope.ts';
import { loadTargets } from './targets.sql.ts';

/** The agency whose own target applies: the scope's only agency, if it names exactly one. */
export function targetAgency(scope: SpendScope): number | null {
  return scope.agencyIds?.length === 1 ? (scope.agencyIds[0] ?? null) : null;
}

/** METRICS.md "Spend summary": totals and shares over the scoped transactions, with the target. */
export async function spendSummary(db: Kysely<Database>, scope: SpendScope): Promise<SpendSummaryData> {
  const [result, targets] = await Promise.all([
    sql<SummaryRow>`${withFacts(scope)} SELECT ${SUMMARY_COLUMNS} FROM facts`.execute(db),
    loadTargets(db, scope.tenantId, scope.fiscalYear === null ? [] : [scope.fiscalYear]),
  ]);
  const agency = targetAgency(scope);
  return toSummary(
    result.rows[0],
    targets.get('LOCAL_UMKM_SHARE', scope.fiscalYear, agency),
    targets.get('UMK_SHARE', scope.fiscalYear, agency),
  );
}
