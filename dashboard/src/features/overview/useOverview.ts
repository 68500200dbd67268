import { useApi } from '../../api.ts';
import { useSpendFilter } from '../../data.ts';
import {
  GetAgencyScorecardDocument,
  GetDominoEffectDocument,
  GetSpendSummaryDocument,
  GetSpendTrendDocument,
  type Interval,
} from '../../graphql/generated/graphql.ts';

/*
 * `wait`: hold a query until the ones the reader sees first have answered. The embedded database
 * answers one query at a time, so the order of the requests is the order of paint: the trend chart
 * first, then the KPI cards, the rankings, and the (slow) domino cascade last.
 */

export function useSpendSummary(wait = false) {
  const { filter, ready } = useSpendFilter();
  return useApi(GetSpendSummaryDocument, { filter }, { pause: !ready || wait });
}

export function useSpendTrend(interval: Interval = 'MONTH', agencyIds?: string[]) {
  const { filter, ready } = useSpendFilter();
  const f = agencyIds ? { ...filter, agencyIds } : filter;
  return useApi(
    GetSpendTrendDocument,
    { filter: f, interval },
    { pause: !ready, isEmpty: (d) => d.spendTrend.every((p) => p.transactionCount === 0) },
  );
}

export function useAgencyScorecard(wait = false) {
  const { filter, ready } = useSpendFilter();
  return useApi(
    GetAgencyScorecardDocument,
    { filter },
    { pause: !ready || wait, isEmpty: (d) => d.agencyScorecard.length === 0 },
  );
}

export function useDominoEffect(wait = false) {
  const { filter, ready } = useSpendFilter();
  return useApi(GetDominoEffectDocument, { filter, rounds: 3 }, { pause: !ready || wait });
}
