import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import yazl from 'yazl';
import { writeBundleDir } from '../csv-export.ts';
import type { BundleFile } from '../csv-import.ts';
import { formatOf } from './index.ts';
import { writeXlsxBundle } from './xlsx.ts';

/** Owner read and write only: an export holds personal data. */
const FILE_MODE = 0o600;

async function writeZip(target: string, files: readonly BundleFile[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const file of files) {
    const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    zip.addBuffer(content, path.basename(file.name), { mode: 0o100600 });
  }
  zip.end();
  const out = fs.createWriteStream(target, { mode: FILE_MODE });
  zip.outputStream.pipe(out);
  await once(out, 'finish');
}

/**
 * Writes an exported bundle where `target` says: `x.xlsx` one workbook, `x.zip` one archive,
 * anything else a folder of CSV files. Every file is written with mode 0600.
 */
export async function writeExport(target: string, files: readonly BundleFile[]): Promise<'folder' | 'zip' | 'xlsx'> {
  const format = formatOf(target);
  if (format === 'xlsx') {
    await writeXlsxBundle(target, files);
  } else if (format === 'zip') {
    await writeZip(target, files);
  } else {
    await writeBundleDir(target, files);
    return 'folder';
  }
  await fsp.chmod(target, FILE_MODE);
  return format;
}
