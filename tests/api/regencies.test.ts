import { migrateToLatest } from '@jejaring/db';
import { createUser } from '@jejaring/db/auth';
import { testEngine } from '@jejaring/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApiBundle } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * Several regencies on one server (docs/api.md "Regencies"): the Jejaring-Regency header chooses
 * the tenant of a request; an account acts on its own regency only and reads the others as PUBLIC.
 * Kubu Raya (61.12, the default) holds the API fixture; Pontianak (61.71) is migrated and empty.
 */

const PASSWORD = 'regency-password-2026';
const HERE = { 'jejaring-regency': '61.71' };
const ABOUT = '{ about { tenantId tenantName } spendSummary { total transactionCount } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    seed: async (handle) => {
      await importApiBundle(handle);
      await migrateToLatest(handle.db, '61.71');
      await createUser(handle.db, '61.71', {
        username: 'admin.ptk',
        role: 'ADMIN',
        agencyCode: null,
        password: PASSWORD,
      });
    },
  });
});
afterAll(() => server?.close());

async function signIn(username: string, headers: Record<string, string>): Promise<Record<string, string>> {
  const result = await server.gql<{ login: { token: string } }>(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: PASSWORD },
    headers,
  );
  if (!result.data?.login) throw new Error(JSON.stringify(result.errors));
  return { authorization: `Bearer ${result.data.login.token}` };
}

describe(`the regency of a request (${testEngine})`, () => {
  it('is the default regency without the header, the named one with it', async () => {
    const kubuRaya = await server.gql<{ about: { tenantId: string }; spendSummary: { total: number } }>(ABOUT);
    expect(kubuRaya.data?.about).toEqual({ tenantId: '61.12', tenantName: 'Kabupaten Kubu Raya' });
    expect(kubuRaya.data?.spendSummary.total).toBeGreaterThan(0);
    const pontianak = await server.gql(ABOUT, {}, HERE);
    expect(pontianak.data).toEqual({
      about: { tenantId: '61.71', tenantName: 'Kota Pontianak' },
      spendSummary: { total: 0, transactionCount: 0 },
    });
  });

  it('lists the regencies held, and which have purchases', async () => {
    const result = await server.gql('{ regencies { code name provinceCode hasData demoData } }', {}, HERE);
    expect(result.data?.regencies).toEqual([
      { code: '61.12', name: 'Kabupaten Kubu Raya', provinceCode: '61', hasData: true, demoData: false },
      { code: '61.71', name: 'Kota Pontianak', provinceCode: '61', hasData: false, demoData: false },
    ]);
  });

  it.each([
    ['a regency this server does not hold', '61.72'],
    ['a code that is no regency', '99.99'],
    ['a malformed code', "61.12' OR 1=1"],
  ])('answers 400 UNKNOWN_REGENCY, in Indonesian and English, for %s', async (_what, code) => {
    const { status, body } = await server.post({ query: ABOUT }, { 'jejaring-regency': code });
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_REGENCY', field: 'regency' });
    expect(body.errors?.[0]?.message).toMatch(/tidak ada di server ini .* \/ .*is not held by this server/);
  });
});

describe(`accounts belong to a regency (${testEngine})`, () => {
  it('lets an administrator of Kubu Raya read Pontianak as PUBLIC and write nothing there', async () => {
    const admin = await server.headersFor('ADMIN');
    const home = await server.gql<{ me: { role: string } }>('{ me { role } }', {}, admin);
    expect(home.data?.me.role).toBe('ADMIN');
    const away = await server.gql('{ me { role user { username } } about { tenantId } }', {}, { ...admin, ...HERE });
    expect(away.data).toEqual({ me: { role: 'PUBLIC', user: null }, about: { tenantId: '61.71' } });
    const write = await server.gql(
      'mutation { createApiKey(username: "admin.ptk", name: "from Kubu Raya") { key } }',
      {},
      { ...admin, ...HERE },
    );
    expect(write.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'regency',
      accountRegency: '61.12',
    });
    expect(write.errors?.[0]?.message).toMatch(/milik wilayah 61\.12 .* \/ .*belongs to regency 61\.12/);
    // Restricted reads too: the transaction lists are for signed-in readers of the regency.
    const list = await server.gql('{ transactions(first: 1) { edges { cursor } } }', {}, { ...admin, ...HERE });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('signs in to its own regency only, and is PUBLIC in the others', async () => {
    const wrongPlace = await server.gql(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'admin.ptk', p: PASSWORD },
    );
    expect(wrongPlace.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const ptk = await signIn('admin.ptk', HERE);
    const inPontianak = await server.gql<{ me: { role: string } }>('{ me { role } }', {}, { ...ptk, ...HERE });
    expect(inPontianak.data?.me.role).toBe('ADMIN');
    const inKubuRaya = await server.gql<{ me: { role: string }; spendSummary: { transactionCount: number } }>(
      '{ me { role } spendSummary { transactionCount } }',
      {},
      ptk,
    );
    expect(inKubuRaya.data?.me).toEqual({ role: 'PUBLIC' });
    expect(inKubuRaya.data?.spendSummary.transactionCount).toBeGreaterThan(0);
  });

  it('ends the session when signing out from another regency', async () => {
    const ptk = await signIn('admin.ptk', HERE);
    const out = await server.gql('mutation { logout }', {}, ptk);
    expect(out.data).toEqual({ logout: true });
    const after = await server.post({ query: '{ me { role } }' }, { ...ptk, ...HERE });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
