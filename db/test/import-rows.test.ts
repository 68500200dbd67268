import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importCsvBundle } from '../import/csv-import.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { TEST_TENANT, testEngine } from '../src/testing.ts';
import { count, emptyTenant, fileCounts, openImportDatabase, triples } from './import-harness.ts';

describe(`CSV bundle import on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    ({ handle } = await openImportDatabase());
  });
  afterAll(() => handle.close());
  beforeEach(() => emptyTenant(handle));

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
          'V-1,VENDOR,Vendor Satu,61.71,,,,9120001234567,,,,,,,,', // 10: NIB only for enterprises: ignored, a warning
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
        ['parties.csv', 11, 'parent_ref'],
        ['parties.csv', 12, 'parent_ref'],
        ['parties.csv', 13, 'parent_ref'],
        ['parties.csv', 14, 'parent_ref'],
        ['parties.csv', 15, 'unit_type'],
        ['parties.csv', 15, 'parent_ref'],
      ]);
      const reasons = report.rejected.map((r) => r.reason.en);
      expect(reasons[3]).toMatch(/disagrees with capital 500000000, which makes it MICRO/);
      expect(reasons[5]).toMatch(/digits only/);
      expect(reasons[9]).toMatch(/write ENTERPRISE \(upper case\)/);
      expect(reasons[11]).toMatch(/cycle: N-2 → N-3 → N-2/);
      expect(reasons[13]).toMatch(/A-1 refers to a rejected row \(parties\.csv line 2\)/);
      expect(reasons.join('\n')).not.toContain('6112015503850001'); // NIKs are personal data
      expect(report.warnings).toEqual([
        {
          file: 'parties.csv',
          line: 10,
          column: 'nib',
          message: {
            id: 'nib hanya berlaku untuk baris ENTERPRISE: diabaikan untuk VENDOR',
            en: 'nib applies to ENTERPRISE rows only: ignored for a VENDOR',
          },
        },
      ]);
      expect(fileCounts(report)['parties.csv']).toMatchObject({ rows: 14, inserted: 1, rejected: 13 });
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
      expect(report.rejected[0]?.reason.en).toMatch(/has 4 fields, the header has 3/);
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
      expect(report.rejected[0]?.reason.en).toMatch(/never closed/);
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
});
