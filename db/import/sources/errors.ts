import type { Reason } from '../../src/rules/failure.ts';
import { BundleError } from '../bundle-error.ts';

/**
 * Why a whole upload cannot be read, as a stable code the API and the CLI pass on:
 * ZIP_SLIP (an entry's path leaves the archive's folder), NOT_A_ZIP, NOT_A_WORKBOOK,
 * FILE_TOO_LARGE, UNKNOWN_FORMAT, NOT_FOUND.
 */
export type SourceErrorCode =
  | 'ZIP_SLIP'
  | 'NOT_A_ZIP'
  | 'NOT_A_WORKBOOK'
  | 'FILE_TOO_LARGE'
  | 'UNKNOWN_FORMAT'
  | 'NOT_FOUND'
  | 'TRUNCATED';

/** A file given to the importer that cannot be read at all; nothing of it is imported. */
export class ImportSourceError extends BundleError {
  constructor(
    readonly code: SourceErrorCode,
    reason: Reason,
  ) {
    super(reason);
  }
}

/**
 * The largest single file read into memory whole (uncompressed): every bundle file except
 * transactions.csv (which streams, whatever its size), a workbook's sheet, an OCDS or ISB JSON
 * file. Beyond it the import stops with FILE_TOO_LARGE before reading, instead of running out of
 * memory (or into JavaScript's string limit, a RangeError) while decoding.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Files up to this size are read into memory at once; larger ones are opened as streams when imported. */
export const IN_MEMORY_BYTES = 16 * 1024 * 1024;

export function tooLarge(name: string, bytes: number): ImportSourceError {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return new ImportSourceError('FILE_TOO_LARGE', {
    id: `${name} berukuran ${mb(bytes)}; berkas ini paling besar ${mb(MAX_FILE_BYTES)} (transactions.csv sebesar apa pun dibaca bertahap): pecah berkasnya`,
    en: `${name} is ${mb(bytes)}; this file may hold at most ${mb(MAX_FILE_BYTES)} (a transactions.csv of any size is streamed): split it`,
  });
}
