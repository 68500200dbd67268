import { useCallback, useMemo } from 'react';
import { ProductCategory } from '../graphql/generated/enums.ts';
import type { SpendFilter } from '../graphql/generated/graphql.ts';
import { navigate, useLocation } from '../router.tsx';

/**
 * The one filter bar's state, kept in the URL query string so every view can be bookmarked:
 * `?tahun=2024&skpd=<id>,<id>&kategori=FOOD_STAPLES&jejaring=1`, or `?dari=2024-01-01&sampai=2024-06-30`.
 */
export interface Filters {
  year: number | null;
  from: string | null;
  to: string | null;
  agencies: string[];
  categories: ProductCategory[];
  includeNetwork: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseFilters(search: string): Filters {
  const q = new URLSearchParams(search);
  const year = Number(q.get('tahun'));
  const from = q.get('dari');
  const to = q.get('sampai');
  const list = (name: string) =>
    (q.get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    from: from && DATE.test(from) ? from : null,
    to: to && DATE.test(to) ? to : null,
    agencies: list('skpd'),
    categories: list('kategori').filter((c): c is ProductCategory => Object.hasOwn(ProductCategory, c)),
    includeNetwork: q.get('jejaring') === '1',
  };
}

/** Writes the filters into a query string, keeping the parameters that are not filters (lang, page state). */
export function writeFilters(search: string, filters: Filters): string {
  const q = new URLSearchParams(search);
  for (const k of ['tahun', 'dari', 'sampai', 'skpd', 'kategori', 'jejaring']) q.delete(k);
  if (filters.from || filters.to) {
    if (filters.from) q.set('dari', filters.from);
    if (filters.to) q.set('sampai', filters.to);
  } else if (filters.year) q.set('tahun', String(filters.year));
  if (filters.agencies.length) q.set('skpd', filters.agencies.join(','));
  if (filters.categories.length) q.set('kategori', filters.categories.join(','));
  if (filters.includeNetwork) q.set('jejaring', '1');
  const text = q.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** The API's SpendFilter for these filters; without a year or range, `defaultYear` applies. */
export function toSpendFilter(filters: Filters, defaultYear: number | null): SpendFilter {
  const out: SpendFilter = {};
  if (filters.from || filters.to) {
    if (filters.from) out.from = filters.from;
    if (filters.to) out.to = filters.to;
  } else {
    const year = filters.year ?? defaultYear;
    if (year) out.fiscalYear = year;
  }
  if (filters.agencies.length) out.agencyIds = filters.agencies;
  if (filters.categories.length) out.categories = filters.categories;
  if (filters.includeNetwork) out.includeNetwork = true;
  return out;
}

export function useFilters(): { filters: Filters; setFilters(next: Filters): void; search: string } {
  const { pathname, search } = useLocation();
  const filters = useMemo(() => parseFilters(search), [search]);
  const setFilters = useCallback(
    (next: Filters) => navigate(pathname + writeFilters(window.location.search, next), { replace: false }),
    [pathname],
  );
  return { filters, setFilters, search };
}
