import { ChartCard } from '../../components/ChartCard.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataState } from '../../components/States.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { ProgramChart } from './ProgramChart.tsx';
import { type Outcome, outcomeCsv, StatusBadge } from './ProgramTable.tsx';
import { useOutcomesForYear, useProgram } from './usePrograms.ts';

function OutcomeFacts({ outcome }: { outcome: Outcome }) {
  const i = useI18n();
  const facts: Array<[string, string, string]> = [
    ['budget', i.t('program.budget'), i.rpFull(outcome.budget)],
    ['realized', i.t('program.realized'), i.rpFull(outcome.realized)],
    ['realizationRate', i.t('program.realizationRate'), i.pct(outcome.realizationRate)],
    ['toLocalUmkm', i.t('program.toLocalUmkm'), i.rpFull(outcome.toLocalUmkm)],
    ['localUmkmShare', i.t('program.share'), i.pct(outcome.localUmkmShare)],
    [
      'target',
      i.t('program.target'),
      `${i.pct(outcome.target, 0)}${outcome.targetSource ? ` (${i.t('program.targetSource').toLowerCase()}: ${i.label('targetSource', outcome.targetSource)})` : ''}`,
    ],
    ['umkmReached', i.t('program.reached'), i.num(outcome.umkmReached)],
    ['enterprisesAssisted', i.t('program.assisted'), i.num(outcome.enterprisesAssisted)],
  ];
  return (
    <dl className="facts">
      {facts.map(([key, label, value]) => (
        <div key={key} data-fact={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <div data-fact="status">
        <dt>{i.t('program.status')}</dt>
        <dd>
          <StatusBadge status={outcome.status} />
        </dd>
      </div>
    </dl>
  );
}

export default function ProgramPage({ id }: { id: string }) {
  const i = useI18n();
  const program = useProgram(id);
  const p = program.data?.node?.__typename === 'Program' ? program.data.node : null;
  const outcomes = useOutcomesForYear(p?.fiscalYear ?? null, p?.agency.id ?? null);
  const outcome = outcomes.data?.programOutcomes.find((o) => o.program.id === id);
  return (
    <>
      <p className="no-print">
        <Link to="/program">{i.t('program.back')}</Link>
      </p>
      <DataState result={program} height={80}>
        {() =>
          p ? (
            <PageHeader
              title={p.name}
              lead={
                <>
                  {p.code} · {i.t('filter.fiscalYear')} {p.fiscalYear} ·{' '}
                  <Link to={`/skpd/${encodeURIComponent(p.agency.id)}?tahun=${p.fiscalYear}`}>{p.agency.name}</Link>
                </>
              }
            />
          ) : (
            <p>{i.t('program.notFound')}</p>
          )
        }
      </DataState>
      {p ? (
        <ChartCard
          measure="programOutcomes"
          id="hasil-program"
          title={i.t('program.chart')}
          result={outcomes}
          csv={() => ({ rows: outcome ? [outcome] : [], columns: outcomeCsv })}
        >
          {(_, width) =>
            outcome ? (
              <div className="program-detail">
                <OutcomeFacts outcome={outcome} />
                <ProgramChart rows={[outcome]} width={Math.min(width, 520)} />
              </div>
            ) : (
              <p>{i.t('program.notFound')}</p>
            )
          }
        </ChartCard>
      ) : null}
    </>
  );
}
