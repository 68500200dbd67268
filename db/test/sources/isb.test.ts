import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { importCsvBundle } from '../../import/csv-import.ts';
import { importFromPath } from '../../import/sources/index.ts';
import { TEST_TENANT, testEngine } from '../../src/testing.ts';
import { useImportDatabase } from './harness.ts';

const folder = fileURLToPath(new URL('../fixtures/isb', import.meta.url));

describe(`LKPP ISB import on ${testEngine}`, () => {
  const db = useImportDatabase();

  /** Per source: number of transactions and their total, from the database. */
  const totals = async () =>
    (
      await sql<{ source: string; n: number; total: string }>`
        SELECT source, count(*)::int AS n, sum(amount)::text AS total FROM transaction
        WHERE tenant_id = ${TEST_TENANT} GROUP BY source ORDER BY source`.execute(db.handle.db)
    ).rows.map((r) => [r.source, r.n, Number(r.total)]);
  const kinds = async () =>
    (
      await sql<{ kind: string; n: number }>`
        SELECT kind, count(*)::int AS n FROM party WHERE tenant_id = ${TEST_TENANT} GROUP BY kind ORDER BY kind`.execute(
        db.handle.db,
      )
    ).rows.map((r) => [r.kind, r.n]);

  /** A copy of the sample folder with one dataset changed. */
  async function variant(name: string, dataset: string, change: (rows: Array<Record<string, unknown>>) => void) {
    const dir = path.join(db.tmp, name);
    await fs.cp(folder, dir, { recursive: true });
    const file = path.join(dir, `${dataset}.json`);
    const rows = JSON.parse(await fs.readFile(file, 'utf8'));
    change(rows);
    await fs.writeFile(file, JSON.stringify(rows));
    return dir;
  }

  it('imports the sample folder into an empty regency: agencies from the work units, purchases from SPSE, e-Katalog and Toko Daring', async () => {
    const report = await importFromPath(db.handle.db, TEST_TENANT, folder, folder);
    expect(report.rejected).toEqual([]);
    // Hand-counted from the sample files: 4 work units; 8 sellers by NPWP (5 flagged UKM in
    // Ecat-PenyediaDetail), 5 Toko Daring merchants; 12 contracts, 10 packages, 8 orders.
    expect(await kinds()).toEqual([
      ['AGENCY', 4],
      ['ENTERPRISE', 10],
      ['VENDOR', 3],
    ]);
    expect(await totals()).toEqual([
      ['ISB-BELA', 8, 207_643_000],
      ['ISB-ECAT', 10, 121_459_000],
      ['ISB-SPSE', 12, 1_461_000_000],
    ]);
    // The SiRUP files are plans, never purchases: the totals above hold none of them
    // (db/test/sources/isb-plans.test.ts checks what they become).
    expect(report.files.map((f) => [f.file, f.rows, f.inserted])).toEqual([
      ['parties.csv', 17, 17],
      ['transactions.csv', 30, 30],
      ['satker_mapping', 4, 4],
      ['RUP-PaketPenyedia-Terumumkan.json', 6, 6],
      ['RUP-PaketAnggaranPenyedia.json', 6, 6],
    ]);
    const account = await db.handle.db
      .selectFrom('transaction')
      .select('account_code')
      .where('tenant_id', '=', TEST_TENANT)
      .where('source', '=', 'ISB-ECAT')
      .where('source_ref', '=', '7700000')
      .executeTakeFirstOrThrow();
    expect(account.account_code).toBe('5.1.02.01.01.0052'); // from kode_anggaran 1.02.02.2.01.0003.5.1.02.01.01.0052

    // The second time the work units map onto the agencies through the stored mapping: only the
    // 13 sellers are sent, and nothing changes.
    const again = await importFromPath(db.handle.db, TEST_TENANT, folder, folder);
    expect(again.files.filter((f) => f.rows > 0).map((f) => [f.file, f.inserted, f.updated, f.unchanged])).toEqual([
      ['parties.csv', 0, 0, 13],
      ['transactions.csv', 0, 0, 30],
      ['satker_mapping', 0, 0, 4],
      ['RUP-PaketPenyedia-Terumumkan.json', 0, 0, 6],
      ['RUP-PaketAnggaranPenyedia.json', 0, 0, 6],
    ]);
  });

  it('uses an agency already stored with the work unit code instead of creating one', async () => {
    await importCsvBundle(db.handle.db, TEST_TENANT, [
      {
        name: 'parties.csv',
        content: 'ref,kind,name,agency_code\nAG-DIKBUD,AGENCY,Disdikbud,1.01.0.00.0.00.01.0000\n',
      },
    ]);
    await importFromPath(db.handle.db, TEST_TENANT, folder, folder);
    const agencies = await db.handle.db
      .selectFrom('party')
      .select('ref')
      .where('tenant_id', '=', TEST_TENANT)
      .where('kind', '=', 'AGENCY')
      .orderBy('ref')
      .execute();
    expect(agencies.map((a) => a.ref)).toEqual(['AG-DIKBUD', 'SATKER-201902', 'SATKER-201903', 'SATKER-201904']);
  });

  it('keeps only the latest version of an amended contract, skips cancelled packages, rejects an order without a seller', async () => {
    const amended = await variant('amended', 'SPSE-NonTenderEkontrak-Kontrak', (rows) => {
      rows.push({ ...rows[0], versi_addendum: 1, apakah_addendum: 'Ya', nilai_kontrak: 190000000.0 });
    });
    await fs.writeFile(
      path.join(amended, 'Ecat-PaketEPurchasing.json'),
      JSON.stringify(
        JSON.parse(await fs.readFile(path.join(folder, 'Ecat-PaketEPurchasing.json'), 'utf8')).map(
          (r: Record<string, unknown>, i: number) => (i === 0 ? { ...r, paket_status_str: 'Paket Dibatalkan' } : r),
        ),
      ),
    );
    const bela = JSON.parse(await fs.readFile(path.join(folder, 'Bela-TokoDaringRealisasi.json'), 'utf8'));
    bela[2].merchant_name = null;
    await fs.writeFile(path.join(amended, 'Bela-TokoDaringRealisasi.json'), JSON.stringify(bela));

    const report = await importFromPath(db.handle.db, TEST_TENANT, amended, amended);
    expect(report.rejected).toEqual([
      {
        file: 'Bela-TokoDaringRealisasi.json',
        line: 3,
        column: 'merchant_name',
        reason: {
          id: 'merchant_name kosong: penjual tidak disebutkan',
          en: 'merchant_name is empty: the seller is not given',
        },
        code: 'BAD_USER_INPUT',
      },
    ]);
    // SPSE: contract 9100000 now 190,000,000 instead of 185,500,000, still 12 contracts.
    // e-Katalog: package 7700000 (18,950,000) cancelled. Toko Daring: order 3 (31,370,000) rejected.
    expect(await totals()).toEqual([
      ['ISB-BELA', 7, 207_643_000 - 31_370_000],
      ['ISB-ECAT', 9, 121_459_000 - 18_950_000],
      ['ISB-SPSE', 12, 1_461_000_000 - 185_500_000 + 190_000_000],
    ]);
  });

  it('reads one dataset file alone, and rejects rows whose work unit it cannot place', async () => {
    const file = path.join(db.tmp, 'Bela-TokoDaringRealisasi.json');
    await fs.copyFile(path.join(folder, 'Bela-TokoDaringRealisasi.json'), file);
    const report = await importFromPath(db.handle.db, TEST_TENANT, file, file);
    expect(report.rejected).toHaveLength(8);
    expect(report.rejected[0]).toMatchObject({ file: 'Bela-TokoDaringRealisasi.json', line: 1, column: 'kd_satker' });
    expect(report.rejected[0]?.reason.en).toMatch(/not in RUP-MasterSatker/);
    expect(await totals()).toEqual([]);
  });
});
