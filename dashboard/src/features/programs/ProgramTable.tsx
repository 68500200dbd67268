import type { CsvColumn } from '../../components/csv.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import type { GetProgramOutcomesQuery, ProgramStatus } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';

export type Outcome = GetProgramOutcomesQuery['programOutcomes'][number];

export function StatusBadge({ status }: { status: ProgramStatus }) {
  const i = useI18n();
  const mark = { MET: '✓', BELOW_TARGET: '!', NO_TARGET: '·', NO_SPEND: '○' }[status];
  return (
    <span className={`status status-${status.toLowerCase()}`} data-status={status}>
      <span aria-hidden="true">{mark} </span>
      {i.label('status', status)}
    </span>
  );
}

export const outcomeCsv: CsvColumn<Outcome>[] = [
  { name: 'programId', value: (r) => r.program.id },
  { name: 'code', value: (r) => r.program.code },
  { name: 'name', value: (r) => r.program.name },
  { name: 'fiscalYear', value: (r) => r.program.fiscalYear },
  { name: 'agency', value: (r) => r.program.agency.name },
  { name: 'budget', value: (r) => r.budget },
  { name: 'realized', value: (r) => r.realized },
  { name: 'realizationRate', value: (r) => r.realizationRate },
  { name: 'toLocalUmkm', value: (r) => r.toLocalUmkm },
  { name: 'localUmkmShare', value: (r) => r.localUmkmShare },
  { name: 'target', value: (r) => r.target },
  { name: 'targetSource', value: (r) => r.targetSource },
  { name: 'umkmReached', value: (r) => r.umkmReached },
  { name: 'enterprisesAssisted', value: (r) => r.enterprisesAssisted },
  { name: 'status', value: (r) => r.status },
];

/** Program outcomes as the API reports them; `compact` drops the agency column (agency page). */
export function ProgramTable({
  rows,
  compact = false,
  links = true,
}: {
  rows: readonly Outcome[];
  compact?: boolean;
  links?: boolean;
}) {
  const i = useI18n();
  const columns: Column<Outcome>[] = [
    { id: 'code', header: i.t('program.code'), cell: (r) => r.program.code, sort: (r) => r.program.code },
    {
      id: 'name',
      header: i.t('program.name'),
      cell: (r) =>
        links ? <Link to={`/program/${encodeURIComponent(r.program.id)}`}>{r.program.name}</Link> : r.program.name,
      sort: (r) => r.program.name,
    },
    ...(compact
      ? []
      : [
          {
            id: 'agency',
            header: i.t('program.agency'),
            cell: (r: Outcome) => r.program.agency.shortName ?? r.program.agency.name,
            sort: (r: Outcome) => r.program.agency.shortName ?? r.program.agency.name,
          },
        ]),
    {
      id: 'budget',
      header: i.t('program.budget'),
      cell: (r) => <span title={i.rpFull(r.budget)}>{i.rp(r.budget)}</span>,
      sort: (r) => r.budget,
      align: 'right',
    },
    {
      id: 'realized',
      header: i.t('program.realized'),
      cell: (r) => <span title={i.rpFull(r.realized)}>{i.rp(r.realized)}</span>,
      sort: (r) => r.realized,
      align: 'right',
    },
    {
      id: 'rate',
      header: i.t('program.realizationRate'),
      cell: (r) => i.pct(r.realizationRate),
      sort: (r) => r.realizationRate,
      align: 'right',
    },
    {
      id: 'share',
      header: i.t('program.share'),
      cell: (r) => i.pct(r.localUmkmShare),
      sort: (r) => r.localUmkmShare,
      align: 'right',
    },
    {
      id: 'target',
      header: i.t('program.target'),
      cell: (r) => i.pct(r.target, 0),
      sort: (r) => r.target,
      align: 'right',
    },
    {
      id: 'reached',
      header: i.t('program.reached'),
      cell: (r) => i.num(r.umkmReached),
      sort: (r) => r.umkmReached,
      align: 'right',
    },
    {
      id: 'assisted',
      header: i.t('program.assisted'),
      cell: (r) => i.num(r.enterprisesAssisted),
      sort: (r) => r.enterprisesAssisted,
      align: 'right',
    },
    {
      id: 'status',
      header: i.t('program.status'),
      cell: (r) => <StatusBadge status={r.status} />,
      sort: (r) => r.status,
    },
  ];
  return <DataTable rows={rows} columns={columns} rowKey={(r) => r.program.id} caption={i.t('program.title')} />;
}
