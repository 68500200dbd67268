import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../demo/load.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import type { Database } from '../src/database.ts';
import { fillRollups } from '../src/rollups.queries.ts';
import { createTestDatabase, ROLLUP_TABLES, rollupDigests, TEST_TENANT, testEngine } from '../src/testing.ts';

/*
 * The demo loader's bulk mode into an empty database turns the rollup triggers off and fills the
 * rollups once after the load, with their keys dropped and re-created (analytics_fill,
 * demo/load.ts). Checked here against the triggers themselves on the same rows: reclassifying every
 * party changes no class; purchases taken out through the delete trigger leave exactly the rows a
 * fill of the remaining purchases writes, and put back through the insert trigger (whose upserts
 * need the keys back) they give exactly the rows the load's fill wrote. The demo is loaded at a
 * quarter of scale 1 (`fraction`: about 32,000 purchases and 100,000 rollup rows), which runs the
 * same statements in a third of the time; the story of the full demo is demo.test.ts's.
 */

describe(`the demo load's rollups, rebuilt once, are those the triggers keep (${testEngine})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await loadDemo(handle.db, TEST_TENANT, { seed: 1, scale: 1, fraction: 0.25 });
  }, 600_000);
  afterAll(() => handle?.close());

  it("fills only rollups that hold none of the tenant's rows", async () => {
    await expect(sql`SELECT analytics_fill(${TEST_TENANT})`.execute(handle.db)).rejects.toThrow(
      /rollups already hold rows of tenant/,
    );
  });

  /**
   * The correlation PostgreSQL's statistics give between the order of the rows in each table and
   * the order of the column given: 1 when a range of its values lies on consecutive pages, about 0
   * in a hash aggregate's order.
   */
  const correlations = async (executor: Kysely<Database>, columns: ReadonlyArray<readonly [string, string]>) => {
    const result = await sql<{ table: string; key: string; correlation: number }>`SELECT
        tablename AS table, attname AS key, correlation FROM pg_stats
      WHERE (tablename, attname) IN (${sql.join(columns.map(([t, k]) => sql`(${t}, ${k})`))})`.execute(executor);
    expect(result.rows).toHaveLength(columns.length);
    return result.rows;
  };

  it('loads the snapshots month by month', async () => {
    const [snapshots] = await correlations(handle.db, [['enterprise_snapshot', 'period']]);
    expect(snapshots?.correlation).toBeGreaterThan(0.99);
  });

  it('fills the same rollups in their key order when asked to, months or years first', async () => {
    const filled = await rollupDigests(handle.db);
    expect(Object.entries(filled).filter(([, table]) => table.rows === 0)).toEqual([]);
    // The first key of each rollup of purchases after the tenant: its month or year (or program).
    const firstKeys = await sql<{ table: string; key: string }>`SELECT c.relname AS table, a.attname AS key
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = (i.indkey::int2[])[1] -- from 0
      WHERE i.indisprimary AND c.relname = ANY (${ROLLUP_TABLES.filter((t) => t !== 'analytics_party_class')})`.execute(
      handle.db,
    );
    const columns = firstKeys.rows.map((r) => [r.table, r.key] as const);
    expect(columns).toHaveLength(ROLLUP_TABLES.length - 1);
    expect(columns.filter(([, key]) => !['month', 'year', 'program_id'].includes(key))).toEqual([]);
    const rollback = new Error('rollback');
    const run = handle.db.transaction().execute(async (trx) => {
      await sql`TRUNCATE ${sql.join(ROLLUP_TABLES.map((table) => sql.table(table)))}`.execute(trx);
      await fillRollups(trx, TEST_TENANT, true);
      expect(await rollupDigests(trx)).toEqual(filled);
      await sql`ANALYZE ${sql.join(columns.map(([table]) => sql.table(table)))}`.execute(trx);
      expect((await correlations(trx, columns)).filter((r) => !(r.correlation > 0.99))).toEqual([]);
      throw rollback;
    });
    await expect(run).rejects.toBe(rollback);
  });

  it('equals, row for row, what the triggers keep as purchases go out and come back', async () => {
    const filled = await rollupDigests(handle.db);
    expect(Object.values(filled).reduce((n, table) => n + table.rows, 0)).toBeGreaterThan(50_000);
    const rollback = new Error('rollback');
    const run = handle.db.transaction().execute(async (trx) => {
      // Nothing to change: every stored class is the one the triggers would derive from the rows.
      await sql`SELECT analytics_reclassify(${TEST_TENANT}, (SELECT array_agg(id) FROM party WHERE tenant_id = ${TEST_TENANT}))`.execute(
        trx,
      );
      expect(await rollupDigests(trx)).toEqual(filled);

      // Taken out through the delete trigger: one purchase in five, and every purchase of March 2023,
      // so that rollup rows lose some of their purchases, others all of them (a pair seen once, a
      // whole month). Putting every purchase through the triggers took 29 s on PGlite; a fifth of
      // them checks the same statements.
      await sql`CREATE TEMP TABLE taken ON COMMIT DROP AS
        SELECT * FROM "transaction" WHERE tenant_id = ${TEST_TENANT}
          AND (id % 5 = 0 OR occurred_on BETWEEN '2023-03-01' AND '2023-03-31')`.execute(trx);
      const taken = await sql<{ n: number; months: number }>`SELECT count(*)::int AS n,
          count(DISTINCT date_trunc('month', occurred_on))::int AS months FROM taken`.execute(trx);
      expect(taken.rows[0]?.n).toBeGreaterThan(5_000);
      expect(taken.rows[0]?.months).toBeGreaterThan(12);
      const march = () =>
        sql<{ n: number }>`SELECT count(*)::int AS n FROM analytics_spend_month
          WHERE tenant_id = ${TEST_TENANT} AND month = '2023-03-01'`.execute(trx);
      expect((await march()).rows[0]?.n).toBeGreaterThan(0);
      await sql`DELETE FROM "transaction" t USING taken WHERE t.tenant_id = taken.tenant_id AND t.id = taken.id`.execute(
        trx,
      );
      expect((await march()).rows[0]?.n).toBe(0);
      const rest = await rollupDigests(trx);
      expect(rest.analytics_party_class).toEqual(filled.analytics_party_class);
      // Every rollup of purchases changed; the classes did not, nor the snapshots summed by year.
      expect(Object.keys(rest).filter((table) => rest[table]?.digest === filled[table]?.digest)).toEqual([
        'analytics_party_class',
        'analytics_snapshot_year',
      ]);

      // What remains, filled from scratch (then undone): the same rows the delete trigger left.
      await sql`SAVEPOINT refill`.execute(trx);
      await sql`TRUNCATE ${sql.join(ROLLUP_TABLES.map((table) => sql.table(table)))}`.execute(trx);
      await fillRollups(trx, TEST_TENANT);
      expect(await rollupDigests(trx)).toEqual(rest);
      await sql`ROLLBACK TO SAVEPOINT refill`.execute(trx);

      // Put back through the insert trigger: the rows of the demo load's fill again.
      await sql`INSERT INTO "transaction" SELECT * FROM taken ORDER BY id`.execute(trx);
      expect(await rollupDigests(trx)).toEqual(filled);
      throw rollback;
    });
    await expect(run).rejects.toBe(rollback);
  }, 600_000);
});
