import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE, staticCharts } from '../../components/palette.ts';
import type { GetMarketAccessEffectQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type MarketAccess = GetMarketAccessEffectQuery['marketAccessEffect'];

/** Trained UMKM with government orders against trained only: still active, inactive, unknown a year on. */
export function MarketAccessChart({ effect, width }: { effect: MarketAccess; width: number }) {
  const i = useI18n();
  const animate = !staticCharts();
  const data = [
    { key: 'withMarket', name: i.t('umkm.withMarket'), ...effect.withMarket },
    { key: 'trainedOnly', name: i.t('umkm.trainedOnly'), ...effect.trainedOnly },
  ];
  return (
    <div>
      <div className="stat-row">
        {data.map((g) => (
          <p key={g.key} className="stat" data-stat={g.key} data-value={g.survivalRate ?? ''}>
            <span className="stat-label">
              {g.name} ({i.num(g.size)})
            </span>
            <strong className="stat-value">{i.pct(g.survivalRate)}</strong>
            <span className="muted small">{i.t('umkm.survival')}</span>
          </p>
        ))}
        <p className="stat" data-stat="difference" data-value={effect.difference ?? ''}>
          <span className="stat-label">{i.t('umkm.cohortSize', { n: i.num(effect.cohortSize) })}</span>
          <strong className="stat-value">
            {effect.difference === null ? '–' : i.t('umkm.difference', { value: i.num(effect.difference * 100, 1) })}
          </strong>
        </p>
      </div>
      <BarChart
        width={width}
        height={220}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        accessibilityLayer
      >
        <CartesianGrid stroke="#e3e3e3" horizontal={false} />
        <XAxis type="number" tick={{ fontSize: 12 }} allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={Math.min(200, width * 0.38)} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value, name) => [i.num(typeof value === 'number' ? value : null), name]} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Bar dataKey="active" stackId="s" name={i.t('umkm.active')} fill={PALETTE.green} isAnimationActive={animate} />
        <Bar
          dataKey="inactive"
          stackId="s"
          name={i.t('umkm.inactive')}
          fill={PALETTE.vermillion}
          isAnimationActive={animate}
        />
        <Bar dataKey="unknown" stackId="s" name={i.t('umkm.unknown')} fill={PALETTE.grey} isAnimationActive={animate} />
      </BarChart>
    </div>
  );
}
