import { sql } from 'kysely';
import type { BundleCsv, ImportContext } from './context.ts';
import type { FileSpec } from './files/spec.ts';

/**
 * Loads the rows of the tenant that the files' refs may point at: one query per kind of ref, ids
 * only. With `onlyUnknown` (a streamed file's batch), refs already resolved (to a bundle row or a
 * stored one) are not asked again, so each distinct ref is loaded once however many rows name it.
 */
export async function loadRefs(
  ctx: ImportContext,
  files: ReadonlyArray<{ readonly spec: FileSpec; readonly csv: BundleCsv }>,
  options: { onlyUnknown?: boolean } = {},
): Promise<void> {
  const wanted = { parties: new Set<string>(), programs: new Set<string>(), products: new Set<string>() };
  for (const { spec, csv } of files) {
    for (const [index, columns] of Object.entries(spec.refColumns) as Array<[keyof typeof wanted, readonly string[]]>) {
      const positions = columns.map((c) => csv.columns.get(c)).filter((i): i is number => i !== undefined);
      for (const record of csv.records) {
        for (const i of positions) {
          const ref = record.values[i]?.trim();
          if (ref && !(options.onlyUnknown && ctx[index].knows(ref))) wanted[index].add(ref);
        }
      }
    }
  }
  const { trx, tenantId } = ctx;
  if (wanted.parties.size) {
    const rows = await trx
      .selectFrom('party')
      .select(['ref', 'id', 'kind'])
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`ref = ANY(${[...wanted.parties]}::text[])`)
      .execute();
    for (const r of rows) ctx.parties.addExisting(r.ref, { id: r.id, kind: r.kind });
  }
  if (wanted.programs.size) {
    const rows = await trx
      .selectFrom('program')
      .select(['ref', 'id'])
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`ref = ANY(${[...wanted.programs]}::text[])`)
      .execute();
    for (const r of rows) ctx.programs.addExisting(r.ref, { id: r.id });
  }
  if (wanted.products.size) {
    const rows = await trx
      .selectFrom('product')
      .select(['ref', 'id', 'seller_id', 'category'])
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`ref = ANY(${[...wanted.products]}::text[])`)
      .execute();
    for (const r of rows) ctx.products.addExisting(r.ref, { id: r.id, sellerId: r.seller_id, category: r.category });
  }
}
