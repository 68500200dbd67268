import { useMemo } from 'react';
import { type ApiResult, useApi } from './api.ts';
import { toSpendFilter, useFilters } from './filters/filters.ts';
import {
  GetAboutDocument,
  type GetAboutQuery,
  GetViewerDocument,
  ListAgenciesDocument,
  type ListAgenciesQuery,
  type SpendFilter,
} from './graphql/generated/graphql.ts';

export function useAbout(): ApiResult<GetAboutQuery> {
  return useApi(GetAboutDocument, {});
}

/**
 * Who is signed in, and whether they may write (administrators and operators): the Pendataan
 * forms are shown to them only. `agencyCode` is an operator's agency.
 */
export function useViewer(): { canWrite: boolean; ready: boolean; agencyCode: string | null } {
  const viewer = useApi(GetViewerDocument, {});
  const role = viewer.data?.me.role;
  return {
    canWrite: role === 'ADMIN' || role === 'OPERATOR',
    ready: viewer.state === 'ok' || viewer.state === 'error',
    agencyCode: viewer.data?.me.user?.agencyCode ?? null,
  };
}

export function useAgencies(pause = false): ApiResult<ListAgenciesQuery> {
  return useApi(ListAgenciesDocument, { first: 200 }, { pause });
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
