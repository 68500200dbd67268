import { useApi } from '../../api.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { CsvColumn } from '../../components/csv.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataState } from '../../components/States.tsx';
import { YearSelect } from '../../components/YearSelect.tsx';
import { useAbout, useDefaultYear } from '../../data.ts';
import { useFilters } from '../../filters/filters.ts';
import { GetProvinceOverviewDocument, type GetProvinceOverviewQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { switchRegency } from '../../regency.ts';
import { Link, useLocation } from '../../router.tsx';
import { ShareBars } from './ShareBars.tsx';

export type RegencyLine = GetProvinceOverviewQuery['provinceOverview']['regencies'][number];

const csvColumns: CsvColumn<RegencyLine>[] = [
  { name: 'rank', value: (r) => r.rank },
  { name: 'regency_code', value: (r) => r.regency.code },
  { name: 'regency', value: (r) => r.regency.name },
  { name: 'total', value: (r) => r.summary.total },
  { name: 'to_local_umkm', value: (r) => r.summary.toLocalUmkm },
  { name: 'local_umkm_share', value: (r) => r.summary.localUmkmShare },
  { name: 'target', value: (r) => r.summary.target },
  { name: 'to_local', value: (r) => r.summary.toLocal },
  { name: 'local_share', value: (r) => r.summary.localShare },
];

/**
 * The province page: the regencies of the shown regency's province side by side for a fiscal year,
 * as the API ranks them (provinceOverview; docs/metrics-outcomes.md "Province overview"). A regency's name
 * opens its own overview (the switcher's link).
 */
export default function ProvincePage() {
  const i = useI18n();
  const { search } = useLocation();
  const about = useAbout();
  const { filters, setFilters } = useFilters();
  const { year: lastYear, years } = useDefaultYear();
  const year = filters.year ?? lastYear;
  const province = about.data?.about.tenantId.slice(0, 2) ?? null;
  const result = useApi(
    GetProvinceOverviewDocument,
    { province: province ?? '', fiscalYear: year ?? 0 },
    { pause: !province || !year, isEmpty: (d) => d.provinceOverview.regencies.length === 0 },
  );
  const name = result.data?.provinceOverview.provinceName ?? '';
  const total = result.data?.provinceOverview.total;
  const columns: Column<RegencyLine>[] = [
    { id: 'rank', header: i.t('score.rank'), cell: (r) => r.rank ?? '–', sort: (r) => r.rank, align: 'right' },
    {
      id: 'regency',
      header: i.t('province.regency'),
      cell: (r) => <Link to={switchRegency('/', search, r.regency.code)}>{r.regency.name}</Link>,
      sort: (r) => r.regency.name,
    },
    {
      id: 'total',
      header: i.t('score.total'),
      cell: (r) => i.rp(r.summary.total),
      sort: (r) => r.summary.total,
      align: 'right',
    },
    {
      id: 'toLocalUmkm',
      header: i.t('kpi.toLocalUmkm'),
      cell: (r) => i.rp(r.summary.toLocalUmkm),
      sort: (r) => r.summary.toLocalUmkm,
      align: 'right',
    },
    {
      id: 'share',
      header: i.t('province.share'),
      cell: (r) => i.pct(r.summary.localUmkmShare),
      sort: (r) => r.summary.localUmkmShare,
      align: 'right',
    },
    { id: 'target', header: i.t('province.target'), cell: (r) => i.pct(r.summary.target), align: 'right' },
    {
      id: 'toLocal',
      header: i.t('province.toLocal'),
      cell: (r) => `${i.rp(r.summary.toLocal)} (${i.pct(r.summary.localShare)})`,
      sort: (r) => r.summary.toLocal,
      align: 'right',
    },
  ];
  return (
    <>
      <PageHeader
        title={name ? i.t('province.titleOf', { name }) : i.t('province.title')}
        lead={i.t('province.lead')}
        actions={
          <YearSelect
            label={i.t('filter.fiscalYear')}
            years={years}
            value={year}
            onChange={(y) => setFilters({ ...filters, year: Number(y), from: null, to: null })}
          />
        }
      />
      {total ? (
        <p className="province-total" data-testid="province-total">
          {i.t('province.total', {
            total: i.rp(total.total),
            local: i.rp(total.toLocalUmkm),
            share: i.pct(total.localUmkmShare),
          })}
        </p>
      ) : null}
      <ChartCard
        measure="provinceOverview"
        id="porsi-kabupaten"
        title={i.t('province.chart', { year: year ?? '' })}
        result={result}
        csv={(d) => ({ rows: d.provinceOverview.regencies, columns: csvColumns })}
        height={Math.max(200, (result.data?.provinceOverview.regencies.length ?? 4) * 34 + 40)}
      >
        {(d, width) => (
          <ShareBars rows={d.provinceOverview.regencies} width={width} current={about.data?.about.tenantId} />
        )}
      </ChartCard>
      <section className="card" aria-labelledby="province-table">
        <div className="card-header">
          <h2 id="province-table">{i.t('province.table')}</h2>
        </div>
        <div className="card-body">
          <DataState result={result} height={200}>
            {(d) => (
              <DataTable
                rows={d.provinceOverview.regencies}
                columns={columns}
                rowKey={(r) => r.regency.code}
                caption={i.t('province.table')}
              />
            )}
          </DataState>
        </div>
      </section>
    </>
  );
}
