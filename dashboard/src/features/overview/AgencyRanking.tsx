import { Bar, BarChart, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE, staticCharts } from '../../components/palette.ts';
import type { GetAgencyScorecardQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { gradeLabel } from '../agencies/grade.ts';

export type Score = GetAgencyScorecardQuery['agencyScorecard'][number];

/** Horizontal bars of the local UMKM share of a few agencies, with their grade and target. */
export function AgencyRanking({
  rows,
  width,
  tone,
}: {
  rows: readonly Score[];
  width: number;
  tone: 'best' | 'worst';
}) {
  const i = useI18n();
  const animate = !staticCharts();
  const data = rows.map((r) => ({
    ...r,
    name: r.agency.shortName ?? r.agency.name,
    share: r.localUmkmShare ?? 0,
    label: `${i.pct(r.localUmkmShare)} · ${gradeLabel(r.grade)}`,
  }));
  const targets = new Set(rows.map((r) => r.target).filter((t): t is number => t !== null));
  const target = targets.size === 1 ? [...targets][0]! : null;
  return (
    <BarChart
      width={width}
      height={Math.max(120, rows.length * 36 + 30)}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 96, bottom: 4, left: 4 }}
      accessibilityLayer
    >
      <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => i.pct(v, 0)} tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="name" width={Math.min(180, width * 0.4)} tick={{ fontSize: 12 }} />
      <Tooltip
        formatter={(value) => [i.pct(typeof value === 'number' ? value : null), i.t('score.share')]}
        labelFormatter={(_, p) => (p?.[0]?.payload as Score | undefined)?.agency.name ?? ''}
      />
      <Bar dataKey="share" isAnimationActive={animate}>
        {data.map((d) => (
          <Cell key={d.agency.id} fill={tone === 'best' ? PALETTE.green : PALETTE.vermillion} />
        ))}
        <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: '#1a1a1a' }} />
      </Bar>
      {target !== null ? <ReferenceLine x={target} stroke={PALETTE.black} strokeDasharray="4 3" /> : null}
    </BarChart>
  );
}
