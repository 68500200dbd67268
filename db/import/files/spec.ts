import type { BundleCsv, ImportContext } from '../context.ts';
import type { StreamedCsv } from '../stream.ts';

/** One file of the CSV bundle: its columns and its importer. */
export interface FileSpec {
  readonly name: string;
  /** Columns the header must have; without one the whole file is refused. */
  readonly required: readonly string[];
  /** Every column the importer reads, in the order the exporter writes them. */
  readonly columns: readonly string[];
  /** The ref index this file's `ref` column defines, so rows of later files can point at its rows. */
  readonly refs?: 'parties' | 'programs' | 'products';
  /** Columns holding refs to rows of each index (its own `ref` included), to look up stored rows in one query. */
  readonly refColumns: Partial<Record<'parties' | 'programs' | 'products', readonly string[]>>;
  /** The importer of a file read whole (its rows may point at each other, in any order). */
  readonly run?: (ctx: ImportContext, file: BundleCsv) => Promise<void>;
  /**
   * The importer of a file read as a stream of batches (its rows point only at earlier files), so
   * a file of any size imports in bounded memory. A file has `run` or `stream`.
   */
  readonly stream?: (ctx: ImportContext, file: StreamedCsv) => Promise<void>;
}
