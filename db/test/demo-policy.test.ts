import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideDemo } from '../demo/policy.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../src/testing.ts';

/*
 * Where the demo dataset may go on start (db/demo/policy.ts): `auto` only into an empty embedded
 * database, `on` into an empty tenant anywhere, never into a tenant with data. Each test decides
 * for a tenant of its own, so what one writes decides no other's case.
 */
const SINGKAWANG = '61.72'; // stays empty
const PONTIANAK = '61.71'; // gets an account
// TEST_TENANT (Kubu Raya) gets a collection target

describe(`the demo data decision (${testEngine})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase({ tenants: [TEST_TENANT, PONTIANAK, SINGKAWANG] });
  });
  afterAll(() => handle?.close());

  const decide = (tenant: string, engine: 'pglite' | 'postgres', demoData: 'auto' | 'on' | 'off') =>
    decideDemo(handle.db, engine, { demoData, tenant });

  it('on an empty tenant: auto loads into PGlite only, on loads into either, off never', async () => {
    expect(await decide(SINGKAWANG, 'pglite', 'auto')).toEqual({ load: true });
    expect(await decide(SINGKAWANG, 'postgres', 'auto')).toEqual({ load: false, reason: 'postgres-needs-on' });
    expect(await decide(SINGKAWANG, 'postgres', 'on')).toEqual({ load: true });
    expect(await decide(SINGKAWANG, 'pglite', 'on')).toEqual({ load: true });
    expect(await decide(SINGKAWANG, 'pglite', 'off')).toEqual({ load: false, reason: 'off' });
  });

  it('an account alone leaves the tenant empty', async () => {
    await sql`INSERT INTO app_user (tenant_id, username, password_hash, role) VALUES (${PONTIANAK}, 'admin', 'x', 'ADMIN')`.execute(
      handle.db,
    );
    expect(await decide(PONTIANAK, 'postgres', 'on')).toEqual({ load: true });
  });

  it('never loads into a tenant with data, even a single row outside the parties (a collection target)', async () => {
    await sql`INSERT INTO collection_target (tenant_id, region_code, year, enterprises, cooperatives)
              VALUES (${TEST_TENANT}, '61.12.01', 2026, 10, 1)`.execute(handle.db);
    expect(await decide(TEST_TENANT, 'pglite', 'auto')).toEqual({ load: false, reason: 'tenant-has-data' });
    expect(await decide(TEST_TENANT, 'postgres', 'on')).toEqual({ load: false, reason: 'tenant-has-data' });
    expect(await decide(TEST_TENANT, 'pglite', 'on')).toEqual({ load: false, reason: 'tenant-has-data' });
  });
});
