import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE, staticCharts } from '../../components/palette.ts';
import type { GetSpendByDistrictQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type DistrictSpend = GetSpendByDistrictQuery['spendByDistrict'][number];

/** Paid to local UMKM in each kecamatan (every district, zeros included), largest first. */
export function DistrictChart({ rows, width }: { rows: readonly DistrictSpend[]; width: number }) {
  const i = useI18n();
  const animate = !staticCharts();
  const data = [...rows]
    .sort((a, b) => b.toLocalUmkm - a.toLocalUmkm)
    .map((r) => ({ name: r.region.name, code: r.region.code, value: r.toLocalUmkm, sellers: r.sellersReached }));
  return (
    <BarChart
      width={width}
      height={Math.max(160, data.length * 26 + 40)}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#e3e3e3" horizontal={false} />
      <XAxis type="number" tickFormatter={(v: number) => i.rp(v)} tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="name" width={Math.min(150, width * 0.3)} tick={{ fontSize: 12 }} interval={0} />
      <Tooltip formatter={(value) => [i.rpFull(typeof value === 'number' ? value : null), i.t('trend.toLocalUmkm')]} />
      <Bar dataKey="value" name={i.t('trend.toLocalUmkm')} fill={PALETTE.green} isAnimationActive={animate} />
    </BarChart>
  );
}
