import { Bar, BarChart, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE, staticCharts } from '../../components/palette.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { RegencyLine } from './ProvincePage.tsx';

/** Horizontal bars of each regency's local UMKM share, in the API's order; the shown regency stands out. */
export function ShareBars({ rows, width, current }: { rows: readonly RegencyLine[]; width: number; current?: string }) {
  const i = useI18n();
  const data = rows.map((r) => ({
    code: r.regency.code,
    name: r.regency.name.replace(/^Kabupaten /, 'Kab. '),
    share: r.summary.localUmkmShare ?? 0,
    label: `${i.pct(r.summary.localUmkmShare)} · ${i.rp(r.summary.toLocalUmkm)}`,
  }));
  return (
    <BarChart
      width={width}
      height={Math.max(160, rows.length * 34 + 30)}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 150, bottom: 4, left: 4 }}
      accessibilityLayer
    >
      <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => i.pct(v, 0)} tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="name" width={Math.min(190, width * 0.35)} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(value) => [i.pct(typeof value === 'number' ? value : null), i.t('province.share')]} />
      <Bar dataKey="share" isAnimationActive={!staticCharts()}>
        {data.map((d) => (
          <Cell key={d.code} fill={d.code === current ? PALETTE.orange : PALETTE.blue} />
        ))}
        <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: '#1a1a1a' }} />
      </Bar>
    </BarChart>
  );
}
