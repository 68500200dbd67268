import type { DatabaseHandle } from '@jejaring/db';
import { TEST_TENANT } from '@jejaring/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeader, bearer, DIKBUD_CODE, DISKOP_CODE, seedAccounts, signIn } from '../support/accounts.ts';
import { globalId, importApiBundle } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * Personal data per role over real HTTP (docs/security.md, "Personal data"): four enterprises of
 * the API fixture, registered by Diskop (EN-001, EN-004), by Dikbud (EN-002) and by no agency
 * (EN-003); EN-004 has no NIK. The expected names and NIKs are copied from the fixture's
 * parties.csv; masks written out by hand (region prefix, ten stars, last two digits).
 */

const NAME = {
  1: 'Bapak Rudi bin Fixture 1',
  2: 'Bapak Agus bin Fixture 2',
  3: 'Ibu Ani bin Fixture 3',
  4: 'Ibu Sari bin Fixture 4',
};
const FULL = { 1: '6112061205920001', 2: '6112030409660002', 3: '6112036508990003', 4: null };
const MASK = { 1: '6112**********01', 2: '6112**********02', 3: '6112**********03', 4: null };

let ids: string[] = [];
const rowIds = new Map<string, number>();

async function seed(handle: DatabaseHandle) {
  await importApiBundle(handle);
  await seedAccounts(handle);
  const db = handle.db;
  const agency = async (code: string) =>
    (await db.selectFrom('agency_profile').select('party_id').where('code', '=', code).executeTakeFirstOrThrow())
      .party_id;
  const registrar = {
    'EN-001': await agency(DISKOP_CODE),
    'EN-002': await agency(DIKBUD_CODE),
    'EN-003': null,
    'EN-004': await agency(DISKOP_CODE),
  };
  for (const [ref, agencyId] of Object.entries(registrar)) {
    const { id } = await db.selectFrom('party').select('id').where('ref', '=', ref).executeTakeFirstOrThrow();
    rowIds.set(ref, id);
    await db
      .updateTable('enterprise_profile')
      .set({ registering_agency_id: agencyId })
      .where('tenant_id', '=', TEST_TENANT)
      .where('party_id', '=', id)
      .execute();
  }
  ids = ['EN-001', 'EN-002', 'EN-003', 'EN-004'].map((ref) => globalId('Enterprise', rowIds.get(ref) as number));
}

const QUERY = 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Enterprise { ownerName ownerNik } } }';

async function auditRows(server: TestServer, requestId: string) {
  const rows = await server.database.db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.user_id'))
    .select(['u.username', 'e.action', 'e.entity', 'e.entity_id', 'e.details', 'e.occurred_at'])
    .where('e.request_id', '=', requestId)
    .orderBy('e.entity_id')
    .execute();
  const refOf = new Map([...rowIds].map(([ref, id]) => [String(id), ref]));
  return rows
    .map((r) => ({
      who: r.username,
      action: r.action,
      entity: `${r.entity}:${refOf.get(r.entity_id as string)}`,
      fields: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details).fields,
      at: new Date(r.occurred_at).getTime(),
    }))
    .sort((a, b) => a.entity.localeCompare(b.entity));
}

describe('personal data per role', () => {
  let server: TestServer;
  const as = {} as Record<string, Record<string, string>>;

  beforeAll(async () => {
    server = await startTestServer({ seed });
    for (const user of ['admin', 'op.diskop', 'op.dikbud', 'policymaker', 'dprd'])
      as[user] = bearer(await signIn(server, user));
    const key = await server.gql<{ createApiKey: { key: string } }>(
      'mutation { createApiKey(username: "analyst", name: "masking") { key } }',
      {},
      as.admin,
    );
    as.analyst = apiKeyHeader(key.data!.createApiKey.key);
    as.public = {};
  });
  afterAll(() => server?.close());

  const ask = async (who: string, requestId: string) => {
    const answer = await server.gql<{ nodes: Array<{ ownerName: string | null; ownerNik: string | null }> }>(
      QUERY,
      { ids },
      { ...as[who], 'x-request-id': requestId },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data?.nodes;
  };
  const row = (n: 1 | 2 | 3 | 4, name: boolean, fullNik: boolean) => ({
    ownerName: name ? NAME[n] : null,
    ownerNik: fullNik ? FULL[n] : MASK[n],
  });

  it('ADMIN reads names and full NIKs; one audit row per enterprise, all written by one statement', async () => {
    expect(await ask('admin', 'pd-admin')).toEqual([
      row(1, true, true),
      row(2, true, true),
      row(3, true, true),
      row(4, true, true),
    ]);
    const audit = await auditRows(server, 'pd-admin');
    expect(audit.map(({ at: _, ...a }) => a)).toEqual([
      { who: 'admin', action: 'READ_PERSONAL_DATA', entity: 'enterprise:EN-001', fields: ['ownerName', 'ownerNik'] },
      { who: 'admin', action: 'READ_PERSONAL_DATA', entity: 'enterprise:EN-002', fields: ['ownerName', 'ownerNik'] },
      { who: 'admin', action: 'READ_PERSONAL_DATA', entity: 'enterprise:EN-003', fields: ['ownerName', 'ownerNik'] },
      { who: 'admin', action: 'READ_PERSONAL_DATA', entity: 'enterprise:EN-004', fields: ['ownerName'] },
    ]);
    expect(new Set(audit.map((a) => a.at)).size).toBe(1);
  });

  it("an OPERATOR reads the full NIK of its own agency's registrations only", async () => {
    expect(await ask('op.diskop', 'pd-diskop')).toEqual([
      row(1, true, true),
      row(2, true, false),
      row(3, true, false),
      row(4, true, false),
    ]);
    expect(await ask('op.dikbud', 'pd-dikbud')).toEqual([
      row(1, true, false),
      row(2, true, true),
      row(3, true, false),
      row(4, true, false),
    ]);
    const audit = await auditRows(server, 'pd-diskop');
    expect(Object.fromEntries(audit.map((a) => [a.entity, a.fields]))).toEqual({
      'enterprise:EN-001': ['ownerName', 'ownerNik'],
      'enterprise:EN-002': ['ownerName'],
      'enterprise:EN-003': ['ownerName'],
      'enterprise:EN-004': ['ownerName'],
    });
  });

  it('POLICYMAKER, DPRD and ANALYST (API key) read names with masked NIKs, audited as name reads', async () => {
    for (const who of ['policymaker', 'dprd', 'analyst']) {
      expect(await ask(who, `pd-${who}`), who).toEqual([
        row(1, true, false),
        row(2, true, false),
        row(3, true, false),
        row(4, true, false),
      ]);
      const audit = await auditRows(server, `pd-${who}`);
      expect(
        audit.map((a) => [a.who, a.fields]),
        who,
      ).toEqual(Array(4).fill([who, ['ownerName']]));
    }
  });

  it('PUBLIC reads no names and masked NIKs, and nothing is audited', async () => {
    expect(await ask('public', 'pd-public')).toEqual([
      row(1, false, false),
      row(2, false, false),
      row(3, false, false),
      row(4, false, false),
    ]);
    expect(await auditRows(server, 'pd-public')).toEqual([]);
  });
});

describe('the budget of unmasked reads (PERSONAL_DATA_RATE_LIMIT)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed, env: { PERSONAL_DATA_RATE_LIMIT: '3' } });
  });
  afterAll(() => server?.close());

  it('refuses the fourth enterprise of a burst of 3 with RATE_LIMITED on both its fields, and audits the three it showed', async () => {
    const admin = bearer(await signIn(server, 'admin'));
    // EN-004 first (a name, no NIK), EN-003 last: list items resolve in order.
    const order = [ids[3], ids[0], ids[1], ids[2]];
    const answer = await server.gql<{ nodes: Array<{ ownerName: string | null; ownerNik: string | null } | null> }>(
      QUERY,
      { ids: order },
      { ...admin, 'x-request-id': 'pd-budget' },
    );
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['nodes', 3, 'ownerName'], 'RATE_LIMITED'],
      [['nodes', 3, 'ownerNik'], 'RATE_LIMITED'],
    ]);
    expect(answer.data?.nodes).toEqual([
      { ownerName: NAME[4], ownerNik: null },
      { ownerName: NAME[1], ownerNik: FULL[1] },
      { ownerName: NAME[2], ownerNik: FULL[2] },
      { ownerName: null, ownerNik: null },
    ]);
    expect((await auditRows(server, 'pd-budget')).length).toBe(3);
  });
});
