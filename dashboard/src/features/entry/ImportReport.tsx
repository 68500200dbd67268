import { useState } from 'react';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import type { GetImportJobReportQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type Report = NonNullable<NonNullable<GetImportJobReportQuery['importJob']>['report']>;
type FileCount = Report['files'][number];
type Rejection = Report['rejected'][number];

/** Rejections per page of the report's table. */
export const REJECTIONS_PER_PAGE = 25;
/** Warnings listed (the report keeps up to 10,000). */
export const WARNINGS_SHOWN = 50;

/**
 * What a dry run would do, or a commit did: counts per file, the rejected rows (a page at a time),
 * warnings; each reason and warning in the language the user chose.
 */
export function ImportReport({ report }: { report: Report }) {
  const i = useI18n();
  const [page, setPage] = useState(0);
  const sum = (f: (c: FileCount) => number) => report.files.reduce((s, c) => s + f(c), 0);
  const rows = sum((c) => c.rows);
  const rejected = sum((c) => c.rejected);
  const accepted = sum((c) => c.inserted + c.updated + c.unchanged);
  const fileColumns: Column<FileCount>[] = [
    { id: 'file', header: i.t('upload.colFile'), cell: (c) => c.file },
    { id: 'rows', header: i.t('upload.colRows'), cell: (c) => i.num(c.rows), align: 'right' },
    { id: 'inserted', header: i.t('upload.colInserted'), cell: (c) => i.num(c.inserted), align: 'right' },
    { id: 'updated', header: i.t('upload.colUpdated'), cell: (c) => i.num(c.updated), align: 'right' },
    { id: 'unchanged', header: i.t('upload.colUnchanged'), cell: (c) => i.num(c.unchanged), align: 'right' },
    { id: 'rejected', header: i.t('upload.colRejected'), cell: (c) => i.num(c.rejected), align: 'right' },
  ];
  const rejectionColumns: Column<Rejection & { n: number }>[] = [
    { id: 'file', header: i.t('upload.colFile'), cell: (r) => r.file },
    { id: 'line', header: i.t('upload.colLine'), cell: (r) => i.num(r.line), align: 'right' },
    { id: 'column', header: i.t('upload.colColumn'), cell: (r) => r.column ?? i.t('upload.wholeFile') },
    { id: 'reason', header: i.t('upload.colReason'), cell: (r) => r.reasonText[i.locale] },
  ];
  const shown = report.rejected.length;
  const pages = Math.max(1, Math.ceil(shown / REJECTIONS_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const from = current * REJECTIONS_PER_PAGE;
  const pageRows = report.rejected.slice(from, from + REJECTIONS_PER_PAGE).map((r, k) => ({ ...r, n: from + k }));
  return (
    <div className="import-report" data-testid="import-report">
      <p className="import-summary" data-testid="import-summary">
        {i.t('upload.summary', { accepted: i.num(accepted), rejected: i.num(rejected), rows: i.num(rows) })}
      </p>
      <DataTable rows={report.files} columns={fileColumns} rowKey={(c) => c.file} caption={i.t('upload.colFile')} />
      <h3>{i.t('upload.rejections', { n: i.num(report.rejectedTotal) })}</h3>
      {shown === 0 ? (
        <p className="muted">{i.t('upload.noRejections')}</p>
      ) : (
        <>
          <DataTable
            rows={pageRows}
            columns={rejectionColumns}
            rowKey={(r) => String(r.n)}
            caption={i.t('upload.rejections', { n: report.rejectedTotal })}
          />
          {pages > 1 ? (
            <nav className="pager" aria-label={i.t('upload.rejections', { n: report.rejectedTotal })}>
              <span className="muted small" data-testid="rejections-range">
                {i.t('upload.rejectionsShown', {
                  from: i.num(from + 1),
                  to: i.num(from + pageRows.length),
                  shown: i.num(shown),
                })}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={current === 0}
                onClick={() => setPage(current - 1)}
                aria-label={i.t('upload.previous')}
              >
                <span aria-hidden="true">←</span>
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={current >= pages - 1}
                onClick={() => setPage(current + 1)}
                aria-label={i.t('upload.next')}
              >
                <span aria-hidden="true">→</span>
              </button>
            </nav>
          ) : null}
          {report.rejectedTotal > shown ? (
            <p className="muted small">
              {i.t('upload.rejectionsKept', { kept: i.num(shown), n: i.num(report.rejectedTotal) })}
            </p>
          ) : null}
        </>
      )}
      {report.warnings.length > 0 ? (
        <>
          <h3>{i.t('upload.warnings', { n: i.num(report.warnings.length) })}</h3>
          <ul className="import-warnings">
            {report.warnings.slice(0, WARNINGS_SHOWN).map((w, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id and never reorder
              <li key={k}>
                <strong>{w.file}</strong>
                {w.line !== null ? `:${w.line}` : ''}
                {w.column ? ` (${w.column})` : ''} — {w.messageText[i.locale]}
              </li>
            ))}
          </ul>
          {report.warnings.length > WARNINGS_SHOWN ? (
            <p className="muted small">{i.t('upload.warningsShown', { shown: WARNINGS_SHOWN })}</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
