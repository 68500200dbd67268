import { ChartCard } from '../../components/ChartCard.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, useLocation } from '../../router.tsx';
import { ProgramChart } from './ProgramChart.tsx';
import { outcomeCsv, ProgramTable } from './ProgramTable.tsx';
import { useProgramOutcomes } from './usePrograms.ts';

export default function ProgramsPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const { result, year, pick } = useProgramOutcomes();
  return (
    <>
      <PageHeader
        title={`${t('program.title')} ${year ?? ''}`}
        lead={t('program.lead')}
        actions={
          <Link className="button" to={`/program/cetak${search}`}>
            {t('program.printView')}
          </Link>
        }
      />
      <ChartCard
        measure="programOutcomes"
        id="anggaran-realisasi"
        title={t('program.chart')}
        result={result}
        csv={(d) => ({ rows: pick(d.programOutcomes), columns: outcomeCsv })}
      >
        {(d, width) => <ProgramChart rows={pick(d.programOutcomes)} width={width} />}
      </ChartCard>
      <ChartCard
        measure="programOutcomes"
        id="hasil-program"
        title={t('program.title')}
        result={result}
        png={false}
        csv={(d) => ({ rows: pick(d.programOutcomes), columns: outcomeCsv })}
      >
        {(d) => <ProgramTable rows={pick(d.programOutcomes)} />}
      </ChartCard>
    </>
  );
}
