import { ChartCard } from '../../components/ChartCard.tsx';
import type { CsvColumn } from '../../components/csv.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataState } from '../../components/States.tsx';
import { useViewer } from '../../data.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, useLocation } from '../../router.tsx';
import { SignedInOnly } from '../auth/SignedInOnly.tsx';
import { trendCsv } from '../overview/csv.ts';
import { KpiCards } from '../overview/KpiCards.tsx';
import { TrendChart } from '../overview/TrendChart.tsx';
import { useSpendTrend } from '../overview/useOverview.ts';
import { outcomeCsv, ProgramTable } from '../programs/ProgramTable.tsx';
import { useProgramOutcomes } from '../programs/usePrograms.ts';
import { CategoryChart } from './CategoryChart.tsx';
import { districtCsv, flowLinkCsv } from './csv.ts';
import { DistrictChart } from './DistrictChart.tsx';
import { type NetworkReach, NetworkReachChart } from './NetworkReachChart.tsx';
import { PurchasesTable, purchaseCsv } from './PurchasesTable.tsx';
import {
  useAgency,
  useAgencyCategories,
  useAgencyPurchases,
  useAgencySummary,
  useDistrictSpend,
  useNetworkReach,
} from './useAgency.ts';

type ReachRow = {
  group: string;
  units: number | null;
  total: number;
  toLocalUmkm: number;
  localUmkmShare: number | null;
};
export function reachRows(r: NetworkReach): ReachRow[] {
  return [
    { group: 'DIRECT', units: null, ...r.direct },
    { group: 'NETWORK', units: null, ...r.network },
    ...r.byUnitType.map((u) => ({ group: u.unitType, units: u.units, ...u.summary })),
  ];
}
const reachCsv: CsvColumn<ReachRow>[] = [
  { name: 'group', value: (r) => r.group },
  { name: 'units', value: (r) => r.units },
  { name: 'total', value: (r) => r.total },
  { name: 'toLocalUmkm', value: (r) => r.toLocalUmkm },
  { name: 'localUmkmShare', value: (r) => r.localUmkmShare },
];

export default function AgencyPage({ id }: { id: string }) {
  const i = useI18n();
  const { search } = useLocation();
  const agency = useAgency(id);
  const summary = useAgencySummary(id);
  const trend = useSpendTrend('MONTH', [id]);
  const categories = useAgencyCategories(id);
  const reach = useNetworkReach(id);
  const programs = useProgramOutcomes(id).result;
  const purchases = useAgencyPurchases(id, useViewer().canReadTransactions);
  const districts = useDistrictSpend(id);
  const a = agency.data?.node?.__typename === 'Agency' ? agency.data.node : null;
  return (
    <>
      <p className="no-print">
        <Link to={`/skpd${search}`}>{i.t('agency.back')}</Link>
      </p>
      <DataState result={agency} height={60}>
        {() =>
          a ? (
            <PageHeader
              title={a.name}
              lead={`${a.code}${a.shortName ? ` · ${a.shortName}` : ''} · ${i.t('agency.title')}`}
            />
          ) : (
            <p>{i.t('agency.notFound')}</p>
          )
        }
      </DataState>
      <section aria-label={i.t('agency.title')} className="kpi-section">
        <DataState result={summary} height={132}>
          {(d) => <KpiCards summary={d.spendSummary} />}
        </DataState>
      </section>
      <ChartCard
        measure="spendTrend"
        id="tren-skpd"
        title={i.t('agency.trend')}
        result={trend}
        csv={(d) => ({ rows: d.spendTrend, columns: trendCsv })}
      >
        {(d, width) => <TrendChart points={d.spendTrend} width={width} />}
      </ChartCard>
      <div className="grid-2">
        <ChartCard
          measure="spendFlows"
          id="kategori-skpd"
          title={i.t('agency.byCategory')}
          result={categories}
          csv={(d) => ({ rows: d.spendFlows.links, columns: flowLinkCsv })}
        >
          {(d, width) => <CategoryChart flows={d.spendFlows} width={width} />}
        </ChartCard>
        <ChartCard
          measure="networkReach"
          id="jangkauan-jejaring"
          title={i.t('agency.network')}
          description={i.t('agency.networkLead')}
          result={reach}
          csv={(d) => ({ rows: reachRows(d.networkReach), columns: reachCsv })}
        >
          {(d, width) => <NetworkReachChart reach={d.networkReach} width={width} />}
        </ChartCard>
      </div>
      <ChartCard
        measure="programOutcomes"
        id="program-skpd"
        title={i.t('agency.programs')}
        result={programs}
        png={false}
        csv={(d) => ({ rows: d.programOutcomes, columns: outcomeCsv })}
      >
        {(d) => <ProgramTable rows={d.programOutcomes} compact />}
      </ChartCard>
      <div className="grid-2">
        <SignedInOnly id="pembelian-terbesar" title={i.t('agency.suppliers')}>
          <ChartCard
            id="pembelian-terbesar"
            title={i.t('agency.suppliers')}
            result={purchases}
            png={false}
            csv={(d) => ({ rows: d.transactions.edges.map((e) => e.node), columns: purchaseCsv })}
          >
            {(d) => <PurchasesTable rows={d.transactions.edges.map((e) => e.node)} show="seller" />}
          </ChartCard>
        </SignedInOnly>
        <ChartCard
          measure="spendByDistrict"
          id="kecamatan-skpd"
          title={i.t('agency.byDistrict')}
          result={districts}
          csv={(d) => ({ rows: d.spendByDistrict, columns: districtCsv })}
        >
          {(d, width) => <DistrictChart rows={d.spendByDistrict} width={width} />}
        </ChartCard>
      </div>
    </>
  );
}
