import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE, staticCharts } from '../../components/palette.ts';
import type { GetSpendTrendQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type TrendPoint = GetSpendTrendQuery['spendTrend'][number];

/** Amounts as bars, the local UMKM share as a line (right axis), the target as a reference line. */
export function TrendChart({
  points,
  width,
  height = 300,
}: {
  points: readonly TrendPoint[];
  width: number;
  height?: number;
}) {
  const i = useI18n();
  const animate = !staticCharts();
  const data = points.map((p) => ({ ...p, label: i.monthShort(p.periodStart) }));
  // One target for the whole range: a reference line; targets that change by year: a stepped line.
  const targets = new Set(points.map((p) => p.target).filter((t): t is number => t !== null));
  const target = targets.size === 1 ? [...targets][0]! : null;
  // Evenly spaced month labels: every k-th, k from the room a label needs (about 68 px) in the plot.
  const plot = Math.max(1, width - 78 - 52 - 16);
  const interval = Math.max(0, Math.ceil((data.length * 68) / plot) - 1);
  return (
    <ComposedChart
      width={width}
      height={height}
      data={data}
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#e3e3e3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={interval} />
      <YAxis yAxisId="rp" tickFormatter={(v: number) => i.rp(v)} width={78} tick={{ fontSize: 12 }} />
      <YAxis
        yAxisId="share"
        orientation="right"
        domain={[0, 1]}
        tickFormatter={(v: number) => i.pct(v, 0)}
        width={52}
        tick={{ fontSize: 12 }}
      />
      <Tooltip
        formatter={(value, name) => {
          const v = typeof value === 'number' ? value : null;
          return [name === i.t('trend.localShare') || name === i.t('trend.target') ? i.pct(v) : i.rpFull(v), name];
        }}
        labelFormatter={(_, payload) => i.month((payload?.[0]?.payload as TrendPoint | undefined)?.periodStart)}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
      <Bar yAxisId="rp" dataKey="total" name={i.t('trend.total')} fill={PALETTE.sky} isAnimationActive={animate} />
      <Bar
        yAxisId="rp"
        dataKey="toLocalUmkm"
        name={i.t('trend.toLocalUmkm')}
        fill={PALETTE.blue}
        isAnimationActive={animate}
      />
      <Line
        yAxisId="share"
        type="linear"
        dataKey="localUmkmShare"
        name={i.t('trend.localShare')}
        stroke={PALETTE.vermillion}
        strokeWidth={2}
        dot={{ r: 2 }}
        connectNulls={false}
        isAnimationActive={animate}
      />
      {targets.size > 1 ? (
        <Line
          yAxisId="share"
          type="stepAfter"
          dataKey="target"
          name={i.t('trend.target')}
          stroke={PALETTE.black}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
      ) : null}
      {target !== null ? (
        <ReferenceLine
          yAxisId="share"
          y={target}
          stroke={PALETTE.black}
          strokeDasharray="6 4"
          label={{ value: `${i.t('trend.target')} ${i.pct(target, 0)}`, position: 'insideTopLeft', fontSize: 12 }}
        />
      ) : null}
    </ComposedChart>
  );
}
