import type { DatabaseHandle } from '@jejaring/db';
import { setUserDisabled } from '@jejaring/db/auth';
import { createDemoUsers } from '@jejaring/db/demo/users';
import { TEST_TENANT } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';

/*
 * In production mode the server refuses to start while a demo account still signs in with the
 * published password on a database holding data the demo did not load. The demo loader's own
 * records are imitated here (one agency, the demo accounts, the counts they were created with),
 * so the check runs without loading the whole demo dataset.
 */

const DEMO_AGENCY = '2.17.3.30.0.00.01.0000';

async function demoLike(handle: DatabaseHandle, extraParty: boolean) {
  const db = handle.db;
  const { id } = await db
    .insertInto('party')
    .values({
      tenant_id: TEST_TENANT,
      ref: 'AGENCY-DISKOPUKMDAG',
      kind: 'AGENCY',
      name: 'Diskopukmdag',
      is_government: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('agency_profile')
    .values({ tenant_id: TEST_TENANT, party_id: id, code: DEMO_AGENCY, agency_type: 'DINAS' })
    .execute();
  await createDemoUsers(db, TEST_TENANT, { parties: 1, transactions: 0 });
  if (extraParty) {
    await db
      .insertInto('party')
      .values({ tenant_id: TEST_TENANT, ref: 'REAL-1', kind: 'ENTERPRISE', name: 'Usaha Nyata' })
      .execute();
  }
}

const production = { NODE_ENV: 'production' };

describe('demo credentials in production mode', () => {
  it('starts on demo data alone', async () => {
    const server = await startTestServer({ env: production, seed: (h) => demoLike(h, false) });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });

  it('refuses to start when the database also holds a party the demo did not load, naming the accounts and the fix', async () => {
    await expect(startTestServer({ env: production, seed: (h) => demoLike(h, true) })).rejects.toThrow(
      /refusing to start in production mode: demo accounts \(admin\.demo, operator\.demo, policymaker\.demo, dprd\.demo, analyst\.demo\).*2 parties, the demo loaded 1.*pnpm cli user disable/,
    );
  });

  it('refuses to start when a party the demo loaded was changed afterwards', async () => {
    const seed = async (h: DatabaseHandle) => {
      await demoLike(h, false);
      // clock_timestamp(), not a JavaScript Date: the check compares with the demo's audit event to
      // the microsecond, and a Date (milliseconds) in the same millisecond would not be later. Read
      // as text first: Citus refuses a volatile function in an UPDATE of a distributed table.
      const now = await sql<{ at: string }>`SELECT clock_timestamp()::text AS at`.execute(h.db);
      await h.db
        .updateTable('party')
        .set({ name: 'Diskopukmdag (diubah)', updated_at: sql<Date>`${now.rows[0]?.at}::timestamptz` })
        .execute();
    };
    await expect(startTestServer({ env: production, seed })).rejects.toThrow(
      /parties changed after the demo was loaded/,
    );
  });

  it('starts on the same data in development mode', async () => {
    const server = await startTestServer({ seed: (h) => demoLike(h, true) });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });

  it('starts in production mode once every demo account is disabled', async () => {
    const server = await startTestServer({
      env: production,
      seed: async (h) => {
        await demoLike(h, true);
        for (const name of ['admin.demo', 'operator.demo', 'policymaker.demo', 'dprd.demo', 'analyst.demo']) {
          await setUserDisabled(h.db, TEST_TENANT, name, true);
        }
      },
    });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });
});
