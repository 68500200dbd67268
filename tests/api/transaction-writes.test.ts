import { todayIn } from '@jejaring/db/rules';
import { rollupRows, TEST_TENANT } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedAccounts, signIn } from '../support/accounts.ts';
import { globalId, importApiBundle, rowId } from '../support/fixtures.ts';
import { type GraphQLResponse, startTestServer, type TestServer } from '../support/server.ts';

/*
 * Recording, correcting and voiding purchases over real HTTP, and the measures after them. The
 * API fixture has no purchase in 2026, so every 2026 figure below comes from these writes alone and
 * is computed by hand:
 *
 *   T1  Dinas Kesehatan        → Kerajinan Anyaman Bu Sari 12 (local, micro)  10 000 000, corrected to 12 000 000
 *   T2  Dinas Kesehatan        → PT Sumber Alat Kesehatan (outside, medium)    6 000 000
 *   T3  Puskesmas Sungai Raya  → Kerajinan Anyaman Bu Sari 12                  4 000 000
 *   T4  Dinas Kesehatan        → Beras Bu Sari 14 (local, micro)               3 000 000, voided
 *
 * T1 and T3 under the program "Makanan Bergizi 2026" (budget 100 000 000).
 *
 * These writes happen once, in `story()`, called by every test that reads their outcome (whichever
 * runs first performs them, in the order above: record T1-T4, correct T1, void T4); the refusals
 * write nothing, so the tests pass in any order.
 */

let server: TestServer;

let token = '';
/** A GraphQL request as the administrator (signed in before the tests). */
const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  server.gql<T>(query, variables, bearer(token));
const ids = new Map<string, number>();
const party = (ref: string, type: string) => globalId(type, ids.get(ref) as number);

beforeAll(async () => {
  server = await startTestServer({
    seed: async (handle) => {
      await importApiBundle(handle);
      await seedAccounts(handle);
      const dinkes = await handle.db
        .selectFrom('party')
        .select('id')
        .where('ref', '=', 'AG-DINKES')
        .executeTakeFirstOrThrow();
      await handle.db
        .insertInto('program')
        .values({
          tenant_id: TEST_TENANT,
          ref: 'PG-GIZI-2026',
          agency_id: dinkes.id,
          code: '1.02.02.2.02',
          name: 'Makanan Bergizi 2026',
          fiscal_year: 2026,
          budget: 100_000_000,
        })
        .execute();
    },
  });
  token = await signIn(server, 'admin');
  const rows = await sql<{
    ref: string;
    id: number;
  }>`SELECT ref, id FROM party UNION ALL SELECT ref, id FROM program`.execute(server.database.db);
  for (const row of rows.rows) ids.set(row.ref, Number(row.id));
});
afterAll(() => server?.close());

const RECORD = `mutation($input: TransactionInput!) {
  recordTransaction(input: $input) { transaction { id amount occurredOn source sourceRef voidedAt } warnings { code } } }`;
const CORRECT = `mutation($id: ID!, $input: TransactionCorrection!, $reason: String!) {
  correctTransaction(id: $id, input: $input, reason: $reason) { transaction { id amount } } }`;
const VOID = `mutation($id: ID!, $reason: String!) {
  voidTransaction(id: $id, reason: $reason) { transaction { id amount voidedAt voidReason } } }`;

async function record(input: Record<string, unknown>) {
  return gql<{ recordTransaction: { transaction: { id: string; sourceRef: string; source: string } } }>(RECORD, {
    input: { category: 'FOOD_STAPLES', ...input },
  });
}

type Corrected = { correctTransaction: { transaction: { amount: number } } };
type Voided = { voidTransaction: { transaction: Record<string, unknown> } };
interface Story {
  /** The global ids of T1-T4. */
  ids: Record<'T1' | 'T2' | 'T3' | 'T4', string>;
  /** The input each of T1-T4 was recorded with. */
  inputs: Record<string, Record<string, unknown>>;
  /** The answers to the writes. */
  recorded: Record<string, Awaited<ReturnType<typeof record>>>;
  corrected: GraphQLResponse<Corrected>;
  voided: GraphQLResponse<Voided>;
}
let written: Promise<Story> | undefined;

/** Records T1-T4, corrects T1 and voids T4 on first call; returns the answers to those writes. */
function story(): Promise<Story> {
  written ??= (async () => {
    const program = globalId('Program', ids.get('PG-GIZI-2026') as number);
    const inputs: Story['inputs'] = {
      T1: {
        buyerId: party('AG-DINKES', 'Agency'),
        sellerId: party('EN-012', 'Enterprise'),
        amount: 10_000_000,
        occurredOn: '2026-03-10',
        programId: program,
        sourceRef: 'SP2D-0001',
      },
      T2: {
        buyerId: party('AG-DINKES', 'Agency'),
        sellerId: party('VE-ALKES', 'Vendor'),
        amount: 6_000_000,
        occurredOn: '2026-04-01',
        category: 'PROTECTIVE_GEAR',
      },
      T3: {
        buyerId: party('NU-PKM-SR', 'NetworkUnit'),
        sellerId: party('EN-012', 'Enterprise'),
        amount: 4_000_000,
        occurredOn: '2026-05-05',
        programId: program,
      },
      T4: {
        buyerId: party('AG-DINKES', 'Agency'),
        sellerId: party('EN-014', 'Enterprise'),
        amount: 3_000_000,
        occurredOn: '2026-06-01',
      },
    };
    const recorded: Story['recorded'] = {};
    const transactionIds: Record<string, string> = {};
    for (const [name, input] of Object.entries(inputs)) {
      const result = await record(input);
      recorded[name] = result;
      transactionIds[name] = result.data?.recordTransaction.transaction.id as string;
    }
    const corrected = await gql<Corrected>(CORRECT, {
      id: transactionIds.T1,
      input: { amount: 12_000_000 },
      reason: 'salah ketik: kuitansi Rp12.000.000',
    });
    const voided = await gql<Voided>(VOID, { id: transactionIds.T4, reason: 'tercatat dua kali' });
    return { ids: transactionIds as Story['ids'], inputs, recorded, corrected, voided };
  })();
  return written;
}

describe('record, correct and void', () => {
  it('records purchases, refusing broken ones with every failed field', async () => {
    const bad = await record({
      buyerId: party('AG-DINKES', 'Agency'),
      sellerId: party('AG-DINKES', 'Agency'),
      amount: 0,
      occurredOn: '2025-12-31',
      programId: globalId('Program', ids.get('PG-GIZI-2026') as number),
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      ((bad.errors?.[0]?.extensions?.failures ?? []) as Array<{ field: string; code: string }>).map((f) => f.code),
    ).toEqual(['RUPIAH_POSITIVE', 'DATE_OUTSIDE_FISCAL_YEAR', 'SAME_PARTY']);
    const future = await record({
      buyerId: party('AG-DINKES', 'Agency'),
      sellerId: party('EN-012', 'Enterprise'),
      amount: 1,
      occurredOn: todayIn('Asia/Jakarta', new Date(Date.now() + 2 * 86_400_000)), // the day after tomorrow
    });
    expect(future.errors?.[0]?.extensions).toMatchObject({ field: 'input.occurredOn', rule: 'DATE_IN_FUTURE' });

    const { recorded, inputs } = await story();
    for (const name of ['T1', 'T2', 'T3', 'T4']) {
      expect(recorded[name]?.errors, name).toBeUndefined();
      expect(recorded[name]?.data?.recordTransaction, name).toBeTruthy();
    }
    const again = await record(inputs.T1 as Record<string, unknown>);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'source_ref' });
  });

  it('corrects a purchase with a reason, refusing a correction that breaks a rule', async () => {
    const { ids: written, corrected: result } = await story();
    const broken = await gql(CORRECT, {
      id: written.T1,
      input: { occurredOn: '2025-06-01' },
      reason: 'salah tanggal',
    });
    expect(broken.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.occurredOn',
      rule: 'DATE_OUTSIDE_FISCAL_YEAR', // T1 is under the 2026 program
    });
    const noReason = await gql(CORRECT, { id: written.T1, input: { amount: 12_000_000 }, reason: '' });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.correctTransaction.transaction.amount).toBe(12_000_000);
  });

  it('voids a purchase: it stays readable by id, leaves every list, and cannot be changed again', async () => {
    const { ids: written, voided: result } = await story();
    expect(result.data?.voidTransaction.transaction).toMatchObject({
      amount: 3_000_000,
      voidReason: 'tercatat dua kali',
    });
    expect(result.data?.voidTransaction.transaction.voidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const node = await gql<{ node: { voidedAt: string | null } }>(
      'query($id: ID!) { node(id: $id) { ... on Transaction { voidedAt } } }',
      { id: written.T4 },
    );
    expect(node.data?.node.voidedAt).not.toBeNull();
    // Every list T4 belonged to: all purchases, the buyer's purchases, the seller's sales.
    type Nodes = { nodes: Array<{ id: string }> };
    const lists = await gql<{ transactions: Nodes; buyer: { purchases: Nodes }; seller: { sales: Nodes } }>(
      `query($buyer: ID!, $seller: ID!) {
        transactions(filter: { fiscalYear: 2026 }) { nodes { id } }
        buyer: node(id: $buyer) { ... on Agency { purchases(filter: { fiscalYear: 2026 }) { nodes { id } } } }
        seller: node(id: $seller) { ... on Enterprise { sales(filter: { fiscalYear: 2026 }) { nodes { id } } } } }`,
      { buyer: party('AG-DINKES', 'Agency'), seller: party('EN-014', 'Enterprise') },
    );
    expect(lists.errors).toBeUndefined();
    const idsOf = (list: Nodes | undefined) => (list?.nodes ?? []).map((n) => n.id).sort();
    expect(idsOf(lists.data?.transactions)).toEqual([written.T1, written.T2, written.T3].sort());
    expect(idsOf(lists.data?.buyer.purchases)).toEqual([written.T1, written.T2].sort());
    expect(idsOf(lists.data?.seller.sales)).toEqual([]); // T4 was Beras Bu Sari 14's only sale of 2026
    const again = await gql(VOID, { id: written.T4, reason: 'lagi' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const correct = await gql(CORRECT, { id: written.T4, input: { amount: 1 }, reason: 'x' });
    expect(correct.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const missing = await gql(VOID, { id: globalId('Transaction', 999_999), reason: 'x' });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('keeps the history of every write in the audit trail', async () => {
    const { ids: written } = await story();
    const id = (name: keyof Story['ids']) => String(rowId(written[name]));
    const rows = await server.database.db
      .selectFrom('audit_event')
      .select(['entity_id', 'action', 'details'])
      .where('entity', '=', 'transaction')
      .where('entity_id', 'in', [id('T1'), id('T2'), id('T3'), id('T4')])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.entity_id, r.action])).toEqual([
      [id('T1'), 'transaction.record'],
      [id('T2'), 'transaction.record'],
      [id('T3'), 'transaction.record'],
      [id('T4'), 'transaction.record'],
      [id('T1'), 'transaction.correct'],
      [id('T4'), 'transaction.void'],
    ]);
    expect(rows[4]?.details).toEqual({
      before: { amount: 10_000_000 },
      after: { amount: 12_000_000 },
      reason: 'salah ketik: kuitansi Rp12.000.000',
    });
    expect(rows[5]?.details).toEqual({ amount: 3_000_000, reason: 'tercatat dua kali' });
  });
});

describe('the measures after record, correct and void', () => {
  it('equal the hand-computed values', async () => {
    await story();
    const agency = party('AG-DINKES', 'Agency');
    const summary = async (includeNetwork: boolean) =>
      (
        await gql<{ spendSummary: Record<string, number> }>(
          `query($f: SpendFilter) { spendSummary(filter: $f) { total toLocalUmkm localUmkmShare sellersReached } }`,
          { f: { fiscalYear: 2026, agencyIds: [agency], includeNetwork } },
        )
      ).data?.spendSummary;
    // With the network: T1 12 000 000 + T2 6 000 000 + T3 4 000 000 = 22 000 000; local UMKM T1 + T3 = 16 000 000.
    expect(await summary(true)).toEqual({
      total: 22_000_000,
      toLocalUmkm: 16_000_000,
      localUmkmShare: 16 / 22,
      sellersReached: 1, // Bu Sari 12 only: Beras Bu Sari 14 was paid by T4 alone, which is voided
    });
    // The agency alone: T1 + T2 = 18 000 000, local UMKM 12 000 000.
    expect(await summary(false)).toEqual({
      total: 18_000_000,
      toLocalUmkm: 12_000_000,
      localUmkmShare: 12 / 18,
      sellersReached: 1,
    });
    const outcomes = await gql<{ programOutcomes: Array<Record<string, unknown>> }>(
      'query($a: ID) { programOutcomes(fiscalYear: 2026, agencyId: $a) { program { name } budget realized toLocalUmkm umkmReached } }',
      { a: agency },
    );
    // Realised under the program: T1 12 000 000 + T3 4 000 000.
    expect(outcomes.data?.programOutcomes).toEqual([
      {
        program: { name: 'Makanan Bergizi 2026' },
        budget: 100_000_000,
        realized: 16_000_000,
        toLocalUmkm: 16_000_000,
        umkmReached: 1,
      },
    ]);
    const list = await gql<{ transactions: { totalCount: number; nodes: Array<{ amount: number }> } }>(
      '{ transactions(filter: { fiscalYear: 2026 }, orderBy: { field: AMOUNT, direction: DESC }) { totalCount nodes { amount } } }',
    );
    expect(list.data?.transactions).toEqual({
      totalCount: 3,
      nodes: [{ amount: 12_000_000 }, { amount: 6_000_000 }, { amount: 4_000_000 }],
    });
  });

  it('equal a rebuild of every rollup from scratch', async () => {
    await story();
    const db = server.database.db;
    const maintained = await rollupRows(db);
    await sql`SELECT analytics_rebuild(${TEST_TENANT})`.execute(db);
    expect(await rollupRows(db)).toEqual(maintained);
  });
});
