import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import type { Reason } from '../../src/rules/failure.ts';
import type { BundleFile } from '../csv-import.ts';
import type { CsvRecord, ParsedCsv, RecordProblem } from '../parse.ts';
import { ImportSourceError, MAX_FILE_BYTES, tooLarge } from './errors.ts';

/**
 * XLSX workbooks: the CSV bundle as one workbook, one sheet per file (sheet `parties` holds
 * parties.csv). Read and written with exceljs's streaming reader and writer; every cell is read
 * as text, so the rest of the import is the CSV bundle's. A line number in the report is the
 * sheet's row number.
 */

type CellValue = ExcelJS.CellValue;

/**
 * exceljs, loaded the first time a workbook is read or written: it is the heaviest module the
 * server would otherwise load at every start (about 0.2 s of a first start's critical path), for
 * what only XLSX imports and exports use.
 */
const excel = async () => (await import('exceljs')).default;

/** A cell as the CSV bundle would hold it; a problem instead when it cannot be read as text safely. */
export function cellText(value: CellValue): { text: string } | { problem: Reason } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (typeof value === 'number') {
    // Spreadsheets keep 15 significant digits: a NIK or NPWP typed as a number has lost its last
    // digits already (no rupiah amount comes near 10^15).
    if (Math.abs(value) >= 1e15)
      return {
        problem: {
          id: 'angka terlalu panjang untuk angka lembar kerja (digit terakhirnya hilang): format kolomnya sebagai Teks',
          en: 'a number too long for a spreadsheet number (its last digits are lost): format the column as Text',
        },
      };
    return { text: String(value) };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: { id: 'tanggal tidak sah', en: 'an invalid date' } };
    return { text: value.toISOString().slice(0, 10) };
  }
  if ('error' in value)
    return {
      problem: {
        id: `galat lembar kerja ${String(value.error)}`,
        en: `a spreadsheet error ${String(value.error)}`,
      },
    };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    return cellText(result === undefined ? null : result);
  }
  if ('text' in value) return cellText((value as { text: CellValue }).text);
  return { problem: { id: 'sel berjenis tidak dikenal', en: 'a cell of an unknown type' } };
}

/** `Parties`, `parties.csv` → parties.csv */
export function sheetFileName(sheet: string): string {
  const name = sheet.trim().toLowerCase();
  return name.endsWith('.csv') ? name : `${name}.csv`;
}

function rowValues(row: ExcelJS.Row): CellValue[] {
  const values = row.values;
  return Array.isArray(values) ? values.slice(1) : [];
}

/** One sheet as a parsed CSV file; unreadable cells reject their record. */
async function readSheet(sheet: AsyncIterable<ExcelJS.Row>): Promise<ParsedCsv> {
  let header: string[] | null = null;
  const records: CsvRecord[] = [];
  const problems = new Map<CsvRecord | 'file', RecordProblem>();
  for await (const row of sheet) {
    const cells = rowValues(row);
    const texts: string[] = [];
    let problem: { column: number; reason: Reason } | null = null;
    for (let i = 0; i < cells.length; i++) {
      const read = cellText(cells[i]);
      if ('problem' in read) problem ??= { column: i, reason: read.problem };
      texts.push('text' in read ? read.text : '');
    }
    if (texts.every((t) => t.trim() === '') && !problem) continue;
    if (!header) {
      header = texts.map((h) => h.trim());
      while (header.length && header.at(-1) === '') header.pop();
      if (problem)
        problems.set('file', {
          line: row.number,
          column: null,
          reason: {
            id: `baris judul kolom: ${problem.reason.id}`,
            en: `header row: ${problem.reason.en}`,
          },
        });
      continue;
    }
    // Cells beyond the header count only when they hold something.
    while (texts.length > header.length && texts.at(-1)?.trim() === '') texts.pop();
    while (texts.length < header.length) texts.push('');
    const record: CsvRecord = { line: row.number, endLine: row.number, values: texts };
    records.push(record);
    if (problem) {
      problems.set(record, { line: row.number, column: header[problem.column] ?? null, reason: problem.reason });
    } else if (texts.length !== header.length) {
      problems.set(record, {
        line: row.number,
        column: null,
        reason: {
          id: `berisi nilai di ${texts.length} kolom, baris judul menyebut ${header.length}`,
          en: `has values in ${texts.length} columns, the header names ${header.length}`,
        },
      });
    }
  }
  if (!header) {
    problems.set('file', {
      line: 1,
      column: null,
      reason: {
        id: 'lembar kerja kosong: lembar harus mempunyai baris judul kolom',
        en: 'the sheet is empty: it needs a header row',
      },
    });
    return { header: [], records: [], problems, headerBroken: true };
  }
  return { header, records, problems, headerBroken: problems.has('file') };
}

/** exceljs's streaming workbook reader, driven part by part (its own unzip loop stops early). */
interface WorkbookParts {
  model?: { sheets?: Array<{ id: number; name: string; rId: string }> };
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncIterable<unknown>;
  _parseWorksheet(
    stream: Readable,
    sheetNo: string,
  ): Iterable<{ value: AsyncIterable<ExcelJS.Row> & { name: string } }>;
}

const SHEET_PART = /^xl\/worksheets\/sheet([0-9]+)\.xml$/;

/**
 * The sheets of a workbook as bundle files (already parsed: `parsed` is set, `content` empty).
 * The archive is read with yauzl (entries in any order, zip-slip and sizes checked as for a zipped
 * bundle); its parts are parsed by exceljs's streaming readers, one sheet at a time.
 * Why not exceljs's WorkbookReader as a whole: it reads the archive through unzipper's streaming
 * parser, which stops early on archives written with data descriptors (exceljs's own streaming
 * writer writes those): sheets went missing, unnamed.
 */
export async function readXlsxBundle(path: string): Promise<BundleFile[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { autoClose: false, validateEntrySizes: true, strictFileNames: true });
  } catch (error) {
    throw new ImportSourceError('NOT_A_WORKBOOK', {
      id: `bukan buku kerja XLSX yang dapat dibaca: ${(error as Error).message}`,
      en: `not a readable XLSX workbook: ${(error as Error).message}`,
    });
  }
  const files: BundleFile[] = [];
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const open = async (name: string): Promise<Readable | null> => {
      const entry = entries.get(name);
      if (!entry) return null;
      if (entry.uncompressedSize > MAX_FILE_BYTES) throw tooLarge(name, entry.uncompressedSize);
      return zip.openReadStreamPromise(entry);
    };
    const book = new (await excel()).stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache', // dates are told apart from numbers by their number format
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as WorkbookParts;
    const rels = await open('xl/_rels/workbook.xml.rels');
    const workbookXml = await open('xl/workbook.xml');
    if (!rels || !workbookXml) throw new Error('no xl/workbook.xml in the archive');
    await book._parseRels(rels);
    await book._parseWorkbook(workbookXml);
    const strings = await open('xl/sharedStrings.xml');
    if (strings) for await (const _ of book._parseSharedStrings(strings)) void _;
    const styles = await open('xl/styles.xml');
    if (styles) await book._parseStyles(styles);
    const sheetParts = [...entries.keys()]
      .map((name) => SHEET_PART.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => Number(a[1]) - Number(b[1]));
    for (const [part, sheetNo] of sheetParts) {
      const stream = await open(part);
      if (!stream || !sheetNo) continue;
      for (const { value: sheet } of book._parseWorksheet(stream, sheetNo)) {
        files.push({ name: sheetFileName(sheet.name), content: '', parsed: await readSheet(sheet) });
      }
    }
  } catch (error) {
    if (error instanceof ImportSourceError) throw error;
    throw new ImportSourceError('NOT_A_WORKBOOK', {
      id: `bukan buku kerja XLSX yang dapat dibaca: ${(error as Error).message}`,
      en: `not a readable XLSX workbook: ${(error as Error).message}`,
    });
  } finally {
    zip.close();
  }
  if (files.length === 0)
    throw new ImportSourceError('NOT_A_WORKBOOK', {
      id: 'buku kerja tidak mempunyai lembar',
      en: 'the workbook has no sheets',
    });
  return files;
}

/**
 * Writes bundle files (CSV text) as one workbook, a sheet per file named after it (`parties`),
 * every cell as text so codes and NIKs keep their leading zeros. Written with mode 0600.
 */
export async function writeXlsxBundle(path: string, files: readonly BundleFile[]): Promise<void> {
  const { WorkbookWriter } = (await excel()).stream.xlsx;
  const stream = fs.createWriteStream(path, { mode: 0o600 });
  const workbook = new WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  for (const file of files) {
    const sheet = workbook.addWorksheet(file.name.replace(/\.csv$/i, ''));
    const text = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
    const rows: string[][] = parse(text, { relax_column_count: true });
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
}
