import { type Changed, loadInChunks, type UpsertSpec, upsert } from './bulk.ts';
import { type BundleCsv, type ImportContext, progressReporter, rejectStored } from './context.ts';

export interface StoreOptions<R> {
  /** The upsert; without `track`, its `returning` can stay empty: counting needs only the insert flags. */
  readonly spec: UpsertSpec;
  /** Database column → bundle column, where the generic x_id → x_ref rule does not fit. */
  readonly renames?: Record<string, string>;
  readonly chunkSize?: number;
  /** Per-row outcome, for files whose rows others point at (their ids are needed). */
  readonly track?: {
    /** The row's unique key, as `returnedKey` builds it from the returned columns. */
    readonly key: (row: R) => string;
    readonly returnedKey: (changed: Changed) => string;
    /** Called for every stored row (changed: undefined when it was already up to date). */
    readonly onStored: (row: R, changed: Changed | undefined) => void;
  };
  readonly onRejected?: (row: R) => void;
  /** False when the caller reports progress itself (a streamed file, batch by batch). */
  readonly progress?: false;
}

/** Stores validated rows of one file in chunked upserts and counts inserted / updated / unchanged. */
export async function storeRows<R extends { readonly line: number }>(
  ctx: ImportContext,
  file: BundleCsv,
  rows: readonly R[],
  options: StoreOptions<R>,
): Promise<void> {
  const tally = ctx.report.tally(file.name);
  const { track } = options;
  await loadInChunks(ctx.trx, {
    rows,
    chunkSize: options.chunkSize ?? 5_000,
    store: (chunk) => upsert(ctx.trx, ctx.tenantId, options.spec, chunk),
    accept: (chunk, changed) => {
      if (!track) {
        // Rows not returned were already up to date.
        const inserted = changed.filter((c) => c.inserted).length;
        tally.inserted += inserted;
        tally.updated += changed.length - inserted;
        tally.unchanged += chunk.length - changed.length;
        return;
      }
      const byKey = new Map(changed.map((c) => [track.returnedKey(c), c]));
      for (const row of chunk) {
        const hit = byKey.get(track.key(row));
        tally.count(hit ? (hit.inserted ? 'inserted' : 'updated') : 'unchanged');
        track.onStored(row, hit);
      }
    },
    reject: (row, error) => {
      rejectStored(ctx, file, row.line, error, options.renames);
      options.onRejected?.(row);
    },
    progress: options.progress === false ? undefined : progressReporter(ctx, file.name, rows.length),
  });
}
