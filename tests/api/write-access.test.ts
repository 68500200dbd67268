import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startAccountsServer } from '../support/accounts.ts';
import { globalId } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/*
 * Who may write (docs/data-entry.md): ADMIN anything; an OPERATOR the enterprises its agency
 * registered and the purchases of its agency and its network; no other role, and nobody signed
 * out. The accounts are tests/support/accounts.ts's: op.diskop (Dinas Koperasi), op.dikbud (Dinas
 * Pendidikan, whose network holds SD Negeri 01 Sungai Raya).
 */

let server: TestServer;
const headers: Record<string, Record<string, string>> = {};
const ids = new Map<string, number>();
const party = (ref: string, type: string) => globalId(type, ids.get(ref) as number);

beforeAll(async () => {
  server = await startAccountsServer();
  for (const user of ['admin', 'op.diskop', 'op.dikbud', 'analyst', 'policymaker', 'dprd']) {
    headers[user] = bearer(await signIn(server, user));
  }
  const rows = await sql<{ ref: string; id: number }>`SELECT ref, id FROM party`.execute(server.database.db);
  for (const row of rows.rows) ids.set(row.ref, Number(row.id));
});
afterAll(() => server?.close());

const REGISTER = 'mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { enterprise { id } } }';
const UPDATE =
  'mutation($id: ID!, $input: EnterpriseInput!) { updateEnterprise(id: $id, input: $input) { enterprise { name } } }';
const RECORD = 'mutation($input: TransactionInput!) { recordTransaction(input: $input) { transaction { id } } }';
const VOID = 'mutation($id: ID!) { voidTransaction(id: $id, reason: "salah") { transaction { voidedAt } } }';
const MERGE = 'mutation($s: ID!, $d: ID!) { mergeParties(survivorId: $s, duplicateId: $d) { survivor { id } } }';

const as = (user: string | null, query: string, variables: Record<string, unknown>) =>
  server.gql<Record<string, { enterprise?: { id: string }; transaction?: { id: string } }>>(
    query,
    variables,
    user ? headers[user] : {},
  );
const code = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;

const purchase = (buyer: string) => ({
  input: {
    buyerId: buyer,
    sellerId: party('EN-012', 'Enterprise'),
    amount: 250_000,
    occurredOn: '2026-02-02',
    category: 'PRINTING_STATIONERY',
  },
});

describe('writes need an account that may write', () => {
  it('refuses a request without credentials (UNAUTHENTICATED) and reading roles (FORBIDDEN), writing nothing', async () => {
    const before = await server.database.db
      .selectFrom('party')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(code(await as(null, REGISTER, { input: { name: 'Usaha Tanpa Akun' } }))).toBe('UNAUTHENTICATED');
    for (const user of ['analyst', 'policymaker', 'dprd']) {
      expect(code(await as(user, REGISTER, { input: { name: 'Usaha Tanpa Hak' } })), user).toBe('FORBIDDEN');
      expect(code(await as(user, RECORD, purchase(party('AG-DIKBUD', 'Agency')))), user).toBe('FORBIDDEN');
    }
    const after = await server.database.db
      .selectFrom('party')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('an operator writes for its own agency', () => {
  it('registers an enterprise for its agency, and only that agency (or an administrator) may change it', async () => {
    const created = await as('op.diskop', REGISTER, { input: { name: 'Anyaman Purun Bu Lina' } });
    const id = created.data?.registerEnterprise?.enterprise?.id as string;
    expect(id).toBeTruthy();
    const db = server.database.db;
    const stored = await db
      .selectFrom('enterprise_profile')
      .innerJoin('agency_profile', (j) =>
        j
          .onRef('agency_profile.tenant_id', '=', 'enterprise_profile.tenant_id')
          .onRef('agency_profile.party_id', '=', 'enterprise_profile.registering_agency_id'),
      )
      .select('agency_profile.code')
      .where('enterprise_profile.party_id', '=', Number(Buffer.from(id, 'base64url').toString().split(':')[1]))
      .executeTakeFirstOrThrow();
    expect(stored.code).toBe('3.27.0.00.0.00.01.0000'); // Dinas Koperasi
    const audit = await db
      .selectFrom('audit_event')
      .innerJoin('app_user', (j) =>
        j.onRef('app_user.tenant_id', '=', 'audit_event.tenant_id').onRef('app_user.id', '=', 'audit_event.user_id'),
      )
      .select(['app_user.username', 'audit_event.action'])
      .where('audit_event.action', '=', 'enterprise.register')
      .execute();
    expect(audit).toEqual([{ username: 'op.diskop', action: 'enterprise.register' }]);

    expect(code(await as('op.dikbud', UPDATE, { id, input: { name: 'Anyaman Purun' } }))).toBe('FORBIDDEN');
    expect((await as('op.diskop', UPDATE, { id, input: { name: 'Anyaman Purun Ibu Lina' } })).errors).toBeUndefined();
    expect((await as('admin', UPDATE, { id, input: { name: 'Anyaman Purun Lina' } })).errors).toBeUndefined();
    // An enterprise of the imported registry (no registering agency): administrators only.
    expect(code(await as('op.diskop', UPDATE, { id: party('EN-012', 'Enterprise'), input: { name: 'X' } }))).toBe(
      'FORBIDDEN',
    );
  });

  it('records purchases of its agency and its network, not of another agency', async () => {
    expect(code(await as('op.dikbud', RECORD, purchase(party('AG-DINKES', 'Agency'))))).toBe('FORBIDDEN');
    expect(code(await as('op.dikbud', RECORD, purchase(party('NU-PKM-SR', 'NetworkUnit'))))).toBe('FORBIDDEN');
    const own = await as('op.dikbud', RECORD, purchase(party('AG-DIKBUD', 'Agency')));
    expect(own.errors).toBeUndefined();
    const school = await as('op.dikbud', RECORD, purchase(party('NU-SD01', 'NetworkUnit')));
    expect(school.errors).toBeUndefined();
    const id = school.data?.recordTransaction?.transaction?.id as string;
    expect(code(await as('op.diskop', VOID, { id }))).toBe('FORBIDDEN');
    expect((await as('op.dikbud', VOID, { id })).errors).toBeUndefined();
  });

  it('may not merge parties: administrators only', async () => {
    const result = await as('op.diskop', MERGE, { s: party('EN-012', 'Enterprise'), d: party('EN-014', 'Enterprise') });
    expect(code(result)).toBe('FORBIDDEN');
  });
});
