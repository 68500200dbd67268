import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BundleFile, formatImportReport, importCsvBundle, readBundleDir } from '../import/csv-import.ts';
import { rowVersions } from '../import/testing.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { TENANT_TABLES } from '../src/database.ts';
import { TEST_TENANT, testEngine } from '../src/testing.ts';
import { bundleDir, count, emptyTenant, fileCounts, openImportDatabase, triples } from './import-harness.ts';

describe(`CSV bundle import on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  let valid: BundleFile[];
  let broken: BundleFile[];
  beforeAll(async () => {
    ({ handle, valid, broken } = await openImportDatabase());
  });
  afterAll(() => handle.close());
  beforeEach(() => emptyTenant(handle));

  describe('a valid bundle', () => {
    it('stores every row of every file, whatever the order of parents and children in parties.csv', async () => {
      const report = await importCsvBundle(handle.db, TEST_TENANT, valid);
      expect(report.rejected).toEqual([]);
      expect(report.committed).toBe(true);
      expect(fileCounts(report)).toEqual({
        'parties.csv': { rows: 13, inserted: 13, updated: 0, unchanged: 0, rejected: 0 },
        'products.csv': { rows: 4, inserted: 4, updated: 0, unchanged: 0, rejected: 0 },
        'memberships.csv': { rows: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 },
        'programs.csv': { rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 },
        'transactions.csv': { rows: 7, inserted: 7, updated: 0, unchanged: 0, rejected: 0 },
        'snapshots.csv': { rows: 5, inserted: 5, updated: 0, unchanged: 0, rejected: 0 },
        'assistance.csv': { rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 },
        'targets.csv': { rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 },
        'collection_targets.csv': { rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 },
      });
      expect(await count(handle, 'agency_profile')).toBe(3);
      expect(await count(handle, 'network_unit_profile')).toBe(3);
      expect(await count(handle, 'enterprise_profile')).toBe(5);
      expect(await count(handle, 'cooperative_profile')).toBe(1);
    });

    it('links a network unit two levels deep to its parent unit, and that unit to its agency', async () => {
      await importCsvBundle(handle.db, TEST_TENANT, valid);
      const { rows } = await sql<{ ref: string; parent: string; grandparent: string }>`
        SELECT c.ref, p.ref AS parent, g.ref AS grandparent
        FROM party c JOIN party p ON p.tenant_id = c.tenant_id AND p.id = c.parent_id
                     JOIN party g ON g.tenant_id = p.tenant_id AND g.id = p.parent_id
        WHERE c.tenant_id = ${TEST_TENANT}`.execute(handle.db);
      expect(rows).toEqual([{ ref: 'NU-PUSTU-KAPUR', parent: 'NU-PKM-SR', grandparent: 'AG-DINKES' }]);
    });

    it('computes the size class from capital, else revenue, agrees with an explicit one, and leaves it unknown without either', async () => {
      await importCsvBundle(handle.db, TEST_TENANT, valid);
      const rows = await handle.db
        .selectFrom('party as p')
        .leftJoin('enterprise_profile as e', (j) =>
          j.onRef('e.tenant_id', '=', 'p.tenant_id').onRef('e.party_id', '=', 'p.id'),
        )
        .select(['p.ref', 'p.size_class', 'e.size_basis'])
        .where('p.tenant_id', '=', TEST_TENANT)
        .where('p.kind', 'in', ['ENTERPRISE', 'COOPERATIVE', 'VENDOR'])
        .orderBy('p.ref')
        .execute();
      expect(rows).toEqual([
        { ref: 'CO-TANI', size_class: 'MICRO', size_basis: null },
        { ref: 'EN-BATA', size_class: 'LARGE', size_basis: 'CAPITAL' },
        { ref: 'EN-BERAS', size_class: 'MICRO', size_basis: 'CAPITAL' },
        { ref: 'EN-KERIPIK', size_class: 'SMALL', size_basis: 'REVENUE' },
        { ref: 'EN-KONVEKSI', size_class: 'MEDIUM', size_basis: 'CAPITAL' },
        { ref: 'EN-SOUVENIR', size_class: null, size_basis: null },
        { ref: 'VE-ALKES-PTK', size_class: 'MEDIUM', size_basis: null },
      ]);
    });

    it('reads the BOM-prefixed header, quoted commas, doubled quotes and line breaks inside fields', async () => {
      await importCsvBundle(handle.db, TEST_TENANT, valid);
      const names = await handle.db
        .selectFrom('party')
        .select(['ref', 'name'])
        .where('tenant_id', '=', TEST_TENANT)
        .execute();
      const byRef = Object.fromEntries(names.map((n) => [n.ref, n.name]));
      expect(byRef['NU-PUSTU-KAPUR']).toBe('Puskesmas Pembantu Kapur'); // the first column after the BOM
      expect(byRef['EN-BERAS']).toBe('UD Beras Kubu, Sungai Raya');
      expect(byRef['EN-KERIPIK']).toBe('Keripik Pisang "Bu Ani"');
      expect(byRef['EN-SOUVENIR']).toBe('Kerajinan Corak Insang\nDesa Kapur');
      const target = await handle.db
        .selectFrom('policy_target')
        .select('legal_basis')
        .where('ref', '=', 'TG-PERBUP-2024')
        .executeTakeFirstOrThrow();
      expect(target.legal_basis).toBe(
        'Peraturan Bupati Kubu Raya Nomor 28 Tahun 2021\ntentang Penguatan Produk dan Pasar UMKM',
      );
      const product = await handle.db
        .selectFrom('product')
        .select('name')
        .where('ref', '=', 'PR-KERIPIK')
        .executeTakeFirstOrThrow();
      expect(product.name).toBe('Keripik pisang — 250 g, rasa original');
    });

    it('stores text exactly, whatever characters it holds', async () => {
      const names = ['Toko {Maju}', 'CV "Adil\\Makmur"', 'NULL', '  Warung, Pojok  ', 'Kopi\nSusu'];
      const csv = ['ref,kind,name', ...names.map((n, i) => `V-${i},VENDOR,"${n.replaceAll('"', '""')}"`)].join('\n');
      const report = await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content: csv }]);
      expect(report.rejected).toEqual([]);
      const stored = await handle.db
        .selectFrom('party')
        .select('name')
        .where('tenant_id', '=', TEST_TENANT)
        .orderBy('ref')
        .execute();
      expect(stored.map((r) => r.name)).toEqual(names);
    });

    it('gives transactions the source CSV unless the file names one, and takes a missing category from the product', async () => {
      await importCsvBundle(handle.db, TEST_TENANT, valid);
      const rows = await handle.db
        .selectFrom('transaction')
        .select(['source', 'source_ref', 'category', 'quantity'])
        .where('tenant_id', '=', TEST_TENANT)
        .where('source_ref', 'in', ['TX-2024-0005', 'TX-2024-0006', 'SIPD-77812'])
        .orderBy('source_ref')
        .execute();
      expect(rows).toEqual([
        { source: 'SIPD', source_ref: 'SIPD-77812', category: 'SOUVENIRS', quantity: 16 },
        { source: 'CSV', source_ref: 'TX-2024-0005', category: 'GARMENTS', quantity: 30 },
        { source: 'CSV', source_ref: 'TX-2024-0006', category: 'FOOD_STAPLES', quantity: 1250.5 },
      ]);
    });

    it('changes nothing when imported again: every row unchanged, no row rewritten', async () => {
      await importCsvBundle(handle.db, TEST_TENANT, valid);
      const before = await rowVersions(handle.db, TEST_TENANT);
      const report = await importCsvBundle(handle.db, TEST_TENANT, valid);
      expect(report.rejected).toEqual([]);
      for (const file of report.files) {
        expect(file, file.file).toMatchObject({ inserted: 0, updated: 0, unchanged: file.rows, rejected: 0 });
      }
      expect(await rowVersions(handle.db, TEST_TENANT)).toEqual(before);
    });

    it('updates only the rows that changed, and counts a changed profile as an updated party', async () => {
      await importCsvBundle(handle.db, TEST_TENANT, valid);
      const edited = valid.map((f) =>
        f.name === 'parties.csv'
          ? { name: f.name, content: Buffer.from(f.content).toString('utf8').replace(',4,,,\n', ',5,,,\n') }
          : f,
      );
      const report = await importCsvBundle(handle.db, TEST_TENANT, edited);
      expect(fileCounts(report)['parties.csv']).toEqual({
        rows: 13,
        inserted: 0,
        updated: 1,
        unchanged: 12,
        rejected: 0,
      });
      const beras = await handle.db
        .selectFrom('enterprise_profile')
        .select('employees')
        .where('nib', '=', '9120001234567')
        .executeTakeFirstOrThrow();
      expect(beras.employees).toBe(5);
    });

    it('leaves a column the file does not have as it is, rather than blanking it', async () => {
      await importCsvBundle(handle.db, TEST_TENANT, valid);
      const renamed = 'ref,kind,name\nEN-BERAS,ENTERPRISE,UD Beras Kubu Raya\n';
      const report = await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content: renamed }]);
      expect(fileCounts(report)['parties.csv']).toMatchObject({ updated: 1 });
      const row = await handle.db
        .selectFrom('party as p')
        .innerJoin('enterprise_profile as e', (j) =>
          j.onRef('e.tenant_id', '=', 'p.tenant_id').onRef('e.party_id', '=', 'p.id'),
        )
        .select(['p.name', 'p.region_code', 'p.size_class', 'e.nib', 'e.capital'])
        .where('p.ref', '=', 'EN-BERAS')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        name: 'UD Beras Kubu Raya',
        region_code: '61.12.01.2001',
        size_class: 'MICRO',
        nib: '9120001234567',
        capital: 250000000,
      });
    });

    it('accepts file contents as strings (as the importDataset mutation sends them)', async () => {
      const asText = valid.map((f) => ({ name: f.name, content: Buffer.from(f.content).toString('utf8') }));
      const report = await importCsvBundle(handle.db, TEST_TENANT, asText);
      expect(report.rejected).toEqual([]);
      expect(report.files.reduce((n, f) => n + f.inserted, 0)).toBe(43);
    });

    it('reports progress per file, ending at the total', async () => {
      const calls: Array<[string, number, number]> = [];
      await importCsvBundle(handle.db, TEST_TENANT, valid, { onProgress: (...call) => calls.push(call) });
      expect(calls.filter(([, done, total]) => done === total).map(([stage]) => stage)).toEqual([
        'parties.csv',
        'products.csv',
        'memberships.csv',
        'programs.csv',
        'transactions.csv',
        'snapshots.csv',
        'assistance.csv',
        'targets.csv',
        'collection_targets.csv',
      ]);
    });
  });

  describe('a broken bundle', () => {
    const expected = [
      ['parties.csv', 5, 'name'], // a Latin-1 byte: bad encoding
      ['parties.csv', 6, 'parent_ref'], // unknown parent AG-404
      ['parties.csv', 7, 'ref'], // EN-1 again
      ['parties.csv', 8, 'nib'], // 12 digits
      ['parties.csv', 9, 'region_code'], // 99.99
      ['programs.csv', 2, 'local_target_share'], // 40 instead of 0.4
      ['transactions.csv', 3, 'amount'], // negative
      ['transactions.csv', 4, 'seller_ref'], // EN-3, rejected for its NIB
      ['transactions.csv', 5, 'program_ref'], // PG-1, rejected for its share
      ['snapshots.csv', 1, 'period'], // the column is missing
    ];

    it('lists exactly the expected (file, line, column) rejections and stores the good rows', async () => {
      const report = await importCsvBundle(handle.db, TEST_TENANT, broken);
      expect(triples(report)).toEqual(expected);
      expect(report.committed).toBe(true);
      const parties = await handle.db
        .selectFrom('party')
        .select('ref')
        .where('tenant_id', '=', TEST_TENANT)
        .orderBy('ref')
        .execute();
      expect(parties.map((p) => p.ref)).toEqual(['AG-TAN', 'EN-1', 'VE-1']);
      const txs = await handle.db
        .selectFrom('transaction')
        .select('source_ref')
        .where('tenant_id', '=', TEST_TENANT)
        .orderBy('source_ref')
        .execute();
      expect(txs.map((t) => t.source_ref)).toEqual(['T-1', 'T-5']);
      expect(await count(handle, 'program')).toBe(1);
      expect(await count(handle, 'enterprise_snapshot')).toBe(0);
      expect(fileCounts(report)).toEqual({
        'parties.csv': { rows: 8, inserted: 3, updated: 0, unchanged: 0, rejected: 5 },
        'programs.csv': { rows: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 },
        'transactions.csv': { rows: 5, inserted: 2, updated: 0, unchanged: 0, rejected: 3 },
        'snapshots.csv': { rows: 1, inserted: 0, updated: 0, unchanged: 0, rejected: 1 },
      });
    });

    it('explains each rejection in words a user can act on', async () => {
      const report = await importCsvBundle(handle.db, TEST_TENANT, broken);
      const reasons = report.rejected.map((r) => r.reason.en);
      expect(reasons[0]).toMatch(/UTF-8/);
      expect(reasons[1]).toMatch(/AG-404/);
      expect(reasons[2]).toMatch(/duplicate ref EN-1: line 4/);
      expect(reasons[3]).toMatch(/13 digits/);
      expect(reasons[4]).toMatch(/unknown region code 99\.99/);
      expect(reasons[5]).toMatch(/fraction, not percent/);
      expect(reasons[6]).toMatch(/negative/);
      expect(reasons[7]).toMatch(/EN-3 refers to a rejected row \(parties\.csv line 8\)/);
      expect(reasons[8]).toMatch(/PG-1 refers to a rejected row \(programs\.csv line 2\)/);
      expect(reasons[9]).toMatch(/missing required column period/);
      const text = formatImportReport(report);
      expect(text).toContain(
        'parties.csv:8 nib: NIB harus tepat 13 angka, tertulis 12 / NIB must be exactly 13 digits, got 12',
      );
      expect(text).toContain('snapshots.csv:1 period: kolom wajib period tidak ada / missing required column period');
    });

    it('gives each rejection in Indonesian and in English', async () => {
      const report = await importCsvBundle(handle.db, TEST_TENANT, broken);
      const [, , duplicate, nib, region, share] = report.rejected;
      expect(duplicate?.reason).toEqual({
        id: 'ref EN-1 ganda: baris 4 sudah memuatnya',
        en: 'duplicate ref EN-1: line 4 already has it',
      });
      expect(nib?.reason).toEqual({
        id: 'NIB harus tepat 13 angka, tertulis 12',
        en: 'NIB must be exactly 13 digits, got 12',
      });
      expect(region?.reason).toEqual({ id: 'kode wilayah 99.99 tidak dikenal', en: 'unknown region code 99.99' });
      expect(share?.reason.id).toMatch(/berupa pecahan, bukan persen: tulis 0\.4 untuk 40/);
      for (const r of report.rejected) {
        expect(r.reason.id, `${r.file}:${r.line}`).not.toBe('');
        expect(r.reason.id, `${r.file}:${r.line}`).not.toBe(r.reason.en);
      }
    });

    it('with all-or-nothing, stores nothing and says so', async () => {
      const report = await importCsvBundle(handle.db, TEST_TENANT, broken, { allOrNothing: true });
      expect(report.committed).toBe(false);
      expect(triples(report)).toEqual(expected);
      for (const table of TENANT_TABLES) expect(await count(handle, table), table).toBe(0);
      expect(formatImportReport(report)).toMatch(/^Nothing was stored/);
    });

    it('with a dry run, stores nothing and reports what an import would do', async () => {
      const dry = await importCsvBundle(handle.db, TEST_TENANT, broken, { dryRun: true });
      expect(dry).toMatchObject({ committed: false, dryRun: true });
      for (const table of TENANT_TABLES) expect(await count(handle, table), table).toBe(0);
      const real = await importCsvBundle(handle.db, TEST_TENANT, broken);
      expect(dry.files).toEqual(real.files);
      expect(dry.rejected).toEqual(real.rejected);
    });
  });

  it('commits an all-or-nothing import that has no rejection', async () => {
    const report = await importCsvBundle(handle.db, TEST_TENANT, valid, { allOrNothing: true });
    expect(report.committed).toBe(true);
    expect(await count(handle, 'transaction')).toBe(7);
  });

  it('refuses a folder that is missing or holds no bundle file', async () => {
    await expect(readBundleDir(bundleDir('does-not-exist'))).rejects.toThrow(/No such folder/);
    await expect(readBundleDir(fileURLToPath(new URL('.', import.meta.url)))).rejects.toThrow(
      /none of the bundle files/,
    );
  });
});
