import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE, staticCharts } from '../../components/palette.ts';
import type { GetDataCollectionProgressQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type DistrictProgress = GetDataCollectionProgressQuery['dataCollectionProgress'][number];

/** Verified UMKM and cooperatives against target, per kecamatan (every district listed). */
export function ProgressChart({ rows, width }: { rows: readonly DistrictProgress[]; width: number }) {
  const i = useI18n();
  const animate = !staticCharts();
  const data = rows.map((r) => ({
    name: r.region.name,
    enterprises: r.enterprisesProgress,
    cooperatives: r.cooperativesProgress,
  }));
  return (
    <BarChart
      width={width}
      height={Math.max(200, data.length * 34 + 60)}
      data={data}
      layout="vertical"
      margin={{ top: 18, right: 24, bottom: 4, left: 4 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#e3e3e3" horizontal={false} />
      <XAxis
        type="number"
        domain={[0, (max: number) => Math.max(1, max)]}
        tickFormatter={(v: number) => i.pct(v, 0)}
        tick={{ fontSize: 12 }}
      />
      <YAxis type="category" dataKey="name" width={Math.min(150, width * 0.3)} tick={{ fontSize: 12 }} interval={0} />
      <Tooltip formatter={(value, name) => [i.pct(typeof value === 'number' ? value : null), name]} />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
      <ReferenceLine
        x={1}
        stroke={PALETTE.black}
        strokeDasharray="6 4"
        label={{ value: i.t('umkm.target'), fontSize: 11, position: 'top' }}
      />
      <Bar dataKey="enterprises" name={i.t('umkm.enterprises')} fill={PALETTE.blue} isAnimationActive={animate} />
      <Bar dataKey="cooperatives" name={i.t('umkm.cooperatives')} fill={PALETTE.orange} isAnimationActive={animate} />
    </BarChart>
  );
}
