import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE, seriesColor, staticCharts } from '../../components/palette.ts';
import type { GetNetworkReachQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type NetworkReach = GetNetworkReachQuery['networkReach'];

/** Paid to local UMKM: the agency directly, then each type of its network units. */
export function NetworkReachChart({ reach, width }: { reach: NetworkReach; width: number }) {
  const i = useI18n();
  const animate = !staticCharts();
  const data = [
    { key: 'DIRECT', name: i.t('agency.direct'), value: reach.direct.toLocalUmkm, units: null as number | null },
    ...reach.byUnitType.map((u) => ({
      key: u.unitType,
      name: i.label('unit', u.unitType),
      value: u.summary.toLocalUmkm,
      units: u.units,
    })),
  ];
  return (
    <div>
      <p className="stat-line">
        <span className="stat-inline" data-value={reach.amplification ?? ''} data-stat="amplification">
          {i.t('agency.amplification')}: <strong>{i.multiplier(reach.amplification)}</strong>
        </span>
        <span className="muted">
          {' '}
          · {i.t('agency.onlyViaNetwork', { n: i.num(reach.sellersReachedOnlyViaNetwork) })}
        </span>
      </p>
      <BarChart
        width={width}
        height={240}
        data={data}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        accessibilityLayer
      >
        <CartesianGrid stroke="#e3e3e3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
        <YAxis tickFormatter={(v: number) => i.rp(v)} width={78} tick={{ fontSize: 12 }} />
        <Tooltip
          formatter={(value) => [i.rpFull(typeof value === 'number' ? value : null), i.t('trend.toLocalUmkm')]}
        />
        <Bar dataKey="value" name={i.t('trend.toLocalUmkm')} isAnimationActive={animate}>
          {data.map((d, index) => (
            <Cell key={d.key} fill={index === 0 ? PALETTE.blue : seriesColor(index)} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}
