import fs from 'node:fs/promises';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/database.ts';
import { refreshStatistics } from '../src/statistics.ts';
import { BundleCsv, type ImportContext, type PartyTarget, type ProductTarget, type ProgramTarget } from './context.ts';
import { BUNDLE_FILES, bundleFileSpec } from './files/index.ts';
import type { FileSpec } from './files/spec.ts';
import { type ParsedCsv, parseCsvFile } from './parse.ts';
import { RefIndex } from './refs.ts';
import { type ImportReport, ReportBuilder } from './report.ts';

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
  content: string | Uint8Array;
  /** Already parsed rows (a workbook's sheet); when set, `content` is not read. */
  parsed?: ParsedCsv;
}

export interface ImportOptions {
  /** Validate everything, database checks included, then roll back: nothing is stored. */
  dryRun?: boolean;
  /** Store nothing when any row is rejected. */
  allOrNothing?: boolean;
  /** Called as each file is stored: stage is the file name, done/total its rows. */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** A bundle that cannot be imported at all (no bundle file in it, a file given twice). */
export class BundleError extends Error {
  override readonly name = 'BundleError';
}

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
    if (code === 'ENOENT') throw new BundleError(`No such folder: ${dir}`);
    if (code === 'ENOTDIR')
      throw new BundleError(`${dir} is a file; give the folder that holds parties.csv, transactions.csv, …`);
    throw error;
  }
  const csv = entries.filter((e) => e.isFile() && /\.csv$/i.test(e.name)).sort((a, b) => a.name.localeCompare(b.name));
  if (!csv.some((e) => bundleFileSpec(e.name))) {
    throw new BundleError(`${dir} holds none of the bundle files (${FILE_NAMES.join(', ')})`);
  }
  return Promise.all(csv.map(async (e) => ({ name: e.name, content: await fs.readFile(path.join(dir, e.name)) })));
}

interface PreparedFile {
  readonly spec: FileSpec;
  readonly csv: BundleCsv;
  /** Refs of records rejected before their importer ran, to reject the rows that depend on them. */
  readonly rejectedRefs: Array<{ ref: string; line: number }>;
}

/** Decodes and parses a file and checks its header; reports what is unreadable. Null when nothing is usable. */
function prepare(spec: FileSpec, file: BundleFile, report: ReportBuilder): PreparedFile | null {
  const parsed = file.parsed ?? parseCsvFile(file.content);
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
  const seen = new Set<string>();
  let refused = false;
  parsed.header.forEach((column, i) => {
    if (column === '') {
      report.warn({ file: spec.name, column: null, message: `column ${i + 1} has no name in the header: ignored` });
      return;
    }
    if (seen.has(column)) {
      report.rejectFile(spec.name, { column, reason: `the header has column ${column} twice` });
      refused = true;
    }
    seen.add(column);
    if (!spec.columns.includes(column)) {
      report.warn({
        file: spec.name,
        column,
        message: `unknown column ${column}: ignored (known: ${spec.columns.join(', ')})`,
      });
    }
  });
  for (const column of spec.required) {
    if (!seen.has(column)) {
      report.rejectFile(spec.name, { column, reason: `missing required column ${column}` });
      refused = true;
    }
  }
  if (refused) return { spec, csv: new BundleCsv(spec.name, parsed.header, []), rejectedRefs: refsOf(parsed.records) };

  const readable = parsed.records.filter((r) => !parsed.problems.has(r));
  const unreadable = parsed.records.filter((r) => parsed.problems.has(r));
  for (const record of unreadable) {
    const problem = parsed.problems.get(record);
    if (problem) report.reject(spec.name, record.line, problem);
  }
  return { spec, csv: new BundleCsv(spec.name, parsed.header, readable), rejectedRefs: refsOf(unreadable) };
}

/** Loads the rows of the tenant that the bundle's refs may point at: one query per kind of ref. */
async function loadStoredRefs(ctx: ImportContext, prepared: readonly PreparedFile[]): Promise<void> {
  const wanted = { parties: new Set<string>(), programs: new Set<string>(), products: new Set<string>() };
  for (const { spec, csv } of prepared) {
    for (const [index, columns] of Object.entries(spec.refColumns) as Array<[keyof typeof wanted, readonly string[]]>) {
      const positions = columns.map((c) => csv.columns.get(c)).filter((i): i is number => i !== undefined);
      for (const record of csv.records) {
        for (const i of positions) {
          const ref = record.values[i]?.trim();
          if (ref) wanted[index].add(ref);
        }
      }
    }
  }
  const { trx, tenantId } = ctx;
  if (wanted.parties.size) {
    const rows = await trx
      .selectFrom('party')
      .select(['ref', 'id', 'kind'])
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`ref = ANY(${[...wanted.parties]}::text[])`)
      .execute();
    for (const r of rows) ctx.parties.addExisting(r.ref, { id: r.id, kind: r.kind });
  }
  if (wanted.programs.size) {
    const rows = await trx
      .selectFrom('program')
      .select(['ref', 'id'])
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`ref = ANY(${[...wanted.programs]}::text[])`)
      .execute();
    for (const r of rows) ctx.programs.addExisting(r.ref, { id: r.id });
  }
  if (wanted.products.size) {
    const rows = await trx
      .selectFrom('product')
      .select(['ref', 'id', 'seller_id', 'category'])
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`ref = ANY(${[...wanted.products]}::text[])`)
      .execute();
    for (const r of rows) ctx.products.addExisting(r.ref, { id: r.id, sellerId: r.seller_id, category: r.category });
  }
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
        message: `not a bundle file: ignored (known: ${FILE_NAMES.join(', ')})`,
      });
      continue;
    }
    const twice = given.get(spec);
    if (twice) throw new BundleError(`The bundle has ${spec.name} twice (${twice.name} and ${file.name})`);
    given.set(spec, file);
  }
  if (given.size === 0) throw new BundleError(`The bundle has none of the bundle files (${FILE_NAMES.join(', ')})`);

  const prepared = BUNDLE_FILES.flatMap((spec) => {
    const file = given.get(spec);
    const ready = file ? prepare(spec, file, report) : null;
    return ready ? [ready] : [];
  });

  let committed = false;
  try {
    await db.transaction().execute(async (trx) => {
      const tenant = await trx.selectFrom('tenant').select('id').where('id', '=', tenantId).executeTakeFirst();
      if (!tenant)
        throw new BundleError(
          `Tenant ${tenantId} does not exist: run \`pnpm cli migrate\` with TENANT=${tenantId} first`,
        );
      const ctx: ImportContext = {
        trx,
        tenantId,
        report,
        parties: new RefIndex<PartyTarget>('party', 'parties.csv'),
        programs: new RefIndex<ProgramTarget>('program', 'programs.csv'),
        products: new RefIndex<ProductTarget>('product', 'products.csv'),
        progress: options.onProgress ?? (() => {}),
      };
      for (const { spec, rejectedRefs } of prepared) {
        if (spec.refs) for (const { ref, line } of rejectedRefs) ctx[spec.refs].rejected(ref, spec.name, line);
      }
      await loadStoredRefs(ctx, prepared);
      for (const { spec, csv } of prepared) await spec.run(ctx, csv);
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
