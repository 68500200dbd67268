import DataLoader from 'dataloader';
import { type Context, loader } from '../../context.ts';
import { findRegionChildren, findRegionsByCodes, type RegionRow } from './region.queries.ts';
import { type Region, toRegion } from './region.types.ts';

/**
 * The request's region loader: `regionByCode(ctx).load('61.12.01')` resolves a Region (or null);
 * every code asked for in the same tick is fetched in one statement.
 */
export function regionByCode(ctx: Context): DataLoader<string, Region | null> {
  return loader(
    ctx,
    'region.byCode',
    () =>
      new DataLoader<string, Region | null>(async (codes) => {
        const rows = await findRegionsByCodes(ctx.db, codes);
        const byCode = new Map(rows.map((row) => [row.code, toRegion(row, ctx.tenantId)]));
        return codes.map((code) => byCode.get(code) ?? null);
      }),
  );
}

/**
 * The Region of a row that came with another (a party's region): one object per region in the
 * request, primed into regionByCode so a later load of the code needs no statement either.
 */
export function regionOfRow(ctx: Context, row: RegionRow): Region {
  const known = loader(ctx, 'region.ofRow', () => new Map<string, Region>());
  let region = known.get(row.code);
  if (!region) {
    region = toRegion(row, ctx.tenantId);
    known.set(row.code, region);
    regionByCode(ctx).prime(row.code, region);
  }
  return region;
}

/** The request's loader of a region's children (ordered by code), one statement per batch. */
export function regionChildren(ctx: Context): DataLoader<string, Region[]> {
  return loader(
    ctx,
    'region.children',
    () =>
      new DataLoader<string, Region[]>(async (codes) => {
        const rows = await findRegionChildren(ctx.db, codes);
        const byParent = new Map<string, Region[]>();
        const regions = regionByCode(ctx);
        for (const row of rows) {
          const region = toRegion(row, ctx.tenantId);
          regions.prime(region.code, region);
          const list = byParent.get(row.parent_code ?? '') ?? [];
          list.push(region);
          byParent.set(row.parent_code ?? '', list);
        }
        return codes.map((code) => byParent.get(code) ?? []);
      }),
  );
}
