import type { DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitAnalytics } from '../src/analytics/admission.ts';
import { analytic, withWorkMem, withWorkMemEach } from '../src/analytics/versions.ts';

/*
 * Admission of analytic statements: at most ANALYTICS_CONCURRENCY at once, the rest waiting at
 * most ANALYTICS_QUEUE_MS, each with ANALYTICS_WORK_MEM_MB of work_mem.
 */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ migrate: false });
});
afterAll(() => handle?.close());

describe('analytics admission', () => {
  it('runs analytic statements with the configured work_mem', async () => {
    {
      const db = handle.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result });
      admitAnalytics(db, { concurrency: 2, queueMs: 1_000, workMemMb: 16 });
      const shown = await withWorkMem(db, (trx) => sql<{ work_mem: string }>`SHOW work_mem`.execute(trx));
      expect(shown.rows[0]?.work_mem).toBe('16MB');
      // Outside the analytic transaction the session keeps its own setting.
      const outside = await sql<{ work_mem: string }>`SHOW work_mem`.execute(db);
      expect(outside.rows[0]?.work_mem).not.toBe('16MB');
    }
  });

  it('runs a serial analytic statement without parallel workers, the others with the session default', async () => {
    const workers = async (options: { serial?: boolean }) =>
      (
        await analytic(
          handle.db,
          sql<{ workers: string }>`SELECT current_setting('max_parallel_workers_per_gather') AS workers`,
          options,
        )
      ).rows[0]?.workers;
    // A session that allows parallel workers (PostgreSQL's default is 2; PGlite, one session, is set so here).
    if (testEngine !== 'postgres') await sql`SET max_parallel_workers_per_gather = 2`.execute(handle.db);
    const byDefault = await workers({});
    expect(byDefault).not.toBe('0');
    expect(await workers({ serial: true })).toBe('0');
    expect(await workers({})).toBe(byDefault); // the setting stayed in the serial statement's transaction
  });

  it('lets `concurrency` statements run, queues the next, and answers BUSY when the wait runs out', async () => {
    {
      const db = handle.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result });
      admitAnalytics(db, { concurrency: 1, queueMs: 300, workMemMb: 8 });
      let open!: () => void;
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const first = withWorkMem(db, async (trx) => {
        await gate;
        return (await sql<{ n: number }>`SELECT 1 AS n`.execute(trx)).rows[0]?.n;
      });
      const started = performance.now();
      await expect(withWorkMem(db, async () => 2)).rejects.toMatchObject({
        extensions: { code: 'BUSY', retryAfter: 1, http: { status: 503 } },
      });
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      // One waiting while the slot is taken runs as soon as it is freed.
      const third = withWorkMem(db, async () => 3);
      open();
      expect(await first).toBe(1);
      expect(await third).toBe(3);
    }
  });

  it('withWorkMemEach: one slot and its work_mem shared by all, each run in a transaction of its own; `consistent` in one REPEATABLE READ transaction', async () => {
    const db = handle.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result });
    admitAnalytics(db, { concurrency: 1, queueMs: 300, workMemMb: 12 });
    const probe = async (trx: typeof db) =>
      (
        await sql<{ xid: string; work_mem: string; isolation: string }>`SELECT txid_current()::text AS xid,
          current_setting('work_mem') AS work_mem, current_setting('transaction_isolation') AS isolation`.execute(trx)
      ).rows[0];
    // Three runs under a concurrency of one: they share the one slot (each taking its own would wait and fail BUSY).
    const apart = await withWorkMemEach(db, [probe, probe, probe]);
    expect(new Set(apart.map((row) => row?.xid)).size).toBe(3);
    // Side by side they share the slot's work_mem: a third each.
    expect(apart.map((row) => row?.work_mem)).toEqual(['4MB', '4MB', '4MB']);
    const together = await withWorkMemEach(db, [probe, probe, probe], { consistent: true });
    expect(new Set(together.map((row) => row?.xid)).size).toBe(1);
    expect(together.map((row) => row?.isolation)).toEqual(['repeatable read', 'repeatable read', 'repeatable read']);
    expect(together[0]?.work_mem).toBe('12MB');
    // In the caller's transaction: there, one after the other.
    const inside = await db.transaction().execute(async (trx) => {
      const own = await probe(trx);
      return { own, runs: await withWorkMemEach(trx, [probe, probe]) };
    });
    expect(inside.runs.map((row) => row?.xid)).toEqual([inside.own?.xid, inside.own?.xid]);
  });
});
