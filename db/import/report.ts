import { bilingual, type DataErrorCode } from '../src/errors.ts';
import type { Reason } from '../src/rules/failure.ts';

/** A row (or, at line 1, a whole file) that was not imported, and why. */
export interface RejectedRow {
  readonly file: string;
  /** Physical line where the record starts (header = 1); for bad encoding, the line of the first bad byte. */
  readonly line: number;
  /** The column at fault, or null when the whole row is. */
  readonly column: string | null;
  /** Why, in Indonesian (id) and English (en). */
  readonly reason: Reason;
  /** CONFLICT when the row clashes with data already stored (a NIB in use), else BAD_USER_INPUT. */
  readonly code: DataErrorCode;
}

/** Something the importer ignored without losing data: an unknown file or column. */
export interface ImportWarning {
  readonly file: string;
  /** The row it is about; absent when it is about the whole file (an unknown column). */
  readonly line?: number;
  readonly column: string | null;
  /** What was ignored, in Indonesian (id) and English (en). */
  readonly message: Reason;
}

export interface FileReport {
  readonly file: string;
  /** Data records in the file (the header and blank lines excluded). */
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
}

export interface ImportReport {
  /** True when the accepted rows are stored; false for a dry run and a failed all-or-nothing run. */
  readonly committed: boolean;
  readonly dryRun: boolean;
  readonly allOrNothing: boolean;
  /** Per file, in import order; counts say what was (or, when not committed, would have been) done. */
  readonly files: FileReport[];
  /**
   * The rejections, by file in import order, then by line: every one up to MAX_LISTED (the first
   * ones met); `rejectedTotal` counts them all.
   */
  readonly rejected: RejectedRow[];
  /** Every rejection, also those beyond the list. */
  readonly rejectedTotal: number;
  /** Warnings up to MAX_LISTED; past it, one last warning says how many more there were. */
  readonly warnings: ImportWarning[];
}

/**
 * The most rejections (and warnings) a report lists. An import keeps them in memory until it ends,
 * so a huge file with a bad row on every line must not grow the process without bound; the counts
 * per file stay exact.
 */
export const MAX_LISTED = 10_000;

/** Per-file counters, filled in as the import goes. */
export class FileTally {
  rows = 0;
  inserted = 0;
  updated = 0;
  unchanged = 0;
  /** Rejected records, by starting line: a row with three bad columns counts once. */
  readonly rejectedLines = new Set<number>();
  /** Rejected records already counted and forgotten by settle(). */
  private settled = 0;
  /** Set when the whole file was refused (a missing column): every row counts as rejected. */
  wholeFileRejected = false;

  constructor(readonly file: string) {}

  count(outcome: 'inserted' | 'updated' | 'unchanged'): void {
    this[outcome]++;
  }

  /**
   * Counts the rejected lines so far and forgets them: a streamed file calls it after each batch,
   * once no later rejection can be about those lines, so memory does not grow with the file.
   */
  settle(): void {
    this.settled += this.rejectedLines.size;
    this.rejectedLines.clear();
  }

  toReport(): FileReport {
    const rejected = this.wholeFileRejected ? this.rows : this.settled + this.rejectedLines.size;
    return {
      file: this.file,
      rows: this.rows,
      inserted: this.inserted,
      updated: this.updated,
      unchanged: this.unchanged,
      rejected,
    };
  }
}

/** Collects rejections and warnings for the whole bundle. */
export class ReportBuilder {
  private readonly tallies = new Map<string, FileTally>();
  private readonly rejections: RejectedRow[] = [];
  private readonly warningList: ImportWarning[] = [];
  private rejectedCount = 0;
  private warningCount = 0;

  constructor(private readonly fileOrder: readonly string[]) {}

  tally(file: string): FileTally {
    let tally = this.tallies.get(file);
    if (!tally) {
      tally = new FileTally(file);
      this.tallies.set(file, tally);
    }
    return tally;
  }

  /**
   * Rejects a record. `line` is where the problem is reported; `recordLine` (the record's first
   * line) is what counts the row once, even when a bad byte sits on a later line of it.
   */
  reject(
    file: string,
    recordLine: number,
    issue: { column: string | null; reason: Reason; code?: DataErrorCode; line?: number },
  ): void {
    this.tally(file).rejectedLines.add(recordLine);
    this.list({
      file,
      line: issue.line ?? recordLine,
      column: issue.column,
      reason: issue.reason,
      code: issue.code ?? 'BAD_USER_INPUT',
    });
  }

  /** Refuses a whole file: reported at its header, every row counted as rejected. */
  rejectFile(file: string, issue: { line?: number; column: string | null; reason: Reason }): void {
    this.tally(file).wholeFileRejected = true;
    this.list({
      file,
      line: issue.line ?? 1,
      column: issue.column,
      reason: issue.reason,
      code: 'BAD_USER_INPUT',
    });
  }

  private list(rejection: RejectedRow): void {
    this.rejectedCount++;
    if (this.rejections.length < MAX_LISTED) this.rejections.push(rejection);
  }

  warn(warning: ImportWarning): void {
    this.warningCount++;
    if (this.warningList.length < MAX_LISTED) this.warningList.push(warning);
  }

  get hasRejections(): boolean {
    return this.rejectedCount > 0;
  }

  build(options: { committed: boolean; dryRun: boolean; allOrNothing: boolean }): ImportReport {
    const rank = (file: string) => {
      const i = this.fileOrder.indexOf(file);
      return i < 0 ? this.fileOrder.length : i;
    };
    const files = [...this.tallies.values()].sort((a, b) => rank(a.file) - rank(b.file)).map((t) => t.toReport());
    const rejected = [...this.rejections].sort(
      (a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file) || a.line - b.line,
    );
    const warnings = [...this.warningList];
    const unlisted = this.warningCount - warnings.length;
    if (unlisted > 0)
      warnings.push({
        file: '',
        column: null,
        message: {
          id: `${unlisted.toLocaleString('id')} peringatan lain tidak dicantumkan`,
          en: `${unlisted.toLocaleString('en')} more warnings not listed`,
        },
      });
    return { ...options, files, rejected, rejectedTotal: this.rejectedCount, warnings };
  }
}

/**
 * The report as a person reads it (the CLI): a table per file, then every rejection as
 * `file:line column: reason`, each reason and warning as "Indonesian / English".
 *
 * @example
 * console.log(formatImportReport(await importCsvBundle(db, '61.12', files, {})));
 */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const rejectedRows = report.files.reduce((n, f) => n + f.rejected, 0);
  if (report.dryRun) lines.push('Dry run: nothing was stored. The counts show what an import would do.');
  else if (report.committed)
    lines.push(rejectedRows ? 'Imported the accepted rows; the rejected rows were skipped.' : 'Imported every row.');
  else
    lines.push(
      `Nothing was stored: --all-or-nothing and ${rejectedRows} row(s) were rejected. The counts show what an import would do.`,
    );
  lines.push('');

  const header = ['file', 'rows', 'accepted', 'inserted', 'updated', 'unchanged', 'rejected'];
  const table = report.files.map((f) => [
    f.file,
    ...[f.rows, f.rows - f.rejected, f.inserted, f.updated, f.unchanged, f.rejected].map((n) => n.toLocaleString('en')),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] as string).length)));
  const format = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ');
  lines.push(format(header), ...table.map(format));

  if (report.rejected.length) {
    const more = report.rejectedTotal - report.rejected.length;
    lines.push(
      '',
      `Rejected (${report.rejectedTotal}${more > 0 ? `, the first ${report.rejected.length} listed` : ''}):`,
    );
    for (const r of report.rejected)
      lines.push(`  ${r.file}:${r.line}${r.column ? ` ${r.column}` : ''}: ${bilingual(r.reason)}`);
  }
  if (report.warnings.length) {
    lines.push('', 'Warnings:');
    for (const w of report.warnings)
      lines.push(`  ${w.file}${w.line ? `:${w.line}` : ''}${w.column ? ` ${w.column}` : ''}: ${bilingual(w.message)}`);
  }
  return lines.join('\n');
}
