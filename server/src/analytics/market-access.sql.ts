import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { badInput } from '../errors.ts';
import { firstDayOfYear, lastDayOfYear } from './dates.ts';
import { share } from './measures.ts';
import { cachedAnalytic } from './result-cache.sql.ts';
import { MAX_YEAR, validateYear } from './spend-scope.ts';

export interface SurvivalGroupData {
  size: number;
  active: number;
  inactive: number;
  unknown: number;
  survivalRate: number | null;
}
export interface MarketAccessEffectData {
  cohortYear: number;
  cohortSize: number;
  withMarket: SurvivalGroupData;
  trainedOnly: SurvivalGroupData;
  difference: number | null;
}

const EMPTY = { size: 0, active: 0, inactive: 0, unknown: 0 };

/**
 * docs/metrics-outcomes.md "Market-access effect": of the enterprises trained in the cohort year, survival a
 * year later of those that also won government orders (that year or the next) against the rest.
 */
export async function marketAccessEffect(
  db: Kysely<Database>,
  tenantId: string,
  cohortYear: number,
): Promise<MarketAccessEffectData> {
  validateYear(cohortYear, 'cohortYear');
  if (cohortYear >= MAX_YEAR)
    throw badInput('cohortYear', { id: `harus sebelum ${MAX_YEAR}`, en: `must be before ${MAX_YEAR}` });
  const next = cohortYear + 1;
  // The answer is kept in the shared result cache (result-cache.sql.ts) at the tenant's data
  // version: a restart or another instance reads it instead of recomputing it. The cohort is
  // planned where it is used (NOT MATERIALIZED), so the planner knows its size (tens of thousands
  // at scale 100) and hash-joins it with index-only scans (migration 2026_12_06_1000) instead of
  // probing the transactions and snapshots once per member.
  const rows = await cachedAnalytic(
    db,
    tenantId,
    'marketAccessEffect',
    sql<{ with_market: boolean; size: number; active: number; inactive: number; unknown: number }>`
    WITH cohort AS NOT MATERIALIZED (
      SELECT DISTINCT a.enterprise_id AS id FROM assistance a
      WHERE a.tenant_id = ${tenantId} AND a.kind = 'TRAINING'
        AND a.occurred_on BETWEEN ${firstDayOfYear(cohortYear)}::date AND ${lastDayOfYear(cohortYear)}::date
    ),
    market AS (
      SELECT DISTINCT t.seller_id AS id
      FROM "transaction" t
      JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id AND b.is_government
      WHERE t.tenant_id = ${tenantId} AND t.seller_id IN (SELECT id FROM cohort)
        AND t.occurred_on BETWEEN ${firstDayOfYear(cohortYear)}::date AND ${lastDayOfYear(next)}::date
    ),
    last_status AS (
      SELECT DISTINCT ON (sn.enterprise_id) sn.enterprise_id, sn.status
      FROM enterprise_snapshot sn
      WHERE sn.tenant_id = ${tenantId} AND sn.enterprise_id IN (SELECT id FROM cohort)
        AND sn.period BETWEEN ${firstDayOfYear(next)}::date AND ${lastDayOfYear(next)}::date
      ORDER BY sn.enterprise_id, sn.period DESC
    )
    SELECT (m.id IS NOT NULL) AS with_market, count(*) AS size,
           count(*) FILTER (WHERE ls.status = 'ACTIVE') AS active,
           count(*) FILTER (WHERE ls.status IN ('DORMANT', 'CLOSED')) AS inactive,
           count(*) FILTER (WHERE ls.status IS NULL) AS unknown
    FROM cohort c
    LEFT JOIN market m ON m.id = c.id
    LEFT JOIN last_status ls ON ls.enterprise_id = c.id
    GROUP BY 1`,
  );
  const group = (withMarket: boolean): SurvivalGroupData => {
    const row = rows.find((r) => r.with_market === withMarket) ?? EMPTY;
    const active = Number(row.active);
    const inactive = Number(row.inactive);
    return {
      size: Number(row.size),
      active,
      inactive,
      unknown: Number(row.unknown),
      survivalRate: share(active, active + inactive),
    };
  };
  const withMarket = group(true);
  const trainedOnly = group(false);
  return {
    cohortYear,
    cohortSize: withMarket.size + trainedOnly.size,
    withMarket,
    trainedOnly,
    difference:
      withMarket.survivalRate === null || trainedOnly.survivalRate === null
        ? null
        : withMarket.survivalRate - trainedOnly.survivalRate,
  };
}
