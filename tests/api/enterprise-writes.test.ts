import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startAccountsServer } from '../support/accounts.ts';
import { globalId, rowId } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/*
 * Registering and changing enterprises over real HTTP (docs/data-entry.md): the shared rules as
 * BAD_USER_INPUT in Indonesian and English, CONFLICT for a NIB or NPWP already registered,
 * warnings for a contradicting size class and for likely duplicates (pg_trgm), and one audit
 * event per write in the same transaction.
 */

let server: TestServer;

let token = '';
/** A GraphQL request as the administrator (signed in before the tests). */
const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  server.gql<T>(query, variables, bearer(token));

beforeAll(async () => {
  server = await startAccountsServer();
  token = await signIn(server, 'admin');
});
afterAll(() => server?.close());

const FIELDS = `enterprise { id name regionCode nib npwp kbliCode sizeClass sizeBasis verification ownerGender capital ownerNik }
  warnings { code field message reason { id en } }
  likelyDuplicates { id name }`;
const REGISTER = `mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: EnterpriseInput!) { updateEnterprise(id: $id, input: $input) { ${FIELDS} } }`;

interface Payload {
  enterprise: Record<string, unknown> & { id: string };
  warnings: Array<{ code: string; field: string; message: string; reason: { id: string; en: string } }>;
  likelyDuplicates: Array<{ id: string; name: string }>;
}

async function register(input: Record<string, unknown>) {
  return gql<{ registerEnterprise: Payload }>(REGISTER, { input });
}

async function count(table: 'party' | 'audit_event'): Promise<number> {
  const row = await server.database.db
    .selectFrom(table)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

async function auditOf(id: string) {
  return server.database.db
    .selectFrom('audit_event')
    .select(['action', 'entity', 'entity_id', 'details', 'request_id'])
    .where('entity', '=', 'party')
    .where('entity_id', '=', String(rowId(id)))
    .orderBy('id')
    .execute();
}

describe('registerEnterprise', () => {
  it('stores a valid enterprise as a DRAFT, normalised, with one audit event without personal values', async () => {
    const result = await register({
      name: 'Kerupuk Basah Mak Inah',
      regionCode: '61.12.01.2002',
      nib: '9120 0000 99991',
      npwp: '01.855.081.4-412.000',
      kbliCode: '10794',
      ownerName: 'Inah binti Contoh',
      ownerNik: '6112015708850002',
      capital: 50_000_000,
    });
    expect(result.errors).toBeUndefined();
    const payload = result.data?.registerEnterprise as Payload;
    expect(payload.enterprise).toMatchObject({
      name: 'Kerupuk Basah Mak Inah',
      nib: '9120000099991',
      npwp: '0018550814412000',
      sizeClass: 'MICRO', // Rp50 million of capital ≤ Rp1 billion
      sizeBasis: 'CAPITAL',
      verification: 'DRAFT',
      ownerGender: 'F', // day 57 = 17 + 40
      ownerNik: '6112015708850002', // in full: the administrator reads it (docs/security.md)
    });
    expect(payload.warnings).toEqual([]);
    const audit = await auditOf(payload.enterprise.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'enterprise.register', entity: 'party' });
    const details = JSON.stringify(audit[0]?.details);
    expect(details).toContain('9120000099991');
    expect(details).not.toContain('6112015708850002');
    expect(details).not.toContain('Inah binti');
  });

  it('refuses every broken field at once with BAD_USER_INPUT in Indonesian and English, writing nothing', async () => {
    const [parties, audits] = [await count('party'), await count('audit_event')];
    const result = await register({
      name: 'Usaha Salah Semua',
      regionCode: '61.12.99',
      nib: '123',
      npwp: '01.855.081.5-412.000',
      kbliCode: '04111',
      ownerNik: '6112013208850001',
      capital: -1,
    });
    expect(result.data).toBeNull();
    const error = result.errors?.[0];
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.regionCode',
      rule: 'REGION_UNKNOWN',
      reason: { id: 'kode wilayah 61.12.99 tidak dikenal', en: 'region code 61.12.99 does not exist' },
    });
    const failures = error?.extensions?.failures as Array<{ field: string; code: string }>;
    expect(failures.map((f) => [f.field, f.code])).toEqual([
      ['input.regionCode', 'REGION_UNKNOWN'],
      ['input.nib', 'NIB_LENGTH'],
      ['input.npwp', 'NPWP_CHECK_DIGIT'],
      ['input.kbliCode', 'KBLI_DIVISION'],
      ['input.ownerNik', 'NIK_BIRTH_DATE'],
      ['input.capital', 'RUPIAH_NEGATIVE'],
    ]);
    expect(error?.message).toBe(
      'input.regionCode: kode wilayah 61.12.99 tidak dikenal / region code 61.12.99 does not exist',
    );
    expect(JSON.stringify(result)).not.toContain('6112013208850001');
    expect([await count('party'), await count('audit_event')]).toEqual([parties, audits]);
  });

  it('is a CONFLICT when the NIB or the NPWP (in either form) is already registered', async () => {
    const nib = await register({ name: 'Catering Tiruan', nib: '9120000007919' }); // EN-001's NIB
    expect(nib.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.nib' });
    expect(nib.errors?.[0]?.message).toContain('NIB ini sudah terdaftar');
    // Registered here from its 15-digit form (02.468.135 has the Luhn check digit 5: doubled from the
    // right, 1+3+2+8+3+4+4+0 = 25); its 16-digit form is the same NPWP.
    const first = await register({ name: 'Penyedia Asli', npwp: '02.468.135.5-412.000' });
    expect(first.errors).toBeUndefined();
    const npwp = await register({ name: 'Penyedia Tiruan', npwp: '0024681355412000' });
    expect(npwp.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.npwp' });
  });

  it('accepts a size class that contradicts the capital with a warning, storing the derived class', async () => {
    const result = await register({ name: 'Mebel Jati Pak Udin', capital: 6_000_000_000, sizeClass: 'SMALL' });
    const payload = result.data?.registerEnterprise as Payload;
    expect(payload.enterprise).toMatchObject({ sizeClass: 'MEDIUM', sizeBasis: 'CAPITAL' }); // Rp6 billion: > 5, ≤ 10
    expect(payload.warnings).toEqual([
      expect.objectContaining({
        code: 'SIZE_CLASS_CONTRADICTS',
        field: 'input.sizeClass',
        reason: {
          id: 'menurut PP 7/2021, modal usaha ini termasuk Menengah, bukan Kecil; yang disimpan: Menengah',
          en: 'under PP 7/2021 this business capital makes it Medium, not Small; stored: Medium',
        },
      }),
    ]);
  });

  it('warns about a very similar name in the same village, and not in another village', async () => {
    const first = (await register({ name: 'Keripik Pisang Bu Sari', regionCode: '61.12.01.2003' })).data
      ?.registerEnterprise as Payload;
    expect(first.likelyDuplicates).toEqual([]);
    const second = (await register({ name: 'Keripik Pisang Ibu Sari', regionCode: '61.12.01.2003' })).data
      ?.registerEnterprise as Payload;
    expect(second.likelyDuplicates).toEqual([{ id: first.enterprise.id, name: 'Keripik Pisang Bu Sari' }]);
    expect(second.warnings.map((w) => [w.code, w.field])).toEqual([['LIKELY_DUPLICATE', 'input.name']]);
    expect(second.warnings[0]?.reason.id).toContain('"Keripik Pisang Bu Sari"');
    const elsewhere = (await register({ name: 'Keripik Pisang Ibu Sari', regionCode: '61.12.01.2002' })).data
      ?.registerEnterprise as Payload;
    expect(elsewhere.likelyDuplicates).toEqual([]);
    const unrelated = (await register({ name: 'Bengkel Las Jaya', regionCode: '61.12.01.2003' })).data
      ?.registerEnterprise as Payload;
    expect(unrelated.warnings).toEqual([]);
  });

  it('finds an enterprise by either form of its NPWP', async () => {
    // 03.571.924 has the Luhn check digit 4 (doubled from the right: 8+2+9+1+5+5+6+0 = 36).
    const registered = await register({ name: 'Amplang Ikan Belida Bu Ijah', npwp: '03.571.924.4-412.000' });
    expect(registered.errors).toBeUndefined();
    const query = '{ parties(filter: { search: $q }) { nodes { name npwp } } }'.replace('$q', '"035719244412000"');
    const result = await gql<{ parties: { nodes: Array<{ name: string }> } }>(query);
    expect(result.data?.parties.nodes.map((n) => n.name)).toEqual(['Amplang Ikan Belida Bu Ijah']);
    const dotted = await gql<{ parties: { nodes: Array<{ name: string }> } }>(
      '{ parties(filter: { search: "0035719244412000" }) { nodes { name } } }',
    );
    expect(dotted.data?.parties.nodes.map((n) => n.name)).toEqual(['Amplang Ikan Belida Bu Ijah']);
  });
});

describe('updateEnterprise, verifyEnterprise, rejectEnterprise', () => {
  it('changes only the fields given, keeps the NIK when it is left out, and audits what changed', async () => {
    const created = (await register({ name: 'Tenun Ikat Bu Mar', ownerNik: '6112015708850002', capital: 10_000_000 }))
      .data?.registerEnterprise as Payload;
    const result = await gql<{ updateEnterprise: Payload }>(UPDATE, {
      id: created.enterprise.id,
      input: { name: 'Tenun Ikat Bu Mar', capital: 2_000_000_000 },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateEnterprise.enterprise).toMatchObject({
      capital: 2_000_000_000,
      sizeClass: 'SMALL', // Rp2 billion of capital: > 1, ≤ 5
      ownerNik: '6112015708850002', // kept, and in full for the administrator
    });
    const audit = await auditOf(created.enterprise.id);
    expect(audit.map((a) => a.action)).toEqual(['enterprise.register', 'enterprise.update']);
    expect(audit[1]?.details).toEqual({ changed: { capital: 2_000_000_000, size_class: 'SMALL' } });
  });

  it('refuses a patch that breaks a rule across fields (a gender against the stored NIK)', async () => {
    const created = (await register({ name: 'Sulam Bu Ros', ownerNik: '6112015708850002' })).data
      ?.registerEnterprise as Payload;
    const result = await gql(UPDATE, {
      id: created.enterprise.id,
      input: { name: 'Sulam Bu Ros', ownerGender: 'M' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerGender' });
  });

  it('is NOT_FOUND for an enterprise that does not exist and BAD_USER_INPUT for the id of another type', async () => {
    const missing = await gql(UPDATE, { id: globalId('Enterprise', 999_999), input: { name: 'X' } });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const agency = await gql(UPDATE, { id: globalId('Agency', 1), input: { name: 'X' } });
    expect(agency.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('verifies and rejects with the reason in the audit trail', async () => {
    const created = (await register({ name: 'Madu Kelulut Pak Anang' })).data?.registerEnterprise as Payload;
    const verify = await gql<{ verifyEnterprise: Payload }>(
      'mutation($id: ID!) { verifyEnterprise(id: $id) { enterprise { verification } } }',
      { id: created.enterprise.id },
    );
    expect(verify.data?.verifyEnterprise.enterprise.verification).toBe('VERIFIED');
    const reject = await gql<{ rejectEnterprise: Payload }>(
      'mutation($id: ID!, $r: String!) { rejectEnterprise(id: $id, reason: $r) { enterprise { verification } } }',
      { id: created.enterprise.id, r: 'tidak ditemukan di lapangan' },
    );
    expect(reject.data?.rejectEnterprise.enterprise.verification).toBe('REJECTED');
    const audit = await auditOf(created.enterprise.id);
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ['enterprise.register', expect.anything()],
      ['enterprise.verify', { from: 'DRAFT', to: 'VERIFIED' }],
      ['enterprise.reject', { from: 'VERIFIED', to: 'REJECTED', reason: 'tidak ditemukan di lapangan' }],
    ]);
    const blank = await gql('mutation($id: ID!) { rejectEnterprise(id: $id, reason: " ") { enterprise { id } } }', {
      id: created.enterprise.id,
    });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });
});
