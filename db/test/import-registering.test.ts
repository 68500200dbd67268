import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsvBundle } from '../import/csv-import.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../src/testing.ts';

/*
 * enterprise_profile.registering_agency_id on import: an operator's import gives the enterprises it
 * creates the operator's agency (as registerEnterprise does); a stored enterprise keeps its own.
 */
const HEADER = 'ref,kind,name,region_code,agency_code\n';

describe(`the registering agency of imported enterprises, on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  const registering = async () =>
    (
      await sql<{ ref: string; agency: string | null }>`
        SELECT p.ref, a.ref AS agency FROM enterprise_profile ep
        JOIN party p ON p.tenant_id = ep.tenant_id AND p.id = ep.party_id
        LEFT JOIN party a ON a.tenant_id = ep.tenant_id AND a.id = ep.registering_agency_id
        WHERE ep.tenant_id = ${TEST_TENANT} ORDER BY p.ref`.execute(handle.db)
    ).rows;

  it('sets the operator agency on enterprises the import creates, never on stored ones, and keeps it on re-import', async () => {
    // An admin import: the agencies and EN-0, registered by nobody.
    const first = `${HEADER}AG-1,AGENCY,Dinas Satu,61.12,1.1\nAG-2,AGENCY,Dinas Dua,61.12,1.2\nEN-0,ENTERPRISE,Usaha Nol,61.12,\n`;
    await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content: first }]);
    const ids = await sql<{ ref: string; id: string }>`SELECT ref, id::text FROM party WHERE kind = 'AGENCY'`.execute(
      handle.db,
    );
    const ag1 = Number(ids.rows.find((r) => r.ref === 'AG-1')?.id);

    // An operator of AG-1 imports EN-0 (stored) and EN-1 (new).
    const second = `${HEADER}EN-0,ENTERPRISE,Usaha Nol,61.12,\nEN-1,ENTERPRISE,Usaha Satu,61.12,\n`;
    const report = await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content: second }], {
      registeringAgencyId: ag1,
    });
    expect(report.files[0]).toMatchObject({ inserted: 1, unchanged: 1 });
    expect(await registering()).toEqual([
      { ref: 'EN-0', agency: null },
      { ref: 'EN-1', agency: 'AG-1' },
    ]);

    // An admin re-imports both: nothing changes.
    const again = await importCsvBundle(handle.db, TEST_TENANT, [{ name: 'parties.csv', content: second }]);
    expect(again.files[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await registering()).toEqual([
      { ref: 'EN-0', agency: null },
      { ref: 'EN-1', agency: 'AG-1' },
    ]);
  });
});
