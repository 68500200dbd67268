import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../src/database.ts';
import { refreshStatistics } from '../src/statistics.ts';
import { BundleError } from './bundle-error.ts';
import { BundleCsv, type ImportContext, type PartyTarget, type ProductTarget, type ProgramTarget } from './context.ts';
import { BUNDLE_FILES, bundleFileSpec } from './files/index.ts';
import type { FileSpec } from './files/spec.ts';
import { EMPTY_FILE, type ParsedCsv, parseCsvFile } from './parse.ts';
import { RefIndex } from './refs.ts';
import { type ImportReport, ReportBuilder } from './report.ts';
import { ImportScope } from './scope.ts';
import { IN_MEMORY_BYTES, MAX_FILE_BYTES, tooLarge } from './sources/errors.ts';
import { loadRefs } from './stored-refs.queries.ts';
import {
  countRecords,
  memorySource,
  type OpenBytes,
  readStreamHeader,
  StreamedCsv,
  type StreamSource,
} from './stream.ts';

export { PARTY_COLUMNS } from './files/parties.ts';
export {
  type FileReport,
  formatImportReport,
  type ImportReport,
  type ImportWarning,
  type RejectedRow,
} from './report.ts';

/** One file of a bundle: a name (parties.csv) and its content, raw bytes or already-decoded text. */
export interface BundleFile {
  name: string;
  /** The content in memory; '' when `open` or `parsed` gives it. */
  content: string | Uint8Array;
  /**
   * Reads the content from the start as a stream (a large file on disk, a zip entry): a streamed
   * file (transactions.csv) is then never held in memory whole; another is read whole, up to
   * MAX_FILE_BYTES.
   */
  open?: OpenBytes;
  /** Its size in bytes when `open` is set (for progress). */
  size?: number;
  /** Already parsed rows (a workbook's sheet); when set, `content` is not read. */
  parsed?: ParsedCsv;
}

export interface ImportOptions {
  /** Validate everything, database checks included, then roll back: nothing is stored. */
  dryRun?: boolean;
  /** Store nothing when any row is rejected. */
  allOrNothing?: boolean;
  /**
   * The agency of the operator who runs the import. The import is confined to what the operator
   * may write (scope.ts: its agency, its network, the enterprises it registered), and every
   * enterprise the import creates gets the agency as its registering agency, as registerEnterprise
   * does for an operator. Null or absent (an admin, the CLI): anything may be written and new
   * enterprises have none. A stored enterprise keeps its own.
   */
  registeringAgencyId?: number | null;
  /** Called as each file is stored: stage is the file name, done/total its rows. */
  onProgress?: (stage: string, done: number, total: number) => void;
  /**
   * Runs in the import's transaction once every file is stored, before it commits or rolls back
   * (a dry run, all-or-nothing): the writes of a source's own tables (the ISB importer's plans and
   * work-unit mapping), which then commit or roll back with the bundle. Its rejections count.
   */
  finish?: (ctx: ImportContext) => Promise<void>;
}

export { BundleError };

/** Thrown inside the transaction to roll it back (dry run, or all-or-nothing with rejections). */
class Rollback extends Error {}

const FILE_NAMES = BUNDLE_FILES.map((f) => f.name);

/**
 * The *.csv files of a folder, as raw bytes (decoding is the importer's job, so a file in the wrong
 * encoding is reported line by line rather than failing here).
 */
export async function readBundleDir(dir: string): Promise<BundleFile[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BundleError({ id: `folder tidak ada: ${dir}`, en: `No such folder: ${dir}` });
    if (code === 'ENOTDIR')
      throw new BundleError({
        id: `${dir} adalah berkas; berikan folder yang memuat parties.csv, transactions.csv, …`,
        en: `${dir} is a file; give the folder that holds parties.csv, transactions.csv, …`,
      });
    throw error;
  }
  const csv = entries.filter((e) => e.isFile() && /\.csv$/i.test(e.name)).sort((a, b) => a.name.localeCompare(b.name));
  if (!csv.some((e) => bundleFileSpec(e.name))) {
    throw new BundleError({
      id: `${dir} tidak memuat satu pun berkas paket impor (${FILE_NAMES.join(', ')})`,
      en: `${dir} holds none of the bundle files (${FILE_NAMES.join(', ')})`,
    });
  }
  return Promise.all(csv.map((e) => readBundleFile(path.join(dir, e.name), e.name)));
}

/**
 * A bundle file on disk: read into memory when small, else opened as a stream when imported (a
 * streamed file is never held whole; another is read whole up to MAX_FILE_BYTES).
 */
export async function readBundleFile(file: string, name: string): Promise<BundleFile> {
  const { size } = await fs.stat(file);
  if (size <= IN_MEMORY_BYTES) return { name, content: await fs.readFile(file) };
  return { name, content: '', size, open: async () => createReadStream(file, { highWaterMark: 1024 * 1024 }) };
}

interface PreparedFile {
  readonly spec: FileSpec;
  readonly csv: BundleCsv;
  /** Refs of records rejected before their importer ran, to reject the rows that depend on them. */
  readonly rejectedRefs: Array<{ ref: string; line: number }>;
}

/**
 * Checks a file's header: warns about unnamed and unknown columns, refuses the file for a column
 * given twice or a required one missing. True when the file is refused.
 */
function refusedHeader(spec: FileSpec, header: readonly string[], report: ReportBuilder): boolean {
  const seen = new Set<string>();
  let refused = false;
  header.forEach((column, i) => {
    if (column === '') {
      report.warn({
        file: spec.name,
        column: null,
        message: {
          id: `kolom ${i + 1} tidak bernama di baris judul: diabaikan`,
          en: `column ${i + 1} has no name in the header: ignored`,
        },
      });
      return;
    }
    if (seen.has(column)) {
      report.rejectFile(spec.name, {
        column,
        reason: {
          id: `kolom ${column} muncul dua kali di baris judul`,
          en: `the header has column ${column} twice`,
        },
      });
      refused = true;
    }
    seen.add(column);
    if (!spec.columns.includes(column)) {
      report.warn({
        file: spec.name,
        column,
        message: {
          id: `kolom ${column} tidak dikenal: diabaikan (yang dikenal: ${spec.columns.join(', ')})`,
          en: `unknown column ${column}: ignored (known: ${spec.columns.join(', ')})`,
        },
      });
    }
  });
  for (const column of spec.required) {
    if (!seen.has(column)) {
      report.rejectFile(spec.name, {
        column,
        reason: {
          id: `kolom wajib ${column} tidak ada`,
          en: `missing required column ${column}`,
        },
      });
      refused = true;
    }
  }
  return refused;
}

/** The whole content of a file given as a stream (a file read whole), refused past MAX_FILE_BYTES. */
async function contentOf(file: BundleFile): Promise<string | Uint8Array> {
  if (!file.open) return file.content;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of await file.open()) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > MAX_FILE_BYTES) throw tooLarge(file.name, size);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

/** Decodes and parses a file and checks its header; reports what is unreadable. Null when nothing is usable. */
async function prepare(spec: FileSpec, file: BundleFile, report: ReportBuilder): Promise<PreparedFile | null> {
  const parsed = file.parsed ?? parseCsvFile(await contentOf(file));
  const tally = report.tally(spec.name);
  tally.rows = parsed.records.length;
  const refIndex = parsed.header.indexOf('ref');
  const refsOf = (records: typeof parsed.records) =>
    refIndex < 0
      ? []
      : records.flatMap((r) =>
          r.values[refIndex]?.trim() ? [{ ref: (r.values[refIndex] as string).trim(), line: r.line }] : [],
        );

  const fileProblem = parsed.problems.get('file');
  if (fileProblem) {
    report.rejectFile(spec.name, fileProblem);
    return null;
  }
  if (refusedHeader(spec, parsed.header, report))
    return { spec, csv: new BundleCsv(spec.name, parsed.header, []), rejectedRefs: refsOf(parsed.records) };

  const readable = parsed.records.filter((r) => !parsed.problems.has(r));
  const unreadable = parsed.records.filter((r) => parsed.problems.has(r));
  for (const record of unreadable) {
    const problem = parsed.problems.get(record);
    if (problem) report.reject(spec.name, record.line, problem);
  }
  return { spec, csv: new BundleCsv(spec.name, parsed.header, readable), rejectedRefs: refsOf(unreadable) };
}

/** A file to stream: only its header is read now. Null when nothing of it is usable. */
async function prepareStream(spec: FileSpec, file: BundleFile, report: ReportBuilder): Promise<StreamedCsv | null> {
  const source: StreamSource | ParsedCsv =
    file.parsed ?? (file.open ? { open: file.open, size: file.size ?? 0 } : memorySource(file.content));
  const { header, problem } =
    'records' in source
      ? {
          header: source.headerBroken && !source.header.length ? null : source.header,
          problem: source.problems.get('file') ?? null,
        }
      : await readStreamHeader(source);
  const count = async () => {
    report.tally(spec.name).rows = header ? await countRecords(source) : 0;
  };
  if (problem || !header) {
    report.rejectFile(spec.name, problem ?? { line: 1, column: null, reason: EMPTY_FILE });
    await count();
    return null;
  }
  if (refusedHeader(spec, header, report)) {
    await count();
    return null;
  }
  return new StreamedCsv(spec, header, source);
}

/**
 * Imports a CSV bundle into a tenant (see db/import/README.md for the format). Every row is
 * validated; accepted rows are stored in one transaction (in bulk, upserting on their refs, so a
 * re-import changes nothing), rejected rows are reported with file, line, column and reason.
 * Works on file contents in memory, so the CLI and the importDataset mutation share it.
 *
 * @example
 * const report = await importCsvBundle(db, '61.12', await readBundleDir('bundle/'), { dryRun: true });
 * console.log(formatImportReport(report));
 */
export async function importCsvBundle(
  db: Kysely<Database>,
  tenantId: string,
  files: BundleFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const allOrNothing = options.allOrNothing ?? false;
  const report = new ReportBuilder(FILE_NAMES);

  const given = new Map<FileSpec, BundleFile>();
  for (const file of files) {
    const spec = bundleFileSpec(file.name);
    if (!spec) {
      report.warn({
        file: file.name,
        column: null,
        message: {
          id: `bukan berkas paket impor: diabaikan (yang dikenal: ${FILE_NAMES.join(', ')})`,
          en: `not a bundle file: ignored (known: ${FILE_NAMES.join(', ')})`,
        },
      });
      continue;
    }
    const twice = given.get(spec);
    if (twice)
      throw new BundleError({
        id: `paket impor memuat ${spec.name} dua kali (${twice.name} dan ${file.name})`,
        en: `The bundle has ${spec.name} twice (${twice.name} and ${file.name})`,
      });
    given.set(spec, file);
  }
  if (given.size === 0)
    throw new BundleError({
      id: `paket impor tidak memuat satu pun berkas paket impor (${FILE_NAMES.join(', ')})`,
      en: `The bundle has none of the bundle files (${FILE_NAMES.join(', ')})`,
    });

  const prepared: Array<PreparedFile | StreamedCsv> = [];
  for (const spec of BUNDLE_FILES) {
    const file = given.get(spec);
    const ready = file ? await (spec.stream ? prepareStream(spec, file, report) : prepare(spec, file, report)) : null;
    if (ready) prepared.push(ready);
  }
  const whole = prepared.filter((p): p is PreparedFile => !(p instanceof StreamedCsv));

  let committed = false;
  try {
    await db.transaction().execute(async (trx) => {
      const tenant = await trx.selectFrom('tenant').select('id').where('id', '=', tenantId).executeTakeFirst();
      if (!tenant)
        throw new BundleError({
          id: `kabupaten/kota ${tenantId} belum ada: jalankan dulu \`pnpm cli migrate\` dengan TENANT=${tenantId}`,
          en: `Tenant ${tenantId} does not exist: run \`pnpm cli migrate\` with TENANT=${tenantId} first`,
        });
      const ctx: ImportContext = {
        trx,
        tenantId,
        report,
        parties: new RefIndex<PartyTarget>({ id: 'pihak', en: 'party' }, 'parties.csv'),
        programs: new RefIndex<ProgramTarget>({ id: 'program', en: 'program' }, 'programs.csv'),
        products: new RefIndex<ProductTarget>({ id: 'produk', en: 'product' }, 'products.csv'),
        progress: options.onProgress ?? (() => {}),
        registeringAgencyId: options.registeringAgencyId ?? null,
        scope:
          options.registeringAgencyId == null
            ? null
            : await ImportScope.load(trx, tenantId, options.registeringAgencyId),
      };
      for (const { spec, rejectedRefs } of whole) {
        if (spec.refs) for (const { ref, line } of rejectedRefs) ctx[spec.refs].rejected(ref, spec.name, line);
      }
      await loadRefs(ctx, whole);
      for (const file of prepared) {
        if (file instanceof StreamedCsv) await file.spec.stream?.(ctx, file);
        else await file.spec.run?.(ctx, file.csv);
      }
      await options.finish?.(ctx);
      if (dryRun || (allOrNothing && report.hasRejections)) throw new Rollback();
    });
    committed = true;
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const result = report.build({ committed, dryRun, allOrNothing });
  if (committed && result.files.some((f) => f.inserted + f.updated > 0)) await refreshStatistics(db);
  return result;
}
