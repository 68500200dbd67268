import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE, staticCharts } from '../../components/palette.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Outcome } from './ProgramTable.tsx';

/** Budget, realisation and the part paid to local UMKM for each program (largest budgets first). */
export function ProgramChart({ rows, width, limit = 12 }: { rows: readonly Outcome[]; width: number; limit?: number }) {
  const i = useI18n();
  const animate = !staticCharts();
  const data = [...rows]
    .sort((a, b) => b.budget - a.budget)
    .slice(0, limit)
    .map((r) => ({
      // Codes repeat across agencies (1.02.02 of Dinkes and of RSUD): the agency tells them apart.
      name: `${r.program.code} ${r.program.agency.shortName ?? ''}`.trim(),
      title: r.program.name,
      budget: r.budget,
      realized: r.realized,
      toLocalUmkm: r.toLocalUmkm,
    }));
  return (
    <BarChart
      width={width}
      height={300}
      data={data}
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#e3e3e3" vertical={false} />
      <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={76} />
      <YAxis tickFormatter={(v: number) => i.rp(v)} width={78} tick={{ fontSize: 12 }} />
      <Tooltip
        formatter={(value, name) => [i.rpFull(typeof value === 'number' ? value : null), name]}
        labelFormatter={(_, p) => (p?.[0]?.payload as { title?: string } | undefined)?.title ?? ''}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
      <Bar dataKey="budget" name={i.t('program.budget')} fill={PALETTE.sky} isAnimationActive={animate} />
      <Bar dataKey="realized" name={i.t('program.realized')} fill={PALETTE.blue} isAnimationActive={animate} />
      <Bar dataKey="toLocalUmkm" name={i.t('program.toLocalUmkm')} fill={PALETTE.orange} isAnimationActive={animate} />
    </BarChart>
  );
}
