import yauzl from 'yauzl';
import type { BundleFile } from '../csv-import.ts';
import { ImportSourceError, MAX_FILE_BYTES, tooLarge } from './errors.ts';

/**
 * True when an entry's path stays inside the archive's folder: relative, no `..` segment, no drive
 * letter, no backslash. yauzl checks the same and refuses the archive; this names the entry.
 */
export function isSafeEntryName(name: string): boolean {
  if (name.includes('\\') || name.includes('\u0000')) return false;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').includes('..');
}

function slip(name: string): ImportSourceError {
  return new ImportSourceError(
    'ZIP_SLIP',
    `the archive holds an entry outside its folder (${JSON.stringify(name)}): refused, nothing imported`,
  );
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Uint8Array> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    // validateEntrySizes already stops a lying header; this bounds an honest but huge entry.
    if (size > MAX_FILE_BYTES) {
      stream.destroy();
      throw tooLarge(entry.fileName, size);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The CSV files of a zipped bundle, as raw bytes (folders inside the archive are allowed:
 * bundle/parties.csv). The whole archive is refused when any entry's path would leave its folder
 * (zip-slip), whether or not it is a bundle file; nothing is written to disk.
 */
export async function readZipBundle(path: string): Promise<BundleFile[]> {
  let zip: yauzl.ZipFile;
  try {
    // strictFileNames: a backslash is refused, not turned into a folder separator.
    zip = await yauzl.openPromise(path, { decodeStrings: true, validateEntrySizes: true, strictFileNames: true });
  } catch (error) {
    const message = (error as Error).message;
    if (/absolute path|relative path|invalid characters/.test(message)) throw slip(message.split(': ').pop() ?? '');
    throw new ImportSourceError('NOT_A_ZIP', `not a readable zip archive: ${message}`);
  }
  const files: BundleFile[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (!isSafeEntryName(entry.fileName)) throw slip(entry.fileName);
      if (entry.fileName.endsWith('/')) continue; // a folder
      if (!/\.csv$/i.test(entry.fileName)) continue;
      if (entry.uncompressedSize > MAX_FILE_BYTES) throw tooLarge(entry.fileName, entry.uncompressedSize);
      files.push({ name: entry.fileName, content: await readEntry(zip, entry) });
    }
  } catch (error) {
    if (error instanceof ImportSourceError) throw error;
    const message = (error as Error).message;
    if (/absolute path|relative path|invalid characters/.test(message)) throw slip(message.split(': ').pop() ?? '');
    throw new ImportSourceError('TRUNCATED', `the zip archive is damaged or cut short: ${message}`);
  } finally {
    zip.close();
  }
  return files;
}
