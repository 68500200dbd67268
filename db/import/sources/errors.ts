import { BundleError } from '../csv-import.ts';

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
    message: string,
  ) {
    super(message);
  }
}

/**
 * The largest single bundle file read into memory (uncompressed). Beyond it the import stops with
 * FILE_TOO_LARGE before reading, instead of running out of memory while decoding.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export function tooLarge(name: string, bytes: number): ImportSourceError {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return new ImportSourceError(
    'FILE_TOO_LARGE',
    `${name} is ${mb(bytes)}; one file may hold at most ${mb(MAX_FILE_BYTES)}: split it (e.g. transactions by year)`,
  );
}
