import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { factsCte, withCtes } from './facts.sql.ts';
import { share } from './measures.ts';
import type { SpendScope } from './spend-scope.ts';
import { analytic } from './versions.ts';

export interface PlannedVsRealisedData {
  agencyId: number;
  fiscalYear: number;
  planCount: number;
  plannedTotal: number;
  planCountForSmall: number;
  plannedForSmall: number;
  plannedSmallShare: number | null;
  realisedTotal: number;
  realisedToSmall: number;
  realisedSmallShare: number | null;
  realisationRate: number | null;
}

interface Row {
  agency_id: number | string;
  name: string;
  plan_count: number | string | null;
  planned_total: number | string | null;
  plans_for_small: number | string | null;
  planned_for_small: number | string | null;
  realised_total: number | string | null;
  realised_to_small: number | string | null;
}

/** Code-point order, so the ranking is the same on every engine and collation. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * docs/metrics-outcomes.md "Planned vs realised for small businesses": for the scope's fiscal year, per
 * agency, the ceilings of its ACTIVE SiRUP plans (all, and those planned for small businesses)
 * against its scoped purchases (all, and those paid to UMK sellers). One row per agency with an
 * active plan or a scoped purchase that year; ordered by planned-for-small descending, then paid
 * to small businesses descending, then name, then id. `scope` must have a fiscal year.
 */
export async function plannedVsRealised(db: Kysely<Database>, scope: SpendScope): Promise<PlannedVsRealisedData[]> {
  const year = scope.fiscalYear;
  if (year === null) throw new Error('plannedVsRealised needs a fiscal year');
  const agencies = scope.agencyIds
    ? sql`AND agency_id IN (${sql.join(scope.agencyIds.map((id) => sql`${id}`))})`
    : sql``;
  const result = await analytic(
    db,
    sql<Row>`${withCtes(factsCte('spend', scope, 'spend'))},
      realised AS (
        SELECT agency_id, sum(amount) AS realised_total,
               coalesce(sum(amount) FILTER (WHERE is_umk), 0) AS realised_to_small
        FROM spend GROUP BY agency_id
      ),
      planned AS (
        SELECT agency_id, count(*) AS plan_count, sum(pagu) AS planned_total,
               count(*) FILTER (WHERE for_small_business) AS plans_for_small,
               coalesce(sum(pagu) FILTER (WHERE for_small_business), 0) AS planned_for_small
        FROM procurement_plan
        WHERE tenant_id = ${scope.tenantId} AND fiscal_year = ${year} AND status = 'ACTIVE' ${agencies}
        GROUP BY agency_id
      )
      SELECT coalesce(planned.agency_id, realised.agency_id) AS agency_id, p.name,
             planned.plan_count, planned.planned_total, planned.plans_for_small, planned.planned_for_small,
             realised.realised_total, realised.realised_to_small
      FROM planned FULL JOIN realised ON realised.agency_id = planned.agency_id
      JOIN party p ON p.tenant_id = ${scope.tenantId} AND p.id = coalesce(planned.agency_id, realised.agency_id)`,
  );
  const rows = result.rows.map((row) => {
    const plannedTotal = Number(row.planned_total ?? 0);
    const plannedForSmall = Number(row.planned_for_small ?? 0);
    const realisedTotal = Number(row.realised_total ?? 0);
    const realisedToSmall = Number(row.realised_to_small ?? 0);
    return {
      name: row.name,
      data: {
        agencyId: Number(row.agency_id),
        fiscalYear: year,
        planCount: Number(row.plan_count ?? 0),
        plannedTotal,
        planCountForSmall: Number(row.plans_for_small ?? 0),
        plannedForSmall,
        plannedSmallShare: share(plannedForSmall, plannedTotal),
        realisedTotal,
        realisedToSmall,
        realisedSmallShare: share(realisedToSmall, realisedTotal),
        realisationRate: share(realisedToSmall, plannedForSmall),
      },
    };
  });
  rows.sort(
    (a, b) =>
      b.data.plannedForSmall - a.data.plannedForSmall ||
      b.data.realisedToSmall - a.data.realisedToSmall ||
      byText(a.name, b.name) ||
      a.data.agencyId - b.data.agencyId,
  );
  return rows.map((r) => r.data);
}
