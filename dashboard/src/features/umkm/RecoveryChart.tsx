import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE, seriesColor, staticCharts } from '../../components/palette.ts';
import type { GetRecoveryIndexQuery, RecoveryGroup } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type RecoverySeries = GetRecoveryIndexQuery['recoveryIndex'][number];

export function seriesLabel(i: ReturnType<typeof useI18n>, groupBy: RecoveryGroup, s: RecoverySeries): string {
  if (groupBy === 'SIZE_CLASS') return i.label('size', s.key);
  if (groupBy === 'NONE') return i.t('group.NONE');
  return s.label;
}

/** The recovery index per group over time (100 = the baseline year's mean revenue). */
export function RecoveryChart({
  series,
  groupBy,
  width,
  height = 320,
}: {
  series: readonly RecoverySeries[];
  groupBy: RecoveryGroup;
  width: number;
  height?: number;
}) {
  const i = useI18n();
  const animate = !staticCharts();
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  const data = periods.map((period) => {
    const row: Record<string, string | number | null> = { period, label: i.monthShort(period) };
    for (const s of series) row[s.key] = s.points.find((p) => p.period === period)?.index ?? null;
    return row;
  });
  return (
    <LineChart
      width={width}
      height={height}
      data={data}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#e3e3e3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
      <YAxis tickFormatter={(v: number) => i.num(v)} width={48} tick={{ fontSize: 12 }} domain={['auto', 'auto']} />
      <Tooltip
        formatter={(value, name) => [i.num(typeof value === 'number' ? value : null, 1), name]}
        labelFormatter={(_, p) => i.month((p?.[0]?.payload as { period?: string } | undefined)?.period)}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
      {series.map((s, index) => (
        <Line
          key={s.key}
          type="linear"
          dataKey={s.key}
          name={seriesLabel(i, groupBy, s)}
          stroke={seriesColor(index)}
          strokeWidth={2}
          strokeDasharray={index >= 8 ? '4 2' : undefined}
          dot={false}
          connectNulls={false}
          isAnimationActive={animate}
        />
      ))}
      {/* After the lines, its label haloed: the lines cross 100 around 2019, where the label sits. */}
      <ReferenceLine
        y={100}
        stroke={PALETTE.black}
        strokeDasharray="6 4"
        label={{
          value: i.t('umkm.baseline'),
          fontSize: 11,
          position: 'insideBottomLeft',
          stroke: '#ffffff',
          strokeWidth: 3,
          paintOrder: 'stroke',
          fill: '#1a1a1a',
        }}
      />
    </LineChart>
  );
}
