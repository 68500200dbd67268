import { importFromPath } from '@jejaring/db/import-jobs';
import { TEST_TENANT } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startAccountsServer } from '../support/accounts.ts';
import { globalId } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/*
 * The work-unit mapping of the ISB import over real HTTP (docs/api.md, docs/imports.md "Work units
 * → agencies"), and plannedVsRealised on the ISB samples. The API bundle already holds Dinas
 * Pendidikan (1.01.0.00.0.00.01.0000) and Dinas Kesehatan (1.02…): work units 201901 and 201902
 * map onto them; 201903 (Dinas Koperasi, UKM dan Perdagangan, 2.17…) and 201904 (Kecamatan Kubu)
 * are created from RUP-MasterSatker.
 */

const ISB = new URL('../../db/test/fixtures/isb', import.meta.url).pathname;
let server: TestServer;
const headers: Record<string, Record<string, string>> = {};
const ids = new Map<string, number>();
const agency = (ref: string) => globalId('Agency', ids.get(ref) as number);

async function importIsb() {
  const report = await importFromPath(server.database.db, TEST_TENANT, ISB, ISB);
  expect(report.committed).toBe(true);
  const rows = await sql<{ ref: string; id: number }>`SELECT ref, id FROM party`.execute(server.database.db);
  for (const row of rows.rows) ids.set(row.ref, Number(row.id));
  return report;
}

beforeAll(async () => {
  server = await startAccountsServer();
  for (const user of ['admin', 'op.diskop', 'analyst', 'dprd']) headers[user] = bearer(await signIn(server, user));
  await importIsb();
});
afterAll(() => server?.close());

const LIST = '{ satkerMappings { kdSatker kdSatkerStr namaSatker source agency { id name } } }';
const MAP = `mutation($kd: String!, $agency: ID!) {
  mapSatker(kdSatker: $kd, agencyId: $agency) { kdSatker source agency { id } } }`;
const as = (user: string | null, query: string, variables: Record<string, unknown> = {}) =>
  server.gql<Record<string, unknown>>(query, variables, user ? headers[user] : {});
const extensions = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions;
const auditCount = async () =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event WHERE action = 'satker.map'`.execute(
      server.database.db,
    )
  ).rows[0]?.n;

describe('satkerMappings', () => {
  it('lists the work units the import seeded, with their agencies, to an analyst', async () => {
    const result = await as('analyst', LIST);
    expect(result.errors).toBeUndefined();
    const rows = result.data?.satkerMappings as Array<Record<string, unknown>>;
    // 201903 is left out: the mapSatker test below changes it.
    expect(
      rows
        .filter((r) => r.kdSatker !== '201903')
        .map((r) => [r.kdSatker, r.source, (r.agency as { name: string }).name]),
    ).toEqual([
      ['201901', 'SEEDED', 'Dinas Pendidikan dan Kebudayaan'],
      ['201902', 'SEEDED', 'Dinas Kesehatan'],
      ['201904', 'SEEDED', 'Kecamatan Kubu'],
    ]);
    expect(rows.map((r) => r.kdSatker)).toEqual(['201901', '201902', '201903', '201904']);
    expect(rows[0]).toMatchObject({ kdSatkerStr: '1.01.0.00.0.00.01.0000', agency: { id: agency('AG-DIKBUD') } });
  });

  it('is refused to an operator (FORBIDDEN) and to a request without credentials (UNAUTHENTICATED)', async () => {
    expect(extensions(await as('op.diskop', LIST))?.code).toBe('FORBIDDEN');
    expect(extensions(await as(null, LIST))?.code).toBe('UNAUTHENTICATED');
  });
});

describe('mapSatker', () => {
  it('may be run by an administrator only: operators, analysts and DPRD are FORBIDDEN, the anonymous UNAUTHENTICATED, and nothing changes', async () => {
    const mapping = () => server.database.db.selectFrom('satker_mapping').selectAll().orderBy('kd_satker').execute();
    const [before, audited] = [await mapping(), await auditCount()];
    const vars = { kd: '201904', agency: agency('AG-KEC-SR') };
    for (const user of ['op.diskop', 'analyst', 'dprd']) {
      expect(extensions(await as(user, MAP, vars))?.code, user).toBe('FORBIDDEN');
    }
    expect(extensions(await as(null, MAP, vars))?.code).toBe('UNAUTHENTICATED');
    expect(await auditCount()).toBe(audited);
    expect(await mapping()).toEqual(before);
  });

  it('refuses a malformed work unit code and an id that is no agency, with coded errors and no audit record', async () => {
    const audited = await auditCount();
    const bad = extensions(await as('admin', MAP, { kd: 'satker 1', agency: agency('AG-DISKOP') }));
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kdSatker', rule: 'KD_SATKER_FORMAT' });
    expect(bad?.reason).toEqual({
      id: 'kode satker berupa angka atau huruf (paling banyak 64), mis. 201901',
      en: 'a work unit code is digits or letters (at most 64), e.g. 201901',
    });
    const missing = extensions(await as('admin', MAP, { kd: '201903', agency: globalId('Agency', 999_999) }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'agencyId' });
    const notAgency = extensions(await as('admin', MAP, { kd: '201903', agency: globalId('Enterprise', 1) }));
    expect(notAgency).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyId' });
    expect(await auditCount()).toBe(audited);
  });

  it("maps a work unit to another agency, audited, and the next import sends the unit's plans and purchases there", async () => {
    const result = await as('admin', MAP, { kd: '201903', agency: agency('AG-DISKOP') });
    expect(result.errors).toBeUndefined();
    expect(result.data?.mapSatker).toEqual({
      kdSatker: '201903',
      source: 'EDITED',
      agency: { id: agency('AG-DISKOP') },
    });
    const audit = await sql<{ entity_id: string; details: unknown; username: string }>`
      SELECT e.entity_id, e.details, u.username FROM audit_event e JOIN app_user u ON u.tenant_id = e.tenant_id AND u.id = e.user_id
      WHERE e.action = 'satker.map' AND e.entity_id = '201903'`.execute(server.database.db);
    expect(audit.rows).toHaveLength(1);
    const details = audit.rows[0]?.details;
    expect(typeof details === 'string' ? JSON.parse(details) : details).toEqual({
      before: { agencyId: ids.get('SATKER-201903'), source: 'SEEDED' },
      after: { agencyId: ids.get('AG-DISKOP') },
    });
    expect(audit.rows[0]).toMatchObject({ entity_id: '201903', username: 'admin' });

    await importIsb();
    const plan = await sql<{ ref: string }>`
      SELECT p.ref FROM procurement_plan pl JOIN party p ON p.tenant_id = pl.tenant_id AND p.id = pl.agency_id
      WHERE pl.kd_rup = '55000003'`.execute(server.database.db);
    expect(plan.rows).toEqual([{ ref: 'AG-DISKOP' }]);
    // Work unit 201903 bought SPSE contracts 9100000-9100003 and 9100008, e-Katalog package
    // 7700002 and one Toko Daring order: 7 purchases, all now under Dinas Koperasi.
    const bought = await sql<{ ref: string; n: number }>`
      SELECT b.ref, count(*)::int AS n FROM transaction t JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id
      WHERE t.source LIKE 'ISB-%' AND b.ref IN ('AG-DISKOP', 'SATKER-201903') GROUP BY b.ref`.execute(
      server.database.db,
    );
    expect(bought.rows).toEqual([{ ref: 'AG-DISKOP', n: 7 }]);
    const list = await as('analyst', LIST);
    const row = ((list.data?.satkerMappings ?? []) as Array<Record<string, unknown>>).find(
      (r) => r.kdSatker === '201903',
    );
    expect(row).toMatchObject({
      source: 'EDITED',
      kdSatkerStr: '2.17.0.00.0.00.01.0000',
      agency: { id: agency('AG-DISKOP') },
    });
  });
});

describe('plannedVsRealised over HTTP', () => {
  const QUERY = `query($year: Int!, $agencies: [ID!]) {
    plannedVsRealised(fiscalYear: $year, agencyIds: $agencies) {
      agency { id } fiscalYear planCount plannedTotal planCountForSmall plannedForSmall plannedSmallShare realisationRate
    } }`;

  it("answers anyone with each agency's plans for small businesses; an agency's own field agrees", async () => {
    const result = await as(null, QUERY, { year: 2025, agencies: [agency('AG-DIKBUD'), agency('AG-DINKES')] });
    expect(result.errors).toBeUndefined();
    // From RUP-PaketPenyedia-Terumumkan.json: Dinkes 557 (UKM) + 366 million, Dikbud 261 (UKM) + 303.
    expect(result.data?.plannedVsRealised).toEqual([
      expect.objectContaining({
        agency: { id: agency('AG-DINKES') },
        fiscalYear: 2025,
        planCount: 2,
        plannedTotal: 923_000_000,
        planCountForSmall: 1,
        plannedForSmall: 557_000_000,
        plannedSmallShare: 557 / 923,
      }),
      expect.objectContaining({
        agency: { id: agency('AG-DIKBUD') },
        planCount: 2,
        plannedTotal: 564_000_000,
        plannedForSmall: 261_000_000,
        plannedSmallShare: 261 / 564,
      }),
    ]);
    const field = await as(
      null,
      `query($id: ID!) { node(id: $id) { ... on Agency { plannedVsRealised(fiscalYear: 2025) { plannedForSmall realisationRate } } } }`,
      { id: agency('AG-DINKES') },
    );
    const listed = ((result.data?.plannedVsRealised ?? []) as Array<Record<string, unknown>>)[0];
    expect(field.data?.node).toEqual({
      plannedVsRealised: { plannedForSmall: 557_000_000, realisationRate: listed?.realisationRate },
    });
  });

  it('refuses a fiscal year out of range and an empty agency list, naming the argument', async () => {
    expect(extensions(await as(null, QUERY, { year: 1999 }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fiscalYear',
    });
    expect(extensions(await as(null, QUERY, { year: 2025, agencies: [] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'agencyIds',
    });
  });
});
