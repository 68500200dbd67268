import { type Column, DataTable } from '../../components/DataTable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import type { Score } from '../overview/AgencyRanking.tsx';
import { GRADE_ORDER, gradeLabel } from './grade.ts';

export function GradeBadge({ grade }: { grade: Score['grade'] }) {
  const label = gradeLabel(grade);
  return (
    <span className={`grade grade-${grade ? grade.toLowerCase().replace('_plus', 'plus') : 'none'}`} data-grade={label}>
      {label}
    </span>
  );
}

/** The scorecard: one row per agency as the API ranks them; every column sortable. */
export function ScorecardTable({ rows, search }: { rows: readonly Score[]; search: string }) {
  const i = useI18n();
  const q = search.trim().toLowerCase();
  const visible = q
    ? rows.filter((r) =>
        [r.agency.name, r.agency.shortName ?? '', r.agency.code].some((s) => s.toLowerCase().includes(q)),
      )
    : rows;
  const columns: Column<Score>[] = [
    { id: 'rank', header: i.t('score.rank'), cell: (r) => r.rank, sort: (r) => r.rank, align: 'right' },
    {
      id: 'agency',
      header: i.t('score.agency'),
      cell: (r) => (
        <Link to={`/skpd/${encodeURIComponent(r.agency.id)}${window.location.search}`}>{r.agency.name}</Link>
      ),
      sort: (r) => r.agency.name,
    },
    {
      id: 'total',
      header: i.t('score.total'),
      cell: (r) => <span title={i.rpFull(r.total)}>{i.rp(r.total)}</span>,
      sort: (r) => r.total,
      align: 'right',
    },
    {
      id: 'toLocalUmkm',
      header: i.t('score.toLocalUmkm'),
      cell: (r) => <span title={i.rpFull(r.toLocalUmkm)}>{i.rp(r.toLocalUmkm)}</span>,
      sort: (r) => r.toLocalUmkm,
      align: 'right',
    },
    {
      id: 'share',
      header: i.t('score.share'),
      cell: (r) => i.pct(r.localUmkmShare),
      sort: (r) => r.localUmkmShare,
      align: 'right',
    },
    {
      id: 'target',
      header: i.t('score.target'),
      cell: (r) => i.pct(r.target, 0),
      sort: (r) => r.target,
      align: 'right',
    },
    {
      id: 'achievement',
      header: i.t('score.achievement'),
      cell: (r) => i.pct(r.achievement, 0),
      sort: (r) => r.achievement,
      align: 'right',
    },
    {
      id: 'grade',
      header: i.t('score.grade'),
      cell: (r) => <GradeBadge grade={r.grade} />,
      sort: (r) => (r.grade ? GRADE_ORDER[r.grade] : null),
      align: 'center',
    },
    {
      id: 'sellers',
      header: i.t('score.sellers'),
      cell: (r) => i.num(r.sellersReached),
      sort: (r) => r.sellersReached,
      align: 'right',
    },
  ];
  return (
    <>
      <p className="muted small" aria-live="polite">
        {i.t('score.count', { n: visible.length })}
      </p>
      <DataTable rows={visible} columns={columns} rowKey={(r) => r.agency.id} caption={i.t('score.title')} />
    </>
  );
}
