import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BundleFile, importCsvBundle } from '../import/csv-import.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { TEST_TENANT, testEngine } from '../src/testing.ts';
import { count, emptyTenant, fileCounts, openImportDatabase, triples } from './import-harness.ts';

describe(`CSV bundle import on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  let valid: BundleFile[];
  beforeAll(async () => {
    ({ handle, valid } = await openImportDatabase());
  });
  afterAll(() => handle.close());
  beforeEach(() => emptyTenant(handle));

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
      reason: {
        id: 'bentrok dengan data tersimpan: NIB ini sudah terdaftar atas usaha lain',
        en: 'CONFLICT: another enterprise is already registered with this NIB',
      },
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
    for (const d of dependents) expect(d.reason.en).toMatch(/(EN|PR)-BERAS refers to a rejected row/);
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
    expect(report.rejected[2]?.reason.en).toMatch(/not a district \(kecamatan\) of 61\.71/);
  });
});
