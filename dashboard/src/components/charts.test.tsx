import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CategoryChart } from '../features/agencies/CategoryChart.tsx';
import { DistrictChart } from '../features/agencies/DistrictChart.tsx';
import { NetworkReachChart } from '../features/agencies/NetworkReachChart.tsx';
import { ScorecardTable } from '../features/agencies/ScorecardTable.tsx';
import { AmplificationChart } from '../features/domino/AmplificationChart.tsx';
import { FlowSankey } from '../features/domino/FlowSankey.tsx';
import { RoundsChart } from '../features/domino/RoundsChart.tsx';
import { AgencyRanking } from '../features/overview/AgencyRanking.tsx';
import { KpiCards } from '../features/overview/KpiCards.tsx';
import { TrendChart } from '../features/overview/TrendChart.tsx';
import { ProgramChart } from '../features/programs/ProgramChart.tsx';
import { ProgramTable } from '../features/programs/ProgramTable.tsx';
import { MarketAccessChart } from '../features/umkm/MarketAccessChart.tsx';
import { ProgressChart } from '../features/umkm/ProgressChart.tsx';
import { RecoveryChart } from '../features/umkm/RecoveryChart.tsx';
import { SnapshotChart } from '../features/umkm/RegistryEntryPage.tsx';
import { I18nProvider, type Locale } from '../i18n/i18n.tsx';
import * as fx from '../test/fixtures.ts';

const W = 800;
const snapshots = fx.entry.node?.__typename === 'Enterprise' ? fx.entry.node.snapshots.edges.map((e) => e.node) : [];

function show(ui: ReactElement, locale: Locale = 'id') {
  return render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
}

// What the charts draw, counted in the DOM recharts renders.
const BARS = '.recharts-bar-rectangle'; // one per drawn bar or stacked segment (a zero value draws none)
const LINES = 'path.recharts-line-curve';
const DOTS = '.recharts-line-dots circle';
const X_TICKS = '.recharts-xAxis .recharts-cartesian-axis-tick';
const Y_TICKS = '.recharts-yAxis .recharts-cartesian-axis-tick';
const LINKS = '.recharts-sankey-link';
const NODES = 'svg.recharts-surface rect'; // the Sankey's node shapes are its only rects

/**
 * Every chart, the texts it must show, and the marks its fixture implies, counted by hand from
 * test/fixtures.ts (a category axis has one tick per category).
 */
const charts: Array<[string, () => ReactElement, string[], Record<string, number>]> = [
  // 3 months; January and February have a total and a local amount (2 × 2 bars), March is empty
  // (no bar, but its tick); the share line has a dot for the 2 months with a share.
  [
    'TrendChart',
    () => <TrendChart points={fx.trend.spendTrend} width={W} />,
    ['Target 45 %'],
    { [BARS]: 4, [X_TICKS]: 3, [DOTS]: 2 },
  ],
  // 3 agencies, each with a positive share: one bar and one tick each.
  [
    'AgencyRanking',
    () => <AgencyRanking rows={fx.scorecard.agencyScorecard} width={W} tone="best" />,
    ['60,0 % · A+', '40,0 % · C', '10,0 % · F'],
    { [BARS]: 3, [Y_TICKS]: 3 },
  ],
  // 2 categories (food staples, garments), each split into local UMKM and outside other: 4 segments.
  ['CategoryChart', () => <CategoryChart flows={fx.flows.spendFlows} width={W} />, [], { [BARS]: 4, [Y_TICKS]: 2 }],
  // Direct, then the 2 unit types (school, technical unit): 3 bars.
  [
    'NetworkReachChart',
    () => <NetworkReachChart reach={fx.reach.networkReach} width={W} />,
    ['1,50×'],
    { [BARS]: 3, [X_TICKS]: 3 },
  ],
  // 3 districts on the axis; Terentang received 0, so 2 bars.
  [
    'DistrictChart',
    () => <DistrictChart rows={fx.districts.spendByDistrict} width={W} />,
    [],
    { [BARS]: 2, [Y_TICKS]: 3 },
  ],
  // 3 rounds: 100, 25 and 5 million.
  [
    'RoundsChart',
    () => <RoundsChart domino={fx.domino.dominoEffect} width={W} />,
    ['1,30×', 'Rp 100 jt', 'Rp 25 jt', 'Rp 5 jt'],
    { [BARS]: 3, [X_TICKS]: 3 },
  ],
  // 4 nodes (2 categories, 2 seller classes) and the 4 links between them.
  ['FlowSankey', () => <FlowSankey flows={fx.flows.spendFlows} width={W} />, [], { [LINKS]: 4, [NODES]: 4 }],
  // One agency, with an amplification.
  [
    'AmplificationChart',
    () => <AmplificationChart rows={[fx.reach.networkReach]} width={W} />,
    ['1,50×'],
    { [BARS]: 1, [Y_TICKS]: 1 },
  ],
  // 2 programs; the first has budget, realized and local bars, the second (nothing spent) only budget.
  [
    'ProgramChart',
    () => <ProgramChart rows={fx.outcomes.programOutcomes} width={W} />,
    [],
    { [BARS]: 4, [X_TICKS]: 2 },
  ],
  // 2 sectors, each a line over the same 4 periods.
  [
    'RecoveryChart',
    () => <RecoveryChart series={fx.recovery.recoveryIndex} groupBy="SECTOR" width={W} />,
    ['Basis 2019'],
    { [LINES]: 2, [X_TICKS]: 4 },
  ],
  // 2 groups (with market access, trained only), each active + inactive + unknown: 6 segments.
  [
    'MarketAccessChart',
    () => <MarketAccessChart effect={fx.marketAccess.marketAccessEffect} width={W} />,
    ['89,5 %', '62,2 %'],
    { [BARS]: 6, [Y_TICKS]: 2 },
  ],
  // 2 districts, each an enterprise and a cooperative progress bar.
  [
    'ProgressChart',
    () => <ProgressChart rows={fx.progress.dataCollectionProgress} width={W} />,
    [],
    { [BARS]: 4, [Y_TICKS]: 2 },
  ],
  // One revenue line over the entry's 2 surveys.
  ['SnapshotChart', () => <SnapshotChart snapshots={snapshots} width={W} />, [], { [LINES]: 1, [X_TICKS]: 2 }],
];

describe('charts', () => {
  it.each(charts)('%s draws its data as SVG: the marks and texts its fixture implies', (_name, make, texts, marks) => {
    const { container } = show(make());
    expect(container.querySelector('svg.recharts-surface')).not.toBeNull();
    const counted = Object.fromEntries(Object.keys(marks).map((s) => [s, container.querySelectorAll(s).length]));
    expect(counted).toEqual(marks);
    for (const text of texts) expect(container.textContent).toContain(text);
  });

  it('TrendChart draws one bar pair per period, the empty month included', () => {
    const { container } = show(<TrendChart points={fx.trend.spendTrend} width={W} />);
    // January and February: a total and a local bar each; March (empty) keeps its place on the axis.
    expect(container.querySelectorAll(BARS).length).toBe(4);
    expect(container.querySelectorAll(X_TICKS).length).toBe(3);
  });

  it('FlowSankey draws a band for every link the API returned', () => {
    const { container } = show(<FlowSankey flows={fx.flows.spendFlows} width={W} />);
    expect(container.querySelectorAll(LINKS).length).toBe(4);
  });

  it('RoundsChart says the multiplier is a lower bound', () => {
    show(<RoundsChart domino={fx.domino.dominoEffect} width={W} />);
    expect(screen.getByRole('note').textContent).toMatch(/Batas bawah/);
  });

  it('RoundsChart says when the limit did not converge', () => {
    show(
      <RoundsChart domino={{ ...fx.domino.dominoEffect, converged: false, limitMultiplier: null }} width={W} />,
      'en',
    );
    expect(screen.getByText('did not converge')).toBeTruthy();
  });
});

describe('KPI cards', () => {
  it.each<[Locale, string, string, string]>([
    ['id', 'Rp 45,7 M', 'Rp 20,6 M', '41,6 %'],
    ['en', 'Rp 45.7 B', 'Rp 20.6 B', '41.6%'],
  ])('shows the API summary in %s', (locale, total, local, umk) => {
    const { container } = show(<KpiCards summary={fx.summary.spendSummary} multiplier={1.3} />, locale);
    const value = (id: string) => container.querySelector(`[data-kpi="${id}"] .kpi-value`)?.textContent;
    expect(value('total')).toBe(total);
    expect(value('toLocalUmkm')).toBe(local);
    expect(value('umkShare')).toBe(umk);
    expect(container.querySelector('[data-kpi="total"] .kpi-value')?.getAttribute('title')).toBe(
      locale === 'id' ? 'Rp45.670.000.000' : 'Rp45,670,000,000',
    );
  });

  it('marks the local share as meeting its target, and shows a dash for a share without spending', () => {
    const { container, unmount } = show(<KpiCards summary={fx.summary.spendSummary} multiplier={null} />);
    expect(container.querySelector('[data-kpi="toLocalUmkm"] .badge-met')).not.toBeNull();
    expect(container.querySelector('[data-kpi="multiplier"] .kpi-value')?.textContent).toBe('–');
    unmount();
    const empty = show(<KpiCards summary={fx.summaryEmpty.spendSummary} multiplier={null} />);
    expect(empty.container.querySelector('[data-kpi="umkShare"] .kpi-value')?.textContent).toBe('–');
  });
});

describe('tables', () => {
  it('ScorecardTable shows grades as A+ … F and filters by search', () => {
    const { container, rerender } = show(<ScorecardTable rows={fx.scorecard.agencyScorecard} search="" />);
    expect([...container.querySelectorAll('[data-grade]')].map((e) => e.textContent)).toEqual(['A+', 'C', 'F']);
    rerender(
      <I18nProvider locale="id">
        <ScorecardTable rows={fx.scorecard.agencyScorecard} search="kesehatan" />
      </I18nProvider>,
    );
    expect(container.querySelectorAll('tbody tr').length).toBe(1);
  });

  it('ScorecardTable sorts by a column when its header is pressed', () => {
    const { container } = show(<ScorecardTable rows={fx.scorecard.agencyScorecard} search="" />);
    const button = [...container.querySelectorAll('th button')].find((b) => b.textContent?.startsWith('Belanja'));
    (button as HTMLButtonElement).click();
    const first = () => container.querySelector('tbody tr td:nth-child(2)')?.textContent;
    return Promise.resolve().then(() => {
      expect(first()).toBe('Sekretariat Daerah');
      expect(button?.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    });
  });

  it('ProgramTable shows each status in words', () => {
    const { container } = show(<ProgramTable rows={fx.outcomes.programOutcomes} />);
    expect([...container.querySelectorAll('[data-status]')].map((e) => e.textContent)).toEqual([
      '✓ Tercapai',
      '○ Belum ada belanja',
    ]);
  });
});
