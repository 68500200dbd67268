import type { CsvColumn } from '../../components/csv.ts';
import type { Score } from './AgencyRanking.tsx';
import type { TrendPoint } from './TrendChart.tsx';

export const trendCsv: CsvColumn<TrendPoint>[] = [
  { name: 'periodStart', value: (r) => r.periodStart },
  { name: 'periodEnd', value: (r) => r.periodEnd },
  { name: 'total', value: (r) => r.total },
  { name: 'transactionCount', value: (r) => r.transactionCount },
  { name: 'toLocalUmkm', value: (r) => r.toLocalUmkm },
  { name: 'localUmkmShare', value: (r) => r.localUmkmShare },
  { name: 'toUmk', value: (r) => r.toUmk },
  { name: 'umkShare', value: (r) => r.umkShare },
  { name: 'sellersReached', value: (r) => r.sellersReached },
  { name: 'target', value: (r) => r.target },
];

export const scoreCsv: CsvColumn<Score>[] = [
  { name: 'rank', value: (r) => r.rank },
  { name: 'agencyId', value: (r) => r.agency.id },
  { name: 'agencyCode', value: (r) => r.agency.code },
  { name: 'agencyName', value: (r) => r.agency.name },
  { name: 'total', value: (r) => r.total },
  { name: 'transactionCount', value: (r) => r.transactionCount },
  { name: 'toLocalUmkm', value: (r) => r.toLocalUmkm },
  { name: 'localUmkmShare', value: (r) => r.localUmkmShare },
  { name: 'sellersReached', value: (r) => r.sellersReached },
  { name: 'target', value: (r) => r.target },
  { name: 'achievement', value: (r) => r.achievement },
  { name: 'grade', value: (r) => r.grade },
];
