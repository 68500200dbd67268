import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/database.ts';
import {
  type BundleFile,
  type ImportOptions,
  type ImportReport,
  importCsvBundle,
  readBundleDir,
  readBundleFile,
} from '../csv-import.ts';
import { isStreamed } from '../files/index.ts';
import { ISB_DATASETS, importIsb, isbDataset, readIsbFiles } from '../isb/index.ts';
import { importOcds, isOcds, parseJson } from '../ocds/index.ts';
import { ImportSourceError, MAX_FILE_BYTES, tooLarge } from './errors.ts';
import { readXlsxBundle } from './xlsx.ts';
import { readZipBundle } from './zip.ts';

export { ImportSourceError, type SourceErrorCode } from './errors.ts';

/** What a path given to `pnpm cli import` or uploaded to an import job holds. */
export type SourceFormat = 'folder' | 'zip' | 'xlsx' | 'csv' | 'json';

/** The format of a file by its name (the upload keeps the client's extension). */
export function formatOf(name: string): SourceFormat | null {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.zip') return 'zip';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  return null;
}

/** Refuses a file read whole (any but a streamed one, transactions.csv) over MAX_FILE_BYTES, before reading. */
async function checkFolderSizes(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (!/\.csv$/i.test(name) || isStreamed(name)) continue;
    const { size } = await fs.stat(path.join(dir, name));
    if (size > MAX_FILE_BYTES) throw tooLarge(name, size);
  }
}

/**
 * Reads a bundle from any of the forms it travels in: a folder of CSV files, a zip of them, an
 * XLSX workbook with a sheet per file, or one CSV file (named after its bundle file, e.g.
 * transactions.csv). `name` gives the format when the path has none (an uploaded temp file).
 */
export async function readImportSource(
  source: string,
  name = source,
): Promise<{ format: SourceFormat; files: BundleFile[] }> {
  const stat = await fs.stat(source).catch(() => null);
  if (!stat)
    throw new ImportSourceError('NOT_FOUND', {
      id: `berkas atau folder tidak ada: ${source}`,
      en: `No such file or folder: ${source}`,
    });
  if (stat.isDirectory()) {
    await checkFolderSizes(source);
    return { format: 'folder', files: await readBundleDir(source) };
  }
  const format = formatOf(name);
  switch (format) {
    case 'zip':
      return { format, files: await readZipBundle(source) };
    case 'xlsx':
      return { format, files: await readXlsxBundle(source) };
    case 'json':
      throw new ImportSourceError('UNKNOWN_FORMAT', {
        id: `${path.basename(name)}: berkas JSON diimpor dengan importFromPath`,
        en: `${path.basename(name)}: a JSON file is imported with importFromPath`,
      });
    case 'csv': {
      const base = path.basename(name);
      if (stat.size > MAX_FILE_BYTES && !isStreamed(base)) throw tooLarge(base, stat.size);
      return { format, files: [await readBundleFile(source, base)] };
    }
    default:
      throw new ImportSourceError('UNKNOWN_FORMAT', {
        id: `${path.basename(name)}: berikan folder, .zip, .xlsx, berkas .csv yang dinamai sesuai berkas paket impornya, atau .json OCDS`,
        en: `${path.basename(name)}: give a folder, a .zip, an .xlsx, a .csv file named after its bundle file, or an OCDS .json`,
      });
  }
}

/**
 * Imports whatever `source` holds: a CSV bundle in any of its forms, or an OCDS JSON file (the
 * CLI and the import jobs both call this).
 */
export async function importFromPath(
  db: Kysely<Database>,
  tenantId: string,
  source: string,
  name: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  if (formatOf(name) === 'json') {
    const stat = await fs.stat(source).catch(() => null);
    if (!stat)
      throw new ImportSourceError('NOT_FOUND', { id: `berkas tidak ada: ${source}`, en: `No such file: ${source}` });
    if (stat.size > MAX_FILE_BYTES) throw tooLarge(path.basename(name), stat.size);
    const base = path.basename(name);
    const doc = parseJson(await fs.readFile(source, 'utf8'), base);
    if (isOcds(doc)) return importOcds(db, tenantId, base, doc, options);
    if (isbDataset(base)) return importIsb(db, tenantId, [{ name: base, data: doc }], options);
    throw new ImportSourceError('UNKNOWN_FORMAT', {
      id: `${base} berformat JSON tetapi bukan OCDS (releases, records atau ocid) dan bukan dataset ISB yang dinamai sesuai datasetnya (${ISB_DATASETS[0]}.json, …)`,
      en: `${base} is JSON but neither OCDS (releases, records or ocid) nor an ISB dataset named after its dataset (${ISB_DATASETS[0]}.json, …)`,
    });
  }
  if (await isIsbFolder(source)) return importIsb(db, tenantId, await readIsbFiles(source), options);
  const { files } = await readImportSource(source, name);
  return importCsvBundle(db, tenantId, files, options);
}

/** A folder of ISB JSON datasets and no bundle CSV files. */
async function isIsbFolder(source: string): Promise<boolean> {
  const stat = await fs.stat(source).catch(() => null);
  if (!stat?.isDirectory()) return false;
  const names = await fs.readdir(source);
  return names.some((n) => /\.json$/i.test(n) && isbDataset(n) !== null) && !names.some((n) => /\.csv$/i.test(n));
}
