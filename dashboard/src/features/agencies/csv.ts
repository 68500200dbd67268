import type { CsvColumn } from '../../components/csv.ts';
import type { FlowGraph } from './CategoryChart.tsx';
import type { DistrictSpend } from './DistrictChart.tsx';

export const flowLinkCsv: CsvColumn<FlowGraph['links'][number]>[] = [
  { name: 'source', value: (r) => r.source },
  { name: 'target', value: (r) => r.target },
  { name: 'value', value: (r) => r.value },
];

export const districtCsv: CsvColumn<DistrictSpend>[] = [
  { name: 'regionCode', value: (r) => r.region.code },
  { name: 'regionName', value: (r) => r.region.name },
  { name: 'toLocalUmkm', value: (r) => r.toLocalUmkm },
  { name: 'sellersReached', value: (r) => r.sellersReached },
];
