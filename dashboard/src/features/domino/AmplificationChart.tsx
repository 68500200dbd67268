import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE, staticCharts } from '../../components/palette.ts';
import type { GetNetworkReachQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type Reach = GetNetworkReachQuery['networkReach'];

/** Network amplification of several agencies, as networkReach reports it for each. */
export function AmplificationChart({ rows, width }: { rows: readonly Reach[]; width: number }) {
  const i = useI18n();
  const animate = !staticCharts();
  const data = rows
    .filter((r) => r.amplification !== null)
    .map((r) => ({ id: r.agency.id, name: r.agency.name, value: r.amplification, text: i.multiplier(r.amplification) }))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return (
    <BarChart
      width={width}
      height={Math.max(160, data.length * 30 + 40)}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 56, bottom: 4, left: 4 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#e3e3e3" horizontal={false} />
      <XAxis
        type="number"
        domain={[1, (max: number) => Math.max(1.5, Math.ceil(max * 10) / 10)]}
        allowDataOverflow
        tickFormatter={(v: number) => i.multiplier(v)}
        tick={{ fontSize: 12 }}
      />
      <YAxis type="category" dataKey="name" width={Math.min(220, width * 0.4)} tick={{ fontSize: 11 }} interval={0} />
      <Tooltip
        formatter={(value) => [i.multiplier(typeof value === 'number' ? value : null), i.t('agency.amplification')]}
      />
      <ReferenceLine x={1} stroke={PALETTE.black} />
      {/* An agency without network spending is 1,00×: a sliver and its label, not an empty row. */}
      <Bar
        dataKey="value"
        name={i.t('agency.amplification')}
        fill={PALETTE.green}
        minPointSize={2}
        isAnimationActive={animate}
      >
        <LabelList dataKey="text" position="right" style={{ fontSize: 12, fill: '#1a1a1a' }} />
      </Bar>
    </BarChart>
  );
}
