import { useState } from 'react';
import { ChartCard } from '../../components/ChartCard.tsx';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { YearSelect } from '../../components/YearSelect.tsx';
import { useDefaultYear } from '../../data.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { DistrictProgress } from '../umkm/ProgressChart.tsx';
import { useCollectionProgress } from '../umkm/useUmkm.ts';

/** A share against its target as a figure and a bar (full at the target; the figure says how far beyond). */
function Achieved({ value }: { value: number | null }) {
  const i = useI18n();
  if (value === null) return <span className="muted">–</span>;
  return (
    <span className="achieved">
      <span className="achieved-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(1, value) * 100}%` }} />
      </span>
      {i.pct(value, 0)}
    </span>
  );
}

/** Data-collection progress (dataCollectionProgress) per kecamatan against the target, for a chosen year. */
export function CollectionProgress() {
  const i = useI18n();
  const { year: lastYear, years } = useDefaultYear();
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? lastYear;
  const progress = useCollectionProgress(year);
  const count = (v: number | null) => (v === null ? '–' : i.num(v));
  const enterprises = i.t('pendataan.enterprises');
  const cooperatives = i.t('pendataan.cooperatives');
  const columns: Column<DistrictProgress>[] = [
    { id: 'district', header: i.t('pendataan.district'), cell: (r) => r.region.name },
    {
      id: 'eRegistered',
      header: `${enterprises}: ${i.t('pendataan.registered')}`,
      cell: (r) => count(r.enterprisesRegistered),
      align: 'right',
    },
    {
      id: 'eVerified',
      header: i.t('pendataan.verifiedCount'),
      cell: (r) => count(r.enterprisesVerified),
      align: 'right',
    },
    { id: 'eTarget', header: i.t('pendataan.target'), cell: (r) => count(r.enterprisesTarget), align: 'right' },
    {
      id: 'eAchieved',
      header: i.t('pendataan.achieved'),
      cell: (r) => <Achieved value={r.enterprisesProgress} />,
      sort: (r) => r.enterprisesProgress,
    },
    {
      id: 'cRegistered',
      header: `${cooperatives}: ${i.t('pendataan.registered')}`,
      cell: (r) => count(r.cooperativesRegistered),
      align: 'right',
    },
    {
      id: 'cVerified',
      header: i.t('pendataan.verifiedCount'),
      cell: (r) => count(r.cooperativesVerified),
      align: 'right',
    },
    { id: 'cTarget', header: i.t('pendataan.target'), cell: (r) => count(r.cooperativesTarget), align: 'right' },
    {
      id: 'cAchieved',
      header: i.t('pendataan.achieved'),
      cell: (r) => <Achieved value={r.cooperativesProgress} />,
      sort: (r) => r.cooperativesProgress,
    },
  ];
  return (
    <ChartCard
      measure="dataCollectionProgress"
      id="kemajuan-pendataan"
      title={i.t('pendataan.progress', { year: year ?? '' })}
      result={progress}
      png={false}
      height={300}
      controls={
        <YearSelect
          label={i.t('filter.fiscalYear')}
          years={years}
          value={year ?? null}
          onChange={(y) => setChosen(Number(y))}
        />
      }
    >
      {(d) => (
        <div data-testid="collection-progress">
          <DataTable rows={d.dataCollectionProgress} columns={columns} rowKey={(r) => r.region.code} />
        </div>
      )}
    </ChartCard>
  );
}
