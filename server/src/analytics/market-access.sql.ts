import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { badInput } from '../errors.ts';
import { firstDayOfYear, lastDayOfYear } from './dates.ts';
import { share } from './measures.ts';
import { MAX_YEAR, validateYear } from './spend-scope.ts';
import { analytic, analyticsVersions, MIB, VersionedCache } from './versions.ts';

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
 * docs/metrics.md "Market-access effect": of the enterprises trained in the cohort year, survival a
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
  const { version } = await analyticsVersions(db, tenantId);
  return results.get(db, `${tenantId}|${cohortYear}`, String(version), () => compute(db, tenantId, cohortYear));
}

/** Results per cohort year, kept while the tenant's data is unchanged (purchases count here too). */
const results = new VersionedCache<MarketAccessEffectData>({ entries: 16, maxBytes: 16 * MIB });

async function compute(db: Kysely<Database>, tenantId: string, cohortYear: number): Promise<MarketAccessEffectData> {
  const next = cohortYear + 1;
  const result = await analytic(
    db,
    sql<{ with_market: boolean; size: number; active: number; inactive: number; unknown: number }>`
    WITH cohort AS (
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
    const row = result.rows.find((r) => r.with_market === withMarket) ?? EMPTY;
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
