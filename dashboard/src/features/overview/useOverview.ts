import { useApi } from '../../api.ts';
import { useSpendFilter } from '../../data.ts';
import {
  GetAgencyScorecardDocument,
  GetDominoEffectDocument,
  GetSpendSummaryDocument,
  GetSpendTrendDocument,
  type Interval,
} from '../../graphql/operations.ts';

export function useSpendSummary() {
  const { filter, ready } = useSpendFilter();
  return useApi(GetSpendSummaryDocument, { filter }, { pause: !ready });
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

export function useAgencyScorecard() {
  const { filter, ready } = useSpendFilter();
  return useApi(
    GetAgencyScorecardDocument,
    { filter },
    { pause: !ready, isEmpty: (d) => d.agencyScorecard.length === 0 },
  );
}

export function useDominoEffect() {
  const { filter, ready } = useSpendFilter();
  return useApi(GetDominoEffectDocument, { filter, rounds: 3 }, { pause: !ready });
}
