import { ChartCard } from '../../components/ChartCard.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataState } from '../../components/States.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AgencyRanking } from './AgencyRanking.tsx';
import { scoreCsv, trendCsv } from './csv.ts';
import { KpiCards } from './KpiCards.tsx';
import { TrendChart } from './TrendChart.tsx';
import { useAgencyScorecard, useDominoEffect, useSpendSummary, useSpendTrend } from './useOverview.ts';

const TOP = 5;

export default function OverviewPage() {
  const { t } = useI18n();
  const trend = useSpendTrend('MONTH');
  const summary = useSpendSummary(trend.state === 'loading');
  const scorecard = useAgencyScorecard(summary.state === 'loading');
  const domino = useDominoEffect(scorecard.state === 'loading');
  const multiplier =
    domino.state === 'ok'
      ? (domino.data?.dominoEffect.multiplier ?? null)
      : domino.state === 'loading'
        ? 'loading'
        : null;
  return (
    <>
      <PageHeader title={t('overview.title')} lead={t('overview.lead')} />
      <section aria-label={t('overview.title')} className="kpi-section">
        <DataState result={summary} height={132}>
          {(d) => <KpiCards summary={d.spendSummary} multiplier={multiplier} />}
        </DataState>
      </section>
      <ChartCard
        measure="spendTrend"
        id="tren-bulanan"
        title={t('overview.trend')}
        result={trend}
        csv={(d) => ({ rows: d.spendTrend, columns: trendCsv })}
        height={300}
      >
        {(d, width) => <TrendChart points={d.spendTrend} width={width} />}
      </ChartCard>
      <div className="grid-2">
        <ChartCard
          measure="agencyScorecard"
          id="skpd-terbaik"
          title={t('overview.best')}
          result={scorecard}
          csv={(d) => ({ rows: d.agencyScorecard.slice(0, TOP), columns: scoreCsv })}
        >
          {(d, width) => <AgencyRanking rows={d.agencyScorecard.slice(0, TOP)} width={width} tone="best" />}
        </ChartCard>
        <ChartCard
          measure="agencyScorecard"
          id="skpd-terendah"
          title={t('overview.worst')}
          result={scorecard}
          csv={(d) => ({ rows: worst(d.agencyScorecard), columns: scoreCsv })}
        >
          {(d, width) => <AgencyRanking rows={worst(d.agencyScorecard)} width={width} tone="worst" />}
        </ChartCard>
      </div>
    </>
  );
}

/** The last few of the API's ranking, lowest first (agencies without a share are left out). */
function worst<T extends { localUmkmShare: number | null }>(rows: readonly T[]): T[] {
  return rows
    .filter((r) => r.localUmkmShare !== null)
    .slice(-TOP)
    .reverse();
}
