import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../demo/load.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { createTestDatabase, ROLLUP_TABLES, rollupRows, TEST_TENANT, testEngine } from '../src/testing.ts';

/*
 * The demo loader's bulk mode into an empty database turns the rollup triggers off and fills the
 * rollups once after the load, with their keys dropped and re-created (analytics_fill,
 * demo/load.ts). Checked here against the triggers themselves on the same rows: reclassifying every
 * party changes no class, and every purchase taken out through the delete trigger empties the
 * purchase rollups, then put back through the insert trigger (whose upserts need the keys back)
 * gives exactly the rows the fill wrote.
 */

describe(`the demo load's rollups, rebuilt once, are those the triggers keep (${testEngine})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await loadDemo(handle.db, TEST_TENANT, { seed: 1, scale: 1 });
  }, 600_000);
  afterAll(() => handle?.close());

  it("fills only rollups that hold none of the tenant's rows", async () => {
    await expect(sql`SELECT analytics_fill(${TEST_TENANT})`.execute(handle.db)).rejects.toThrow(
      /rollups already hold rows of tenant/,
    );
  });

  it('equals, row for row, the purchases and parties put through the triggers', async () => {
    const rebuilt = await rollupRows(handle.db);
    const rows = (r: unknown[]) => (r.filter(Array.isArray) as string[][]).reduce((n, t) => n + t.length, 0);
    expect(rows(rebuilt)).toBeGreaterThan(100_000);

    await handle.db.transaction().execute(async (trx) => {
      // Nothing to change: every stored class is the one the triggers would derive from the rows.
      await sql`SELECT analytics_reclassify(${TEST_TENANT}, (SELECT array_agg(id) FROM party WHERE tenant_id = ${TEST_TENANT}))`.execute(
        trx,
      );
      expect(await rollupRows(trx)).toEqual(rebuilt);

      await sql`CREATE TEMP TABLE demo_purchases ON COMMIT DROP AS
        SELECT * FROM "transaction" WHERE tenant_id = ${TEST_TENANT}`.execute(trx);
      await sql`DELETE FROM "transaction" WHERE tenant_id = ${TEST_TENANT}`.execute(trx);
      const emptied = await rollupRows(trx);
      // The classes stay (the parties do); every rollup of purchases is empty.
      for (const [k, table] of ROLLUP_TABLES.entries()) {
        const left = emptied[2 * k + 1] as string[];
        if (table === 'analytics_party_class') expect(left).toEqual(rebuilt[2 * k + 1]);
        else expect({ table, left: left.length }).toEqual({ table, left: 0 });
      }
      await sql`INSERT INTO "transaction" SELECT * FROM demo_purchases ORDER BY id`.execute(trx);
      expect(await rollupRows(trx)).toEqual(rebuilt);
    });
  }, 600_000);
});
