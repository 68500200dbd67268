import { Parser } from 'csv-parse';
import type { Reason } from '../src/rules/failure.ts';
import { LineDecoder, normalizeLineBreaks } from './decode.ts';

/** One CSV record and where it sits in the file (header = line 1). */
export interface CsvRecord {
  /** Physical line where the record starts. */
  readonly line: number;
  /** Physical line where it ends (later than `line` when a quoted field holds line breaks). */
  readonly endLine: number;
  readonly values: readonly string[];
}

/** A problem that rejects a whole record (or, with line 1, the whole file) before any column is read. */
export interface RecordProblem {
  readonly line: number;
  readonly column: string | null;
  readonly reason: Reason;
}

export interface ParsedCsv {
  /** Header names as written (trimmed, BOM removed). */
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
  /** Records that could not be read: bad encoding, wrong field count, an unclosed quote. */
  readonly problems: ReadonlyMap<CsvRecord | 'file', RecordProblem>;
  /** True when the header itself is unreadable: nothing of the file can be imported. */
  readonly headerBroken: boolean;
}

const ENCODING_HINT: Reason = {
  id: 'bukan UTF-8 yang sah (pengodean salah): simpan berkas sebagai UTF-8 (di Excel: "CSV UTF-8")',
  en: 'invalid UTF-8 (bad encoding): save the file as UTF-8 (in Excel: "CSV UTF-8")',
};

/** Why a file without even a header row is refused. */
export const EMPTY_FILE: Reason = {
  id: 'berkas kosong: berkas harus mempunyai baris judul kolom',
  en: 'the file is empty: it needs a header row',
};

/** A record longer than this is taken for an unclosed quote (csv-parse would otherwise buffer the rest of the file). */
export const MAX_RECORD_CHARS = 1_000_000;

const PARSE_OPTIONS = {
  bom: true,
  record_delimiter: '\n',
  relax_column_count: true, // counted below, so a short row is one rejection, not a failed file
  relax_quotes: true, // a stray quote inside an unquoted field is kept, not fatal
  // Blank lines come through as records, so every physical line is accounted for below.
  skip_empty_lines: false,
  max_record_size: MAX_RECORD_CHARS,
} as const;

/**
 * csv-parse's incremental parser, the one its sync and stream forms both drive: `parse(chunk,
 * end, push, close)` parses synchronously what is complete and keeps the rest for the next call.
 * Driven directly, records come out in the order and the batches the importer wants, with no
 * stream plumbing in between.
 */
interface CsvApi {
  parse(
    chunk: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): (Error & { code?: string }) | undefined;
}

function newApi(): CsvApi {
  const api = (new Parser(PARSE_OPTIONS) as unknown as { api?: CsvApi }).api;
  if (!api || typeof api.parse !== 'function') throw new Error('csv-parse: its incremental parser is not available');
  return api;
}

function isBlank(values: readonly string[]): boolean {
  return values.every((v) => v.trim() === '');
}

/** Receives the records of a file as they are read: its header once, then each record with its problem, if any. */
export interface RecordSink {
  header(header: readonly string[], problem: RecordProblem | null): void;
  record(record: CsvRecord, problem: RecordProblem | null): void;
}

/**
 * Reads one CSV file incrementally: bytes (or text) in, numbered records out. csv-parse does the
 * CSV work (quotes, commas and line breaks inside fields, a BOM); this adds what an import report
 * needs: the physical line of each record and the problems that reject a record before its values
 * are looked at. Memory is one piece of the file and the record being read, whatever the file's size.
 */
export class CsvRecordReader {
  private readonly decoder = new LineDecoder();
  private readonly api = newApi();
  private header: readonly string[] | null = null;
  /** The next record's first line. */
  private line = 1;
  private fatal: { code?: string; message: string } | null = null;
  private readonly push = (values: string[]) => this.take(values);
  private readonly close = () => {};

  constructor(private readonly sink: RecordSink) {}

  /** True once the header row has been read. */
  get hasHeader(): boolean {
    return this.header !== null;
  }

  write(chunk: Uint8Array | string): void {
    const text = typeof chunk === 'string' ? this.text(chunk) : this.decoder.push(chunk);
    this.feed(text, false);
  }

  /** The end of the file: the last record, and the unreadable rest when a quote was never closed. */
  end(): void {
    this.feed(this.decoder.end(), true);
    if (!this.fatal) return;
    const lines = this.decoder.breaks + 1;
    if (!this.header) {
      this.sink.header([], {
        line: 1,
        column: null,
        reason: {
          id: `tidak dapat dibaca: ${this.fatal.message}`,
          en: `unreadable: ${this.fatal.message}`,
        },
      });
      return;
    }
    const line = this.line;
    const reason: Reason =
      this.fatal.code === 'CSV_QUOTE_NOT_CLOSED'
        ? {
            id: `tanda kutip yang dibuka pada baris data ini tidak pernah ditutup, sehingga baris ${line}-${lines} tidak dapat dibaca`,
            en: `a quote opened in this record is never closed, so lines ${line}-${lines} could not be read`,
          }
        : this.fatal.code === 'CSV_MAX_RECORD_SIZE'
          ? {
              id: `baris data lebih dari ${MAX_RECORD_CHARS.toLocaleString('id')} karakter (tanda kutip yang tidak pernah ditutup?), sehingga baris ${line}-${lines} tidak dapat dibaca`,
              en: `a record longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters (a quote that is never closed?), so lines ${line}-${lines} could not be read`,
            }
          : {
              id: `tidak dapat dibaca mulai dari sini: ${this.fatal.message}`,
              en: `unreadable from here on: ${this.fatal.message}`,
            };
    this.sink.record({ line, endLine: lines, values: [] }, { line, column: null, reason });
  }

  /** Text given as a string: line breaks normalised and counted like decoded bytes. */
  private text(chunk: string): string {
    const text = normalizeLineBreaks(chunk);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.decoder.breaks++;
    return text;
  }

  private feed(text: string, end: boolean): void {
    if (this.fatal) return; // after an unreadable record only the line count goes on
    if (!text && !end) return;
    const error = this.api.parse(text ? Buffer.from(text) : undefined, end, this.push, this.close);
    if (error) this.fatal = error;
  }

  /** The first line in [from, to] holding invalid UTF-8, forgetting the bad lines before `from`. */
  private badWithin(from: number, to: number): number | null {
    const bad = this.decoder.badLines;
    let skip = 0;
    while (skip < bad.length && (bad[skip] as number) < from) skip++;
    if (skip) bad.splice(0, skip);
    const line = bad[0];
    return line !== undefined && line <= to ? line : null;
  }

  private take(values: string[]): void {
    let breaks = 0;
    for (const value of values) {
      for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) breaks++;
    }
    const record: CsvRecord = { line: this.line, endLine: this.line + breaks, values };
    this.line += breaks + 1;
    if (isBlank(values)) return;
    const bad = this.badWithin(record.line, record.endLine);
    if (!this.header) {
      const header = values.map((h) => h.replace(/^\uFEFF/, '').trim());
      this.header = header;
      this.sink.header(
        header,
        bad === null
          ? null
          : {
              line: bad,
              column: null,
              reason: { id: `baris judul kolom: ${ENCODING_HINT.id}`, en: `header row: ${ENCODING_HINT.en}` },
            },
      );
      return;
    }
    this.sink.record(record, this.problemOf(record, bad, this.header));
  }

  private problemOf(record: CsvRecord, bad: number | null, header: readonly string[]): RecordProblem | null {
    const { values } = record;
    if (bad !== null) {
      // Name the field that holds the replacement character, so the user knows where to look.
      const at = values.findIndex((v) => v.includes('\uFFFD'));
      return { line: bad, column: at >= 0 ? (header[at] ?? null) : null, reason: ENCODING_HINT };
    }
    if (values.some((v) => v.includes('\u0000'))) {
      // PostgreSQL text cannot hold NUL: caught here, it is one rejected row, not a failed import.
      const at = values.findIndex((v) => v.includes('\u0000'));
      return {
        line: record.line,
        column: header[at] ?? null,
        reason: {
          id: 'memuat karakter NUL (bita 0), yang tidak dapat disimpan sebagai teks',
          en: 'contains a NUL character (byte 0), which text cannot hold',
        },
      };
    }
    if (values.length !== header.length) {
      return {
        line: record.line,
        column: null,
        reason: {
          id: `memuat ${values.length} isian, judul kolom memuat ${header.length}: koma di dalam nilai harus diberi tanda kutip ("…, …")`,
          en: `has ${values.length} fields, the header has ${header.length}: a comma inside a value needs quotes ("…, …")`,
        },
      };
    }
    return null;
  }
}

/** Decodes and parses one whole CSV file held in memory (small files; large ones stream, see stream.ts). */
export function parseCsvFile(content: string | Uint8Array): ParsedCsv {
  let header: readonly string[] = [];
  let headerBroken = false;
  const records: CsvRecord[] = [];
  const problems = new Map<CsvRecord | 'file', RecordProblem>();
  const reader = new CsvRecordReader({
    header(names, problem) {
      header = names;
      if (problem) {
        problems.set('file', problem);
        headerBroken = true;
      }
    },
    record(record, problem) {
      records.push(record);
      if (problem) problems.set(record, problem);
    },
  });
  reader.write(content);
  reader.end();
  if (!reader.hasHeader && !problems.has('file')) {
    problems.set('file', { line: 1, column: null, reason: EMPTY_FILE });
    headerBroken = true;
  }
  return { header, records, problems, headerBroken };
}
