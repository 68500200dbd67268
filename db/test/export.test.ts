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
    exported = await exportCsvBundle(source.db, TEST_TENANT, { personalData: true });
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  let reimport: ReturnType<typeof importCsvBundle> | undefined;
  /** The export imported into the empty target, once (by the first test that needs it). */
  const reimported = () => {
    reimport ??= importCsvBundle(target.db, TEST_TENANT, exported);
    return reimport;
  };

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
    const report = await reimported();
    expect(report.rejected).toEqual([]);
    expect(report.files.every((f) => f.inserted === f.rows)).toBe(true);
    expect(await dumpTenant(target.db, TEST_TENANT)).toEqual(await dumpTenant(source.db, TEST_TENANT));
  });

  it('exports the re-imported database identically, byte for byte', async () => {
    await reimported();
    expect(await exportCsvBundle(target.db, TEST_TENANT, { personalData: true })).toEqual(exported);
  });

  it('imports onto the database it came from without changing a row', async () => {
    const report = await importCsvBundle(source.db, TEST_TENANT, exported);
    expect(report.files.every((f) => f.unchanged === f.rows)).toBe(true);
  });

  it('leaves owner names and NIKs out unless asked for personal data, changing nothing else', async () => {
    const plain = await exportCsvBundle(source.db, TEST_TENANT);
    const parties = (files: BundleFile[]) => String(files.find((f) => f.name === 'parties.csv')?.content);
    expect(parties(exported)).toContain('Siti Aminah,6112015503850001');
    expect(parties(plain)).not.toMatch(/Siti Aminah|6112015503850001|Ani Rahmawati|6112024107900002/);
    const line = (files: BundleFile[]) =>
      parties(files)
        .split('\n')
        .find((l) => l.startsWith('EN-BERAS,')) as string;
    expect(line(plain)).toBe(line(exported).replace(',Siti Aminah,6112015503850001,', ',,,'));
    expect(plain.filter((f) => f.name !== 'parties.csv')).toEqual(exported.filter((f) => f.name !== 'parties.csv'));
  });

  it('writes the files into a folder that reads back as the same bundle, each file 0600 even when it replaced one', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jejaring-export-'));
    try {
      await fs.mkdir(path.join(dir, 'bundle'));
      await fs.writeFile(path.join(dir, 'bundle', 'parties.csv'), 'old', { mode: 0o644 });
      await writeBundleDir(path.join(dir, 'bundle'), exported);
      for (const file of exported) {
        expect((await fs.stat(path.join(dir, 'bundle', file.name))).mode & 0o777, file.name).toBe(0o600);
      }
      const read = await readBundleDir(path.join(dir, 'bundle'));
      expect(read.map((f) => [f.name, Buffer.from(f.content).toString('utf8')]).sort()).toEqual(
        exported.map((f) => [f.name, f.content]).sort(),
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
