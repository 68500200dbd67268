import { useEffect } from 'react';
import { ChartCard } from '../../components/ChartCard.tsx';
import { useAbout } from '../../data.ts';
import { useFilterText } from '../../filters/FilterBar.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, useLocation } from '../../router.tsx';
import { ProgramChart } from './ProgramChart.tsx';
import { outcomeCsv, ProgramTable } from './ProgramTable.tsx';
import { useProgramOutcomes } from './usePrograms.ts';

/** The DPRD report: clean A4 pages (print stylesheet) that state the filters they were made with. */
export default function ProgramReportPage() {
  const i = useI18n();
  const { search } = useLocation();
  const { result, year, pick } = useProgramOutcomes();
  const filterText = useFilterText({ fiscalYear: year });
  useEffect(() => {
    document.body.classList.add('report');
    return () => document.body.classList.remove('report');
  }, []);
  const about = useAbout();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <article className="report-page">
      <div className="report-toolbar no-print">
        <Link to={`/program${search}`}>{i.t('program.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {i.t('program.print')}
        </button>
      </div>
      <header className="report-header">
        <p className="muted">
          Pemerintah {about.data?.about.tenantName ?? ''} · {i.t('program.reportFor')}
        </p>
        <h1>{i.t('program.reportTitle', { year: year ?? '' })}</h1>
        <p className="report-filters" data-testid="report-filters">
          {i.t('filter.stated', { text: filterText })}
        </p>
      </header>
      <ChartCard
        measure="programOutcomes"
        id="laporan-program"
        title={i.t('program.chart')}
        result={result}
        csv={(d) => ({ rows: pick(d.programOutcomes), columns: outcomeCsv })}
        className="report-chart"
      >
        {(d, width) => <ProgramChart rows={pick(d.programOutcomes)} width={Math.min(width, 980)} />}
      </ChartCard>
      <ChartCard
        measure="programOutcomes"
        id="tabel-program"
        title={i.t('program.title')}
        result={result}
        png={false}
        csv={(d) => ({ rows: pick(d.programOutcomes), columns: outcomeCsv })}
      >
        {(d) => <ProgramTable rows={pick(d.programOutcomes)} links={false} />}
      </ChartCard>
      <footer className="report-footer">{i.t('program.generated', { date: i.date(today) })}</footer>
    </article>
  );
}
