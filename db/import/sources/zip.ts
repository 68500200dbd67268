import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { BundleFile } from '../csv-import.ts';
import { isStreamed } from '../files/index.ts';
import type { OpenBytes } from '../stream.ts';
import { ImportSourceError, IN_MEMORY_BYTES, MAX_FILE_BYTES, tooLarge } from './errors.ts';

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
  return new ImportSourceError('ZIP_SLIP', {
    id: `arsip memuat entri di luar foldernya (${JSON.stringify(name)}): ditolak, tidak ada yang diimpor`,
    en: `the archive holds an entry outside its folder (${JSON.stringify(name)}): refused, nothing imported`,
  });
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

const OPEN_OPTIONS = { decodeStrings: true, validateEntrySizes: true, strictFileNames: true } as const;

function damaged(error: unknown): ImportSourceError {
  return new ImportSourceError('TRUNCATED', {
    id: `arsip zip rusak atau terpotong: ${(error as Error).message}`,
    en: `the zip archive is damaged or cut short: ${(error as Error).message}`,
  });
}

/**
 * Opens one entry of the archive as a stream, from a fresh handle on the archive (closed when the
 * stream ends or is left): how a large entry is imported without holding it in memory. A damaged
 * entry fails as TRUNCATED.
 */
function entryOpener(path: string, fileName: string): OpenBytes {
  return async () => {
    const zip = await yauzl.openPromise(path, { ...OPEN_OPTIONS, autoClose: false });
    let stream: Readable | null = null;
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.fileName !== fileName) continue;
        stream = await zip.openReadStreamPromise(entry);
        break;
      }
    } catch (error) {
      zip.close();
      throw damaged(error);
    }
    if (!stream) {
      zip.close();
      throw new ImportSourceError('TRUNCATED', {
        id: `arsip zip berubah: ${fileName} hilang`,
        en: `the zip archive changed: ${fileName} is gone`,
      });
    }
    const opened = stream;
    opened.once('close', () => zip.close());
    return (async function* () {
      try {
        for await (const chunk of opened as AsyncIterable<Buffer>) yield chunk;
      } catch (error) {
        throw damaged(error);
      } finally {
        opened.destroy();
      }
    })();
  };
}

/**
 * The CSV files of a zipped bundle (folders inside the archive are allowed: bundle/parties.csv):
 * small entries as raw bytes, large ones opened as streams when imported. The whole archive is
 * refused when any entry's path would leave its folder (zip-slip), whether or not it is a bundle
 * file; nothing is written to disk.
 */
export async function readZipBundle(path: string): Promise<BundleFile[]> {
  let zip: yauzl.ZipFile;
  try {
    // strictFileNames: a backslash is refused, not turned into a folder separator.
    zip = await yauzl.openPromise(path, OPEN_OPTIONS);
  } catch (error) {
    const message = (error as Error).message;
    if (/absolute path|relative path|invalid characters/.test(message)) throw slip(message.split(': ').pop() ?? '');
    throw new ImportSourceError('NOT_A_ZIP', {
      id: `bukan arsip zip yang dapat dibaca: ${message}`,
      en: `not a readable zip archive: ${message}`,
    });
  }
  const files: BundleFile[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (!isSafeEntryName(entry.fileName)) throw slip(entry.fileName);
      if (entry.fileName.endsWith('/')) continue; // a folder
      if (!/\.csv$/i.test(entry.fileName)) continue;
      const size = entry.uncompressedSize;
      if (size > MAX_FILE_BYTES && !isStreamed(entry.fileName)) throw tooLarge(entry.fileName, size);
      files.push(
        size <= IN_MEMORY_BYTES
          ? { name: entry.fileName, content: await readEntry(zip, entry) }
          : { name: entry.fileName, content: '', size, open: entryOpener(path, entry.fileName) },
      );
    }
  } catch (error) {
    if (error instanceof ImportSourceError) throw error;
    const message = (error as Error).message;
    if (/absolute path|relative path|invalid characters/.test(message)) throw slip(message.split(': ').pop() ?? '');
    throw damaged(error);
  } finally {
    zip.close();
  }
  return files;
}
