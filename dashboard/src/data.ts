import { useMemo } from 'react';
import { type ApiResult, useApi } from './api.ts';
import { toSpendFilter, useFilters } from './filters/filters.ts';
import {
  GetAboutDocument,
  type GetAboutQuery,
  GetViewerDocument,
  type GetViewerQuery,
  ListAgenciesDocument,
  type ListAgenciesQuery,
  type SpendFilter,
} from './graphql/generated/graphql.ts';

export function useAbout(): ApiResult<GetAboutQuery> {
  return useApi(GetAboutDocument, {});
}

export type Role = GetViewerQuery['me']['role'];

/** Who the dashboard is signed in as (the session cookie is HttpOnly: only the API knows). */
export interface Viewer {
  /** PUBLIC until the API says otherwise (also while it is being asked). */
  role: Role;
  user: GetViewerQuery['me']['user'];
  ready: boolean;
  /**
   * May use write actions (Pendataan): ADMIN everywhere, OPERATOR for its own agency. Forms, links
   * and buttons that write render only when true (the API refuses the others anyway).
   */
  canWrite: boolean;
  isAdmin: boolean;
  /** May read transaction lists: every signed-in role (the API refuses them to PUBLIC). */
  canReadTransactions: boolean;
  /** An operator's agency code. */
  agencyCode: string | null;
}

export function useViewer(): Viewer {
  const viewer = useApi(GetViewerDocument, {});
  return useMemo(() => {
    const role: Role = viewer.data?.me.role ?? 'PUBLIC';
    return {
      role,
      user: viewer.data?.me.user ?? null,
      ready: viewer.state === 'ok' || viewer.state === 'error',
      canWrite: role === 'ADMIN' || role === 'OPERATOR',
      isAdmin: role === 'ADMIN',
      canReadTransactions: role !== 'PUBLIC',
      agencyCode: viewer.data?.me.user?.agencyCode ?? null,
    };
  }, [viewer.data, viewer.state]);
}

export function useAgencies(pause = false): ApiResult<ListAgenciesQuery> {
  return useApi(ListAgenciesDocument, { first: 200 }, { pause });
}

/**
 * An operator's agency as its global id (found in the agencies list by the account's agency
 * code): undefined while it is being looked up, null for an account without an agency (ADMIN).
 */
export function useOwnAgencyId(viewer: Viewer): string | null | undefined {
  const agencies = useAgencies(viewer.agencyCode === null);
  if (viewer.agencyCode === null) return null;
  return agencies.data?.agencies.edges.find((e) => e.node.code === viewer.agencyCode)?.node.id;
}

/** The latest fiscal year with data: the default when the URL names no period. */
export function useDefaultYear(): { year: number | null; ready: boolean; years: number[] } {
  const about = useAbout();
  return useMemo(() => {
    const last = about.data?.about.lastTransactionOn;
    const first = about.data?.about.firstTransactionOn;
    const lastYear = last ? Number(last.slice(0, 4)) : null;
    const firstYear = first ? Number(first.slice(0, 4)) : lastYear;
    const years: number[] = [];
    if (lastYear && firstYear) for (let y = lastYear; y >= firstYear; y--) years.push(y);
    return { year: lastYear, ready: about.state === 'ok' || about.state === 'error', years };
  }, [about.data, about.state]);
}

/** The API filter of the filter bar, and whether it is ready (the default year is known). */
export function useSpendFilter(): { filter: SpendFilter; ready: boolean; year: number | null } {
  const { filters } = useFilters();
  const { year, ready } = useDefaultYear();
  const filter = useMemo(() => toSpendFilter(filters, year), [filters, year]);
  const needsDefault = !filters.year && !filters.from && !filters.to;
  return {
    filter,
    ready: !needsDefault || ready,
    year: filters.year ?? (filters.from ? Number(filters.from.slice(0, 4)) : year),
  };
}
