import { columnsOf } from '../bulk.ts';
import { type BundleCsv, FirstSeen, type ImportContext, rejectRow } from '../context.ts';
import { unknownRegionCode } from '../identifiers.ts';
import { OUTSIDE_SCOPE } from '../scope.ts';
import { storeRows } from '../store.ts';
import { regionsByCode } from './regions.ts';
import type { FileSpec } from './spec.ts';

interface CollectionTargetRow {
  readonly line: number;
  readonly region_code: string;
  readonly year: number;
  readonly enterprises: number;
  readonly cooperatives: number;
}

/** collection_targets.csv: how many enterprises and cooperatives each district should register in a year. */
async function importCollectionTargets(ctx: ImportContext, file: BundleCsv): Promise<void> {
  const keys = new FirstSeen();
  const rows: CollectionTargetRow[] = [];
  for (const record of file.records) {
    const row = file.reader(record);
    const regionCode = row.token('region_code', { required: true });
    if (ctx.scope) row.fail('region_code', OUTSIDE_SCOPE.targets);
    const region = regionCode ? regionsByCode().get(regionCode) : undefined;
    if (regionCode && !region) row.fail('region_code', unknownRegionCode(regionCode));
    else if (region && (region.level !== 3 || region.parent_code !== ctx.tenantId)) {
      row.fail('region_code', {
        id: `region_code ${regionCode} bukan kecamatan di ${ctx.tenantId}`,
        en: `region_code ${regionCode} is not a district (kecamatan) of ${ctx.tenantId}`,
      });
    }
    const year = row.integer('year', { required: true, min: 2000, max: 2100 });
    if (regionCode && year !== null)
      keys.check(row, 'year', `${regionCode}|${year}`, {
        id: `tahun ${year} untuk kecamatan ${regionCode}`,
        en: `year ${year} for district ${regionCode}`,
      });
    const enterprises = row.integer('enterprises', { required: true });
    const cooperatives = row.integer('cooperatives', { required: true });
    if (!row.ok || !regionCode || year === null || enterprises === null || cooperatives === null) {
      rejectRow(ctx, file, row);
      continue;
    }
    rows.push({ line: row.line, region_code: regionCode, year, enterprises, cooperatives });
  }
  await storeRows(ctx, file, rows, {
    spec: {
      table: 'collection_target',
      columns: columnsOf(file.has.bind(file), [
        ['region_code', 'text', []],
        ['year', 'smallint', []],
        ['enterprises', 'integer'],
        ['cooperatives', 'integer'],
      ]),
      conflict: ['region_code', 'year'],
      returning: [],
    },
  });
}

export const collectionTargetsFile: FileSpec = {
  name: 'collection_targets.csv',
  required: ['region_code', 'year', 'enterprises', 'cooperatives'],
  columns: ['region_code', 'year', 'enterprises', 'cooperatives'],
  refColumns: {},
  run: importCollectionTargets,
};
