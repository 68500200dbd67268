import type { Database } from '@jejaring/db';
import { testEngine } from '@jejaring/db/testing';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { asDemand } from '../../src/analytics/domino-demand.ts';
import {
  computeDominoEffect,
  dominoMatrix,
  dominoStoresSettled,
  type MatrixEvent,
} from '../../src/analytics/domino-effect.sql.ts';
import { buildMatrix, decodeMatrix, encodeMatrix } from '../../src/analytics/domino-matrix.ts';
import { storedParts } from '../../src/analytics/domino-parts.sql.ts';
import {
  claimStalePeriod,
  listUnbuiltTenants,
  readStoredMatrix,
  STORE_LIMITS,
  stalePeriods,
  storedMatrices,
  storeMatrix,
  WHOLE_PERIOD,
} from '../../src/analytics/domino-store.sql.ts';
import { buildAheadAtStart, warmDominoMatrices } from '../../src/analytics/domino-warmer.ts';
import { analyticsVersions } from '../../src/analytics/versions.ts';
import { useFixture } from './harness.ts';

type Fx = ReturnType<typeof useFixture>;

/** The warmer waits for 20 ms without a request's dominoEffect (the server's default is longer). */
const QUICK_GIVE_WAY = { quietMs: 20, maxWaitMs: 60_000 };

/** A purchase of U2 from U3 on `day`: it moves the analytics version. */
const pay = (fx: Fx, amount: number, day: string) => fx.purchase('U2', 'U3', amount, day, `domino-warm-${day}`);

/**
 * dominoEffect on the fixture (through `db`, fx.db by default), computed (the result cache left
 * aside: server/test/analytics/result-cache.test.ts), with where its matrix came from.
 */
async function observed(fx: Fx, filter: Parameters<Fx['scope']>[0], db: Kysely<Database> = fx.db) {
  const events: MatrixEvent[] = [];
  const effect = await computeDominoEffect(db, fx.scope(filter), 3, { matrix: (e) => events.push(e) });
  // A built matrix is stored after the answer: wait for it, so that the store can be inspected.
  await dominoStoresSettled();
  return { effect, source: events.map((e) => e.source) };
}

/** The fixture tenant's stored parts of whole months, as `start@version`. */
async function monthParts(fx: Fx) {
  return (await storedParts(fx.db, fx.tenantId)).filter((part) => part.span === 'MONTH');
}

describe(`the persisted domino matrices (${testEngine})`, () => {
  const fx = useFixture('domino');

  it('stores the period matrix at the current version; this process answers from memory after, another from the store', async () => {
    const period = { from: '2023-03-01', to: '2023-05-31' };
    const first = await observed(fx, period);
    expect(first.source).toEqual(['built']);
    expect(first.effect.rounds.map((r) => r.amount)).toEqual([100, expect.closeTo(25, 9), expect.closeTo(5, 9)]);
    const { version } = await analyticsVersions(fx.db, fx.tenantId);
    expect((await storedMatrices(fx.db, fx.tenantId)).map((m) => [m.period, m.version])).toContainEqual([
      '2023-03-01..2023-05-31',
      version,
    ]);
    const again = await observed(fx, period);
    expect(again.source).toEqual(['memory']);
    expect(again.effect).toEqual(first.effect);
    // Another Kysely instance on the same database has no process cache of its own: as a second
    // instance would, it reads the stored matrix instead of building it.
    const elsewhere = await observed(fx, period, fx.db.withoutPlugins());
    expect(elsewhere.source).toEqual(['store']);
    expect(elsewhere.effect).toEqual(first.effect);
  });

  it('after a write, the version moves and the next answer is rebuilt from the new data, replacing the stored one', async () => {
    await observed(fx, { fiscalYear: 2023 });
    const before = await analyticsVersions(fx.db, fx.tenantId);
    // The year 2023, the tenant's latest, was read from the rollups month by month (its months
    // with data: March to May), and their parts stored.
    const partsBefore = await monthParts(fx);
    expect(partsBefore.map((part) => part.start)).toEqual(['2023-03-01', '2023-04-01', '2023-05-01']);
    // U1 pays U2 another 150. Then rev[U1] = max(received 100, snapshots 200, paid 50 + 30 + 150) = 230
    // and m[U1][U2] = 200 / 230; rev[U2] = max(received 50 + 150, snapshot 100, paid 20) = 200 and
    // m[U2][U3] = 20 / 200. R2 = 100 · 200/230, R3 = R2 · 0.1, R4 = 0 (U3 buys nothing).
    await fx.purchase('U1', 'U2', 150, '2023-06-01', 'domino-store-write');
    const after = await analyticsVersions(fx.db, fx.tenantId);
    expect(after.version).toBeGreaterThan(before.version);

    const { effect, source } = await observed(fx, { fiscalYear: 2023 });
    expect(source).toEqual(['built']);
    expect(effect.rounds.map((r) => r.amount)).toEqual([
      100,
      expect.closeTo(20_000 / 230, 9),
      expect.closeTo(2_000 / 230, 9),
    ]);
    expect(effect.multiplier).toBeCloseTo(1 + 220 / 230, 12);
    expect(effect.limitMultiplier).toBeCloseTo(1 + 220 / 230, 12);
    expect(effect.iterations).toBe(4);
    // The write into June left March to May current (their parts kept, at the same versions) and
    // June's part, read from the rollups, was stored beside them.
    const partsAfter = await monthParts(fx);
    expect(partsAfter.map((part) => part.start)).toEqual(['2023-03-01', '2023-04-01', '2023-05-01', '2023-06-01']);
    expect(partsAfter.slice(0, 3)).toEqual(partsBefore);
    // The period of the first test, stored at an older version, keeps its place for the warmer
    // (it was used within the hour) but no longer its bytes.
    const stored = await storedMatrices(fx.db, fx.tenantId);
    expect(stored.map((m) => [m.period, m.version, m.bytes > 0])).toEqual([
      ['2023-01-01..2023-12-31', after.version, true],
      ['2023-03-01..2023-05-31', before.version, false],
    ]);
  });

  it(`keeps at most ${STORE_LIMITS.periods} periods of a tenant, the most recently used`, async () => {
    const { version } = await analyticsVersions(fx.db, fx.tenantId);
    // Months of 2021 and 2022, then 2023's year again: one period more than the store keeps.
    const months = Array.from({ length: STORE_LIMITS.periods }, (_, i) => {
      const year = 2021 + Math.floor(i / 12);
      const month = String((i % 12) + 1).padStart(2, '0');
      const last = new Date(Date.UTC(year, (i % 12) + 1, 0)).getUTCDate();
      return { from: `${year}-${month}-01`, to: `${year}-${month}-${last}` };
    });
    for (const period of months) expect((await observed(fx, period)).source).toEqual(['built']);
    const stored = await storedMatrices(fx.db, fx.tenantId);
    expect(stored).toHaveLength(STORE_LIMITS.periods);
    expect(stored.every((m) => m.version === version)).toBe(true);
    // The first period asked (2023, before these) was the least recently used: it left.
    expect(stored.map((m) => m.period)).not.toContain('2023-01-01..2023-12-31');
    expect(stored[0]?.period).toBe(`${months.at(-1)?.from}..${months.at(-1)?.to}`);
  });

  it('keeps at most the byte budget, and removes older versions when a newer matrix is stored', async () => {
    const matrix = encodeMatrix(
      buildMatrix({
        parties: Float64Array.of(1, 2),
        revenue: Float64Array.of(10, 0),
        sector: [null, 'C'],
        buyers: Float64Array.of(1, 1),
        sellers: Float64Array.of(2, 2),
        amounts: Float64Array.of(3, 4),
      }),
    );
    // The pair 1 → 2 came twice: summed (3 + 4), then divided by rev[1] = 10.
    expect(Array.from(decodeMatrix(matrix)?.coef ?? [])).toEqual([0.7]);
    const tenant = 'another tenant'; // the store has no foreign key: any tenant id keeps this test apart
    const limits = { periods: 10, bytes: 2 * matrix.byteLength };
    const version = 5;
    for (const period of ['a', 'b', 'c']) {
      expect(await storeMatrix(fx.db, tenant, period, version, matrix, limits)).toBe(true);
    }
    expect((await storedMatrices(fx.db, tenant)).map((m) => m.period)).toEqual(['c', 'b']);
    expect(await storeMatrix(fx.db, tenant, 'too big', version, new Uint8Array(3 * matrix.byteLength), limits)).toBe(
      false,
    );
    // An older version never replaces a newer one; a newer one empties every older row, which
    // stays (bytes 0) while it was used within the hour.
    expect(await storeMatrix(fx.db, tenant, 'c', version - 1, matrix, limits)).toBe(false);
    expect(await storeMatrix(fx.db, tenant, 'd', version + 1, matrix, limits)).toBe(true);
    expect((await storedMatrices(fx.db, tenant)).map((m) => [m.period, m.version, m.bytes])).toEqual([
      ['d', version + 1, matrix.byteLength],
      ['c', version, 0],
      ['b', version, 0],
    ]);
    // Rows of older versions last used more than an hour ago go at the next store.
    await sql`UPDATE analytics_domino_matrix SET used_at = now() - interval '61 minutes'
      WHERE tenant_id = ${tenant} AND period = 'b'`.execute(fx.db);
    expect(await storeMatrix(fx.db, tenant, 'e', version + 1, matrix, limits)).toBe(true);
    expect((await storedMatrices(fx.db, tenant)).map((m) => m.period).sort()).toEqual(['c', 'd', 'e']);
  });

  it('stores several periods at once after each write, no store refusing another', async () => {
    // Two instances, or the warmer beside a request, store the matrices of several periods at the
    // same moment after a write; each holds its own period's row of the older version. On PostgreSQL
    // these stores run on connections of their own; none may fail on another's locks.
    const tenant = 'concurrent tenant'; // the store has no foreign key: any tenant id keeps this test apart
    const matrix = new Uint8Array(64).fill(7);
    const periods = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
    for (let version = 1; version <= 30; version++) {
      const stored = await Promise.all(periods.map((period) => storeMatrix(fx.db, tenant, period, version, matrix)));
      expect(stored).toEqual(periods.map(() => true));
      const rows = await storedMatrices(fx.db, tenant);
      expect(rows.map((m) => [m.period, m.version, m.bytes]).sort()).toEqual(
        periods.map((period) => [period, version, 64]),
      );
    }
  });

  it('reads back exactly the bytes stored, of sizes up to and across its 1 MiB parts', async () => {
    const tenant = 'bytes tenant'; // the store has no foreign key: any tenant id keeps this test apart
    // Bytes no encoding keeps by chance: every value 0-255, shifted per position and per size.
    const sizes = [1, 57, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 2.5 * (1 << 20)];
    for (const [i, size] of sizes.entries()) {
      const bytes = new Uint8Array(size);
      for (let b = 0; b < size; b++) bytes[b] = (b * 31 + (b >> 8) + i) & 0xff;
      expect(await storeMatrix(fx.db, tenant, `p${i}`, 1, bytes)).toBe(true);
      const read = await readStoredMatrix(fx.db, tenant, `p${i}`, 1);
      expect(read?.matrix.byteLength).toBe(size);
      expect(Buffer.compare(Buffer.from(read?.matrix ?? []), Buffer.from(bytes))).toBe(0);
    }
    expect(await readStoredMatrix(fx.db, tenant, 'p0', 2)).toBeNull();
    expect(await readStoredMatrix(fx.db, tenant, 'none', 1)).toBeNull();
  });

  it('requests asking for one period at once share one build', async () => {
    // A Kysely instance of its own has nothing in memory; a period never asked is not stored either.
    const db = fx.db.withoutPlugins();
    const period = { tenantId: fx.tenantId, from: '2023-04-01', to: '2023-04-30' };
    const events: MatrixEvent[] = [];
    const [a, b] = await Promise.all([
      dominoMatrix(db, period, { matrix: (e) => events.push(e) }),
      dominoMatrix(db, period, { matrix: (e) => events.push(e) }),
    ]);
    // Two builds would give two matrices equal in value; one shared build gives the same object.
    expect(a).toBe(b);
    expect(events.map((e) => e.source)).toEqual(['built', 'built']);
    await dominoStoresSettled();
  });

  it('after a write, the warmer rebuilds the recently used periods once the version stands still', async () => {
    const period = { from: '2023-03-01', to: '2023-05-31' };
    const key = '2023-03-01..2023-05-31';
    // The periods of the tests above are left out: this test's period is the only one stored.
    await sql`DELETE FROM analytics_domino_matrix WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    expect((await observed(fx, period)).effect.rounds.map((r) => r.amount)).toEqual([
      100,
      expect.closeTo(25, 9),
      expect.closeTo(5, 9),
    ]);
    const warmer = warmDominoMatrices(fx.db, pino({ level: 'silent' }), 0, QUICK_GIVE_WAY);
    expect(await stalePeriods(fx.db, 10)).toEqual([]);
    expect(await warmer.tick()).toBe(0);
    await pay(fx, 20, '2023-04-10');
    expect((await stalePeriods(fx.db, 10)).map((p) => p.period)).toContain(key);
    expect(await warmer.tick()).toBe(0); // the version just moved: wait a tick
    await pay(fx, 10, '2023-04-11');
    expect(await warmer.tick()).toBe(0); // it moved again
    expect(await warmer.tick()).toBe(1); // it stood still: the period is rebuilt and stored
    const { version } = await analyticsVersions(fx.db, fx.tenantId);
    const stored = await storedMatrices(fx.db, fx.tenantId);
    expect(stored.find((m) => m.period === key)).toMatchObject({ version });
    expect(await warmer.tick()).toBe(0);
    // U2 now paid U3 20 + 20 + 10 = 50; rev[U2] = max(received 50, snapshot 100, paid 50) = 100, so
    // m[U2][U3] = 0.5: R1 = 100, R2 = 25, R3 = 12.5, and LM3 = 1.375. Another instance (no memory
    // of its own) reads the warmed matrix from the store.
    const elsewhere = await observed(fx, period, fx.db.withoutPlugins());
    expect(elsewhere.source).toEqual(['store']);
    expect(elsewhere.effect.rounds.map((r) => r.amount)).toEqual([100, expect.closeTo(25, 9), expect.closeTo(12.5, 9)]);
    expect(elsewhere.effect.multiplier).toBeCloseTo(1.375, 12);
    await warmer.stop();
  });

  it("a build ahead keeps the period's last use; an answer from memory marks it used", async () => {
    // A period of its own: the answers from memory of the tests above were noted a moment ago.
    const period = { from: '2023-02-01', to: '2023-06-30' };
    const key = '2023-02-01..2023-06-30';
    await observed(fx, period); // built and stored: used now
    const usedAt = async () =>
      Number(
        (
          await sql<{ ago: number }>`SELECT extract(epoch FROM now() - used_at)::float8 AS ago
            FROM analytics_domino_matrix WHERE tenant_id = ${fx.tenantId} AND period = ${key}`.execute(fx.db)
        ).rows[0]?.ago,
      );
    await sql`UPDATE analytics_domino_matrix SET used_at = now() - interval '50 minutes'
      WHERE tenant_id = ${fx.tenantId} AND period = ${key}`.execute(fx.db);
    const warmer = warmDominoMatrices(fx.db, pino({ level: 'silent' }), 0, QUICK_GIVE_WAY);
    await pay(fx, 5, '2023-04-14');
    expect(await warmer.tick()).toBe(0); // the version just moved: wait a tick
    expect(await warmer.tick()).toBeGreaterThanOrEqual(1); // rebuilt, with the other recent periods
    await warmer.stop();
    const { version } = await analyticsVersions(fx.db, fx.tenantId);
    expect((await storedMatrices(fx.db, fx.tenantId)).find((m) => m.period === key)?.version).toBe(version);
    expect(await usedAt()).toBeGreaterThan(49 * 60); // the build ahead was no use
    const answered = await observed(fx, period); // from the warmed matrix in memory: a use
    expect(answered.source).toEqual(['memory']);
    expect(await usedAt()).toBeLessThan(60);
    // Off the warmer's list again: the tests below count the periods it rebuilds.
    await sql`DELETE FROM analytics_domino_matrix WHERE tenant_id = ${fx.tenantId} AND period = ${key}`.execute(fx.db);
  });

  it('gives way to a request computing a dominoEffect, and leaves the period a request rebuilt meanwhile', async () => {
    const period = { from: '2023-03-01', to: '2023-05-31' };
    const key = '2023-03-01..2023-05-31';
    await observed(fx, period); // stored, and used: on the warmer's list
    const warmer = warmDominoMatrices(fx.db, pino({ level: 'silent' }), 0, QUICK_GIVE_WAY);
    await pay(fx, 5, '2023-04-12');
    expect(await warmer.tick()).toBe(0); // the version just moved: wait a tick
    // A request's computation in progress (held open by the test): the warmer waits for its end.
    let release = () => {};
    const request = asDemand(() => new Promise<void>((resolve) => (release = resolve)));
    let warmed: number | null = null;
    const ticking = warmer.tick().then((n) => {
      warmed = n;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warmed).toBeNull();
    const { version } = await analyticsVersions(fx.db, fx.tenantId);
    expect((await storedMatrices(fx.db, fx.tenantId)).find((m) => m.period === key)?.version).toBeLessThan(version);
    // Meanwhile another request asks for the period: it builds and stores the matrix itself.
    expect((await observed(fx, period)).source).toEqual(['built']);
    release();
    await request;
    await ticking;
    expect(warmed).toBe(0); // the period is current: not built a second time
    expect((await storedMatrices(fx.db, fx.tenantId)).find((m) => m.period === key)).toMatchObject({ version });
    await warmer.stop();
  });

  it('stops at once while it waits for the requests, rebuilding nothing', async () => {
    const period = { from: '2023-03-01', to: '2023-05-31' };
    await observed(fx, period);
    const warmer = warmDominoMatrices(fx.db, pino({ level: 'silent' }), 0, QUICK_GIVE_WAY);
    await pay(fx, 5, '2023-04-13');
    expect(await warmer.tick()).toBe(0); // the version just moved: wait a tick
    let release = () => {};
    const request = asDemand(() => new Promise<void>((resolve) => (release = resolve)));
    const ticking = warmer.tick();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopping = performance.now();
    await warmer.stop(); // the wait would last a minute (QUICK_GIVE_WAY.maxWaitMs)
    expect(performance.now() - stopping).toBeLessThan(30_000);
    expect(await ticking).toBe(0);
    release();
    await request;
    expect((await stalePeriods(fx.db, 10)).map((p) => p.period)).toContain('2023-03-01..2023-05-31');
  });

  it('builds the whole recorded period of a tenant with nothing stored, and the parts it read', async () => {
    // A database just loaded: nothing in the store for the tenant.
    await sql`DELETE FROM analytics_domino_matrix WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    await sql`DELETE FROM analytics_domino_part WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    const ours = async () => (await stalePeriods(fx.db, 10)).filter((p) => p.tenantId === fx.tenantId);
    const warmer = warmDominoMatrices(fx.db, pino({ level: 'silent' }), 0, QUICK_GIVE_WAY);
    expect(await warmer.tick()).toBe(0); // listed, its version seen once
    expect((await ours()).map((p) => [p.period, p.seed])).toEqual([[WHOLE_PERIOD, true]]);
    // While a request's analytic work runs, the optional build is left for a later tick, not waited for.
    let release = () => {};
    const request = asDemand(() => new Promise<void>((resolve) => (release = resolve)));
    const skipping = performance.now();
    expect(await warmer.tick()).toBe(0);
    expect(performance.now() - skipping).toBeLessThan(QUICK_GIVE_WAY.maxWaitMs / 2);
    release();
    await request;
    await new Promise((resolve) => setTimeout(resolve, 3 * QUICK_GIVE_WAY.quietMs));
    expect(await warmer.tick()).toBe(1); // quiet, the version stood still: built and stored
    const { version } = await analyticsVersions(fx.db, fx.tenantId);
    const stored = await storedMatrices(fx.db, fx.tenantId);
    expect(stored.map((m) => [m.period, m.version, m.bytes > 0])).toEqual([[WHOLE_PERIOD, version, true]]);
    expect((await storedParts(fx.db, fx.tenantId)).length).toBeGreaterThan(0);
    expect(await ours()).toEqual([]);
    expect(await listUnbuiltTenants(fx.db.withoutPlugins())).toBe(0); // it has a stored matrix now
    await warmer.stop();
    // Another instance reads the whole period from the store, and answers as a build from the tables does.
    const fromStore = await observed(fx, {}, fx.db.withoutPlugins());
    expect(fromStore.source).toEqual(['store']);
    await sql`DELETE FROM analytics_domino_matrix WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    await sql`DELETE FROM analytics_domino_part WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    const built = await observed(fx, {}, fx.db.withoutPlugins());
    expect(built.source).toEqual(['built']);
    expect(fromStore.effect).toEqual(built.effect);
  });

  it('at start, builds the whole recorded period of a tenant with nothing stored before it resolves, and nothing at the next start', async () => {
    await sql`DELETE FROM analytics_domino_matrix WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    await sql`DELETE FROM analytics_domino_part WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    const silent = pino({ level: 'silent' });
    // A process just started: nothing of the tenant's in its memory (another handle than fx.db's).
    expect(await buildAheadAtStart(fx.db.withoutPlugins(), silent, 60_000)).toBeGreaterThanOrEqual(1);
    const { version } = await analyticsVersions(fx.db, fx.tenantId);
    const stored = await storedMatrices(fx.db, fx.tenantId);
    expect(stored.map((m) => [m.period, m.version, m.bytes > 0])).toEqual([[WHOLE_PERIOD, version, true]]);
    expect((await storedParts(fx.db, fx.tenantId)).length).toBeGreaterThan(0);
    // The next start finds the tenant's matrix stored: it builds nothing for it.
    await buildAheadAtStart(fx.db.withoutPlugins(), silent, 60_000);
    expect(await storedMatrices(fx.db, fx.tenantId)).toEqual(stored);
    // A request of another instance reads it from the store.
    expect((await observed(fx, {}, fx.db.withoutPlugins())).source).toEqual(['store']);
  });

  it('at start, waits no longer than it is given: the build goes on and is stored after', async () => {
    await sql`DELETE FROM analytics_domino_matrix WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    await sql`DELETE FROM analytics_domino_part WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    // Every statement of this handle waits for the gate: the build cannot end before it opens.
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated = fx.db.withoutPlugins().withPlugin({
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        await gate;
        return args.result;
      },
    });
    // It resolves after 50 ms with nothing built (the gated statement holds PGlite's one connection,
    // so the store is looked at only once the gate is open).
    expect(await buildAheadAtStart(gated, pino({ level: 'silent' }), 50)).toBe(0);
    open();
    const { version } = await analyticsVersions(fx.db, fx.tenantId);
    await vi.waitFor(
      async () => {
        const stored = await storedMatrices(fx.db, fx.tenantId);
        expect(stored.map((m) => [m.period, m.version])).toEqual([[WHOLE_PERIOD, version]]);
      },
      { timeout: 30_000, interval: 50 },
    );
    await dominoStoresSettled();
  });

  it('lets one instance at a time claim a stale period', async () => {
    const stale = { tenantId: 'claims', period: 'p', version: 2, seed: false };
    const matrix = new Uint8Array(16);
    await storeMatrix(fx.db, stale.tenantId, stale.period, 1, matrix);
    expect(await claimStalePeriod(fx.db, stale, 120)).toBe(true);
    expect(await claimStalePeriod(fx.db, stale, 120)).toBe(false); // claimed by the first
    // A claim strictly older than 0 s is taken over: let the clock move on first (PGlite's clock
    // can give two statements in a row the same now()).
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await claimStalePeriod(fx.db, stale, 0)).toBe(true);
    await storeMatrix(fx.db, stale.tenantId, stale.period, 2, matrix);
    expect(await claimStalePeriod(fx.db, stale, 0)).toBe(false); // current now: nothing to claim
  });
});
