import { rollupRows, TEST_TENANT } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startAccountsServer } from '../support/accounts.ts';
import { globalId, rowId } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/*
 * mergeParties over real HTTP. Two records of one business in the village 61.12.01.2003, both
 * micro (capital Rp30 million), KBLI 10794: the survivor was registered by hand and never sold;
 * the duplicate sold to an agency and a school, bought from another UMKM (the supply chain), got
 * a snapshot, assistance and a voided purchase. After the merge every measure of 2026 is what it
 * was, and the rollups equal a rebuild.
 *
 * The merge happens once, in `merged()`, called by every test that looks at its outcome (whichever
 * runs first performs it); the refusals hold in either state, so the tests pass in any order.
 */

let server: TestServer;

let token = '';
/** A GraphQL request as the administrator (signed in before the tests). */
const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  server.gql<T>(query, variables, bearer(token));
const ids = new Map<string, number>();
const party = (ref: string, type: string) => globalId(type, ids.get(ref) as number);
let survivor = '';
let duplicate = '';

const MEASURES = `query($f: SpendFilter, $all: SpendFilter) {
  agency: spendSummary(filter: $f) { total toLocal toLocalUmkm toUmk localUmkmShare sellersReached }
  all: spendSummary(filter: $all) { total toLocal toLocalUmkm toUmk localUmkmShare sellersReached }
  agencyScorecard(filter: $all) { agency { name } total toLocalUmkm sellersReached transactionCount }
  spendByDistrict(filter: $all) { region { code } toLocalUmkm sellersReached }
  spendFlows(filter: $all, levels: [AGENCY, SELLER_CLASS, SECTOR]) { total nodes { key value } links { value } }
  dominoEffect(filter: $all, rounds: 3) { injection multiplier rounds { round amount parties } }
}`;

async function measures() {
  const result = await gql(MEASURES, {
    f: { fiscalYear: 2026, agencyIds: [party('AG-DINKES', 'Agency')], includeNetwork: true },
    all: { fiscalYear: 2026 },
  });
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await gql<T>(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const REGISTER = `mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { enterprise { id } } }`;
const RECORD = `mutation($input: TransactionInput!) { recordTransaction(input: $input) { transaction { id } } }`;
const MERGE = `mutation($s: ID!, $d: ID!) { mergeParties(survivorId: $s, duplicateId: $d) {
  survivor { id name ... on Enterprise { nib npwp } }
  moved { transactions voidedTransactions products memberships assistance snapshots snapshotsDropped } } }`;

beforeAll(async () => {
  server = await startAccountsServer();
  token = await signIn(server, 'admin');
  const rows = await sql<{ ref: string; id: number }>`SELECT ref, id FROM party`.execute(server.database.db);
  for (const row of rows.rows) ids.set(row.ref, Number(row.id));
  const enterprise = { regionCode: '61.12.01.2003', kbliCode: '10794', capital: 30_000_000 };
  type Registered = { registerEnterprise: { enterprise: { id: string } } };
  survivor = (await mutate<Registered>(REGISTER, { input: { ...enterprise, name: 'Dodol Lidah Buaya Bu Tini' } }))
    .registerEnterprise.enterprise.id;
  duplicate = (
    await mutate<Registered>(REGISTER, {
      input: { ...enterprise, name: 'Dodol Lidah Buaya Ibu Tini', nib: '9120000123450', npwp: '12.345.678.2-901.000' },
    })
  ).registerEnterprise.enterprise.id;
  const buy = (buyer: string, seller: string, amount: number, occurredOn: string) =>
    mutate<{ recordTransaction: { transaction: { id: string } } }>(RECORD, {
      input: { buyerId: buyer, sellerId: seller, amount, occurredOn, category: 'SNACKS' },
    });
  await buy(party('AG-DINKES', 'Agency'), duplicate, 7_000_000, '2026-02-02');
  await buy(party('NU-PKM-SR', 'NetworkUnit'), duplicate, 3_000_000, '2026-03-03');
  await buy(party('AG-DINKES', 'Agency'), party('VE-ALKES', 'Vendor'), 5_000_000, '2026-03-04');
  await buy(duplicate, party('EN-012', 'Enterprise'), 2_000_000, '2026-04-04'); // the duplicate buys its supplies
  await buy(party('AG-DIKBUD', 'Agency'), party('EN-012', 'Enterprise'), 1_000_000, '2026-05-05');
  const voided = await buy(party('AG-DINKES', 'Agency'), duplicate, 9_000_000, '2026-06-06');
  await mutate(`mutation($id: ID!) { voidTransaction(id: $id, reason: "ganda") { transaction { id } } }`, {
    id: voided.recordTransaction.transaction.id,
  });
  const db = server.database.db;
  await db
    .insertInto('enterprise_snapshot')
    .values({
      tenant_id: TEST_TENANT,
      enterprise_id: rowId(duplicate),
      period: '2026-01-01',
      revenue: 5_000_000,
      status: 'ACTIVE',
    })
    .execute();
  await db
    .insertInto('assistance')
    .values({
      tenant_id: TEST_TENANT,
      ref: 'AS-DODOL',
      enterprise_id: rowId(duplicate),
      kind: 'TRAINING',
      occurred_on: '2026-01-15',
    })
    .execute();
});
afterAll(() => server?.close());

const count = async (table: 'party' | 'audit_event') =>
  (await server.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

interface Merge {
  /** The measures just before and just after the merge. */
  before: Awaited<ReturnType<typeof measures>>;
  after: Awaited<ReturnType<typeof measures>>;
  payload: unknown;
  parties: { before: number; after: number };
  audits: { before: number; after: number };
}
let merge: Promise<Merge> | undefined;

/** Merges the duplicate into the survivor on first call, and returns what was observed around it. */
function merged(): Promise<Merge> {
  merge ??= (async () => {
    const before = await measures();
    const [parties, audits] = [await count('party'), await count('audit_event')];
    const result = await mutate<{ mergeParties: unknown }>(MERGE, { s: survivor, d: duplicate });
    return {
      before,
      after: await measures(),
      payload: result.mergeParties,
      parties: { before: parties, after: await count('party') },
      audits: { before: audits, after: await count('audit_event') },
    };
  })();
  return merge;
}

describe('mergeParties', () => {
  it('refuses merging a party with itself, with another kind, or with one that does not exist', async () => {
    const self = await gql(MERGE, { s: survivor, d: survivor });
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateId' });
    const kinds = await gql(MERGE, { s: survivor, d: party('VE-ALKES', 'Vendor') });
    expect(kinds.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateId' });
    const agency = await gql(MERGE, { s: party('AG-DINKES', 'Agency'), d: party('AG-DIKBUD', 'Agency') });
    expect(agency.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'survivorId' });
    const missing = await gql(MERGE, { s: survivor, d: globalId('Enterprise', 999_999) });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'duplicateId' });
  });

  it('refuses two parties that traded with each other', async () => {
    // EN-043 sold to EN-007 (TX-2024-0165 of the API bundle): merging them would make a purchase from
    // oneself. Two bundle enterprises, so the refusal holds before and after the merge below.
    const result = await gql(MERGE, { s: party('EN-043', 'Enterprise'), d: party('EN-007', 'Enterprise') });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateId' });
  });

  it('moves every reference to the survivor, keeps every measure exactly, and audits it', async () => {
    const { before, after, payload, parties, audits } = await merged();
    // By hand, agencies' own purchases (no includeNetwork): 7 000 000 (duplicate) + 5 000 000 (outside vendor)
    // + 1 000 000 (EN-012); the school's 3 000 000 is network spending, the duplicate's own 2 000 000 no agency's,
    // the voided 9 000 000 nobody's. With Dinas Kesehatan's network: 7 + 3 + 5 = 15 000 000, local UMKM 10 000 000.
    expect(before?.all).toMatchObject({ total: 13_000_000, toLocalUmkm: 8_000_000, sellersReached: 2 });
    expect(before?.agency).toMatchObject({ total: 15_000_000, toLocalUmkm: 10_000_000, sellersReached: 1 });
    expect(payload).toEqual({
      survivor: { id: survivor, name: 'Dodol Lidah Buaya Bu Tini', nib: '9120000123450', npwp: '0123456782901000' },
      moved: {
        transactions: 3,
        voidedTransactions: 1,
        products: 0,
        memberships: 0,
        assistance: 1,
        snapshots: 1,
        snapshotsDropped: 0,
      },
    });
    expect(after).toEqual(before);
    const node = await gql<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', { id: duplicate });
    expect(node.data?.node).toBeNull();
    const sales = await gql<{ node: { sales: { totalCount: number } } }>(
      'query($id: ID!) { node(id: $id) { ... on Enterprise { sales { totalCount } } } }',
      { id: survivor },
    );
    expect(sales.data?.node.sales.totalCount).toBe(2); // 7 000 000 and 3 000 000; the voided one is no sale
    expect(parties.after).toBe(parties.before - 1);
    const audit = await server.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'details'])
      .where('action', '=', 'party.merge')
      .where('entity_id', '=', String(rowId(survivor)))
      .execute();
    expect(audit).toEqual([
      {
        action: 'party.merge',
        entity_id: String(rowId(survivor)),
        details: expect.objectContaining({ duplicate: { id: rowId(duplicate), name: 'Dodol Lidah Buaya Ibu Tini' } }),
      },
    ]);
    expect(audits.after).toBe(audits.before + 1);
  });

  it('leaves the rollups equal to a rebuild from scratch after the merge', async () => {
    await merged();
    const db = server.database.db;
    const maintained = await rollupRows(db);
    await sql`SELECT analytics_rebuild(${TEST_TENANT})`.execute(db);
    expect(await rollupRows(db)).toEqual(maintained);
  });
});
