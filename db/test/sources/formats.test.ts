import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportCsvBundle } from '../../import/csv-export.ts';
import { type ImportReport, importCsvBundle } from '../../import/csv-import.ts';
import { readImportSource } from '../../import/sources/index.ts';
import { writeExport } from '../../import/sources/write.ts';
import { dumpTenant } from '../../import/testing.ts';
import type { DatabaseHandle } from '../../src/connection.ts';
import { TENANT_TABLES } from '../../src/database.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../../src/testing.ts';
import { zipOf } from './zip-helpers.ts';

const validDir = fileURLToPath(new URL('../fixtures/bundles/valid', import.meta.url));

async function emptyTenant(handle: DatabaseHandle): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    for (const table of [...TENANT_TABLES].reverse()) {
      await sql`DELETE FROM ${sql.table(table)} WHERE tenant_id = ${TEST_TENANT}`.execute(trx);
    }
  });
}

const counts = (report: ImportReport) =>
  Object.fromEntries(
    report.files.map(({ file, inserted, unchanged, rejected }) => [file, [inserted, unchanged, rejected]]),
  );

/** Counts of the valid fixture bundle, from its files: parties 13, products 4, memberships 2, … */
const VALID_ROWS = {
  'parties.csv': 13,
  'products.csv': 4,
  'memberships.csv': 2,
  'programs.csv': 3,
  'transactions.csv': 7,
};

describe(`bundle formats (zip, xlsx, folder) on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  let tmp: string;
  let reference: Awaited<ReturnType<typeof dumpTenant>>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jejaring-formats-'));
    const { files } = await readImportSource(validDir);
    const report = await importCsvBundle(handle.db, TEST_TENANT, files);
    expect(report.rejected).toEqual([]);
    reference = await dumpTenant(handle.db, TEST_TENANT);
  });
  afterAll(async () => {
    await handle.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });
  beforeEach(() => emptyTenant(handle));

  it('imports a zipped bundle (files inside a folder of the archive) as the folder itself, then re-imports it unchanged', async () => {
    const { files } = await readImportSource(validDir);
    const zip = path.join(tmp, 'bundle.zip');
    await fs.writeFile(zip, await zipOf(files.map((f) => ({ name: `kubu-raya/${f.name}`, content: f.content }))));
    const source = await readImportSource(zip);
    expect(source.format).toBe('zip');
    const first = await importCsvBundle(handle.db, TEST_TENANT, source.files);
    expect(first.rejected).toEqual([]);
    for (const [file, rows] of Object.entries(VALID_ROWS)) expect(counts(first)[file]).toEqual([rows, 0, 0]);
    expect(await dumpTenant(handle.db, TEST_TENANT)).toEqual(reference);
    const again = await importCsvBundle(handle.db, TEST_TENANT, (await readImportSource(zip)).files);
    for (const [file, rows] of Object.entries(VALID_ROWS)) expect(counts(again)[file]).toEqual([0, rows, 0]);
  });

  it('exports to XLSX (one sheet per file) and imports it back as the same rows; a re-import changes nothing', async () => {
    await importCsvBundle(handle.db, TEST_TENANT, (await readImportSource(validDir)).files);
    const xlsx = path.join(tmp, 'export.xlsx');
    expect(await writeExport(xlsx, await exportCsvBundle(handle.db, TEST_TENANT, { personalData: true }))).toBe('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'parties',
      'products',
      'memberships',
      'programs',
      'transactions',
      'snapshots',
      'assistance',
      'targets',
      'collection_targets',
    ]);
    // Codes stay text: the fixture's four NIBs are string cells, not numbers.
    const sheet = workbook.getWorksheet('parties');
    if (!sheet) throw new Error('no parties sheet');
    const nibColumn = (sheet.getRow(1).values as string[]).indexOf('nib');
    const nibs = sheet.getColumn(nibColumn).values.filter((v) => v !== null && v !== undefined && v !== 'nib');
    expect(nibs).toEqual(['9120001234567', '9120001234568', '9120001234569', '9120001234570']);

    await emptyTenant(handle);
    const first = await importCsvBundle(handle.db, TEST_TENANT, (await readImportSource(xlsx)).files);
    expect(first.rejected).toEqual([]);
    expect(first.warnings).toEqual([]);
    expect(await dumpTenant(handle.db, TEST_TENANT)).toEqual(reference);
    const again = await importCsvBundle(handle.db, TEST_TENANT, (await readImportSource(xlsx)).files);
    expect(again.files.every((f) => f.inserted === 0 && f.updated === 0 && f.unchanged === f.rows)).toBe(true);
  });

  it('reads workbook cells typed by a spreadsheet: whole numbers, dates; refuses a NIK typed as a number', async () => {
    const workbook = new ExcelJS.Workbook();
    const parties = workbook.addWorksheet('Parties');
    parties.addRow(['ref', 'kind', 'name', 'agency_code', 'owner_nik', 'registered_on', 'capital']);
    parties.addRow([
      'AG-1',
      'AGENCY',
      'Dinas Satu',
      '1.01.0.00.0.00.01.0000',
      null,
      new Date(Date.UTC(2024, 0, 15)),
      null,
    ]);
    parties.addRow(['EN-1', 'ENTERPRISE', 'Usaha Satu', null, null, null, 250000000]);
    parties.addRow(['EN-2', 'ENTERPRISE', 'Usaha Dua', null, 6112015503850001, null, null]);
    const file = path.join(tmp, 'typed.xlsx');
    await workbook.xlsx.writeFile(file);

    const report = await importCsvBundle(handle.db, TEST_TENANT, (await readImportSource(file)).files);
    expect(report.rejected.map((r) => [r.file, r.line, r.column])).toEqual([['parties.csv', 4, 'owner_nik']]);
    expect(report.rejected[0]?.reason.en).toMatch(/format the column as Text/);
    const stored = await handle.db
      .selectFrom('party')
      .leftJoin('enterprise_profile', 'enterprise_profile.party_id', 'party.id')
      .select(['party.ref', 'party.registered_on', 'enterprise_profile.capital'])
      .where('party.tenant_id', '=', TEST_TENANT)
      .orderBy('party.ref')
      .execute();
    expect(stored.map((r) => [r.ref, r.registered_on ? String(r.registered_on) : null, r.capital])).toEqual([
      ['AG-1', expect.stringMatching(/^2024-01-15|Jan 15 2024/), null],
      ['EN-1', null, expect.anything()],
    ]);
    expect(Number(stored[1]?.capital)).toBe(250000000);
  });

  it('refuses a sheet without a required column at line 1, naming the column', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('parties').addRow(['ref', 'kind']);
    const file = path.join(tmp, 'missing.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await importCsvBundle(handle.db, TEST_TENANT, (await readImportSource(file)).files);
    expect(report.rejected).toEqual([
      {
        file: 'parties.csv',
        line: 1,
        column: 'name',
        reason: { id: 'kolom wajib name tidak ada', en: 'missing required column name' },
        code: 'BAD_USER_INPUT',
      },
    ]);
  });

  it('neutralises cells starting with = + - @ in every export format, and imports them back as written', async () => {
    const names = ['=HYPERLINK("http://x","klik")', '+62 Usaha', '-Usaha Minus', '@SUM(A1)', "'Usaha Kutip"];
    const csv = ['ref,kind,name', ...names.map((n, i) => `VE-${i},VENDOR,"${n.replace(/"/g, '""')}"`)].join('\n');
    expect((await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content: csv }])).rejected).toEqual(
      [],
    );
    const exported = await exportCsvBundle(handle.db, TEST_TENANT, { personalData: true });
    const parties = String(exported.find((f) => f.name === 'parties.csv')?.content);
    expect(parties).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(parties).toContain("'+62 Usaha");
    expect(parties).toContain("'-Usaha Minus");
    expect(parties).toContain("'@SUM(A1)");
    expect(parties).toContain(",'Usaha Kutip,"); // an apostrophe before anything else stays as it is

    for (const target of ['out.xlsx', 'out.zip', 'out-folder']) {
      const where = path.join(tmp, target);
      await writeExport(where, exported);
      await emptyTenant(handle);
      const report = await importCsvBundle(handle.db, TEST_TENANT, (await readImportSource(where)).files);
      expect(report.rejected).toEqual([]);
      const stored = await handle.db
        .selectFrom('party')
        .select('name')
        .where('tenant_id', '=', TEST_TENANT)
        .orderBy('ref')
        .execute();
      expect(stored.map((r) => r.name)).toEqual(names);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(tmp, 'out.xlsx'));
    expect(workbook.getWorksheet('parties')?.getRow(2).getCell(3).value).toBe(`'${names[0]}`);
  });

  it('writes every export file readable by its owner only (mode 0600)', async () => {
    await importCsvBundle(handle.db, TEST_TENANT, (await readImportSource(validDir)).files);
    const exported = await exportCsvBundle(handle.db, TEST_TENANT, { personalData: true });
    const folder = path.join(tmp, 'mode-folder');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'parties.csv'), 'old', { mode: 0o644 }); // an older, readable file
    await writeExport(folder, exported);
    for (const name of await fs.readdir(folder)) {
      expect([name, (await fs.stat(path.join(folder, name))).mode & 0o777]).toEqual([name, 0o600]);
    }
    for (const file of ['mode.zip', 'mode.xlsx']) {
      await writeExport(path.join(tmp, file), exported);
      expect((await fs.stat(path.join(tmp, file))).mode & 0o777).toBe(0o600);
    }
  });
});
