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
const PACKAGES = 'RUP-PaketPenyedia-Terumumkan';

type Row = Record<string, unknown>;

describe(`SiRUP plans and the work-unit mapping from LKPP ISB files on ${testEngine}`, () => {
  const db = useImportDatabase();

  /** Plans as stored: kd_rup, agency ref, year, pagu, small-business flag, status. */
  const plans = async () =>
    (
      await sql<{
        kd_rup: string;
        agency: string;
        fiscal_year: number;
        pagu: string;
        small: boolean | null;
        status: string;
      }>`
        SELECT pl.kd_rup, p.ref AS agency, pl.fiscal_year, pl.pagu::text AS pagu,
               pl.for_small_business AS small, pl.status
        FROM procurement_plan pl JOIN party p ON p.tenant_id = pl.tenant_id AND p.id = pl.agency_id
        WHERE pl.tenant_id = ${TEST_TENANT} ORDER BY pl.kd_rup`.execute(db.handle.db)
    ).rows.map((r) => [r.kd_rup, r.agency, r.fiscal_year, Number(r.pagu), r.small, r.status]);
  const mappings = async () =>
    (
      await sql<{ kd_satker: string; code: string | null; agency: string; source: string }>`
        SELECT m.kd_satker, m.kd_satker_str AS code, p.ref AS agency, m.source
        FROM satker_mapping m JOIN party p ON p.tenant_id = m.tenant_id AND p.id = m.agency_id
        WHERE m.tenant_id = ${TEST_TENANT} ORDER BY m.kd_satker`.execute(db.handle.db)
    ).rows.map((r) => [r.kd_satker, r.code, r.agency, r.source]);
  const count = async (table: string) =>
    Number(
      (
        await sql<{
          n: string;
        }>`SELECT count(*)::text AS n FROM ${sql.table(table)} WHERE tenant_id = ${TEST_TENANT}`.execute(db.handle.db)
      ).rows[0]?.n,
    );

  /** A copy of the sample folder, with datasets changed or left out. */
  async function variant(name: string, changes: Record<string, ((rows: Row[]) => Row[]) | null>) {
    const dir = path.join(db.tmp, name);
    await fs.cp(folder, dir, { recursive: true });
    for (const [dataset, change] of Object.entries(changes)) {
      const file = path.join(dir, `${dataset}.json`);
      if (change === null) await fs.rm(file);
      else await fs.writeFile(file, JSON.stringify(change(JSON.parse(await fs.readFile(file, 'utf8')))));
    }
    return dir;
  }

  it('imports the six sample packages as plans with their budget lines, and maps the four work units', async () => {
    const report = await importFromPath(db.handle.db, TEST_TENANT, folder, folder);
    expect(report.rejected).toEqual([]);
    // Hand-read from RUP-PaketPenyedia-Terumumkan.json: all six announced, active, of 2025;
    // status_ukm "UKM" on 55000000 and 55000001 only.
    expect(await plans()).toEqual([
      ['55000000', 'SATKER-201902', 2025, 557_000_000, true, 'ACTIVE'],
      ['55000001', 'SATKER-201901', 2025, 261_000_000, true, 'ACTIVE'],
      ['55000002', 'SATKER-201901', 2025, 303_000_000, false, 'ACTIVE'],
      ['55000003', 'SATKER-201903', 2025, 630_000_000, false, 'ACTIVE'],
      ['55000004', 'SATKER-201904', 2025, 848_000_000, false, 'ACTIVE'],
      ['55000005', 'SATKER-201902', 2025, 366_000_000, false, 'ACTIVE'],
    ]);
    const totals = (
      await sql<{ n: number; pagu: string; small: string }>`
        SELECT count(*)::int AS n, sum(pagu)::text AS pagu,
               sum(pagu) FILTER (WHERE for_small_business)::text AS small
        FROM procurement_plan WHERE tenant_id = ${TEST_TENANT}`.execute(db.handle.db)
    ).rows[0];
    // 557 + 261 + 303 + 630 + 848 + 366 = 2,965 million; planned for small businesses 557 + 261 = 818.
    expect(totals).toEqual({ n: 6, pagu: '2965000000', small: '818000000' });
    const line = await db.handle.db
      .selectFrom('procurement_plan_line as l')
      .innerJoin('procurement_plan as p', (j) =>
        j.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.id', '=', 'l.plan_id'),
      )
      .select(['l.line_no', 'l.account_code', 'l.funding_source', 'l.pagu'])
      .where('p.kd_rup', '=', '55000000')
      .execute();
    // mak 1.02.02.2.01.0003.5.1.02.01.01.0058: the account code is its end.
    expect(line).toEqual([
      { line_no: 1, account_code: '5.1.02.01.01.0058', funding_source: 'APBD', pagu: 557_000_000 },
    ]);
    expect(await count('procurement_plan_line')).toBe(6);
    expect(await mappings()).toEqual([
      ['201901', '1.01.0.00.0.00.01.0000', 'SATKER-201901', 'SEEDED'],
      ['201902', '1.02.0.00.0.00.01.0000', 'SATKER-201902', 'SEEDED'],
      ['201903', '2.17.0.00.0.00.01.0000', 'SATKER-201903', 'SEEDED'],
      ['201904', '7.01.0.00.0.00.06.0000', 'SATKER-201904', 'SEEDED'],
    ]);
    // Plans are not purchases: the 30 transactions are the SPSE, e-Katalog and Toko Daring ones.
    expect(await count('transaction')).toBe(30);
  });

  it('re-imports the same folder without changing a row, and a dry run stores no plan and no mapping', async () => {
    const dry = await importFromPath(db.handle.db, TEST_TENANT, folder, folder, { dryRun: true });
    expect(dry.files.find((f) => f.file === `${PACKAGES}.json`)?.inserted).toBe(6);
    expect(await count('procurement_plan')).toBe(0);
    expect(await count('satker_mapping')).toBe(0);

    await importFromPath(db.handle.db, TEST_TENANT, folder, folder);
    const snapshot = async () => ({
      plans: await db.handle.db.selectFrom('procurement_plan').selectAll().orderBy('id').execute(),
      lines: await db.handle.db
        .selectFrom('procurement_plan_line')
        .selectAll()
        .orderBy('plan_id')
        .orderBy('line_no')
        .execute(),
      mappings: await db.handle.db.selectFrom('satker_mapping').selectAll().orderBy('kd_satker').execute(),
    });
    const before = await snapshot();
    await importFromPath(db.handle.db, TEST_TENANT, folder, folder);
    expect(await snapshot()).toEqual(before);
  });

  it('stores deleted and inactive packages with their status and takes a revision of the same kd_rup as an update', async () => {
    await importFromPath(db.handle.db, TEST_TENANT, folder, folder);
    const revised = await variant('revised', {
      [PACKAGES]: (rows) =>
        rows.map((r, i) =>
          i === 0
            ? { ...r, status_delete_rup: true }
            : i === 1
              ? { ...r, status_aktif_rup: false }
              : i === 2
                ? { ...r, pagu: 350000000.0 }
                : r,
        ),
      'RUP-PaketAnggaranPenyedia': (rows) => rows.map((r, i) => (i === 2 ? { ...r, pagu: 350000000 } : r)),
    });
    const report = await importFromPath(db.handle.db, TEST_TENANT, revised, revised);
    expect(report.rejected).toEqual([]);
    const file = (name: string) => report.files.find((f) => f.file === name);
    expect(file(`${PACKAGES}.json`)).toMatchObject({ inserted: 0, updated: 3, unchanged: 3 });
    expect(file('RUP-PaketAnggaranPenyedia.json')).toMatchObject({ inserted: 0, updated: 1, unchanged: 5 });
    expect((await plans()).slice(0, 3)).toEqual([
      ['55000000', 'SATKER-201902', 2025, 557_000_000, true, 'CANCELLED'],
      ['55000001', 'SATKER-201901', 2025, 261_000_000, true, 'INACTIVE'],
      ['55000002', 'SATKER-201901', 2025, 350_000_000, false, 'ACTIVE'],
    ]);
    expect(await count('procurement_plan')).toBe(6);
  });

  it('honours an edited mapping on the next import: the work unit’s plans and purchases go to the chosen agency', async () => {
    await importFromPath(db.handle.db, TEST_TENANT, folder, folder);
    await importCsvBundle(db.handle.db, TEST_TENANT, [
      {
        name: 'parties.csv',
        content: 'ref,kind,name,agency_code\nAG-CAMAT,AGENCY,Kantor Camat Kubu,7.01.0.00.0.00.99.0000\n',
      },
    ]);
    // What mapSatker writes (tests/api/satker-mapping.test.ts runs the mutation itself).
    await sql`UPDATE satker_mapping SET source = 'EDITED',
        agency_id = (SELECT id FROM party WHERE tenant_id = ${TEST_TENANT} AND ref = 'AG-CAMAT')
      WHERE tenant_id = ${TEST_TENANT} AND kd_satker = '201904'`.execute(db.handle.db);

    const report = await importFromPath(db.handle.db, TEST_TENANT, folder, folder);
    expect(report.rejected).toEqual([]);
    expect((await plans()).find((p) => p[0] === '55000004')?.[1]).toBe('AG-CAMAT');
    const buyers = await sql<{ ref: string; n: number }>`
      SELECT b.ref, count(*)::int AS n FROM transaction t JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id
      WHERE t.tenant_id = ${TEST_TENANT} AND b.ref IN ('AG-CAMAT', 'SATKER-201904') GROUP BY b.ref`.execute(
      db.handle.db,
    );
    // Kecamatan Kubu (201904) bought 3 SPSE contracts, 4 e-Katalog packages and 1 Toko Daring order.
    expect(buyers.rows).toEqual([{ ref: 'AG-CAMAT', n: 8 }]);
    expect((await mappings())[3]).toEqual(['201904', '7.01.0.00.0.00.06.0000', 'AG-CAMAT', 'EDITED']);
  });

  it('reports a package whose work unit cannot be placed, a package without a status, and an unreadable status_ukm', async () => {
    const dir = await variant('unknown', {
      'RUP-MasterSatker': null,
      'RUP-PaketAnggaranPenyedia': null,
      [PACKAGES]: (rows) => [
        { ...rows[0], kd_satker: 999999, kd_satker_str: null, nama_satker: null },
        { ...rows[1], status_aktif_rup: null },
        { ...rows[2], status_ukm: 'Campuran' },
      ],
    });
    const report = await importFromPath(
      db.handle.db,
      TEST_TENANT,
      path.join(dir, `${PACKAGES}.json`),
      `${PACKAGES}.json`,
    );
    expect(report.rejected.map((r) => [r.file, r.line, r.column])).toEqual([
      [`${PACKAGES}.json`, 1, 'kd_satker'],
      [`${PACKAGES}.json`, 2, 'status_aktif_rup'],
    ]);
    expect(report.rejected[0]?.reason.en).toMatch(/work unit 999999 is not in RUP-MasterSatker nor mapped/);
    expect(report.warnings.map((w) => w.message.en)).toContain(
      '1 package(s) with a status_ukm other than "UKM" or "Non UKM": stored as not known to be planned for small businesses',
    );
    // Row 3 names its own agency code (1.01.0.00.0.00.01.0000): stored, its agency created from it.
    expect(await plans()).toEqual([['55000002', 'SATKER-201901', 2025, 303_000_000, null, 'ACTIVE']]);
    expect(report.files.find((f) => f.file === `${PACKAGES}.json`)).toMatchObject({
      rows: 3,
      inserted: 1,
      rejected: 2,
    });
  });

  it('rejects budget lines of a package it does not know, and stores nothing all-or-nothing when a row is rejected', async () => {
    const dir = await variant('lines', {
      'RUP-PaketAnggaranPenyedia': (rows) => [...rows, { ...rows[0], kd_rup: 55009999 }],
    });
    const strict = await importFromPath(db.handle.db, TEST_TENANT, dir, dir, { allOrNothing: true });
    expect(strict.committed).toBe(false);
    expect(strict.rejected).toEqual([
      {
        file: 'RUP-PaketAnggaranPenyedia.json',
        line: 7,
        column: 'kd_rup',
        reason: {
          id: 'paket 55009999 tidak ada di RUP-PaketPenyedia-Terumumkan dan belum tersimpan',
          en: 'package 55009999 is neither in RUP-PaketPenyedia-Terumumkan nor stored',
        },
        code: 'BAD_USER_INPUT',
      },
    ]);
    for (const table of ['procurement_plan', 'procurement_plan_line', 'satker_mapping', 'party']) {
      expect(await count(table), table).toBe(0);
    }
    const lenient = await importFromPath(db.handle.db, TEST_TENANT, dir, dir);
    expect(lenient.committed).toBe(true);
    expect(await count('procurement_plan_line')).toBe(6);
  });
});
