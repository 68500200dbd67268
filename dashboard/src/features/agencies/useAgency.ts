import { useApi } from '../../api.ts';
import { useSpendFilter } from '../../data.ts';
import {
  GetAgencyDocument,
  GetNetworkReachDocument,
  GetSpendByDistrictDocument,
  GetSpendFlowsDocument,
  GetSpendSummaryDocument,
  ListGovernmentOrdersDocument,
} from '../../graphql/generated/graphql.ts';

/** The filter bar's filter, narrowed to one agency (the agency page). */
function useAgencyFilter(agencyId: string) {
  const { filter, ready } = useSpendFilter();
  return { filter: { ...filter, agencyIds: [agencyId] }, ready };
}

export function useAgency(id: string) {
  return useApi(GetAgencyDocument, { id }, { isEmpty: (d) => d.node?.__typename !== 'Agency' });
}

export function useAgencySummary(id: string) {
  const { filter, ready } = useAgencyFilter(id);
  return useApi(GetSpendSummaryDocument, { filter }, { pause: !ready });
}

export function useAgencyCategories(id: string) {
  const { filter, ready } = useAgencyFilter(id);
  return useApi(
    GetSpendFlowsDocument,
    { filter, levels: ['CATEGORY', 'SELLER_CLASS'] },
    { pause: !ready, isEmpty: (d) => d.spendFlows.total === 0 },
  );
}

export function useNetworkReach(agencyId: string) {
  const { filter, ready } = useSpendFilter();
  const { agencyIds: _a, includeNetwork: _n, ...rest } = filter;
  return useApi(
    GetNetworkReachDocument,
    { agencyId, filter: rest },
    { pause: !ready, isEmpty: (d) => d.networkReach.direct.total === 0 && d.networkReach.network.total === 0 },
  );
}

export function useDistrictSpend(agencyId?: string) {
  const { filter, ready } = useSpendFilter();
  const f = agencyId ? { ...filter, agencyIds: [agencyId] } : filter;
  return useApi(
    GetSpendByDistrictDocument,
    { filter: f },
    { pause: !ready, isEmpty: (d) => d.spendByDistrict.length === 0 },
  );
}

/** The agency's largest local purchases; asked only when `allowed` (signed-in readers). */
export function useAgencyPurchases(agencyId: string, allowed: boolean) {
  const { filter, ready } = useSpendFilter();
  const year = filter.fiscalYear;
  const from = filter.from ?? (year ? `${year}-01-01` : null);
  const to = filter.to ?? (year ? `${year}-12-31` : null);
  return useApi(
    ListGovernmentOrdersDocument,
    { filter: { buyerIds: [agencyId], sellerLocal: true, from, to }, first: 10 },
    { pause: !ready || !allowed, isEmpty: (d) => d.transactions.edges.length === 0 },
  );
}
