import { BundleCsv, type ImportContext } from './context.ts';
import type { FileSpec } from './files/spec.ts';
import { type CsvRecord, CsvRecordReader, type ParsedCsv, type RecordProblem } from './parse.ts';
import { loadRefs } from './stored-refs.queries.ts';

/**
 * Files read as a stream of batches (transactions.csv, the bulk of any bundle): the bytes are
 * decoded and parsed a piece at a time and each batch of records is checked and stored before the
 * next is read, so the memory an import needs does not grow with the file.
 */

/** A file's bytes from the start (again): a file on disk, an entry of a zip, or content already in memory. */
export type OpenBytes = () => Promise<AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>>;

/** Records per batch: checked together, their refs looked up in one query, stored in one upsert. */
export const BATCH_RECORDS = 50_000;
/** A batch also ends after this many bytes of the file, so wide rows do not make a batch large. */
export const BATCH_BYTES = 8 * 1024 * 1024;

export interface StreamSource {
  readonly open: OpenBytes;
  /** Bytes in all (for progress); 0 when unknown. */
  readonly size: number;
}

/** The header of a streamed file, read without reading the rest. */
export interface StreamedHeader {
  readonly header: readonly string[] | null;
  readonly problem: RecordProblem | null;
}

/** Reads as far as the header row, then stops reading. */
export async function readStreamHeader(source: StreamSource): Promise<StreamedHeader> {
  let found: StreamedHeader = { header: null, problem: null };
  const reader = new CsvRecordReader({
    header: (header, problem) => {
      found = { header, problem };
    },
    record: () => {},
  });
  for await (const chunk of await source.open()) {
    reader.write(chunk);
    if (found.header) return found; // leaving the loop closes the file
  }
  reader.end();
  return found;
}

/** A batch of records as read: all of them, the problems of those that cannot be read, bytes read so far. */
interface RawBatch {
  readonly records: CsvRecord[];
  readonly problems: Map<CsvRecord, RecordProblem>;
  readonly bytes: number;
}

async function* rawBatches(source: StreamSource, size: number): AsyncGenerator<RawBatch> {
  let batch: RawBatch = { records: [], problems: new Map(), bytes: 0 };
  let bytes = 0;
  let batchStart = 0;
  const reader = new CsvRecordReader({
    header: () => {},
    record: (record, problem) => {
      batch.records.push(record);
      if (problem) batch.problems.set(record, problem);
    },
  });
  for await (const chunk of await source.open()) {
    bytes += chunk.length;
    reader.write(chunk);
    if (batch.records.length === 0) continue;
    if (batch.records.length >= size || bytes - batchStart >= BATCH_BYTES) {
      batchStart = bytes;
      const full = { ...batch, bytes };
      batch = { records: [], problems: new Map(), bytes: 0 };
      yield full;
    }
  }
  reader.end();
  if (batch.records.length) yield { ...batch, bytes };
}

async function* parsedBatches(parsed: ParsedCsv, size: number): AsyncGenerator<RawBatch> {
  const problems = parsed.problems as ReadonlyMap<CsvRecord, RecordProblem>;
  for (let i = 0; i < parsed.records.length; i += size) {
    const records = parsed.records.slice(i, i + size);
    const mine = new Map<CsvRecord, RecordProblem>();
    for (const r of records) {
      const problem = problems.get(r);
      if (problem) mine.set(r, problem);
    }
    yield { records, problems: mine, bytes: i + records.length };
  }
}

/** Counts the records of a file whose header was refused (each counts as rejected). */
export async function countRecords(source: StreamSource | ParsedCsv): Promise<number> {
  if ('records' in source) return source.records.length;
  let n = 0;
  for await (const batch of rawBatches(source, BATCH_RECORDS)) n += batch.records.length;
  return n;
}

/**
 * A streamed bundle file as its importer sees it: batches of readable records, each a BundleCsv.
 * Around each batch this does what the in-memory path does for the whole file: unreadable records
 * are reported, the rows the batch's refs point at are loaded from the tenant (ids only, kept for
 * later batches), progress is reported, and once the importer is done with a batch its rejected
 * lines are counted and forgotten.
 */
export class StreamedCsv {
  constructor(
    readonly spec: FileSpec,
    readonly header: readonly string[],
    private readonly source: StreamSource | ParsedCsv,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  async *batches(ctx: ImportContext, size = BATCH_RECORDS): AsyncGenerator<BundleCsv> {
    const { spec } = this;
    const tally = ctx.report.tally(spec.name);
    const parsed = 'records' in this.source ? this.source : null;
    const totalBytes = parsed ? parsed.records.length : (this.source as StreamSource).size;
    const raw = parsed ? parsedBatches(parsed, size) : rawBatches(this.source as StreamSource, size);
    let done = 0;
    let ended = false;
    for await (const batch of raw) {
      tally.rows += batch.records.length;
      const readable: CsvRecord[] = [];
      for (const record of batch.records) {
        const problem = batch.problems.get(record);
        if (problem) ctx.report.reject(spec.name, record.line, problem);
        else readable.push(record);
      }
      const csv = new BundleCsv(spec.name, this.header, readable);
      await loadRefs(ctx, [{ spec, csv }], { onlyUnknown: true });
      yield csv;
      tally.settle();
      done += batch.records.length;
      // Rows in all, estimated from the bytes read until the file ends.
      const total =
        totalBytes > 0 && batch.bytes > 0 && batch.bytes < totalBytes
          ? Math.max(done, Math.round((done * totalBytes) / batch.bytes))
          : done;
      ctx.progress(spec.name, done, total);
      ended = total === done;
    }
    if (!ended) ctx.progress(spec.name, done, done);
  }
}

/** Content already in memory, read in slices like a file, so it is checked in the same batches. */
export function memorySource(content: string | Uint8Array): StreamSource {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    open: async () =>
      (function* () {
        for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
      })(),
    size: bytes.length,
  };
}
