import { useApi } from '../../api.ts';
import { useSpendFilter } from '../../data.ts';
import { useFilters } from '../../filters/filters.ts';
import { GetProgramDocument, GetProgramOutcomesDocument } from '../../graphql/generated/graphql.ts';

/** Program outcomes for the filter bar's fiscal year; with exactly one agency selected, that agency's. */
export function useProgramOutcomes(agencyIdOverride?: string) {
  const { year, ready } = useSpendFilter();
  const { filters } = useFilters();
  const agencyId = agencyIdOverride ?? (filters.agencies.length === 1 ? filters.agencies[0] : undefined);
  const result = useApi(
    GetProgramOutcomesDocument,
    { fiscalYear: year ?? 0, agencyId: agencyId ?? null },
    { pause: !ready || !year, isEmpty: (d) => d.programOutcomes.length === 0 },
  );
  // Several agencies in the filter bar: the API takes one, so the rows are narrowed to the chosen ones.
  const chosen = new Set(filters.agencies);
  const pick = <T extends { program: { agency: { id: string } } }>(rows: readonly T[]): T[] =>
    chosen.size > 1 ? rows.filter((r) => chosen.has(r.program.agency.id)) : [...rows];
  return { result, year, agencyId, pick };
}

export function useProgram(id: string) {
  return useApi(GetProgramDocument, { id }, { isEmpty: (d) => d.node?.__typename !== 'Program' });
}

export function useOutcomesForYear(fiscalYear: number | null, agencyId: string | null) {
  return useApi(
    GetProgramOutcomesDocument,
    { fiscalYear: fiscalYear ?? 0, agencyId },
    { pause: !fiscalYear, isEmpty: (d) => d.programOutcomes.length === 0 },
  );
}
