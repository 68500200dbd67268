import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startAccountsServer } from '../support/accounts.ts';
import { globalId, rowId } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/*
 * registerProgram over real HTTP: an operator registers its own agency's programs (docs/data-entry.md).
 * Every test registers its own program code, so the tests pass in any order.
 */

let server: TestServer;
const headers: Record<string, Record<string, string>> = {};
const ids = new Map<string, number>();

beforeAll(async () => {
  server = await startAccountsServer();
  for (const user of ['op.dikbud', 'op.diskop']) headers[user] = bearer(await signIn(server, user));
  const rows = await sql<{ ref: string; id: number }>`SELECT ref, id FROM party`.execute(server.database.db);
  for (const row of rows.rows) ids.set(row.ref, Number(row.id));
});
afterAll(() => server?.close());

const REGISTER = `mutation($input: ProgramInput!) { registerProgram(input: $input) { id code name fiscalYear budget localTargetShare } }`;
const dikbud = () => globalId('Agency', ids.get('AG-DIKBUD') as number);
const program = (code: string, change: Record<string, unknown> = {}) => ({
  input: {
    agencyId: dikbud(),
    code,
    name: 'Seragam Sekolah 2026',
    fiscalYear: 2026,
    budget: 500_000_000,
    localTargetShare: 0.6,
    ...change,
  },
});

describe('registerProgram', () => {
  it("registers a program of the operator's own agency, audited", async () => {
    const result = await server.gql<{ registerProgram: Record<string, unknown> & { id: string } }>(
      REGISTER,
      program('1.01.02.2.09'),
      headers['op.dikbud'],
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerProgram).toMatchObject({
      code: '1.01.02.2.09',
      fiscalYear: 2026,
      budget: 500_000_000,
      localTargetShare: 0.6,
    });
    const audit = await server.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'program')
      .where('entity_id', '=', String(rowId(result.data?.registerProgram.id as string)))
      .execute();
    expect(audit).toEqual([{ action: 'program.register' }]);
  });

  it('is a CONFLICT for the same code in the same year, FORBIDDEN for another agency', async () => {
    const first = await server.gql(REGISTER, program('1.01.02.2.10'), headers['op.dikbud']);
    expect(first.errors).toBeUndefined();
    const again = await server.gql(REGISTER, program('1.01.02.2.10'), headers['op.dikbud']);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    const other = await server.gql(REGISTER, program('1.01.02.2.12'), headers['op.diskop']);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a year, a budget and a share out of range at once', async () => {
    const bad = await server.gql(
      REGISTER,
      program('1.01.02.2.11', { fiscalYear: 1999, budget: -1, localTargetShare: 40 }),
      headers['op.dikbud'],
    );
    const failures = (bad.errors?.[0]?.extensions?.failures ?? []) as Array<{ field: string }>;
    expect(failures.map((f) => f.field)).toEqual(['input.fiscalYear', 'input.budget', 'input.localTargetShare']);
  });
});
