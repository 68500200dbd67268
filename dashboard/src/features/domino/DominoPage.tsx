import { useId, useMemo } from 'react';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { CsvColumn } from '../../components/csv.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useAgencies } from '../../data.ts';
import { FlowLevel } from '../../graphql/generated/enums.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { navigate, useLocation } from '../../router.tsx';
import { flowLinkCsv } from '../agencies/csv.ts';
import { useDominoEffect } from '../overview/useOverview.ts';
import { AmplificationChart, type Reach } from './AmplificationChart.tsx';
import { FlowSankey } from './FlowSankey.tsx';
import { type Domino, RoundsChart } from './RoundsChart.tsx';
import { useNetworkAmplification, useSpendFlows } from './useDomino.ts';

export const DEFAULT_LEVELS: FlowLevel[] = ['AGENCY', 'CATEGORY', 'SELLER_CLASS', 'SELLER_DISTRICT'];

export function parseLevels(search: string): FlowLevel[] {
  const raw = new URLSearchParams(search).get('aliran');
  if (!raw) return DEFAULT_LEVELS;
  const levels = raw.split(',').filter((l): l is FlowLevel => Object.hasOwn(FlowLevel, l));
  const unique = [...new Set(levels)];
  return unique.length >= 2 ? unique : DEFAULT_LEVELS;
}

type RoundRow = Domino['rounds'][number];
const roundCsv: CsvColumn<RoundRow>[] = [
  { name: 'round', value: (r) => r.round },
  { name: 'amount', value: (r) => r.amount },
  { name: 'parties', value: (r) => r.parties },
];
const reachCsv: CsvColumn<Reach>[] = [
  { name: 'agencyId', value: (r) => r.agency.id },
  { name: 'agencyName', value: (r) => r.agency.name },
  { name: 'directToLocalUmkm', value: (r) => r.direct.toLocalUmkm },
  { name: 'networkToLocalUmkm', value: (r) => r.network.toLocalUmkm },
  { name: 'amplification', value: (r) => r.amplification },
  { name: 'sellersReachedDirect', value: (r) => r.sellersReachedDirect },
  { name: 'sellersReachedOnlyViaNetwork', value: (r) => r.sellersReachedOnlyViaNetwork },
];

function LevelPicker({ levels }: { levels: FlowLevel[] }) {
  const i = useI18n();
  const { pathname, search } = useLocation();
  const base = useId();
  const set = (index: number, value: string) => {
    const next = [...levels];
    if (value === '') next.splice(index);
    else next[index] = value as FlowLevel;
    const q = new URLSearchParams(search);
    q.set('aliran', [...new Set(next)].join(','));
    navigate(`${pathname}?${q.toString().replace(/%2C/g, ',')}`, { replace: true });
  };
  return (
    <fieldset className="level-picker">
      <legend className="filter-label">{i.t('domino.levels')}</legend>
      {[0, 1, 2, 3].map((k) => (
        <div className="filter-field" key={k}>
          <label htmlFor={`${base}-${k}`} className="visually-hidden">
            {i.t('domino.level', { n: k + 1 })}
          </label>
          <select
            id={`${base}-${k}`}
            value={levels[k] ?? ''}
            disabled={k > levels.length}
            onChange={(e) => set(k, e.target.value)}
          >
            {k >= 2 ? <option value="">{i.t('flow.none')}</option> : null}
            {Object.values(FlowLevel).map((l) => (
              <option key={l} value={l} disabled={levels.includes(l) && levels[k] !== l}>
                {i.t(`flow.${l}`)}
              </option>
            ))}
          </select>
          {k < 3 ? <span aria-hidden="true">→</span> : null}
        </div>
      ))}
    </fieldset>
  );
}

export default function DominoPage() {
  const i = useI18n();
  const { search } = useLocation();
  const levels = parseLevels(search);
  // The flows first, the network figures next, the slow cascade last (one query at a time on PGlite).
  const flows = useSpendFlows(levels);
  const amplification = useNetworkAmplification(10, flows.state === 'loading');
  const cascade = useDominoEffect(flows.state === 'loading' || amplification.state === 'loading');
  // Nothing injected (the filter matches no government purchase from local UMKM): rounds of zeros say nothing.
  const domino: typeof cascade =
    cascade.state === 'ok' && cascade.data?.dominoEffect.injection === 0 ? { ...cascade, state: 'empty' } : cascade;
  // Short agency names for Sankey labels without room (asked once the flows have answered).
  const agencies = useAgencies(flows.state === 'loading');
  const shortNames = useMemo(
    () =>
      new Map(
        (agencies.data?.agencies.edges ?? []).flatMap((e) =>
          e.node.shortName ? [[e.node.id, e.node.shortName] as const] : [],
        ),
      ),
    [agencies.data],
  );
  return (
    <>
      <PageHeader title={i.t('domino.title')} lead={i.t('domino.lead')} />
      <div className="grid-2 grid-wide-left">
        <ChartCard
          measure="dominoEffect"
          id="putaran-belanja"
          title={i.t('domino.rounds')}
          result={domino}
          csv={(d) => ({ rows: d.dominoEffect.rounds, columns: roundCsv })}
        >
          {(d, width) => <RoundsChart domino={d.dominoEffect} width={width} />}
        </ChartCard>
        <section className="card how-to-read" aria-labelledby="cara-membaca">
          <h2 id="cara-membaca">{i.t('domino.howToRead')}</h2>
          <p>{i.t('domino.howToRead1')}</p>
          <p>{i.t('domino.howToRead2')}</p>
          <p>{i.t('domino.howToRead3')}</p>
        </section>
      </div>
      <ChartCard
        measure="spendFlows"
        id="aliran-belanja"
        title={i.t('domino.flows')}
        result={flows}
        controls={<LevelPicker levels={levels} />}
        csv={(d) => ({ rows: d.spendFlows.links, columns: flowLinkCsv })}
        height={420}
      >
        {(d, width) => <FlowSankey flows={d.spendFlows} width={width} shortNames={shortNames} />}
      </ChartCard>
      <ChartCard
        measure="networkReach"
        id="penguatan-jejaring"
        title={i.t('domino.amplification')}
        description={i.t('domino.amplificationLead')}
        result={amplification}
        csv={(d) => ({ rows: d.reaches, columns: reachCsv })}
      >
        {(d, width) => <AmplificationChart rows={d.reaches} width={width} />}
      </ChartCard>
    </>
  );
}
