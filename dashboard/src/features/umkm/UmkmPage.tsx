import { useId } from 'react';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { CsvColumn } from '../../components/csv.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { YearSelect } from '../../components/YearSelect.tsx';
import { useDefaultYear } from '../../data.ts';
import { RecoveryGroup } from '../../graphql/generated/enums.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { navigate, useLocation } from '../../router.tsx';
import { type MarketAccess, MarketAccessChart } from './MarketAccessChart.tsx';
import { type DistrictProgress, ProgressChart } from './ProgressChart.tsx';
import { RecoveryChart, type RecoverySeries } from './RecoveryChart.tsx';
import { RegistryTables } from './RegistryTables.tsx';
import { useCollectionProgress, useMarketAccess, useRecoveryIndex } from './useUmkm.ts';

type RecoveryRow = {
  key: string;
  label: string;
  period: string;
  index: number | null;
  activeShare: number | null;
  panelSize: number;
};
const recoveryCsv: CsvColumn<RecoveryRow>[] = [
  { name: 'key', value: (r) => r.key },
  { name: 'label', value: (r) => r.label },
  { name: 'period', value: (r) => r.period },
  { name: 'index', value: (r) => r.index },
  { name: 'activeShare', value: (r) => r.activeShare },
  { name: 'panelSize', value: (r) => r.panelSize },
];
const recoveryRows = (series: readonly RecoverySeries[]): RecoveryRow[] =>
  series.flatMap((s) => s.points.map((p) => ({ key: s.key, label: s.label, ...p })));

type AccessRow = {
  group: string;
  size: number;
  active: number;
  inactive: number;
  unknown: number;
  survivalRate: number | null;
};
const accessCsv: CsvColumn<AccessRow>[] = [
  { name: 'group', value: (r) => r.group },
  { name: 'size', value: (r) => r.size },
  { name: 'active', value: (r) => r.active },
  { name: 'inactive', value: (r) => r.inactive },
  { name: 'unknown', value: (r) => r.unknown },
  { name: 'survivalRate', value: (r) => r.survivalRate },
];
const accessRows = (m: MarketAccess): AccessRow[] => [
  { group: 'withMarket', ...m.withMarket },
  { group: 'trainedOnly', ...m.trainedOnly },
];

const progressCsv: CsvColumn<DistrictProgress>[] = [
  { name: 'regionCode', value: (r) => r.region.code },
  { name: 'regionName', value: (r) => r.region.name },
  { name: 'enterprisesRegistered', value: (r) => r.enterprisesRegistered },
  { name: 'enterprisesVerified', value: (r) => r.enterprisesVerified },
  { name: 'enterprisesTarget', value: (r) => r.enterprisesTarget },
  { name: 'enterprisesProgress', value: (r) => r.enterprisesProgress },
  { name: 'cooperativesRegistered', value: (r) => r.cooperativesRegistered },
  { name: 'cooperativesVerified', value: (r) => r.cooperativesVerified },
  { name: 'cooperativesTarget', value: (r) => r.cooperativesTarget },
  { name: 'cooperativesProgress', value: (r) => r.cooperativesProgress },
];

function usePageParam(name: string): [string | null, (v: string) => void] {
  const { pathname, search } = useLocation();
  const value = new URLSearchParams(search).get(name);
  return [
    value,
    (v: string) => {
      const q = new URLSearchParams(window.location.search);
      q.set(name, v);
      navigate(`${pathname}?${q.toString()}`, { replace: true });
    },
  ];
}

export default function UmkmPage() {
  const i = useI18n();
  const { year: lastYear, years } = useDefaultYear();
  const [groupParam, setGroup] = usePageParam('kelompok');
  const [cohortParam, setCohort] = usePageParam('angkatan');
  const [progressParam, setProgress] = usePageParam('pendataan');
  const groupBy: RecoveryGroup = Object.hasOwn(RecoveryGroup, groupParam ?? '')
    ? (groupParam as RecoveryGroup)
    : 'SECTOR';
  // A cohort needs the year after it to be observed: default to the year before the latest.
  const cohortYears = years.filter((y) => lastYear === null || y < lastYear);
  const cohortYear = Number(cohortParam) || (lastYear ? lastYear - 1 : null);
  const progressYear = Number(progressParam) || lastYear;
  const recovery = useRecoveryIndex(groupBy, null);
  const access = useMarketAccess(cohortYear);
  const progress = useCollectionProgress(progressYear);
  const groupId = useId();
  return (
    <>
      <PageHeader title={i.t('umkm.title')} lead={i.t('umkm.lead')} />
      <ChartCard
        measure="recoveryIndex"
        id="indeks-pemulihan"
        title={i.t('umkm.recovery')}
        result={recovery}
        csv={(d) => ({ rows: recoveryRows(d.recoveryIndex), columns: recoveryCsv })}
        height={320}
        controls={
          <div className="filter-field">
            <label htmlFor={groupId} className="filter-label">
              {i.t('umkm.groupBy')}
            </label>
            <select id={groupId} value={groupBy} onChange={(e) => setGroup(e.target.value)}>
              {Object.values(RecoveryGroup).map((g) => (
                <option key={g} value={g}>
                  {i.t(`group.${g}`)}
                </option>
              ))}
            </select>
          </div>
        }
      >
        {(d, width) => <RecoveryChart series={d.recoveryIndex} groupBy={groupBy} width={width} />}
      </ChartCard>
      <div className="grid-2">
        <ChartCard
          measure="marketAccessEffect"
          id="efek-akses-pasar"
          title={i.t('umkm.marketAccess', { year: cohortYear ?? '' })}
          result={access}
          csv={(d) => ({ rows: accessRows(d.marketAccessEffect), columns: accessCsv })}
          controls={
            <YearSelect label={i.t('umkm.cohortYear')} years={cohortYears} value={cohortYear} onChange={setCohort} />
          }
        >
          {(d, width) => <MarketAccessChart effect={d.marketAccessEffect} width={width} />}
        </ChartCard>
        <ChartCard
          measure="dataCollectionProgress"
          id="kemajuan-pendataan"
          title={i.t('umkm.progress', { year: progressYear ?? '' })}
          result={progress}
          csv={(d) => ({ rows: d.dataCollectionProgress, columns: progressCsv })}
          controls={
            <YearSelect label={i.t('filter.fiscalYear')} years={years} value={progressYear} onChange={setProgress} />
          }
        >
          {(d, width) => <ProgressChart rows={d.dataCollectionProgress} width={width} />}
        </ChartCard>
      </div>
      <RegistryTables />
    </>
  );
}
