import { type ReactNode, useId, useRef } from 'react';
import type { ApiResult } from '../api.ts';
import type { MeasureId } from '../features/methodology/measures.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { type CsvColumn, downloadCsv, slug } from './csv.ts';
import { downloadChartPng } from './png.ts';
import { DataState } from './States.tsx';
import { useWidth } from './useWidth.ts';

export interface CsvSpec<R> {
  rows: readonly R[];
  columns: readonly CsvColumn<R>[];
}

/**
 * A titled panel around one chart or table: the query's states, and downloads of the data as CSV
 * (the API's numbers) and of the chart as PNG.
 */
export function ChartCard<T, R>({
  title,
  description,
  result,
  csv,
  png = true,
  height = 280,
  controls,
  id,
  empty,
  measure,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  result: ApiResult<T>;
  csv?: (data: T) => CsvSpec<R>;
  png?: boolean;
  height?: number;
  controls?: ReactNode;
  id?: string;
  /** What the empty state says. */
  empty?: string;
  /** The measure the chart shows: a link to its definition on the Metodologi page. */
  measure?: MeasureId;
  className?: string;
  children(data: T, width: number): ReactNode;
}) {
  const { t } = useI18n();
  const body = useRef<HTMLDivElement>(null);
  const width = useWidth(body);
  const headingId = useId();
  const name = slug(id ?? title);
  const data = result.state === 'ok' ? result.data : undefined;
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={headingId} data-chart={name}>
      <header className="card-header">
        <div>
          <h2 id={headingId}>{title}</h2>
          {description ? <p className="muted small">{description}</p> : null}
        </div>
        <div className="card-actions no-print">
          {measure ? (
            <Link
              to={`/metodologi#${measure}`}
              className="button button-small"
              aria-label={`${t('chart.definition')}: ${title}`}
              data-definition={measure}
            >
              {t('chart.definition')}
            </Link>
          ) : null}
          {csv ? (
            <button
              type="button"
              className="button button-small"
              disabled={!data}
              onClick={() => {
                if (!data) return;
                const spec = csv(data);
                downloadCsv(spec.rows, spec.columns, name);
              }}
              aria-label={`${t('chart.downloadCsv')}: ${title}`}
              data-download="csv"
            >
              CSV
            </button>
          ) : null}
          {png ? (
            <button
              type="button"
              className="button button-small"
              disabled={!data}
              onClick={() => body.current && void downloadChartPng(body.current, title, name)}
              aria-label={`${t('chart.downloadPng')}: ${title}`}
              data-download="png"
            >
              PNG
            </button>
          ) : null}
        </div>
      </header>
      {controls ? <div className="card-controls no-print">{controls}</div> : null}
      <div className="card-body" ref={body}>
        <DataState result={result} height={height} empty={empty}>
          {(d) => children(d, width)}
        </DataState>
      </div>
    </section>
  );
}
