import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type BundleFile,
  formatImportReport,
  type ImportReport,
  importCsvBundle,
  readBundleDir,
} from '../import/csv-import.ts';
import { rowVersions } from '../import/testing.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { TENANT_TABLES } from '../src/database.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../src/testing.ts';

const bundleDir = (name: string) => fileURLToPath(new URL(`./fixtures/bundles/${name}`, import.meta.url));

async function emptyTenant(handle: DatabaseHandle, tenant = TEST_TENANT): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    for (const table of [...TENANT_TABLES].reverse()) {
      await sql`DELETE FROM ${sql.table(table)} WHERE tenant_id = ${tenant}`.execute(trx);
    }
  });
}

async function count(handle: DatabaseHandle, table: string, tenant = TEST_TENANT): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE tenant_id = ${tenant}`.execute(handle.db);
  return rows[0]?.n ?? 0;
}

const triples = (report: ImportReport) => report.rejected.map((r) => [r.file, r.line, r.column]);
const fileCounts = (report: ImportReport) =>
  Object.fromEntries(report.files.map(({ file, ...counts }) => [file, counts]));

describe(`CSV bundle import on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  let valid: BundleFile[];
  let broken: BundleFile[];

  beforeAll(async () => {
    handle = await createTestDatabase({ tenants: [TEST_TENANT, '61.71'] });
    valid = await readBundleDir(bundleDir('valid'));
    broken = await readBundleDir(bundleDir('broken'));
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
      const reasons = report.rejected.map((r) => r.reason);
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
      expect(text).toContain('parties.csv:8 nib: NIB must be exactly 13 digits, got 12');
      expect(text).toContain('snapshots.csv:1 period: missing required column period');
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

  it('runs the database checks in a dry run too: a NIB already used by a stored party is a CONFLICT', async () => {
    const existing = 'ref,kind,name,nib\nEN-LAMA,ENTERPRISE,Usaha Lama,9120001234567\n';
    await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content: existing }]);
    const dry = await importCsvBundle(handle.db, TEST_TENANT, valid, { dryRun: true });
    expect(dry.rejected[0]).toMatchObject({ file: 'parties.csv', line: 8, column: 'nib', code: 'CONFLICT' });
    expect(await count(handle, 'party')).toBe(1);
  });

  it('rejects a party whose NIB another stored party already has, with a CONFLICT reason, and stores the rest', async () => {
    const existing = 'ref,kind,name,nib\nEN-LAMA,ENTERPRISE,Usaha Lama,9120001234567\n';
    await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content: existing }]);
    const report = await importCsvBundle(handle.db, TEST_TENANT, valid);
    const [first, ...dependents] = report.rejected;
    expect(first).toEqual({
      file: 'parties.csv',
      line: 8,
      column: 'nib',
      code: 'CONFLICT',
      reason: 'CONFLICT: another enterprise is already registered with this NIB',
    });
    // Rows that point at the refused party (or its product) are refused too, and say why.
    expect(triples({ ...report, rejected: dependents })).toEqual([
      ['products.csv', 2, 'seller_ref'],
      ['memberships.csv', 2, 'member_ref'],
      ['transactions.csv', 2, 'seller_ref'],
      ['transactions.csv', 2, 'product_ref'],
      ['transactions.csv', 7, 'buyer_ref'],
      ['snapshots.csv', 2, 'party_ref'],
      ['snapshots.csv', 3, 'party_ref'],
      ['assistance.csv', 4, 'party_ref'],
    ]);
    for (const d of dependents) expect(d.reason).toMatch(/(EN|PR)-BERAS refers to a rejected row/);
    expect(fileCounts(report)['parties.csv']).toEqual({
      rows: 13,
      inserted: 12,
      updated: 0,
      unchanged: 0,
      rejected: 1,
    });
    expect(await count(handle, 'party')).toBe(13);
    expect(await count(handle, 'transaction')).toBe(5);
  });

  it('finds a few conflicting rows among many with savepoints, storing all the others', async () => {
    // 600 enterprises in one chunk; three reuse NIBs of stored parties the bundle does not mention.
    const stored = [
      'ref,kind,name,nib',
      ...[1, 2, 3].map((i) => `OLD-${i},ENTERPRISE,Lama ${i},${String(9000000000000 + i * 100)}`),
    ].join('\n');
    await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content: stored }]);
    const rows = Array.from({ length: 600 }, (_, i) => `NEW-${i},ENTERPRISE,Usaha ${i},${String(9000000000000 + i)}`);
    const report = await importCsvBundle(handle.db, TEST_TENANT, [
      { name: 'parties.csv', content: ['ref,kind,name,nib', ...rows].join('\n') },
    ]);
    expect(triples(report)).toEqual([
      ['parties.csv', 102, 'nib'],
      ['parties.csv', 202, 'nib'],
      ['parties.csv', 302, 'nib'],
    ]);
    expect(report.rejected.every((r) => r.code === 'CONFLICT')).toBe(true);
    expect(await count(handle, 'enterprise_profile')).toBe(3 + 597);
  });

  it('resolves refs only within the tenant: another regency cannot point at these parties', async () => {
    await importCsvBundle(handle.db, TEST_TENANT, valid);
    const bundle = [
      {
        name: 'transactions.csv',
        content:
          'ref,buyer_ref,seller_ref,category,amount,occurred_on\nX-1,AG-DINKES,EN-BERAS,FOOD_STAPLES,1000,2024-01-01\n',
      },
      { name: 'collection_targets.csv', content: 'region_code,year,enterprises,cooperatives\n61.12.01,2024,1,1\n' },
    ];
    const report = await importCsvBundle(handle.db, '61.71', bundle);
    expect(triples(report)).toEqual([
      ['transactions.csv', 2, 'buyer_ref'],
      ['transactions.csv', 2, 'seller_ref'],
      ['collection_targets.csv', 2, 'region_code'],
    ]);
    expect(report.rejected[2]?.reason).toMatch(/not a district \(kecamatan\) of 61\.71/);
  });

  describe('row checks', () => {
    const parties = (rows: string[]) => [
      {
        name: 'parties.csv',
        content: [
          'ref,kind,name,region_code,parent_ref,unit_type,agency_code,nib,kbli_code,size_class,capital,annual_revenue,owner_nik,owner_gender,is_government,registered_on',
          ...rows,
        ].join('\n'),
      },
    ];

    it('rejects what the database would store wrongly or not at all, naming the column', async () => {
      const report = await importCsvBundle(
        handle.db,
        TEST_TENANT,
        parties([
          'A-1,AGENCY,Dinas Satu,61.12,,,1.01,,,,,,,,false,', // 2: an agency is government
          'A-2,AGENCY,Dinas Dua,61.12,,,,,,,,,,,,', // 3: agency_code required
          'E-1,ENTERPRISE,Usaha Satu,61.12,,,,,4631,SMALL,500000000,,,,,', // 4: KBLI 4 digits; SMALL disagrees with capital
          'E-2,ENTERPRISE,Usaha Dua,61.12,,,,,,,"1.500.000",,,,,2024-02-30', // 5: thousand separators; no 30 February
          'E-3,ENTERPRISE,Usaha Tiga,61.12,,,,,,,,,6112013002850001,,,', // 6: NIK birth date 30-02
          'E-4,ENTERPRISE,Usaha Empat,61.12,,,,,,,,,9912015503850001,,,', // 7: NIK region prefix 9912
          'E-5,ENTERPRISE,Usaha Lima,61.12,,,,,,,,,6112015503850001,M,,', // 8: NIK says a woman
          'E-6,enterprise,Usaha Enam,61.12,,,,,,,,,,,,', // 9: enumerations are upper case
          'V-1,VENDOR,Vendor Satu,61.71,,,,9120001234567,,,,,,,,', // 10: NIB only for enterprises
          'N-1,NETWORK_UNIT,Unit Satu,61.12,V-1,SCHOOL,,,,,,,,,,', // 11: parent must be an agency or unit
          'N-2,NETWORK_UNIT,Unit Dua,61.12,N-3,SCHOOL,,,,,,,,,,', // 12: a cycle N-2 → N-3 → N-2
          'N-3,NETWORK_UNIT,Unit Tiga,61.12,N-2,SCHOOL,,,,,,,,,,', // 13
          'N-4,NETWORK_UNIT,Unit Empat,61.12,A-1,SCHOOL,,,,,,,,,,', // 14: parent A-1 was rejected
          'N-5,NETWORK_UNIT,Unit Lima,61.12,,,,,,,,,,,,', // 15: unit_type and parent_ref required
        ]),
      );
      expect(triples(report)).toEqual([
        ['parties.csv', 2, 'is_government'],
        ['parties.csv', 3, 'agency_code'],
        ['parties.csv', 4, 'kbli_code'],
        ['parties.csv', 4, 'size_class'],
        ['parties.csv', 5, 'registered_on'],
        ['parties.csv', 5, 'capital'],
        ['parties.csv', 6, 'owner_nik'],
        ['parties.csv', 7, 'owner_nik'],
        ['parties.csv', 8, 'owner_gender'],
        ['parties.csv', 9, 'kind'],
        ['parties.csv', 10, 'nib'],
        ['parties.csv', 11, 'parent_ref'],
        ['parties.csv', 12, 'parent_ref'],
        ['parties.csv', 13, 'parent_ref'],
        ['parties.csv', 14, 'parent_ref'],
        ['parties.csv', 15, 'unit_type'],
        ['parties.csv', 15, 'parent_ref'],
      ]);
      const reasons = report.rejected.map((r) => r.reason);
      expect(reasons[3]).toMatch(/disagrees with capital 500000000, which makes it MICRO/);
      expect(reasons[5]).toMatch(/digits only/);
      expect(reasons[9]).toMatch(/write ENTERPRISE \(upper case\)/);
      expect(reasons[12]).toMatch(/cycle: N-2 → N-3 → N-2/);
      expect(reasons[14]).toMatch(/A-1 refers to a rejected row \(parties\.csv line 2\)/);
      expect(reasons.join('\n')).not.toContain('6112015503850001'); // NIKs are personal data
      expect(fileCounts(report)['parties.csv']).toMatchObject({ rows: 14, inserted: 0, rejected: 14 });
    });

    it("refuses to change a stored party's kind", async () => {
      await importCsvBundle(handle.db, TEST_TENANT, parties(['X-1,VENDOR,Toko X,61.71,,,,,,,,,,,,']));
      const report = await importCsvBundle(
        handle.db,
        TEST_TENANT,
        parties(['X-1,ENTERPRISE,Toko X,61.71,,,,,,,,,,,,']),
      );
      expect(triples(report)).toEqual([['parties.csv', 2, 'kind']]);
    });

    it('rejects a row with too many fields (an unquoted comma) and reads the rest', async () => {
      const content = 'ref,kind,name\nV-1,VENDOR,CV Maju, Jaya\nV-2,VENDOR,CV Makmur\n';
      const report = await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content }]);
      expect(triples(report)).toEqual([['parties.csv', 2, null]]);
      expect(report.rejected[0]?.reason).toMatch(/has 4 fields, the header has 3/);
      expect(await count(handle, 'party')).toBe(1);
    });

    it('rejects a NUL byte or an overlong value as one row, never failing the import', async () => {
      const content = `ref,kind,name\nV-1,VENDOR,CV \u0000Satu\n${'V'.repeat(101)},VENDOR,CV Dua\nV-3,VENDOR,${'n'.repeat(501)}\nV-4,VENDOR,CV Empat\n`;
      const report = await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content }]);
      expect(triples(report)).toEqual([
        ['parties.csv', 2, 'name'],
        ['parties.csv', 3, 'ref'],
        ['parties.csv', 4, 'name'],
      ]);
      expect(await count(handle, 'party')).toBe(1);
    });

    it('reports an unclosed quote at the record where it opens, keeping the records before it', async () => {
      const content = 'ref,kind,name\nV-1,VENDOR,CV Satu\nV-2,VENDOR,"CV Dua\nV-3,VENDOR,CV Tiga\n';
      const report = await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content }]);
      expect(triples(report)).toEqual([['parties.csv', 3, null]]);
      expect(report.rejected[0]?.reason).toMatch(/never closed/);
      expect(await count(handle, 'party')).toBe(1);
    });

    it('warns about unknown files and columns instead of failing', async () => {
      const report = await importCsvBundle(handle.db, TEST_TENANT, [
        { name: 'parties.csv', content: 'ref,kind,name,alamat\nV-1,VENDOR,CV Satu,Jl. Ahmad Yani\n' },
        { name: 'catatan.csv', content: 'x\n1\n' },
      ]);
      expect(report.rejected).toEqual([]);
      expect(report.warnings.map((w) => [w.file, w.column])).toEqual([
        ['catatan.csv', null],
        ['parties.csv', 'alamat'],
      ]);
    });
  });

  it('refuses a folder that is missing or holds no bundle file', async () => {
    await expect(readBundleDir(bundleDir('does-not-exist'))).rejects.toThrow(/No such folder/);
    await expect(readBundleDir(fileURLToPath(new URL('.', import.meta.url)))).rejects.toThrow(
      /none of the bundle files/,
    );
  });
});
