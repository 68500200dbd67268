import { TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedFixture } from '../../server/test/analytics/fixtures.ts';
import { loadBundle } from '../../server/test/analytics/harness.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const agencyId = (id: number) => Buffer.from(`Agency:${id}`).toString('base64url');

describe(`the spending measures answer over /graphql (${testEngine})`, () => {
  let server: TestServer;
  let fx: LoadedFixture;
  beforeAll(async () => {
    server = await startTestServer({
      seed: async (handle) => {
        fx = await loadBundle(handle.db, TEST_TENANT, 'spend');
      },
    });
  });
  afterAll(() => server?.close());

  it('spendSummary', async () => {
    const r = await server.gql<{ spendSummary: Record<string, unknown> }>(
      `query GetSpendSummary($filter: SpendFilter) { spendSummary(filter: $filter) {
        total transactionCount toLocalUmkm localUmkmShare toUmk umkShare toLocal localShare sellersReached target umkTarget } }`,
      { filter: { fiscalYear: 2023, includeNetwork: true } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.spendSummary).toEqual({
      total: 9500,
      transactionCount: 12,
      toLocalUmkm: 3260,
      localUmkmShare: 3260 / 9500,
      toUmk: 2260,
      umkShare: 2260 / 9500,
      toLocal: 4460,
      localShare: 4460 / 9500,
      sellersReached: 4,
      target: 0.3,
      umkTarget: 0.4,
    });
  });

  it('spendTrend', async () => {
    const r = await server.gql<{ spendTrend: Array<Record<string, unknown>> }>(
      `query { spendTrend(filter: { fiscalYear: 2023 }, interval: QUARTER) { periodStart periodEnd total localUmkmShare target } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.spendTrend).toEqual([
      { periodStart: '2023-01-01', periodEnd: '2023-03-31', total: 6500, localUmkmShare: 2300 / 6500, target: 0.3 },
      { periodStart: '2023-04-01', periodEnd: '2023-06-30', total: 1000, localUmkmShare: 0, target: 0.3 },
      { periodStart: '2023-07-01', periodEnd: '2023-09-30', total: 1000, localUmkmShare: 0.36, target: 0.3 },
      { periodStart: '2023-10-01', periodEnd: '2023-12-31', total: 0, localUmkmShare: null, target: 0.3 },
    ]);
  });

  it('agencyScorecard, with the agency resolved through the party loader', async () => {
    const r = await server.gql<{ agencyScorecard: Array<Record<string, unknown>> }>(
      `query { agencyScorecard(filter: { fiscalYear: 2023 }) { rank agency { id name code } total localUmkmShare target achievement grade } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.agencyScorecard.map((s) => [s.rank, (s.agency as { name: string }).name, s.grade])).toEqual([
      [1, 'Dinas Pariwisata', 'A_PLUS'],
      [2, 'Dinas Pendidikan', 'C'],
      [3, 'Dinas Kesehatan', 'A'],
    ]);
    expect(r.data?.agencyScorecard[1]?.agency).toEqual({
      id: agencyId(fx.id('DIK')),
      name: 'Dinas Pendidikan',
      code: '1.01',
    });
  });

  it("Agency.scorecard gives an agency's own line", async () => {
    const r = await server.gql<{ node: { scorecard: Record<string, unknown> | null } }>(
      `query($id: ID!) { node(id: $id) { ... on Agency { scorecard(fiscalYear: 2023, includeNetwork: true) { rank total grade } } } }`,
      { id: agencyId(fx.id('DIK')) },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.node.scorecard).toEqual({ rank: 1, total: 5400, grade: 'B' });
  });

  it('spendFlows', async () => {
    const r = await server.gql<{
      spendFlows: { total: number; nodes: Array<Record<string, unknown>>; links: unknown[] };
    }>(
      `query { spendFlows(filter: { fiscalYear: 2023 }, levels: [SELLER_CLASS, SELLER_DISTRICT]) {
        levels total nodes { id level key label value sellerClass } links { source target value } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.spendFlows.total).toBe(8500);
    expect(r.data?.spendFlows.nodes[0]).toEqual({
      id: 'SELLER_CLASS:OUTSIDE_OTHER',
      level: 'SELLER_CLASS',
      key: 'OUTSIDE_OTHER',
      label: 'Penyedia luar daerah lainnya',
      value: 4640,
      sellerClass: 'OUTSIDE_OTHER',
    });
    expect(r.data?.spendFlows.links).toContainEqual({
      source: 'SELLER_CLASS:LOCAL_UMKM',
      target: 'SELLER_DISTRICT:61.12.01',
      value: 1800,
    });
  });

  it('spendByDistrict, with every kecamatan resolved through the region loader', async () => {
    const r = await server.gql<{
      spendByDistrict: Array<{ region: { code: string; name: string }; toLocalUmkm: number }>;
    }>(`query { spendByDistrict(filter: { fiscalYear: 2023 }) { region { code name } toLocalUmkm sellersReached } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data?.spendByDistrict).toHaveLength(9);
    expect(r.data?.spendByDistrict[0]).toEqual({
      region: { code: '61.12.01', name: 'Sungai Raya' },
      toLocalUmkm: 1800,
      sellersReached: 2,
    });
  });

  it('networkReach', async () => {
    const r = await server.gql<{ networkReach: Record<string, unknown> }>(
      `query($id: ID!) { networkReach(agencyId: $id, filter: { fiscalYear: 2023 }) {
        agency { name } direct { total toLocalUmkm } network { total toLocalUmkm }
        byUnitType { unitType units summary { total } } amplification sellersReachedDirect sellersReachedOnlyViaNetwork } }`,
      { id: agencyId(fx.id('DIK')) },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.networkReach).toEqual({
      agency: { name: 'Dinas Pendidikan' },
      direct: { total: 4500, toLocalUmkm: 1500 },
      network: { total: 900, toLocalUmkm: 500 },
      byUnitType: [
        { unitType: 'SCHOOL', units: 2, summary: { total: 500 } },
        { unitType: 'TECHNICAL_UNIT', units: 1, summary: { total: 400 } },
      ],
      amplification: 2000 / 1500,
      sellersReachedDirect: 2,
      sellersReachedOnlyViaNetwork: 1,
    });
  });

  it('dominoEffect with the default of 3 rounds', async () => {
    const r = await server.gql<{ dominoEffect: { injection: number; rounds: unknown[]; multiplier: number } }>(
      `query { dominoEffect(filter: { fiscalYear: 2023 }) { injection rounds { round amount parties bySector { sector amount } } multiplier limitMultiplier converged iterations } }`,
    );
    expect(r.errors).toBeUndefined();
    // Government injection: agencies' own purchases from local UMKM; U1 → U2 (50) re-spends.
    expect(r.data?.dominoEffect.injection).toBe(2660);
    expect(r.data?.dominoEffect.rounds).toHaveLength(3);
  });

  it.each([
    ['from after to', '{ spendSummary(filter: { from: "2023-05-01", to: "2023-01-01" }) { total } }', 'from'],
    ['a fiscal year outside 2000…2100', '{ spendSummary(filter: { fiscalYear: 1999 }) { total } }', 'fiscalYear'],
    [
      'from/to outside the fiscal year',
      '{ spendSummary(filter: { fiscalYear: 2023, from: "2024-01-01" }) { total } }',
      'from',
    ],
    ['a malformed agency id', '{ spendSummary(filter: { agencyIds: ["nope"] }) { total } }', 'agencyIds'],
    ['an empty agency list', '{ spendSummary(filter: { agencyIds: [] }) { total } }', 'agencyIds'],
    ['a bad account prefix', '{ agencyScorecard(filter: { accountPrefix: "5.1%" }) { rank } }', 'accountPrefix'],
    ['rounds outside 1…20', '{ dominoEffect(rounds: 21) { injection } }', 'rounds'],
    ['rounds of 0', '{ dominoEffect(rounds: 0) { injection } }', 'rounds'],
    ['a repeated flow level', '{ spendFlows(levels: [SECTOR, SECTOR]) { total } }', 'levels'],
    ['no flow level', '{ spendFlows(levels: []) { total } }', 'levels'],
    [
      'a century of months',
      '{ spendTrend(filter: { from: "1900-01-01", to: "2100-01-01" }, interval: MONTH) { total } }',
      'interval',
    ],
    [
      'a baseline year outside 2000…2100',
      '{ recoveryIndex(groupBy: NONE, baselineYear: 1800) { key } }',
      'baselineYear',
    ],
    ['a cohort year outside 2000…2099', '{ marketAccessEffect(cohortYear: 2100) { cohortSize } }', 'cohortYear'],
    [
      'a data-collection year outside 2000…2100',
      '{ dataCollectionProgress(year: 3000) { enterprisesRegistered } }',
      'year',
    ],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_, query, field) => {
    const r = await server.gql(query);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('rejects the id of something that is not an agency, and an agency of no record', async () => {
    const notAgency = Buffer.from(`Enterprise:${fx.id('U1')}`).toString('base64url');
    const r1 = await server.gql(`query($id: ID!) { networkReach(agencyId: $id) { amplification } }`, { id: notAgency });
    expect(r1.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyId' });
    const r2 = await server.gql(`query($ids: [ID!]) { spendSummary(filter: { agencyIds: $ids }) { total } }`, {
      ids: [agencyId(999_999)],
    });
    expect(r2.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyIds' });
    expect(r2.errors?.[0]?.message).toMatch(/no agency with id 999999/);
    const r3 = await server.gql(`query($id: ID) { programOutcomes(fiscalYear: 2023, agencyId: $id) { budget } }`, {
      id: agencyId(999_999),
    });
    expect(r3.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyId' });
  });
});

describe(`the domino, program and panel measures answer over /graphql (${testEngine})`, () => {
  let server: TestServer;
  let fx: LoadedFixture;
  beforeAll(async () => {
    server = await startTestServer({
      seed: async (handle) => {
        // Four bundles with distinct refs, imported one after the other into one database.
        for (const name of ['programs', 'recovery', 'market-access', 'collection']) {
          fx = await loadBundle(handle.db, TEST_TENANT, name);
        }
      },
    });
  });
  afterAll(() => server?.close());

  it('programOutcomes, with the program resolved through the program loader', async () => {
    const r = await server.gql<{ programOutcomes: Array<Record<string, unknown>> }>(
      `query($a: ID) { programOutcomes(fiscalYear: 2023, agencyId: $a) {
        program { code name fiscalYear agency { name } } budget realized realizationRate toLocalUmkm localUmkmShare
        target targetSource umkmReached enterprisesAssisted status } }`,
      { a: agencyId(fx.id('DIK')) },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.programOutcomes[0]).toEqual({
      program: { code: '1.01.01', name: 'Seragam sekolah', fiscalYear: 2023, agency: { name: 'Dinas Pendidikan' } },
      budget: 10_000,
      realized: 6000,
      realizationRate: 0.6,
      toLocalUmkm: 5000,
      localUmkmShare: 5000 / 6000,
      target: 0.5,
      targetSource: 'PROGRAM',
      umkmReached: 2,
      enterprisesAssisted: 2,
      status: 'MET',
    });
    expect(r.data?.programOutcomes[1]).toMatchObject({ status: 'BELOW_TARGET', targetSource: 'AGENCY' });
  });

  it('recoveryIndex with the default baseline year', async () => {
    const r = await server.gql<{ recoveryIndex: Array<{ key: string; label: string; points: unknown[] }> }>(
      `query { recoveryIndex(groupBy: SECTOR, from: "2020-01-01", to: "2020-02-29") { key label points { period index activeShare panelSize } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.recoveryIndex[0]).toEqual({
      key: 'C',
      label: 'Industri Pengolahan',
      points: [
        { period: '2020-01-01', index: 60, activeShare: 1, panelSize: 1 },
        { period: '2020-02-01', index: 80, activeShare: 1, panelSize: 1 },
      ],
    });
  });

  it('marketAccessEffect', async () => {
    const r = await server.gql<{ marketAccessEffect: Record<string, unknown> }>(
      `query { marketAccessEffect(cohortYear: 2022) { cohortYear cohortSize difference
        withMarket { size active inactive unknown survivalRate } trainedOnly { size survivalRate } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.marketAccessEffect).toEqual({
      cohortYear: 2022,
      cohortSize: 5,
      difference: 0,
      withMarket: { size: 2, active: 1, inactive: 1, unknown: 0, survivalRate: 0.5 },
      trainedOnly: { size: 3, survivalRate: 0.5 },
    });
  });

  it('dataCollectionProgress', async () => {
    const r = await server.gql<{ dataCollectionProgress: Array<Record<string, unknown>> }>(
      `query { dataCollectionProgress(year: 2023) { region { code } enterprisesRegistered enterprisesVerified enterprisesTarget enterprisesProgress cooperativesProgress } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.dataCollectionProgress).toHaveLength(9);
    expect(r.data?.dataCollectionProgress[0]).toEqual({
      region: { code: '61.12.01' },
      enterprisesRegistered: 2,
      enterprisesVerified: 1,
      enterprisesTarget: 4,
      enterprisesProgress: 0.25,
      cooperativesProgress: null,
    });
  });
});

describe(`the domino measure over /graphql, on its worked example (${testEngine})`, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: async (handle) => {
        await loadBundle(handle.db, TEST_TENANT, 'domino');
      },
    });
  });
  afterAll(() => server?.close());

  it('dominoEffect answers on the worked example', async () => {
    const r = await server.gql<{
      dominoEffect: { rounds: Array<{ amount: number }>; multiplier: number; limitMultiplier: number };
    }>(
      `query { dominoEffect(filter: { fiscalYear: 2023 }, rounds: 3) { injection rounds { round amount } multiplier limitMultiplier converged } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.dominoEffect.rounds.map((x) => Math.round(x.amount * 1e6) / 1e6)).toEqual([100, 25, 5]);
    expect(r.data?.dominoEffect.multiplier).toBeCloseTo(1.3, 12);
    expect(r.data?.dominoEffect.limitMultiplier).toBeCloseTo(1.3, 12);
  });
});
