import {
  applyPendingRollups,
  type DatabaseHandle,
  pendingRollupChanges,
  rebuildRollups,
  rollupMode,
  setRollupMode,
} from '@jejaring/db';
import { createTestDatabase, rollupRows, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearTenant, loadFixture } from './fixtures.ts';
import { randomWrite } from './histories.ts';
import { prng, randomFixture } from './random.ts';

/*
 * The two ways of keeping the rollups (docs/scale-out.md "Rollups") and the rebuild must agree
 * row by row: two databases receive the same random history (a fixture loaded, then purchases
 * entered, corrected, voided and deleted, parties reclassified, new parties, merges); one keeps
 * its rollups by triggers, the other records the changes and a scheduler applies them in batches
 * of random sizes at random moments; then each is rebuilt from scratch.
 */

const HISTORIES = Number(process.env.ROLLUP_MODES_HISTORIES ?? 24);

type Db = DatabaseHandle['db'];

/** The tenant's rows gone (voided purchases first: they point at parties), and nothing left to apply. */
async function reset(db: Db): Promise<void> {
  await sql`DELETE FROM voided_transaction WHERE tenant_id = ${TEST_TENANT}`.execute(db);
  await clearTenant(db, TEST_TENANT);
  await applyPendingRollups(db);
}

/** Rows of the rollup tables (tenant_id first in each), counted, but for the tables of `except`. */
async function rollupCount(db: Db, except: readonly string[] = []): Promise<number> {
  const rows = (await rollupRows(db)) as Array<string | string[]>;
  let count = 0;
  for (let k = 0; k < rows.length; k += 2) if (!except.includes(rows[k] as string)) count += rows[k + 1]?.length ?? 0;
  return count;
}

describe(`rollups kept by triggers = applied by the scheduler = rebuilt, on ${HISTORIES} random histories (${testEngine})`, () => {
  let triggered: DatabaseHandle;
  let scheduled: DatabaseHandle;
  beforeAll(async () => {
    triggered = await createTestDatabase();
    scheduled = await createTestDatabase();
    await setRollupMode(scheduled.db, 'SCHEDULED');
  });
  afterAll(async () => {
    await triggered?.close();
    await scheduled?.close();
  });

  it('starts in TRIGGER mode, and switches', async () => {
    expect(await rollupMode(triggered.db)).toBe('TRIGGER');
    expect(await rollupMode(scheduled.db)).toBe('SCHEDULED');
  });

  it.each(Array.from({ length: HISTORIES }, (_, i) => 2000 + i))('history seed %i', async (seed) => {
    const fixture = randomFixture(seed);
    const history = async (db: Db, scheduler: ReturnType<typeof prng> | null): Promise<string[]> => {
      await reset(db);
      expect(await rollupCount(db)).toBe(0);
      await loadFixture(db, TEST_TENANT, fixture);
      if (scheduler) {
        // Recorded, not applied: every purchase waits, and no party is classified yet. (The
        // snapshots' yearly sums are kept at once in both modes.)
        const pending = await pendingRollupChanges(db);
        expect(pending.transactions).toBe(fixture.transactions?.length ?? 0);
        expect(pending.parties).toBe(fixture.parties.length);
        expect(await rollupCount(db, ['analytics_snapshot_year'])).toBe(0);
      }
      const rng = prng(seed * 13 + 5);
      const done: string[] = [];
      const steps = rng.int(4, 12);
      for (let step = 0; step < steps; step++) {
        done.push(await randomWrite(db, TEST_TENANT, rng, `H${seed}-${step}`));
        if (scheduler?.chance(0.4)) {
          const batch = scheduler.pick([1, 2, 3, 7, 50, 50_000]);
          done.push(`applied ${await applyPendingRollups(db, batch)} in batches of ${batch}`);
        }
      }
      return done;
    };

    const writes = await history(triggered.db, null);
    expect(await applyPendingRollups(triggered.db), 'TRIGGER mode records nothing').toBe(0);
    const byTriggers = await rollupRows(triggered.db);

    const schedule = prng(seed * 31 + 7);
    const scheduledWrites = await history(scheduled.db, schedule);
    const waiting = await pendingRollupChanges(scheduled.db);
    if (seed % 4 === 0) {
      // Back to TRIGGER mode: what waits is applied first.
      expect(await setRollupMode(scheduled.db, 'TRIGGER')).toBe(waiting.transactions + waiting.parties);
      await setRollupMode(scheduled.db, 'SCHEDULED');
    } else {
      expect(await applyPendingRollups(scheduled.db, schedule.pick([1, 5, 50_000]))).toBe(
        waiting.transactions + waiting.parties,
      );
    }
    expect(await pendingRollupChanges(scheduled.db)).toEqual({ transactions: 0, parties: 0 });
    const byScheduler = await rollupRows(scheduled.db);

    const label = `after ${writes.join('; ')} (scheduler: ${scheduledWrites.filter((w) => w.startsWith('applied')).join('; ')})`;
    expect(byScheduler, label).toEqual(byTriggers);
    await rebuildRollups(triggered.db, TEST_TENANT);
    expect(await rollupRows(triggered.db), label).toEqual(byTriggers);
    await rebuildRollups(scheduled.db, TEST_TENANT);
    expect(await rollupRows(scheduled.db), label).toEqual(byTriggers);
  });
});

describe(`the scheduler's apply for one tenant (${testEngine})`, () => {
  const OTHER = '61.71';
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase({ tenants: [TEST_TENANT, OTHER] });
    await setRollupMode(handle.db, 'SCHEDULED');
  });
  afterAll(() => handle?.close());

  it("applies that tenant's recorded changes only, and the rollups then equal a rebuild", async () => {
    const mine = randomFixture(3001);
    const theirs = randomFixture(3002);
    await loadFixture(handle.db, TEST_TENANT, mine);
    await loadFixture(handle.db, OTHER, theirs);
    const theirsWaiting = { transactions: theirs.transactions?.length ?? 0, parties: theirs.parties.length };
    expect(await pendingRollupChanges(handle.db, OTHER)).toEqual(theirsWaiting);
    const mineWaiting = (mine.transactions?.length ?? 0) + mine.parties.length;
    expect(mineWaiting).toBeGreaterThan(0);

    expect(await applyPendingRollups(handle.db, 7, TEST_TENANT)).toBe(mineWaiting);
    expect(await pendingRollupChanges(handle.db, TEST_TENANT)).toEqual({ transactions: 0, parties: 0 });
    // The other tenant's changes still wait, and none of its rows reached a rollup.
    expect(await pendingRollupChanges(handle.db, OTHER)).toEqual(theirsWaiting);
    const other = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM analytics_party_class WHERE tenant_id = ${OTHER}`.execute(handle.db);
    expect(other.rows[0]?.n).toBe(0);

    const applied = await rollupRows(handle.db);
    await rebuildRollups(handle.db, TEST_TENANT);
    expect(await rollupRows(handle.db)).toEqual(applied);
  });
});
