import { useApi } from '../../api.ts';
import {
  type CooperativeFilter,
  type EnterpriseFilter,
  GetDataCollectionProgressDocument,
  GetMarketAccessEffectDocument,
  GetRecoveryIndexDocument,
  GetRegistryEntryDocument,
  ListCooperativesDocument,
  ListEnterprisesDocument,
  ListGovernmentOrdersDocument,
  type RecoveryGroup,
} from '../../graphql/generated/graphql.ts';

export function useRecoveryIndex(groupBy: RecoveryGroup, to: string | null) {
  return useApi(
    GetRecoveryIndexDocument,
    { groupBy, from: null, to },
    { isEmpty: (d) => d.recoveryIndex.every((s) => s.points.every((p) => p.index === null)) },
  );
}

export function useMarketAccess(cohortYear: number | null) {
  return useApi(
    GetMarketAccessEffectDocument,
    { cohortYear: cohortYear ?? 0 },
    { pause: !cohortYear, isEmpty: (d) => d.marketAccessEffect.cohortSize === 0 },
  );
}

export function useCollectionProgress(year: number | null) {
  return useApi(
    GetDataCollectionProgressDocument,
    { year: year ?? 0 },
    { pause: !year, isEmpty: (d) => d.dataCollectionProgress.length === 0 },
  );
}

export function useEnterprises(filter: EnterpriseFilter, after: string | null, pause = false) {
  return useApi(
    ListEnterprisesDocument,
    { filter, first: 25, after },
    { pause, isEmpty: (d) => d.enterprises.totalCount === 0 },
  );
}

export function useCooperatives(filter: CooperativeFilter, after: string | null, pause = false) {
  return useApi(
    ListCooperativesDocument,
    { filter, first: 25, after },
    { pause, isEmpty: (d) => d.cooperatives.totalCount === 0 },
  );
}

export function useRegistryEntry(id: string) {
  return useApi(
    GetRegistryEntryDocument,
    { id },
    { isEmpty: (d) => d.node?.__typename !== 'Enterprise' && d.node?.__typename !== 'Cooperative' },
  );
}

/** Government orders the seller received; asked only when `allowed` (signed-in readers). */
export function useOrdersReceived(sellerId: string, allowed: boolean) {
  return useApi(
    ListGovernmentOrdersDocument,
    { filter: { sellerIds: [sellerId], buyerKinds: ['AGENCY', 'NETWORK_UNIT'] }, first: 20 },
    { pause: !allowed, isEmpty: (d) => d.transactions.edges.length === 0 },
  );
}
