import type { UpsertSpec } from '../bulk.ts';
import type { BundleCsv, ImportContext } from '../context.ts';
import type { RefIndex } from '../refs.ts';
import { storeRows } from '../store.ts';

/**
 * Stores rows keyed by `ref` and records each stored row's id in `index`, so later files can point
 * at it. Unchanged rows are not returned by the upsert; their ids were loaded before the import.
 */
export async function registerIds<R extends { readonly line: number; readonly ref: string }, T>(
  ctx: ImportContext,
  file: BundleCsv,
  table: 'product' | 'program',
  index: RefIndex<T>,
  rows: readonly R[],
  options: { spec: UpsertSpec; target: (row: R, id: number) => T },
): Promise<void> {
  const unknown: R[] = [];
  await storeRows(ctx, file, rows, {
    spec: options.spec,
    track: {
      key: (row) => row.ref,
      returnedKey: (changed) => changed.ref as string,
      onStored: (row, changed) => {
        const id =
          (changed?.id as number | undefined) ?? (index.existingValue(row.ref) as { id: number } | undefined)?.id;
        if (id === undefined) unknown.push(row);
        else index.stored(row.ref, options.target(row, id));
      },
    },
    onRejected: (row) => index.rejected(row.ref, file.name, row.line),
  });
  if (unknown.length) {
    // Unchanged yet unknown before the import: stored meanwhile by another session.
    const found = await ctx.trx
      .selectFrom(table)
      .select(['ref', 'id'])
      .where('tenant_id', '=', ctx.tenantId)
      .where(
        'ref',
        'in',
        unknown.map((r) => r.ref),
      )
      .execute();
    const ids = new Map(found.map((f) => [f.ref, f.id]));
    for (const row of unknown) {
      const id = ids.get(row.ref);
      if (id !== undefined) index.stored(row.ref, options.target(row, id));
    }
  }
}
