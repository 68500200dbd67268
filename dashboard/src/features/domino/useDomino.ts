import { useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import { type ApiResult, useApi } from '../../api.ts';
import { useSpendFilter } from '../../data.ts';
import {
  type FlowLevel,
  GetAgencyScorecardDocument,
  GetNetworkReachDocument,
  type GetNetworkReachQuery,
  GetSpendFlowsDocument,
} from '../../graphql/generated/graphql.ts';

export function useSpendFlows(levels: FlowLevel[]) {
  const { filter, ready } = useSpendFilter();
  return useApi(
    GetSpendFlowsDocument,
    { filter, levels },
    { pause: !ready || levels.length < 2, isEmpty: (d) => d.spendFlows.total === 0 || d.spendFlows.links.length === 0 },
  );
}

/**
 * networkReach of the agencies that pay local UMKM the most (the scorecard's top `limit` by
 * toLocalUmkm): one request per agency, the API's figures as they come.
 */
export function useNetworkAmplification(
  limit = 10,
  wait = false,
): ApiResult<{ reaches: GetNetworkReachQuery['networkReach'][] }> {
  const client = useClient();
  const { filter, ready } = useSpendFilter();
  const { agencyIds: _a, includeNetwork: _n, ...period } = filter;
  const scorecard = useApi(GetAgencyScorecardDocument, { filter: { ...period } }, { pause: !ready || wait });
  const ids = useMemo(
    () =>
      [...(scorecard.data?.agencyScorecard ?? [])]
        .sort((a, b) => b.toLocalUmkm - a.toLocalUmkm)
        .slice(0, limit)
        .map((r) => r.agency.id),
    [scorecard.data, limit],
  );
  const key = JSON.stringify({ ids, period });
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; reaches?: GetNetworkReachQuery['networkReach'][]; error?: Error }>({
    key: '',
  });
  useEffect(() => {
    if (!ids.length) return;
    let live = true;
    const { ids: list, period: f } = JSON.parse(key) as { ids: string[]; period: typeof period };
    Promise.all(
      list.map((agencyId) =>
        client
          .query(
            GetNetworkReachDocument,
            { agencyId, filter: f },
            { requestPolicy: attempt ? 'network-only' : 'cache-first' },
          )
          .toPromise(),
      ),
    ).then((results) => {
      if (!live) return;
      const failed = results.find((r) => r.error);
      if (failed?.error) setState({ key, error: failed.error });
      else setState({ key, reaches: results.map((r) => r.data!.networkReach) });
    });
    return () => {
      live = false;
    };
  }, [client, key, ids.length, attempt]);
  const retry = () => {
    scorecard.retry();
    setAttempt((n) => n + 1);
  };
  if (scorecard.state === 'error') return { state: 'error', data: undefined, error: scorecard.error, retry };
  if (scorecard.state === 'empty' || (scorecard.state === 'ok' && ids.length === 0))
    return { state: 'empty', data: undefined, error: undefined, retry };
  if (state.key !== key) return { state: 'loading', data: undefined, error: undefined, retry };
  if (state.error) return { state: 'error', data: undefined, error: undefined, retry };
  const reaches = state.reaches ?? [];
  if (reaches.every((r) => r.amplification === null))
    return { state: 'empty', data: { reaches }, error: undefined, retry };
  return { state: 'ok', data: { reaches }, error: undefined, retry };
}
