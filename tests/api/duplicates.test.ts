import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DISKOP_CODE, signIn, startAccountsServer } from '../support/accounts.ts';
import { globalId } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/*
 * likelyDuplicates over real HTTP (docs/data-entry.md "Likely duplicates"): pairs of enterprises
 * with the same region code whose names are very similar (pg_trgm similarity ≥ 0.6), neither
 * rejected; and the enterprises filter by registering agency, which the Pendataan page uses to
 * list the drafts an operator may verify.
 *
 * In the village 61.12.04.2002 (no fixture enterprise there) the test registers:
 *   A "Keripik Pisang Bu Sari", B "Keripik Pisang Ibu Sari", C "Bengkel Las Jaya",
 *   E "Keripik Pisang Bu Sari" (registered, then rejected); and D "Keripik Pisang Ibu Sari" in
 *   the village 61.12.04.2003.
 * pg_trgm lower-cases, splits the words and pads each with two spaces before and one after:
 *   keripik → "  k", " ke", ker, eri, rip, ipi, pik, "ik " (8); pisang (7); sari (5); bu (3); ibu (4)
 *   A: 8 + 7 + 3 + 5 = 23 trigrams; B: 8 + 7 + 4 + 5 = 24; shared: 8 + 7 + 5 + "bu " = 21
 *   similarity(A, B) = 21 / (23 + 24 − 21) = 21 / 26 ≈ 0.8077; A and E are equal: 1.
 */

let server: TestServer;
let admin = '';
let operator = '';
const VILLAGE = '61.12.04.2002';
const ids: Record<string, string> = {};

const PAIRS = `query($region: String, $first: Int) { likelyDuplicates(regionCode: $region, first: $first) {
  totalCount pairs { similarity earlier { id name regionCode } later { id name } } } }`;

interface Pairs {
  likelyDuplicates: {
    totalCount: number;
    pairs: Array<{
      similarity: number;
      earlier: { id: string; name: string; regionCode: string };
      later: { id: string };
    }>;
  };
}

async function pairs(variables: Record<string, unknown>, token = admin) {
  return server.gql<Pairs>(PAIRS, variables, bearer(token));
}

async function register(name: string, regionCode: string, token: string): Promise<string> {
  const result = await server.gql<{ registerEnterprise: { enterprise: { id: string } } }>(
    'mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { enterprise { id } } }',
    { input: { name, regionCode } },
    bearer(token),
  );
  expect(result.errors).toBeUndefined();
  return result.data!.registerEnterprise.enterprise.id;
}

/** pg_trgm's trigrams of a text (its documented algorithm), as an independent reference. */
function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

function similarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  const shared = [...x].filter((t) => y.has(t)).length;
  return shared / (x.size + y.size - shared);
}

beforeAll(async () => {
  server = await startAccountsServer();
  admin = await signIn(server, 'admin');
  operator = await signIn(server, 'op.diskop');
  ids.A = await register('Keripik Pisang Bu Sari', VILLAGE, operator);
  ids.B = await register('Keripik Pisang Ibu Sari', VILLAGE, admin);
  ids.C = await register('Bengkel Las Jaya', VILLAGE, operator);
  ids.D = await register('Keripik Pisang Ibu Sari', '61.12.04.2003', admin);
});
afterAll(() => server?.close());

describe('likelyDuplicates', () => {
  it('lists the one pair of the village, A then B, with similarity 21/26', async () => {
    const result = await pairs({ region: VILLAGE });
    expect(result.errors).toBeUndefined();
    expect(result.data?.likelyDuplicates.totalCount).toBe(1);
    const [pair] = result.data!.likelyDuplicates.pairs;
    expect(pair?.earlier).toEqual({ id: ids.A, name: 'Keripik Pisang Bu Sari', regionCode: VILLAGE });
    expect(pair?.later.id).toBe(ids.B);
    expect(pair?.similarity).toBeCloseTo(21 / 26, 6);
  });

  it('adds a pending third record (1 and 21/26), and leaves it out once it is rejected', async () => {
    const e = await register('Keripik Pisang Bu Sari', VILLAGE, admin);
    const before = await pairs({ region: VILLAGE });
    expect(before.data?.likelyDuplicates.totalCount).toBe(3);
    expect(
      before.data?.likelyDuplicates.pairs.map((p) => [p.earlier.id, p.later.id, Number(p.similarity.toFixed(4))]),
    ).toEqual([
      [ids.A, e, 1],
      [ids.A, ids.B, 0.8077],
      [ids.B, e, 0.8077],
    ]);
    const rejected = await server.gql(
      'mutation($id: ID!) { rejectEnterprise(id: $id, reason: "ganda") { enterprise { verification } } }',
      { id: e },
      bearer(admin),
    );
    expect(rejected.errors).toBeUndefined();
    const after = await pairs({ region: VILLAGE });
    expect(after.data?.likelyDuplicates.pairs.map((p) => [p.earlier.id, p.later.id])).toEqual([[ids.A, ids.B]]);
  });

  it('over the whole regency equals the pairs an independent trigram count finds in the stored rows', async () => {
    const rows = await sql<{ id: string; name: string; region_code: string | null; verification: string }>`
      SELECT p.id, p.name, p.region_code, ep.verification FROM party p
      JOIN enterprise_profile ep ON ep.tenant_id = p.tenant_id AND ep.party_id = p.id WHERE p.kind = 'ENTERPRISE' ORDER BY p.id`.execute(
      server.database.db,
    );
    const live = rows.rows.filter((r) => r.verification !== 'REJECTED' && r.region_code !== null);
    const expected: Array<{ pair: [string, string]; score: number }> = [];
    for (const [i, a] of live.entries()) {
      for (const b of live.slice(i + 1)) {
        const score = similarity(a.name, b.name);
        if (a.region_code === b.region_code && score >= 0.6) {
          expected.push({ pair: [globalId('Enterprise', Number(a.id)), globalId('Enterprise', Number(b.id))], score });
        }
      }
    }
    // Most similar first, then by the ids (rows are in id order, and sort is stable).
    expected.sort((x, y) => y.score - x.score);
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThanOrEqual(200);
    const result = await pairs({ first: 200 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.likelyDuplicates.totalCount).toBe(expected.length);
    expect(result.data?.likelyDuplicates.pairs.map((p) => [p.earlier.id, p.later.id])).toEqual(
      expected.map((e) => e.pair),
    );
  });

  it('lists at most `first` pairs while totalCount counts them all', async () => {
    await register('Keripik Pisang Bu Sari', '61.12.04.2003', admin); // D's village: a second pair (21/26)
    const all = await pairs({ region: '61.12.04' });
    expect(all.data?.likelyDuplicates.totalCount).toBe(2);
    const one = await pairs({ region: '61.12.04', first: 1 });
    expect(one.data?.likelyDuplicates.totalCount).toBe(2);
    expect(one.data?.likelyDuplicates.pairs).toHaveLength(1);
  });

  it('refuses a page size outside 1-200 and a malformed region code, naming the argument', async () => {
    for (const [variables, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 201 }, 'first'],
      [{ region: '61-12' }, 'regionCode'],
    ] as const) {
      const result = await pairs(variables);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('answers operators, refuses analysts (FORBIDDEN) and anonymous requests (UNAUTHENTICATED)', async () => {
    expect((await pairs({ region: VILLAGE }, operator)).data?.likelyDuplicates.totalCount).toBe(1);
    const analyst = await signIn(server, 'analyst');
    expect((await pairs({}, analyst)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.gql<Pairs>(PAIRS, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('enterprises(filter: { registeringAgencyIds })', () => {
  it("lists exactly the enterprises the operator's agency registered", async () => {
    const agency = await server.gql<{ agency: { id: string } }>('query($c: String!) { agency(code: $c) { id } }', {
      c: DISKOP_CODE,
    });
    const result = await server.gql<{ enterprises: { nodes: Array<{ id: string }> } }>(
      'query($a: [ID!]) { enterprises(first: 50, filter: { registeringAgencyIds: $a }) { nodes { id } } }',
      { a: [agency.data!.agency.id] },
      bearer(admin),
    );
    expect(result.errors).toBeUndefined();
    // A and C (registered by op.diskop); B and D were registered by the administrator (no agency),
    // the fixture's enterprises by an import (no agency). By name: Bengkel Las Jaya, then Keripik.
    expect(result.data?.enterprises.nodes.map((n) => n.id)).toEqual([ids.C, ids.A]);
  });

  it('refuses an id that is not an agency, naming the field', async () => {
    const result = await server.gql(
      'query($a: [ID!]) { enterprises(filter: { registeringAgencyIds: $a }) { totalCount } }',
      { a: [ids.A] },
      bearer(admin),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.registeringAgencyIds',
    });
  });
});
