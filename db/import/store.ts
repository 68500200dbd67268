import { type Changed, loadInChunks, type UpsertSpec, upsert } from './bulk.ts';
import { type BundleCsv, type ImportContext, progressReporter, rejectStored } from './context.ts';

export interface StoreOptions<R> {
  readonly spec: UpsertSpec;
  /** The row's unique key, as built from the returned columns by `returnedKey`. */
  readonly key: (row: R) => string;
  readonly returnedKey: (changed: Changed) => string;
  /** Database column → bundle column, where the generic x_id → x_ref rule does not fit. */
  readonly renames?: Record<string, string>;
  readonly chunkSize?: number;
  /** Called for every stored row (changed: undefined when it was already up to date). */
  readonly onStored?: (row: R, changed: Changed | undefined) => void;
  readonly onRejected?: (row: R) => void;
}

/** Stores validated rows of one file in chunked upserts and counts inserted / updated / unchanged. */
export async function storeRows<R extends { readonly line: number }>(
  ctx: ImportContext,
  file: BundleCsv,
  rows: readonly R[],
  options: StoreOptions<R>,
): Promise<void> {
  const tally = ctx.report.tally(file.name);
  await loadInChunks(ctx.trx, {
    rows,
    chunkSize: options.chunkSize ?? 5_000,
    store: (chunk) => upsert(ctx.trx, ctx.tenantId, options.spec, chunk),
    accept: (chunk, changed) => {
      const byKey = new Map(changed.map((c) => [options.returnedKey(c), c]));
      for (const row of chunk) {
        const hit = byKey.get(options.key(row));
        tally.count(hit ? (hit.inserted ? 'inserted' : 'updated') : 'unchanged');
        options.onStored?.(row, hit);
      }
    },
    reject: (row, error) => {
      rejectStored(ctx, file, row.line, error, options.renames);
      options.onRejected?.(row);
    },
    progress: progressReporter(ctx, file.name, rows.length),
  });
}
