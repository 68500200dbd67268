import type { Kysely } from 'kysely';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { insertUser } from '../auth/users.queries.ts';
import type { Database, Role } from '../src/database.ts';

/*
 * The demo accounts: one per role, all with the published password below, marked `is_demo`. They
 * exist so the demo can be tried as every role; on a database that holds real data they are a open
 * door, so the server refuses to start in production mode while one of them still signs in with
 * this password and the data is no longer only the demo's (demoCredentialProblem).
 */

/** The password of every demo account (published in the README: demo data only). */
export const DEMO_PASSWORD = 'demo-jejaring-2026';

/** The demo operator works for the cooperatives and UMKM agency, which registers the enterprises. */
export const DEMO_OPERATOR_AGENCY_CODE = '2.17.3.30.0.00.01.0000';

export const DEMO_USERS: ReadonlyArray<{ username: string; role: Role; displayName: string }> = [
  { username: 'admin.demo', role: 'ADMIN', displayName: 'Admin (demo)' },
  { username: 'operator.demo', role: 'OPERATOR', displayName: 'Operator Diskopukmdag (demo)' },
  { username: 'policymaker.demo', role: 'POLICYMAKER', displayName: 'Bappeda (demo)' },
  { username: 'dprd.demo', role: 'DPRD', displayName: 'Anggota DPRD (demo)' },
  { username: 'analyst.demo', role: 'ANALYST', displayName: 'Analis (demo)' },
];

const DEMO_LOADED = 'DEMO_LOADED';

/**
 * The hashes of the demo accounts' passwords (one scrypt each, in DEMO_USERS' order), all begun at
 * once: scrypt runs on libuv's threads, so the demo loader starts them first and loads the data
 * while they run (each takes about 150 ms of a core; one after the other at the end of the load,
 * they held up the first start by 0.8 s).
 */
export function hashDemoPasswords(): Promise<string[]> {
  return Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
}

/**
 * Creates the demo accounts (those whose username is free), files every enterprise as registered by
 * the demo operator's agency, and records what the demo loaded (row counts), so that data added
 * later can be told apart. Runs inside the demo loader's transaction.
 */
export async function createDemoUsers(
  db: Kysely<Database>,
  tenantId: string,
  loaded: { parties: number; transactions: number },
  hashes: Promise<readonly string[]> = hashDemoPasswords(),
): Promise<void> {
  const existing = await db.selectFrom('app_user').select('username').where('tenant_id', '=', tenantId).execute();
  const taken = new Set(existing.map((u) => u.username));
  for (const [i, user] of DEMO_USERS.entries()) {
    if (taken.has(user.username)) continue;
    const account = {
      ...user,
      password: DEMO_PASSWORD,
      agencyCode: user.role === 'OPERATOR' ? DEMO_OPERATOR_AGENCY_CODE : null,
      isDemo: true,
    };
    await insertUser(
      db,
      tenantId,
      account,
      hashes.then((all) => all[i] as string),
    );
  }
  // The cooperatives and UMKM agency registered the demo's enterprises: its operator sees their NIKs.
  await db
    .updateTable('enterprise_profile')
    .set((eb) => ({
      registering_agency_id: eb
        .selectFrom('agency_profile')
        .select('party_id')
        .where('tenant_id', '=', tenantId)
        .where('code', '=', DEMO_OPERATOR_AGENCY_CODE),
    }))
    .where('tenant_id', '=', tenantId)
    .execute();
  await db
    .insertInto('audit_event')
    .values({ tenant_id: tenantId, action: DEMO_LOADED, entity: 'tenant', entity_id: tenantId, details: loaded })
    .execute();
}

/**
 * Why the server must not start in production mode, or null: a demo account is active and still
 * has the demo password while the tenant holds data the demo did not load (parties or
 * transactions added, removed or changed since, or no demo load at all).
 */
export async function demoCredentialProblem(db: Kysely<Database>, tenantId: string): Promise<string | null> {
  const demoUsers = await db
    .selectFrom('app_user')
    .select(['username', 'password_hash'])
    .where('tenant_id', '=', tenantId)
    .where('is_demo', '=', true)
    .where('disabled', '=', false)
    .execute();
  if (demoUsers.length === 0) return null;
  // The data before the passwords: a few counts, where each password is a scrypt (tens of
  // milliseconds of CPU); on the demo data alone (as after a first start) none is checked.
  const nonDemo = await nonDemoData(db, tenantId);
  if (!nonDemo) return null;
  const active: string[] = [];
  for (const user of demoUsers) {
    if (await verifyPassword(DEMO_PASSWORD, user.password_hash)) active.push(user.username);
  }
  if (active.length === 0) return null;
  return (
    `demo accounts (${active.join(', ')}) still sign in with the published demo password, and the database holds ` +
    `data that is not the demo's (${nonDemo}). Disable them (pnpm cli user disable USERNAME) before starting in production mode.`
  );
}

/** What shows that the tenant holds more than the demo dataset, or null. */
async function nonDemoData(db: Kysely<Database>, tenantId: string): Promise<string | null> {
  const loaded = await db
    .selectFrom('audit_event')
    .select('details')
    .where('tenant_id', '=', tenantId)
    .where('action', '=', DEMO_LOADED)
    .orderBy('occurred_at', 'desc')
    .executeTakeFirst();
  const count = async (table: 'party' | 'transaction') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const parties = await count('party');
  if (!loaded) return parties > 0 ? `${parties} parties and no demo load` : null;
  const expected = loaded.details as { parties: number; transactions: number };
  if (parties !== expected.parties) return `${parties} parties, the demo loaded ${expected.parties}`;
  const transactions = await count('transaction');
  if (transactions !== expected.transactions) {
    return `${transactions} transactions, the demo loaded ${expected.transactions}`;
  }
  // Compared in SQL: a timestamp read into JavaScript loses its microseconds.
  const changed = await db
    .selectFrom('party')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('updated_at', '>', (eb) =>
      eb
        .selectFrom('audit_event')
        .select((e) => e.fn.max('occurred_at').as('at'))
        .where('tenant_id', '=', tenantId)
        .where('action', '=', DEMO_LOADED),
    )
    .limit(1)
    .executeTakeFirst();
  return changed ? 'parties changed after the demo was loaded' : null;
}
