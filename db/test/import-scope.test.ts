import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleFile, importCsvBundle } from '../import/csv-import.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../src/testing.ts';

/*
 * An operator's import is confined to its agency (db/import/scope.ts; docs/imports.md "Access"):
 * the operator of AG-1 may record the purchases of AG-1 and its network, add units to that
 * network, new enterprises (registered by AG-1) with their products and monthly figures, and AG-1's
 * programs with the help they gave. The stored world, imported first by an administrator:
 *
 *   AG-1 ─ NU-1          AG-2 ─ NU-2          EN-A (registered by nobody), VE-1
 *   PG-1 (AG-1, 2025)    PG-2 (AG-2, 2025)    TX-OLD: AG-2 buys from EN-A, Rp1,000,000
 */
const admin: BundleFile[] = [
  {
    name: 'parties.csv',
    content: `ref,kind,name,region_code,parent_ref,unit_type,agency_code
AG-1,AGENCY,Dinas Satu,61.12,,,1.1
AG-2,AGENCY,Dinas Dua,61.12,,,1.2
NU-1,NETWORK_UNIT,Sekolah Satu,61.12.01,AG-1,SCHOOL,
NU-2,NETWORK_UNIT,Sekolah Dua,61.12.01,AG-2,SCHOOL,
EN-A,ENTERPRISE,Usaha A,61.12.01,,,
VE-1,VENDOR,Toko Luar,31.71,,,
`,
  },
  {
    name: 'programs.csv',
    content: `ref,agency_ref,code,name,fiscal_year,budget
PG-1,AG-1,1.01,Program Satu,2025,100000000
PG-2,AG-2,2.01,Program Dua,2025,100000000
`,
  },
  {
    name: 'transactions.csv',
    content: `ref,buyer_ref,seller_ref,category,amount,occurred_on
TX-OLD,AG-2,EN-A,SNACKS,1000000,2025-01-10
`,
  },
];

/* The operator's bundle; the comment after each row says what must become of it. */
const operator: BundleFile[] = [
  {
    name: 'parties.csv',
    content: `ref,kind,name,region_code,parent_ref,unit_type,agency_code
AG-1,AGENCY,Dinas Satu Baru,61.12,,,1.1
EN-A,ENTERPRISE,Usaha A Ganti Nama,61.12.01,,,
EN-B,ENTERPRISE,Usaha B,61.12.01,,,
NU-3,NETWORK_UNIT,Kantin Sekolah Satu,61.12.01,NU-1,OTHER,
NU-4,NETWORK_UNIT,Kantin Sekolah Dua,61.12.01,AG-2,OTHER,
AG-3,AGENCY,Dinas Tiga,61.12,,,1.3
`,
    // line 2 AG-1: stored agency, kept (warning) · 3 EN-A: not AG-1's, kept (warning) · 4 EN-B: new ·
    // 5 NU-3: new under NU-1 · 6 NU-4: under AG-2, rejected · 7 AG-3: a new agency, rejected
  },
  {
    name: 'programs.csv',
    content: `ref,agency_ref,code,name,fiscal_year,budget
PG-3,AG-1,1.02,Program Tiga,2025,50000000
PG-4,AG-2,2.02,Program Empat,2025,50000000
PG-2,AG-1,2.01,Program Dua Diambil,2025,100000000
`,
    // 2 PG-3: new · 3 PG-4: for AG-2, rejected · 4 PG-2: AG-2's stored program, rejected
  },
  {
    name: 'products.csv',
    content: `ref,seller_ref,name,category
PR-1,EN-B,Keripik,SNACKS
PR-2,EN-A,Dodol,SNACKS
`,
    // 2 PR-1: EN-B is new, so AG-1's · 3 PR-2: EN-A is not AG-1's, rejected
  },
  {
    name: 'transactions.csv',
    content: `ref,buyer_ref,seller_ref,category,amount,occurred_on
TX-1,AG-1,EN-B,SNACKS,2000000,2025-02-01
TX-2,NU-3,EN-A,SNACKS,3000000,2025-02-02
TX-3,AG-2,EN-B,SNACKS,4000000,2025-02-03
TX-OLD,AG-1,EN-A,SNACKS,9000000,2025-01-10
TX-4,NU-4,EN-B,SNACKS,5000000,2025-02-04
`,
    // 2 TX-1, 3 TX-2 (the new unit): stored · 4 TX-3: AG-2 buys, rejected · 5 TX-OLD: AG-2's
    // stored purchase, rejected · 6 TX-4: NU-4 was rejected
  },
  {
    name: 'snapshots.csv',
    content: `party_ref,period,revenue
EN-B,2025-01,1500000
EN-A,2025-01,2500000
`,
  },
  {
    name: 'assistance.csv',
    content: `ref,program_ref,party_ref,kind,occurred_on
AS-1,PG-3,EN-B,TRAINING,2025-03-01
AS-2,PG-2,EN-B,TRAINING,2025-03-02
AS-3,,EN-B,MENTORING,2025-03-03
`,
  },
  {
    name: 'targets.csv',
    content: `ref,name,metric,target_share,fiscal_year
TG-1,Target,LOCAL_UMKM_SHARE,0.4,2025
`,
  },
  {
    name: 'collection_targets.csv',
    content: `region_code,year,enterprises,cooperatives
61.12.01,2025,10,2
`,
  },
];

describe(`an operator's import on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    const seeded = await importCsvBundle(handle.db, TEST_TENANT, admin);
    expect(seeded.rejectedTotal).toBe(0);
  });
  afterAll(() => handle?.close());

  const agency = async (ref: string) =>
    Number(
      (
        await sql<{ id: string }>`SELECT id::text FROM party WHERE tenant_id = ${TEST_TENANT} AND ref = ${ref}`.execute(
          handle.db,
        )
      ).rows[0]?.id,
    );

  it('stores what is within its agency, rejects the rest row by row and keeps stored parties of others as they are', async () => {
    const report = await importCsvBundle(handle.db, TEST_TENANT, operator, {
      registeringAgencyId: await agency('AG-1'),
    });
    // In the order the engine reads the files. AS-2 is named twice: PG-2 is AG-2's, and its row in
    // this bundle was rejected too.
    expect(report.rejected.map((r) => [r.file, r.line, r.column])).toEqual([
      ['parties.csv', 6, 'parent_ref'],
      ['parties.csv', 7, 'kind'],
      ['products.csv', 3, 'seller_ref'],
      ['programs.csv', 3, 'agency_ref'],
      ['programs.csv', 4, 'agency_ref'],
      ['transactions.csv', 4, 'buyer_ref'],
      ['transactions.csv', 5, 'ref'],
      ['transactions.csv', 6, 'buyer_ref'],
      ['snapshots.csv', 3, 'party_ref'],
      ['assistance.csv', 3, 'program_ref'],
      ['assistance.csv', 3, 'program_ref'],
      ['assistance.csv', 4, 'program_ref'],
      ['targets.csv', 2, 'ref'],
      ['collection_targets.csv', 2, 'region_code'],
    ]);
    expect(report.rejected.find((r) => r.file === 'transactions.csv' && r.line === 5)?.reason).toEqual({
      id: 'ref TX-OLD: ref ini pembelian perangkat daerah lain: operator tidak boleh mengubahnya',
      en: 'ref TX-OLD: this ref is a purchase of another agency: an operator may not change it',
    });
    expect(report.warnings.filter((w) => w.file === 'parties.csv').map((w) => [w.line, w.column])).toEqual([
      [2, 'ref'],
      [3, 'ref'],
    ]);
    const db = handle.db;
    const names = await sql<{ ref: string; name: string }>`
      SELECT ref, name FROM party WHERE tenant_id = ${TEST_TENANT} AND ref IN ('AG-1', 'EN-A') ORDER BY ref`.execute(
      db,
    );
    expect(names.rows).toEqual([
      { ref: 'AG-1', name: 'Dinas Satu' },
      { ref: 'EN-A', name: 'Usaha A' },
    ]);
    // The purchases this story names (the administrator's test adds TX-5 of its own).
    const purchases = await sql<{ ref: string; buyer: string; amount: number }>`
      SELECT t.source_ref AS ref, b.ref AS buyer, t.amount FROM "transaction" t JOIN party b ON b.id = t.buyer_id
      WHERE t.tenant_id = ${TEST_TENANT} AND t.source_ref IN ('TX-OLD', 'TX-1', 'TX-2', 'TX-3', 'TX-4')
      ORDER BY t.source_ref`.execute(db);
    expect(purchases.rows.map((r) => [r.ref, r.buyer, Number(r.amount)])).toEqual([
      ['TX-1', 'AG-1', 2_000_000],
      ['TX-2', 'NU-3', 3_000_000],
      ['TX-OLD', 'AG-2', 1_000_000],
    ]);
    const created = await sql<{ ref: string; registered_by: string | null }>`
      SELECT p.ref, a.ref AS registered_by FROM party p
      LEFT JOIN enterprise_profile ep ON ep.tenant_id = p.tenant_id AND ep.party_id = p.id
      LEFT JOIN party a ON a.id = ep.registering_agency_id
      WHERE p.tenant_id = ${TEST_TENANT} AND p.ref IN ('EN-B', 'NU-3', 'NU-4', 'AG-3') ORDER BY p.ref`.execute(db);
    expect(created.rows).toEqual([
      { ref: 'EN-B', registered_by: 'AG-1' },
      { ref: 'NU-3', registered_by: null },
    ]);
    const programs = await sql<{ ref: string; agency: string }>`
      SELECT pg.ref, a.ref AS agency FROM program pg JOIN party a ON a.id = pg.agency_id
      WHERE pg.tenant_id = ${TEST_TENANT} ORDER BY pg.ref`.execute(db);
    expect(programs.rows).toEqual([
      { ref: 'PG-1', agency: 'AG-1' },
      { ref: 'PG-2', agency: 'AG-2' },
      { ref: 'PG-3', agency: 'AG-1' },
    ]);
    const counts = await sql<{
      products: string;
      snapshots: string;
      assistance: string;
      targets: string;
      collection: string;
    }>`
      SELECT (SELECT count(*) FROM product)::text AS products,
             (SELECT count(*) FROM enterprise_snapshot)::text AS snapshots,
             (SELECT string_agg(ref, ',') FROM assistance) AS assistance,
             (SELECT count(*) FROM policy_target)::text AS targets,
             (SELECT count(*) FROM collection_target)::text AS collection`.execute(db);
    expect(counts.rows[0]).toEqual({
      products: '1',
      snapshots: '1',
      assistance: 'AS-1',
      targets: '0',
      collection: '0',
    });
  });

  it('lets an administrator import the same rows the operator could not', async () => {
    const report = await importCsvBundle(handle.db, TEST_TENANT, [
      {
        name: 'transactions.csv',
        content: `ref,buyer_ref,seller_ref,category,amount,occurred_on
TX-5,AG-2,EN-A,SNACKS,6000000,2025-02-05
`,
      },
    ]);
    expect(report.rejectedTotal).toBe(0);
    expect(report.files.find((f) => f.file === 'transactions.csv')).toMatchObject({ inserted: 1 });
  });
});
