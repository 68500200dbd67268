import { parse } from 'csv-parse/sync';
import { decodeBundleFile } from './decode.ts';

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
  readonly reason: string;
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

const ENCODING_HINT = 'invalid UTF-8 (bad encoding): save the file as UTF-8 (in Excel: "CSV UTF-8")';

const PARSE_OPTIONS = {
  bom: true,
  record_delimiter: '\n',
  relax_column_count: true, // counted below, so a short row is one rejection, not a failed file
  relax_quotes: true, // a stray quote inside an unquoted field is kept, not fatal
  // Blank lines come through as records, so every physical line is accounted for below.
  skip_empty_lines: false,
} as const;

/**
 * Numbers records by physical line. Line breaks are normalised to \n and are the record delimiter,
 * so a record spans one line plus one per line break inside its (quoted) values; a blank line is a
 * record of its own. Cheaper than csv-parse's info option, which copies its state for every record.
 */
function numberLines(rows: readonly string[][]): CsvRecord[] {
  let line = 1;
  return rows.map((values) => {
    let breaks = 0;
    for (const value of values) {
      for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) breaks++;
    }
    const record = { line, endLine: line + breaks, values };
    line += breaks + 1;
    return record;
  });
}

/** Parses with csv-parse; on a fatal error (an unclosed quote) keeps the records before it. */
function parseRecords(text: string): { rows: string[][]; fatal: { code?: string; message: string } | null } {
  try {
    return { rows: parse(text, PARSE_OPTIONS), fatal: null };
  } catch (error) {
    // Rare: parse again, collecting records as they come, to keep what precedes the error.
    const rows: string[][] = [];
    try {
      parse(text, {
        ...PARSE_OPTIONS,
        on_record: (values) => {
          rows.push(values);
          return null;
        },
      });
    } catch {
      // the same error again
    }
    return { rows, fatal: error as { code?: string; message: string } };
  }
}

function isBlank(values: readonly string[]): boolean {
  return values.every((v) => v.trim() === '');
}

/**
 * Decodes and parses one CSV file. csv-parse does the CSV work (quotes, commas and line breaks
 * inside fields, a BOM); this adds what an import report needs: the physical line of each record
 * and the records to reject before their values are looked at.
 */
export function parseCsvFile(content: string | Uint8Array): ParsedCsv {
  const { text, badLines } = decodeBundleFile(content);
  const { rows, fatal } = parseRecords(text);
  const withLines = numberLines(rows);

  const problems = new Map<CsvRecord | 'file', RecordProblem>();
  const nonBlank = withLines.filter((r) => !isBlank(r.values));
  const [head, ...records] = nonBlank;
  if (!head) {
    const problem = fatal ? `unreadable: ${fatal.message}` : 'the file is empty: it needs a header row';
    problems.set('file', { line: 1, column: null, reason: problem });
    return { header: [], records: [], problems, headerBroken: true };
  }
  const header = head.values.map((h) => h.replace(/^\uFEFF/, '').trim());

  let badIndex = 0;
  const badWithin = (from: number, to: number): number | null => {
    while (badIndex < badLines.length && (badLines[badIndex] as number) < from) badIndex++;
    const line = badLines[badIndex];
    return line !== undefined && line <= to ? line : null;
  };

  let headerBroken = false;
  const headerBad = badWithin(head.line, head.endLine);
  if (headerBad !== null) {
    problems.set('file', { line: headerBad, column: null, reason: `header row: ${ENCODING_HINT}` });
    headerBroken = true;
  }

  for (const record of records) {
    const bad = badWithin(record.line, record.endLine);
    if (bad !== null) {
      // Name the field that holds the replacement character, so the user knows where to look.
      const at = record.values.findIndex((v) => v.includes('\uFFFD'));
      problems.set(record, { line: bad, column: at >= 0 ? (header[at] ?? null) : null, reason: ENCODING_HINT });
    } else if (record.values.some((v) => v.includes('\u0000'))) {
      // PostgreSQL text cannot hold NUL: caught here, it is one rejected row, not a failed import.
      const at = record.values.findIndex((v) => v.includes('\u0000'));
      problems.set(record, {
        line: record.line,
        column: header[at] ?? null,
        reason: 'contains a NUL character (byte 0), which text cannot hold',
      });
    } else if (record.values.length !== header.length) {
      problems.set(record, {
        line: record.line,
        column: null,
        reason: `has ${record.values.length} fields, the header has ${header.length}: a comma inside a value needs quotes ("…, …")`,
      });
    }
  }

  if (fatal) {
    // Where the unreadable record starts: the first non-blank line after the last good record.
    const lines = text.split('\n');
    let line = (withLines.at(-1)?.endLine ?? 0) + 1;
    while (line <= lines.length && (lines[line - 1] ?? '').trim() === '') line++;
    const reason =
      fatal.code === 'CSV_QUOTE_NOT_CLOSED'
        ? `a quote opened in this record is never closed, so lines ${line}-${lines.length} could not be read`
        : `unreadable from here on: ${fatal.message}`;
    const stub: CsvRecord = { line, endLine: lines.length, values: [] };
    (records as CsvRecord[]).push(stub);
    problems.set(stub, { line, column: null, reason });
  }
  return { header, records, problems, headerBroken };
}
