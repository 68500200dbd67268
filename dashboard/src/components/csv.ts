/**
 * CSV of exactly what the API returned: raw numbers (whole rupiah, fractions), not the formatted
 * labels, so a download can be checked against the API and re-used in a spreadsheet.
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  /** The header: the API field name, so the file documents itself. */
  name: string;
  value(row: T): CsvValue;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.name)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], filename: string): void {
  downloadBlob(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), `${filename}.csv`);
}

/** A file name from a title: `Tren bulanan` → `tren-bulanan`. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60) || 'data'
  );
}
