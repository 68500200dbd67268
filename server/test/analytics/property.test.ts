import type { DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, rollupRows, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ref from '../../../tests/support/oracle/index.ts';
import { agencyScorecard } from '../../src/analytics/agency-scorecard.sql.ts';
import { dataCollectionProgress } from '../../src/analytics/data-collection.sql.ts';
import { dominoEffect } from '../../src/analytics/domino-effect.sql.ts';
import { marketAccessEffect } from '../../src/analytics/market-access.sql.ts';
import { networkReach } from '../../src/analytics/network-reach.sql.ts';
import { programOutcomes } from '../../src/analytics/program-outcomes.sql.ts';
import { recoveryIndex } from '../../src/analytics/recovery-index.sql.ts';
import { spendByDistrict } from '../../src/analytics/spend-by-district.sql.ts';
import { type FlowLevel, spendFlows } from '../../src/analytics/spend-flows.sql.ts';
import { parseSpendFilter } from '../../src/analytics/spend-scope.ts';
import { spendSummary } from '../../src/analytics/spend-summary.sql.ts';
import { spendTrend } from '../../src/analytics/spend-trend.sql.ts';
import { encodeGlobalId } from '../../src/graphql/global-id.ts';
import { clearTenant, type Fixture, type LoadedFixture, loadFixture } from './fixtures.ts';
import { prng, type Rng, randomFilter, randomFixture } from './random.ts';

/** Datasets per run; every measure is checked on each, with several random filters. */
const DATASETS = Number(process.env.ANALYTICS_PROPERTY_DATASETS ?? 40);
const FILTERS_PER_DATASET = 3;

/**
 * Deep equality where integers must be equal and other numbers agree within a relative tolerance
 * (shares 1e-12; the domino cascade 1e-9). Reports the path of the first difference.
 */
function expectAgree(actual: unknown, expected: unknown, tolerance: number, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isInteger(expected) && Number.isInteger(actual) && Math.abs(expected) < 2 ** 53) {
      if (actual !== expected) throw new Error(`${path}: ${actual} !== ${expected}`);
      return;
    }
    const scale = Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tolerance * scale)) throw new Error(`${path}: ${actual} ≉ ${expected}`);
    return;
  }
  if (expected instanceof Map) {
    expectAgree(
      actual instanceof Map ? Object.fromEntries(actual) : actual,
      Object.fromEntries(expected),
      tolerance,
      path,
    );
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      throw new Error(
        `${path}: length ${Array.isArray(actual) ? actual.length : typeof actual} !== ${expected.length}`,
      );
    }
    for (const [i, e] of expected.entries()) expectAgree(actual[i], e, tolerance, `${path}[${i}]`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object')
      throw new Error(`${path}: ${JSON.stringify(actual)} is not an object`);
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual as object)]);
    for (const key of keys) {
      expectAgree(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        tolerance,
        `${path}.${key}`,
      );
    }
    return;
  }
  if (actual !== expected) throw new Error(`${path}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);
}

/**
 * Random writes after the load, so the rollups' maintenance is exercised beyond inserts: parties
 * change size, place, government flag and parent (networks move, cycles appear), profiles change
 * sector and unit type, transactions are deleted and updated (amount, date, seller, buyer).
 */
async function mutate(db: DatabaseHandle['db'], rng: Rng, fixture: Fixture, loaded: LoadedFixture): Promise<string[]> {
  const done: string[] = [];
  const refs = (kind: string) => fixture.parties.filter((p) => p.kind === kind).map((p) => p.ref);
  const ids = (list: string[]) => list.map((r) => loaded.id(r));
  const enterprises = refs('ENTERPRISE');
  const units = refs('NETWORK_UNIT');
  const agencies = refs('AGENCY');
  if (enterprises.length >= 2 && rng.chance(0.7)) {
    const some = ids(rng.subset(enterprises, 0.4));
    if (some.length) {
      const size = rng.pick(['MICRO', 'SMALL', 'MEDIUM', 'LARGE', null]);
      await sql`UPDATE party SET size_class = ${size} WHERE tenant_id = ${TEST_TENANT} AND id IN (${sql.join(some)})`.execute(
        db,
      );
      done.push(`size ${size} for ${some}`);
    }
  }
  if (rng.chance(0.6)) {
    const id = loaded.id(rng.pick([...enterprises, ...refs('VENDOR'), ...refs('COOPERATIVE')]));
    const region = rng.pick(['61.12.02', '61.12.05.2001', '61.71', '61.12', null]);
    await sql`UPDATE party SET region_code = ${region} WHERE tenant_id = ${TEST_TENANT} AND id = ${id}`.execute(db);
    done.push(`region ${region} for ${id}`);
  }
  if (units.length && rng.chance(0.7)) {
    const unit = loaded.id(rng.pick(units));
    const parent = loaded.id(rng.pick([...agencies, ...units]));
    if (parent !== unit) {
      await sql`UPDATE party SET parent_id = ${parent}, is_government = ${rng.chance(0.5)} WHERE tenant_id = ${TEST_TENANT} AND id = ${unit}`.execute(
        db,
      );
      done.push(`parent ${parent} for ${unit}`);
    }
  }
  if (units.length && rng.chance(0.4)) {
    const unit = loaded.id(rng.pick(units));
    const type = rng.pick(['SCHOOL', 'BUMDES', 'OTHER']);
    await sql`UPDATE network_unit_profile SET unit_type = ${type} WHERE tenant_id = ${TEST_TENANT} AND party_id = ${unit}`.execute(
      db,
    );
    done.push(`unit type ${type} for ${unit}`);
  }
  if (enterprises.length && rng.chance(0.5)) {
    const id = loaded.id(rng.pick(enterprises));
    const kbli = rng.pick(['47111', '10710', null]);
    await sql`UPDATE enterprise_profile SET kbli_code = ${kbli} WHERE tenant_id = ${TEST_TENANT} AND party_id = ${id}`.execute(
      db,
    );
    done.push(`kbli ${kbli} for ${id}`);
  }
  const tx = (fixture.transactions ?? []).map((t) => t.ref as string);
  if (tx.length > 4 && rng.chance(0.7)) {
    const gone = rng.subset(tx, 0.1);
    if (gone.length) {
      await sql`DELETE FROM "transaction" WHERE tenant_id = ${TEST_TENANT} AND source_ref IN (${sql.join(gone)})`.execute(
        db,
      );
      done.push(`deleted ${gone}`);
    }
  }
  if (tx.length > 4 && rng.chance(0.7)) {
    const changed = rng.subset(tx, 0.1);
    const seller = loaded.id(rng.pick(enterprises.length ? enterprises : refs('VENDOR')));
    if (changed.length) {
      await sql`UPDATE "transaction" SET amount = amount * 2 + 1, occurred_on = occurred_on + 40,
          seller_id = CASE WHEN buyer_id = ${seller} THEN seller_id ELSE ${seller} END
        WHERE tenant_id = ${TEST_TENANT} AND source_ref IN (${sql.join(changed)})`.execute(db);
      done.push(`updated ${changed}`);
    }
  }
  return done;
}

const LEVEL_SETS: FlowLevel[][] = [
  ['AGENCY', 'SELLER_CLASS'],
  ['BUYER_KIND', 'CATEGORY', 'SELLER_DISTRICT'],
  ['SECTOR', 'AGENCY', 'SELLER_CLASS', 'CATEGORY'],
  ['SELLER_DISTRICT'],
];

describe(`every measure agrees with the reference implementation on ${DATASETS} random datasets (${testEngine})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  it.each(Array.from({ length: DATASETS }, (_, i) => 1000 + i))('dataset seed %i', async (seed) => {
    const db = handle.db;
    await clearTenant(db, TEST_TENANT);
    const fixture = randomFixture(seed);
    const loaded = await loadFixture(db, TEST_TENANT, fixture);
    const rng = prng(seed * 7 + 1);
    // Half the datasets are written to after loading: the rollups must follow every kind of write.
    const mutations = seed % 2 === 1 ? await mutate(db, rng, fixture, loaded) : [];
    const maintained = await rollupRows(db);
    await sql`SELECT analytics_rebuild(${TEST_TENANT})`.execute(db);
    expect(await rollupRows(db), `rollups after ${mutations.join('; ')}`).toEqual(maintained);
    const oracle = await ref.loadOracle(handle, TEST_TENANT);
    const agencyRefs = fixture.parties.filter((p) => p.kind === 'AGENCY').map((p) => p.ref);
    const check = async (label: string, run: () => Promise<unknown>, expected: unknown, tolerance = 1e-12) => {
      const actual = await run();
      try {
        expectAgree(actual, expected, tolerance);
      } catch (error) {
        throw new Error(`seed ${seed}, ${label}: ${(error as Error).message}`);
      }
    };
    for (let f = 0; f < FILTERS_PER_DATASET; f++) {
      const { agencies, ...filter } = randomFilter(rng, agencyRefs);
      const spendFilter = {
        ...filter,
        ...(agencies ? { agencyIds: agencies.map((a) => encodeGlobalId('Agency', loaded.id(a))) } : {}),
      };
      // The server reads the filter with parseSpendFilter; the reference reads the raw filter itself.
      const scope = parseSpendFilter(TEST_TENANT, spendFilter);
      const label = (measure: string) => `${measure} ${JSON.stringify({ ...filter, agencies })}`;
      await check(label('spendSummary'), () => spendSummary(db, scope), ref.refSummary(oracle, spendFilter));
      const interval = rng.pick(['MONTH', 'QUARTER', 'YEAR'] as const);
      await check(
        label(`spendTrend ${interval}`),
        () => spendTrend(db, scope, interval),
        ref.refTrend(oracle, spendFilter, interval),
      );
      await check(label('agencyScorecard'), () => agencyScorecard(db, scope), ref.refScorecard(oracle, spendFilter));
      const levels = rng.pick(LEVEL_SETS);
      await check(
        label(`spendFlows ${levels}`),
        async () => {
          const g = await spendFlows(db, scope, levels);
          // Every level sums to the total (docs/metrics.md's invariant).
          for (const level of levels) {
            expect(g.nodes.filter((n) => n.level === level).reduce((s, n) => s + n.value, 0)).toBe(g.total);
          }
          return {
            nodes: new Map(g.nodes.map((n) => [n.id, n.value])),
            links: new Map(g.links.map((l) => [`${l.source}→${l.target}`, l.value])),
            total: g.total,
          };
        },
        ref.refFlows(oracle, spendFilter, levels),
      );
      await check(label('spendByDistrict'), () => spendByDistrict(db, scope), ref.refByDistrict(oracle, spendFilter));
      const agency = loaded.id(rng.pick(agencyRefs));
      await check(
        label('networkReach'),
        () => networkReach(db, scope, agency),
        ref.refNetworkReach(oracle, spendFilter, agency),
      );
      const rounds = rng.int(1, 5);
      await check(
        label(`dominoEffect ${rounds}`),
        async () => {
          const d = await dominoEffect(db, scope, rounds);
          return {
            ...d,
            rounds: d.rounds.map((r) => ({ ...r, bySector: new Map(r.bySector.map((s) => [s.sector, s.amount])) })),
          };
        },
        ref.refDomino(oracle, spendFilter, rounds),
        1e-9,
      );
    }
    for (const year of [2022, 2023]) {
      const agency = rng.chance(0.5) ? loaded.id(rng.pick(agencyRefs)) : null;
      await check(
        `programOutcomes ${year} ${agency}`,
        () => programOutcomes(db, TEST_TENANT, year, agency),
        ref.refProgramOutcomes(oracle, year, agency),
      );
      await check(
        `marketAccessEffect ${year - 1}`,
        () => marketAccessEffect(db, TEST_TENANT, year - 1),
        ref.refMarketAccess(oracle, year - 1),
      );
      await check(
        `dataCollectionProgress ${year}`,
        () => dataCollectionProgress(db, TEST_TENANT, year),
        ref.refDataCollection(oracle, year),
      );
    }
    for (const group of ['NONE', 'SECTOR', 'DISTRICT', 'SIZE_CLASS'] as const) {
      const from = rng.chance(0.5) ? `202${rng.int(0, 2)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}` : null;
      const to = rng.chance(0.5) ? `2023-0${rng.int(1, 9)}-01` : null;
      const baseline = rng.pick([2019, 2019, 2020]);
      await check(
        `recoveryIndex ${group} ${from} ${to} ${baseline}`,
        async () => (await recoveryIndex(db, TEST_TENANT, group, from, to, baseline)).map(({ label: _, ...s }) => s),
        ref.refRecovery(oracle, group, from, to, baseline),
      );
    }
  });
});
