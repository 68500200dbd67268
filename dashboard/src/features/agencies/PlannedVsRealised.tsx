import { useApi } from '../../api.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { CsvColumn } from '../../components/csv.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { useSpendFilter } from '../../data.ts';
import { GetPlannedVsRealisedDocument, type GetPlannedVsRealisedQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';

export type PlanRow = GetPlannedVsRealisedQuery['plannedVsRealised'][number];

/** The one fiscal year of the filter bar (a year, or a date range inside one year); null otherwise. */
function filterYear(filter: { fiscalYear?: number | null; from?: string | null; to?: string | null }): number | null {
  if (filter.fiscalYear) return filter.fiscalYear;
  const from = filter.from?.slice(0, 4);
  return from && from === filter.to?.slice(0, 4) ? Number(from) : null;
}

/** plannedVsRealised for the filter bar's year, agencies and network choice (the API computes it). */
export function usePlannedVsRealised() {
  const { filter, ready } = useSpendFilter();
  const year = filterYear(filter);
  const result = useApi(
    GetPlannedVsRealisedDocument,
    {
      fiscalYear: year ?? 0,
      agencyIds: filter.agencyIds ?? null,
      includeNetwork: filter.includeNetwork ?? false,
    },
    { pause: !ready || year === null, isEmpty: (d) => d.plannedVsRealised.length === 0 },
  );
  return { year, result };
}

export const planCsv: CsvColumn<PlanRow>[] = [
  { name: 'agencyId', value: (r) => r.agency.id },
  { name: 'agencyCode', value: (r) => r.agency.code },
  { name: 'agencyName', value: (r) => r.agency.name },
  { name: 'fiscalYear', value: (r) => r.fiscalYear },
  { name: 'planCount', value: (r) => r.planCount },
  { name: 'plannedTotal', value: (r) => r.plannedTotal },
  { name: 'planCountForSmall', value: (r) => r.planCountForSmall },
  { name: 'plannedForSmall', value: (r) => r.plannedForSmall },
  { name: 'plannedSmallShare', value: (r) => r.plannedSmallShare },
  { name: 'realisedTotal', value: (r) => r.realisedTotal },
  { name: 'realisedToSmall', value: (r) => r.realisedToSmall },
  { name: 'realisedSmallShare', value: (r) => r.realisedSmallShare },
  { name: 'realisationRate', value: (r) => r.realisationRate },
];

/** Paid ÷ planned as a percentage and a bar (full at 100 % and beyond). */
function RateBar({ rate }: { rate: number | null }) {
  const i = useI18n();
  return (
    <span className="rate" data-rate={rate ?? ''}>
      <span className="rate-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(1, rate ?? 0) * 100}%` }} />
      </span>
      {i.pct(rate, 0)}
    </span>
  );
}

/** One row per agency as the API orders them (most planned for small businesses first); every column sortable. */
export function PlannedVsRealisedTable({ rows }: { rows: readonly PlanRow[] }) {
  const i = useI18n();
  const money = (value: number) => <span title={i.rpFull(value)}>{i.rp(value)}</span>;
  const columns: Column<PlanRow>[] = [
    {
      id: 'agency',
      header: i.t('plan.agency'),
      cell: (r) => (
        <Link to={`/skpd/${encodeURIComponent(r.agency.id)}${window.location.search}`}>{r.agency.name}</Link>
      ),
      sort: (r) => r.agency.name,
    },
    {
      id: 'packages',
      header: i.t('plan.packages'),
      cell: (r) => `${i.num(r.planCount)} (${i.num(r.planCountForSmall)})`,
      sort: (r) => r.planCount,
      align: 'right',
    },
    {
      id: 'plannedTotal',
      header: i.t('plan.plannedTotal'),
      cell: (r) => money(r.plannedTotal),
      sort: (r) => r.plannedTotal,
      align: 'right',
    },
    {
      id: 'plannedForSmall',
      header: i.t('plan.plannedForSmall'),
      cell: (r) => money(r.plannedForSmall),
      sort: (r) => r.plannedForSmall,
      align: 'right',
    },
    {
      id: 'realisedToSmall',
      header: i.t('plan.realisedToSmall'),
      cell: (r) => money(r.realisedToSmall),
      sort: (r) => r.realisedToSmall,
      align: 'right',
    },
    {
      id: 'realisedTotal',
      header: i.t('plan.realisedTotal'),
      cell: (r) => money(r.realisedTotal),
      sort: (r) => r.realisedTotal,
      align: 'right',
    },
    {
      id: 'rate',
      header: i.t('plan.rate'),
      cell: (r) => <RateBar rate={r.realisationRate} />,
      sort: (r) => r.realisationRate,
      align: 'right',
    },
  ];
  return (
    <>
      <p className="muted small" aria-live="polite">
        {i.t('plan.count', { n: rows.length })}
      </p>
      <DataTable rows={rows} columns={columns} rowKey={(r) => r.agency.id} caption={i.t('plan.title')} />
    </>
  );
}

/** The SKPD page's card: the comparison for the filter's year, or a note when the filter spans years. */
export function PlannedVsRealisedCard() {
  const i = useI18n();
  const { year, result } = usePlannedVsRealised();
  if (year === null) {
    return (
      <section className="card" data-chart="rencana-vs-realisasi">
        <header className="card-header">
          <h2>{i.t('plan.title')}</h2>
        </header>
        <p className="card-body muted">{i.t('plan.noYear')}</p>
      </section>
    );
  }
  return (
    <ChartCard
      measure="plannedVsRealised"
      id="rencana-vs-realisasi"
      title={i.t('plan.title')}
      description={i.t('plan.lead', { year })}
      result={result}
      png={false}
      csv={(d) => ({ rows: d.plannedVsRealised, columns: planCsv })}
    >
      {(d) => <PlannedVsRealisedTable rows={d.plannedVsRealised} />}
    </ChartCard>
  );
}
