import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/database.ts';
import { type ImportOptions, type ImportReport, importCsvBundle } from '../csv-import.ts';
import { parseJson } from '../ocds/releases.ts';
import { ImportSourceError, MAX_FILE_BYTES, tooLarge } from '../sources/errors.ts';
import { mapBela } from './bela.ts';
import { mapEcat } from './ecat.ts';
import { type IsbRow, IsbRows, text } from './rows.ts';
import { mapRupBudgetLines, mapRupPackages } from './rup.ts';
import { SatkerMap } from './satker.ts';
import { mapSpse } from './spse.ts';
import { storeIsbTables } from './store.ts';
import { storedAgencies, storedMappings } from './stored.queries.ts';

/** The ISB datasets, by the start of their file name (case ignored; a suffix such as -2025 allowed). */
export const ISB_DATASETS = [
  'RUP-MasterSatker',
  'SPSE-NonTenderEkontrak-Kontrak',
  'Ecat-PaketEPurchasing',
  'Ecat-PenyediaDetail',
  'Ecat-KomoditasDetail',
  'Bela-TokoDaringRealisasi',
  'RUP-PaketPenyedia-Terumumkan',
  'RUP-PaketAnggaranPenyedia',
] as const;
type Dataset = (typeof ISB_DATASETS)[number];

export function isbDataset(name: string): Dataset | null {
  const base = path.basename(name).toLowerCase();
  return ISB_DATASETS.find((d) => base.startsWith(d.toLowerCase())) ?? null;
}

export interface IsbFile {
  readonly name: string;
  readonly data: unknown;
}

/** The ISB files of a folder (or one file), parsed; each must be a JSON array. */
export async function readIsbFiles(source: string, name = source): Promise<IsbFile[]> {
  const stat = await fs.stat(source);
  const paths = stat.isDirectory()
    ? (await fs.readdir(source)).filter((f) => /\.json$/i.test(f)).map((f) => ({ at: path.join(source, f), name: f }))
    : [{ at: source, name: path.basename(name) }];
  const files: IsbFile[] = [];
  for (const file of paths.sort((a, b) => a.name.localeCompare(b.name))) {
    const { size } = await fs.stat(file.at);
    if (size > MAX_FILE_BYTES) throw tooLarge(file.name, size);
    files.push({ name: file.name, data: parseJson(await fs.readFile(file.at, 'utf8'), file.name) });
  }
  return files;
}

/**
 * Imports LKPP ISB datasets through the CSV bundle's engine: work units map to agencies through
 * satker_mapping, seeded from RUP-MasterSatker (satker.ts); SPSE non-tender contracts, e-Katalog
 * packages and Toko Daring orders become purchases; SiRUP packages become plans, never spending
 * (rup.ts); one mapping module each. The mapping and the plans are written in the bundle's
 * transaction (store.ts), so a dry run or an all-or-nothing refusal stores none of them either.
 * Rejections name the file, the row of its JSON array (1 = first) and the field.
 */
export async function importIsb(
  db: Kysely<Database>,
  tenantId: string,
  files: readonly IsbFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const rows = new IsbRows();
  const byDataset = new Map<Dataset, IsbFile>();
  for (const file of files) {
    const dataset = isbDataset(file.name);
    if (!dataset) {
      rows.warn(file.name, {
        id: `bukan dataset ISB yang dibaca pengimpor ini (${ISB_DATASETS.join(', ')}): diabaikan`,
        en: `not an ISB dataset this importer reads (${ISB_DATASETS.join(', ')}): ignored`,
      });
      continue;
    }
    if (!Array.isArray(file.data)) {
      throw new ImportSourceError('UNKNOWN_FORMAT', {
        id: `${file.name}: dataset ISB berupa larik JSON berisi baris-baris`,
        en: `${file.name}: an ISB dataset is a JSON array of rows`,
      });
    }
    if (byDataset.has(dataset))
      throw new ImportSourceError('UNKNOWN_FORMAT', {
        id: `${dataset} diberikan dua kali`,
        en: `${dataset} is given twice`,
      });
    byDataset.set(dataset, file);
  }
  if (byDataset.size === 0)
    throw new ImportSourceError('UNKNOWN_FORMAT', {
      id: 'tidak ada berkas yang merupakan dataset ISB',
      en: 'none of the files is an ISB dataset',
    });
  const data = (d: Dataset) => (byDataset.get(d)?.data ?? []) as IsbRow[];
  const nameOf = (d: Dataset) => byDataset.get(d)?.name ?? d;
  const given = (d: Dataset) => (byDataset.has(d) ? { file: nameOf(d), count: data(d).length } : null);

  const satker = new SatkerMap(rows, await storedAgencies(db, tenantId), await storedMappings(db, tenantId));
  satker.load(nameOf('RUP-MasterSatker'), data('RUP-MasterSatker'));
  mapSpse(nameOf('SPSE-NonTenderEkontrak-Kontrak'), data('SPSE-NonTenderEkontrak-Kontrak'), rows, satker);
  const providers = new Map(data('Ecat-PenyediaDetail').map((p) => [text(p.kd_penyedia) ?? '', p]));
  if (byDataset.has('Ecat-PaketEPurchasing') && !byDataset.has('Ecat-PenyediaDetail')) {
    rows.warn(nameOf('Ecat-PaketEPurchasing'), {
      id: 'Ecat-PenyediaDetail tidak ada: paket-paketnya tidak dapat menyebut penjualnya',
      en: 'Ecat-PenyediaDetail is missing: its packages cannot name their sellers',
    });
  }
  mapEcat(nameOf('Ecat-PaketEPurchasing'), data('Ecat-PaketEPurchasing'), providers, rows, satker);
  mapBela(nameOf('Bela-TokoDaringRealisasi'), data('Bela-TokoDaringRealisasi'), rows, satker);
  mapRupPackages(nameOf('RUP-PaketPenyedia-Terumumkan'), data('RUP-PaketPenyedia-Terumumkan'), rows, satker);
  mapRupBudgetLines(nameOf('RUP-PaketAnggaranPenyedia'), data('RUP-PaketAnggaranPenyedia'), rows);
  if (byDataset.has('Ecat-KomoditasDetail'))
    rows.warn(nameOf('Ecat-KomoditasDetail'), { id: 'katalog tidak diimpor', en: 'catalogues are not imported' });
  if (rows.transactions.length > 0) {
    rows.warn('(ISB)', {
      id: 'pembelian ISB tidak membawa kategori produk yang dipakai platform: diberi kategori OTHER',
      en: 'ISB purchases carry no product category the platform uses: they get category OTHER',
    });
  }

  const parties = [...rows.parties.values()];
  const csv = {
    parties: stringify([
      ['ref', 'kind', 'name', 'agency_code'],
      ...parties.map((p) => [p.ref, p.kind, p.name, p.agency_code]),
    ]),
    transactions: stringify([
      [
        'ref',
        'source',
        'buyer_ref',
        'seller_ref',
        'category',
        'account_code',
        'funding_source',
        'amount',
        'occurred_on',
      ],
      ...rows.transactions.map((t) => [
        t.ref,
        t.source,
        t.buyer_ref,
        t.seller_ref,
        'OTHER',
        t.account_code,
        t.funding_source,
        t.amount,
        t.occurred_on,
      ]),
    ]),
  };
  const refusedHere = rows.rejected.length > 0 && options.allOrNothing === true;
  const report = await importCsvBundle(
    db,
    tenantId,
    [
      { name: 'parties.csv', content: csv.parties },
      { name: 'transactions.csv', content: csv.transactions },
    ],
    {
      ...options,
      dryRun: options.dryRun || refusedHere,
      finish: (ctx) =>
        storeIsbTables(ctx, {
          rows,
          satker: satker.entries(),
          packages: given('RUP-PaketPenyedia-Terumumkan'),
          lines: given('RUP-PaketAnggaranPenyedia'),
        }),
    },
  );
  // Lines of the generated files (header = 1) back to the dataset row they came from.
  const rejected = report.rejected.map((r) => {
    const generated = r.file === 'parties.csv' ? parties : r.file === 'transactions.csv' ? rows.transactions : [];
    const origin = generated[r.line - 2];
    return origin ? { ...r, file: origin.file, line: origin.line } : r;
  });
  return {
    ...report,
    committed: report.committed && !refusedHere,
    dryRun: options.dryRun ?? false,
    rejected: [...rows.rejected, ...rejected],
    rejectedTotal: rows.rejected.length + report.rejectedTotal,
    warnings: [...rows.warnings, ...report.warnings],
  };
}
