import { applyPendingRollups, setRollupMode } from '@jejaring/db';
import { testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dominoEffect } from '../../src/analytics/domino-effect.sql.ts';
import { programOutcomes } from '../../src/analytics/program-outcomes.sql.ts';
import { cachedResult } from '../../src/analytics/result-cache.sql.ts';
import { spendSummary } from '../../src/analytics/spend-summary.sql.ts';
import { useFixture } from './harness.ts';

/*
 * The shared result cache (analytics_result): answers come from it while the data version stands,
 * and every kind of write moves the version. Expected values by hand from
 * tests/fixtures/bundles/analytics-programs: in 2023 the agencies DIK and KES (without their
 * network) bought 3000 + 1000 + 4000 + 1000 + 900 + 2100 = 12,000, of which 3000 + 1000 (U1) and
 * 900 (U3) = 4900 from local UMKM, two distinct sellers.
 */
describe(`the shared result cache of the measures (${testEngine})`, () => {
  const fx = useFixture('programs');
  const year2023 = () => fx.scope({ fiscalYear: 2023 });
  const stored = async (measure: string) =>
    Number(
      (
        await sql<{
          n: number;
        }>`SELECT count(*) AS n FROM analytics_result WHERE tenant_id = ${fx.tenantId} AND measure = ${measure}`.execute(
          fx.db,
        )
      ).rows[0]?.n,
    );
  const buy = (ref: string, amount: number) =>
    sql`INSERT INTO "transaction" (tenant_id, buyer_id, seller_id, category, amount, occurred_on, source_ref)
      VALUES (${fx.tenantId}, ${fx.id('DIK')}, ${fx.id('U2')}, 'GARMENTS', ${amount}, '2023-05-01', ${ref})`.execute(
      fx.db,
    );
  const unbuy = (ref: string) =>
    sql`DELETE FROM "transaction" WHERE tenant_id = ${fx.tenantId} AND source_ref = ${ref}`.execute(fx.db);

  it('stores an answer once per filter and answers a new purchase, and its removal, at once', async () => {
    const before = { total: 12_000, toLocalUmkm: 4900, sellersReached: 2 };
    expect(await spendSummary(fx.db, year2023())).toMatchObject(before);
    expect(await spendSummary(fx.db, year2023())).toMatchObject(before);
    expect(await stored('spendSummary')).toBe(1);
    await buy('cache-1', 1500); // DIK pays U2, a local small enterprise
    expect(await spendSummary(fx.db, year2023())).toMatchObject({
      total: 13_500,
      toLocalUmkm: 6400,
      sellersReached: 3,
    });
    await unbuy('cache-1');
    expect(await spendSummary(fx.db, year2023())).toMatchObject(before);
    expect(await stored('spendSummary')).toBe(1); // the rows of older versions left
  });

  it('serves the stored rows (what any instance stored) until the version moves', async () => {
    await spendSummary(fx.db, year2023());
    await sql`UPDATE analytics_result SET rows = jsonb_set(rows, '{0,total}', '99999')
      WHERE tenant_id = ${fx.tenantId} AND measure = 'spendSummary'`.execute(fx.db);
    // Another instance (a Kysely instance of its own: nothing in memory) reads the stored rows.
    const other = fx.db.withoutPlugins();
    expect((await spendSummary(other, year2023())).total).toBe(99_999);
    // A write to a policy target moves the version: the stored rows are no longer served.
    await sql`UPDATE policy_target SET target_share = target_share WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    expect((await spendSummary(other, year2023())).total).toBe(12_000);
  });

  it('answers again from the process memory at the same version, and not after the version moves', async () => {
    const db = fx.db.withoutPlugins();
    let computed = 0;
    const answer = () => cachedResult(db, fx.tenantId, 'spendSummary', 'memory-test', async () => [{ n: ++computed }]);
    expect(await answer()).toEqual([{ n: 1 }]);
    // The stored row changed behind its back: the process answers what it holds at that version,
    // neither computing again nor reading the row.
    await sql`UPDATE analytics_result SET rows = '[{"n": 99}]'::jsonb
      WHERE tenant_id = ${fx.tenantId} AND key = 'memory-test'`.execute(fx.db);
    expect(await answer()).toEqual([{ n: 1 }]);
    expect(computed).toBe(1);
    // Another instance reads the stored row. The answers a process holds are shared: read-only.
    expect(
      await cachedResult(fx.db.withoutPlugins(), fx.tenantId, 'spendSummary', 'memory-test', async () => [{ n: -1 }]),
    ).toEqual([{ n: 99 }]);
    const rows = await answer();
    expect(Object.isFrozen(rows) && Object.isFrozen(rows[0])).toBe(true);
    // A write moves the version: computed again.
    await sql`UPDATE policy_target SET target_share = target_share WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    expect(await answer()).toEqual([{ n: 2 }]);
    expect(computed).toBe(2);
  });

  it('keeps dominoEffect answers per scope and rounds, and serves them until the version moves', async () => {
    const first = await dominoEffect(fx.db, year2023(), 3);
    expect(await dominoEffect(fx.db, year2023(), 3)).toEqual(first);
    expect(await stored('dominoEffect')).toBe(1);
    expect((await dominoEffect(fx.db, year2023(), 4)).rounds).toHaveLength(4);
    expect(await stored('dominoEffect')).toBe(2);
    await sql`UPDATE analytics_result SET rows = jsonb_set(rows, '{injection}', '12345')
      WHERE tenant_id = ${fx.tenantId} AND measure = 'dominoEffect'`.execute(fx.db);
    expect((await dominoEffect(fx.db.withoutPlugins(), year2023(), 3)).injection).toBe(12_345);
    await sql`UPDATE policy_target SET target_share = target_share WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
    expect(await dominoEffect(fx.db, year2023(), 3)).toEqual(first);
  });

  it("answers a change of a program's budget (programs move the version too)", async () => {
    const p1 = async () => (await programOutcomes(fx.db, fx.tenantId, 2023, null)).find((r) => r.code === '1.01.01');
    expect(await p1()).toMatchObject({ budget: 10_000, realized: 6000, realizationRate: 0.6 });
    const setBudget = (budget: number) =>
      sql`UPDATE program SET budget = ${budget} WHERE tenant_id = ${fx.tenantId} AND id = ${fx.id('P1')}`.execute(
        fx.db,
      );
    await setBudget(20_000);
    expect(await p1()).toMatchObject({ budget: 20_000, realized: 6000, realizationRate: 0.3 });
    await setBudget(10_000);
    expect(await p1()).toMatchObject({ budget: 10_000, realizationRate: 0.6 });
  });

  it('stores the answers of requests arriving together after each write, no store refusing another', async () => {
    // A dashboard asks for several measures at once, and after a write each stores its answer at the
    // new version while dropping the older ones. On PostgreSQL these stores run on connections of
    // their own at the same moment; none may fail on another's locks (a deadlock was an error).
    const keys = Array.from({ length: 8 }, (_, i) => `concurrent-${i}`);
    for (let round = 1; round <= 40; round++) {
      await sql`UPDATE policy_target SET target_share = target_share WHERE tenant_id = ${fx.tenantId}`.execute(fx.db);
      const answers = await Promise.all(
        keys.map((key, i) => cachedResult(fx.db, fx.tenantId, 'test', key, async () => ({ round, i }))),
      );
      expect(answers).toEqual(keys.map((_, i) => ({ round, i })));
      const rows = await sql<{ n: number; versions: number }>`
        SELECT count(*)::int AS n, count(DISTINCT version)::int AS versions FROM analytics_result
        WHERE tenant_id = ${fx.tenantId} AND measure = 'test'`.execute(fx.db);
      // Each round's stores left its 8 answers, at one version: the older rows were dropped.
      expect(rows.rows[0]).toEqual({ n: 8, versions: 1 });
    }
  });

  it('in SCHEDULED mode answers a purchase once the scheduler applied it', async () => {
    await setRollupMode(fx.db, 'SCHEDULED');
    try {
      await buy('cache-2', 700);
      // Recorded, not applied: the rollups (and so the answer) do not hold it yet.
      expect(await spendSummary(fx.db, year2023())).toMatchObject({ total: 12_000, sellersReached: 2 });
      await applyPendingRollups(fx.db);
      expect(await spendSummary(fx.db, year2023())).toMatchObject({
        total: 12_700,
        toLocalUmkm: 5600,
        sellersReached: 3,
      });
      await unbuy('cache-2');
      await applyPendingRollups(fx.db);
      expect(await spendSummary(fx.db, year2023())).toMatchObject({ total: 12_000, sellersReached: 2 });
    } finally {
      await setRollupMode(fx.db, 'TRIGGER');
    }
  });
});
