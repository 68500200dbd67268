import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesColor, staticCharts } from '../../components/palette.ts';
import type { GetDominoEffectQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type Domino = GetDominoEffectQuery['dominoEffect'];

/** The re-spending rounds R1, R2, R3…, with the multiplier and the limit, labelled as lower bounds. */
export function RoundsChart({ domino, width }: { domino: Domino; width: number }) {
  const i = useI18n();
  const animate = !staticCharts();
  const data = domino.rounds.map((r) => ({
    name: `R${r.round}`,
    label: i.t('domino.round', { n: r.round }),
    amount: r.amount,
    parties: r.parties,
    text: i.rp(r.amount),
  }));
  return (
    <div>
      <div className="stat-row">
        <p className="stat" data-stat="multiplier" data-value={domino.multiplier ?? ''}>
          <span className="stat-label">{i.t('domino.multiplier')}</span>
          <strong className="stat-value">{i.multiplier(domino.multiplier)}</strong>
        </p>
        <p className="stat" data-stat="limitMultiplier" data-value={domino.limitMultiplier ?? ''}>
          <span className="stat-label">{i.t('domino.limit')}</span>
          <strong className="stat-value">
            {domino.converged ? i.multiplier(domino.limitMultiplier) : i.t('domino.notConverged')}
          </strong>
        </p>
        <p className="stat" data-stat="injection" data-value={domino.injection}>
          <span className="stat-label">{i.t('domino.round', { n: 1 })}</span>
          <strong className="stat-value" title={i.rpFull(domino.injection)}>
            {i.rp(domino.injection)}
          </strong>
        </p>
      </div>
      <p className="note" role="note">
        {i.t('domino.lowerBound')}
      </p>
      <BarChart
        width={width}
        height={240}
        data={data}
        margin={{ top: 24, right: 8, bottom: 8, left: 8 }}
        accessibilityLayer
      >
        <CartesianGrid stroke="#e3e3e3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={(v: number) => i.rp(v)} width={78} tick={{ fontSize: 12 }} />
        <Tooltip
          formatter={(value) => [i.rpFull(typeof value === 'number' ? value : null), i.t('domino.amount')]}
          labelFormatter={(_, p) => {
            const row = p?.[0]?.payload as (typeof data)[number] | undefined;
            return row ? `${row.label} · ${i.t('domino.parties')}: ${i.num(row.parties)}` : '';
          }}
        />
        <Bar dataKey="amount" name={i.t('domino.amount')} isAnimationActive={animate}>
          {data.map((d, index) => (
            <Cell key={d.name} fill={seriesColor(index)} />
          ))}
          <LabelList dataKey="text" position="top" style={{ fontSize: 12, fill: '#1a1a1a' }} />
        </Bar>
      </BarChart>
    </div>
  );
}
