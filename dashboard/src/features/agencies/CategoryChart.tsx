import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesColor, staticCharts } from '../../components/palette.ts';
import type { GetSpendFlowsQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type FlowGraph = GetSpendFlowsQuery['spendFlows'];

const SELLER_CLASSES = ['LOCAL_UMKM', 'LOCAL_OTHER', 'OUTSIDE_UMK', 'OUTSIDE_OTHER'] as const;

/**
 * Spending by category, split by seller class: the links of spendFlows(levels: [CATEGORY, SELLER_CLASS])
 * laid out as stacked bars (each segment is one link's value, as the API computed it).
 */
export function CategoryChart({ flows, width }: { flows: FlowGraph; width: number }) {
  const i = useI18n();
  const animate = !staticCharts();
  const categories = flows.nodes.filter((n) => n.level === 'CATEGORY').sort((a, b) => b.value - a.value);
  const data = categories.map((c) => {
    const row: Record<string, string | number> = { key: c.key, name: i.label('cat', c.key), total: c.value };
    for (const link of flows.links) {
      if (link.source !== c.id) continue;
      const cls = link.target.split(':').slice(1).join(':');
      row[cls] = link.value;
    }
    return row;
  });
  return (
    <BarChart
      width={width}
      height={Math.max(160, data.length * 34 + 60)}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#e3e3e3" horizontal={false} />
      <XAxis type="number" tickFormatter={(v: number) => i.rp(v)} tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="name" width={Math.min(170, width * 0.35)} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(value, name) => [i.rpFull(typeof value === 'number' ? value : null), name]} />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
      {SELLER_CLASSES.map((cls, index) => (
        <Bar
          key={cls}
          dataKey={cls}
          stackId="a"
          name={i.label('seller', cls)}
          fill={seriesColor(index)}
          isAnimationActive={animate}
        />
      ))}
    </BarChart>
  );
}
