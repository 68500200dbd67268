import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsvBundle, writeBundleDir } from '../import/csv-export.ts';
import { type BundleFile, importCsvBundle, readBundleDir } from '../import/csv-import.ts';
import { dumpTenant } from '../import/testing.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../src/testing.ts';

const validDir = fileURLToPath(new URL('./fixtures/bundles/valid', import.meta.url));

describe(`CSV bundle export on ${testEngine}`, () => {
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  let exported: BundleFile[];

  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
    const report = await importCsvBundle(source.db, TEST_TENANT, await readBundleDir(validDir));
    expect(report.rejected).toEqual([]);
    exported = await exportCsvBundle(source.db, TEST_TENANT);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('writes every bundle file, optional ones included, each with its header', () => {
    expect(exported.map((f) => f.name)).toEqual([
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
    const header = (name: string) => String(exported.find((f) => f.name === name)?.content).split('\n')[0];
    expect(header('transactions.csv')).toBe(
      'ref,buyer_ref,seller_ref,program_ref,category,account_code,funding_source,amount,quantity,occurred_on,source,product_ref',
    );
    expect(header('snapshots.csv')).toBe('party_ref,period,revenue,employees,status');
    expect(String(exported.find((f) => f.name === 'snapshots.csv')?.content)).toContain(
      'EN-BERAS,2019-12,21000000,4,ACTIVE',
    );
  });

  it('imports into an empty database as the very same rows, ids aside', async () => {
    const report = await importCsvBundle(target.db, TEST_TENANT, exported);
    expect(report.rejected).toEqual([]);
    expect(report.files.every((f) => f.inserted === f.rows)).toBe(true);
    expect(await dumpTenant(target.db, TEST_TENANT)).toEqual(await dumpTenant(source.db, TEST_TENANT));
  });

  it('exports the re-imported database identically, byte for byte', async () => {
    expect(await exportCsvBundle(target.db, TEST_TENANT)).toEqual(exported);
  });

  it('imports onto the database it came from without changing a row', async () => {
    const report = await importCsvBundle(source.db, TEST_TENANT, exported);
    expect(report.files.every((f) => f.unchanged === f.rows)).toBe(true);
  });

  it('writes the files into a folder that reads back as the same bundle', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jejaring-export-'));
    try {
      await writeBundleDir(path.join(dir, 'bundle'), exported);
      const read = await readBundleDir(path.join(dir, 'bundle'));
      expect(read.map((f) => [f.name, Buffer.from(f.content).toString('utf8')]).sort()).toEqual(
        exported.map((f) => [f.name, f.content]).sort(),
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
