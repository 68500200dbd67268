import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startAccountsServer } from '../support/accounts.ts';
import { globalId, rowId } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/*
 * registerCooperative and addCooperativeMember over real HTTP (docs/data-entry.md). Every test
 * registers the cooperatives it needs, each with its own NPWP, so the tests pass in any order.
 */

let server: TestServer;
let token = '';
const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  server.gql<T>(query, variables, bearer(token));

beforeAll(async () => {
  server = await startAccountsServer();
  token = await signIn(server, 'op.diskop');
});
afterAll(() => server?.close());

const REGISTER = `mutation($input: CooperativeInput!) { registerCooperative(input: $input) {
  cooperative { id name coopType membersCount verification npwp regionCode } } }`;
const MEMBER = `mutation($c: ID!, $e: ID!, $on: Date) { addCooperativeMember(cooperativeId: $c, enterpriseId: $e, joinedOn: $on) {
  cooperative { id members { totalCount nodes { name } } } } }`;

type Registered = { registerCooperative: { cooperative: Record<string, unknown> & { id: string } } };
const register = (input: Record<string, unknown>) => gql<Registered>(REGISTER, { input });

/** Registers a cooperative (which must succeed) and returns its global id. */
async function registered(input: Record<string, unknown>): Promise<string> {
  const result = await register(input);
  expect(result.errors).toBeUndefined();
  return result.data?.registerCooperative.cooperative.id as string;
}

describe('cooperatives', () => {
  it('registers a cooperative as a draft with its NPWP normalised, audited', async () => {
    const result = await register({
      name: 'Koperasi Tani Sejahtera',
      regionCode: '61.12.01.2001',
      coopType: 'PRODUCER',
      membersCount: 42,
      npwp: '09.876.543.1-123.000',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerCooperative.cooperative).toMatchObject({
      name: 'Koperasi Tani Sejahtera',
      coopType: 'PRODUCER',
      membersCount: 42,
      verification: 'DRAFT',
      npwp: '0098765431123000',
    });
    const audit = await server.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'party')
      .where('entity_id', '=', String(rowId(result.data?.registerCooperative.cooperative.id as string)))
      .execute();
    expect(audit).toEqual([{ action: 'cooperative.register' }]);
  });

  it('refuses an unknown region, a broken NPWP and a negative member count at once, and a taken NPWP', async () => {
    const bad = await gql(REGISTER, {
      input: { name: 'Koperasi Salah', regionCode: '61.12.99', npwp: '098765432123000', membersCount: -1 },
    });
    expect(((bad.errors?.[0]?.extensions?.failures ?? []) as Array<{ field: string }>).map((f) => f.field)).toEqual([
      'input.regionCode',
      'input.npwp',
      'input.membersCount',
    ]);
    // 01.234.567.4: the Luhn check digit of 01234567 is 4 (doubled from the right: 5+6+1+4+6+2+2+0 = 26).
    await registered({ name: 'Koperasi Nelayan Rasau', npwp: '01.234.567.4-123.000' });
    const taken = await gql(REGISTER, { input: { name: 'Koperasi Kembar', npwp: '0012345674123000' } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.npwp' });
  });

  it('adds a member enterprise, and NOT_FOUND for an enterprise that does not exist', async () => {
    const id = await registered({ name: 'Koperasi Serba Usaha Sungai Raya' });
    const enterprise = globalId('Enterprise', 14); // EN-001, the first enterprise of the API bundle
    const result = await gql<{ addCooperativeMember: { cooperative: { members: { totalCount: number } } } }>(MEMBER, {
      c: id,
      e: enterprise,
      on: '2026-01-05',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.addCooperativeMember.cooperative.members.totalCount).toBe(1);
    const missing = await gql(MEMBER, { c: id, e: globalId('Enterprise', 999_999) });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const future = await gql(MEMBER, { c: id, e: enterprise, on: '2999-01-01' });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'joinedOn' });
  });

  it('refuses a reader', async () => {
    const analyst = await signIn(server, 'analyst');
    const result = await server.gql(REGISTER, { input: { name: 'Koperasi Analis' } }, bearer(analyst));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
