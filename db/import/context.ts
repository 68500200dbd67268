import type { Transaction } from 'kysely';
import type { Database, PartyKind, ProductCategory } from '../src/database.ts';
import type { DataError } from '../src/errors.ts';
import type { Reason } from '../src/rules/failure.ts';
import type { CsvRecord } from './parse.ts';
import type { RefIndex } from './refs.ts';
import type { ReportBuilder } from './report.ts';
import { RowReader } from './row.ts';
import type { ImportScope } from './scope.ts';

export interface PartyTarget {
  readonly id: number;
  readonly kind: PartyKind;
}

export interface ProgramTarget {
  readonly id: number;
}

export interface ProductTarget {
  readonly id: number;
  readonly sellerId: number;
  readonly category: ProductCategory;
}

/** A bundle file ready for its importer: readable records only (unreadable ones are already reported). */
export class BundleCsv {
  readonly columns: ReadonlyMap<string, number>;

  constructor(
    readonly name: string,
    header: readonly string[],
    readonly records: readonly CsvRecord[],
  ) {
    this.columns = new Map(header.map((h, i) => [h, i]));
  }

  has(column: string): boolean {
    return this.columns.has(column);
  }

  /** The non-empty values of a column, trimmed (none when the file lacks it). */
  values(column: string): string[] {
    const at = this.columns.get(column);
    if (at === undefined) return [];
    return this.records.map((r) => r.values[at]?.trim() ?? '').filter((v) => v !== '');
  }

  reader(record: CsvRecord): RowReader {
    return new RowReader(this.columns, record);
  }
}

/** Everything an importer of one file needs; all database work goes through the one transaction. */
export interface ImportContext {
  readonly trx: Transaction<Database>;
  readonly tenantId: string;
  readonly report: ReportBuilder;
  readonly parties: RefIndex<PartyTarget>;
  readonly programs: RefIndex<ProgramTarget>;
  readonly products: RefIndex<ProductTarget>;
  readonly progress: (stage: string, done: number, total: number) => void;
  /** The agency of the operator running the import: new enterprises are registered by it (null for an admin). */
  readonly registeringAgencyId: number | null;
  /** What an operator's import may write (scope.ts); null for an administrator or the CLI, which write anything. */
  readonly scope: ImportScope | null;
}

/** Reports every issue a row reader collected. */
export function rejectRow(ctx: ImportContext, file: BundleCsv, row: RowReader): void {
  for (const issue of row.issues) ctx.report.reject(file.name, row.line, issue);
}

/**
 * The bundle column a database error is about: the constraint's column (program_id) as the bundle
 * names it (program_ref), when the file has such a column.
 */
export function columnForField(
  file: BundleCsv,
  field: string | null,
  renames: Record<string, string> = {},
): string | null {
  if (!field) return null;
  const column = renames[field] ?? (field.endsWith('_id') ? `${field.slice(0, -3)}_ref` : field);
  return file.has(column) ? column : null;
}

/** A database refusal as a report reason; conflicts with stored data say so first. */
export function reasonOf(error: DataError): Reason {
  const { id, en } = error.reason;
  return error.code === 'CONFLICT'
    ? { id: `bentrok dengan data tersimpan: ${id}`, en: `CONFLICT: ${en}` }
    : error.reason;
}

export function rejectStored(
  ctx: ImportContext,
  file: BundleCsv,
  line: number,
  error: DataError,
  renames: Record<string, string> = {},
): void {
  ctx.report.reject(file.name, line, {
    column: columnForField(file, error.field, renames),
    reason: reasonOf(error),
    code: error.code,
  });
}

/** Marks the first occurrence of each key and reports later ones; returns true when `key` is new. */
export class FirstSeen {
  private readonly lines = new Map<string, number>();

  /** A key first met before this set was made (an earlier batch of a streamed file), on `line`. */
  seed(key: string, line: number): void {
    if (!this.lines.has(key)) this.lines.set(key, line);
  }

  /** True when the row on `line` is the first with `key` (so a later duplicate cannot speak for it). */
  owns(key: string | null, line: number): boolean {
    return key !== null && this.lines.get(key) === line;
  }

  /** `key` identifies the row (internal); `label` names it for the user, e.g. "ref EN-1" (the same in both languages). */
  check(row: RowReader, column: string, key: string | null, label?: Reason): boolean {
    if (key === null) return true;
    const first = this.lines.get(key);
    if (first === undefined) {
      this.lines.set(key, row.line);
      return true;
    }
    const { id, en } = label ?? { id: `${column} ${key}`, en: `${column} ${key}` };
    row.fail(column, {
      id: `${id} ganda: baris ${first} sudah memuatnya`,
      en: `duplicate ${en}: line ${first} already has it`,
    });
    return false;
  }
}

/** Progress at most every ~2 % of a file, and at its end. */
export function progressReporter(ctx: ImportContext, stage: string, total: number): (done: number) => void {
  const step = Math.max(1, Math.floor(total / 50));
  let last = -step;
  return (done) => {
    if (done >= total || done - last >= step) {
      last = done;
      ctx.progress(stage, done, total);
    }
  };
}
