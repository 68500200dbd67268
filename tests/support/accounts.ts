import type { DatabaseHandle, Role } from '@jejaring/db';
import { createUser } from '@jejaring/db/auth';
import { TEST_TENANT } from '@jejaring/db/testing';
import { importApiBundle } from './fixtures.ts';
import { loginToken } from './login.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './server.ts';

/** The password of every test account. */
export const TEST_PASSWORD = 'test-password-2026';

/** Agency codes of the API fixture bundle (tests/fixtures/bundles/api/parties.csv). */
export const DISKOP_CODE = '3.27.0.00.0.00.01.0000';
export const DIKBUD_CODE = '1.01.0.00.0.00.01.0000';

/** One account per role, plus an operator of a second agency; usernames are the keys' lower case. */
export const ACCOUNTS: Record<string, { role: Role; agencyCode?: string }> = {
  admin: { role: 'ADMIN' },
  'op.diskop': { role: 'OPERATOR', agencyCode: DISKOP_CODE },
  'op.dikbud': { role: 'OPERATOR', agencyCode: DIKBUD_CODE },
  policymaker: { role: 'POLICYMAKER' },
  dprd: { role: 'DPRD' },
  analyst: { role: 'ANALYST' },
};

/** Creates ACCOUNTS (the agencies must exist: import the API bundle first). */
export async function seedAccounts(handle: DatabaseHandle): Promise<void> {
  for (const [username, { role, agencyCode }] of Object.entries(ACCOUNTS)) {
    await createUser(handle.db, TEST_TENANT, {
      username,
      role,
      agencyCode: agencyCode ?? null,
      password: TEST_PASSWORD,
    });
  }
}

/** Starts a test server on the API bundle with ACCOUNTS created (for the files that sign them in). */
export function startAccountsServer(options: Omit<TestServerOptions, 'seed'> = {}): Promise<TestServer> {
  return startTestServer({
    ...options,
    seed: async (handle) => {
      await importApiBundle(handle);
      await seedAccounts(handle);
    },
  });
}

/** Signs in over HTTP and returns the session token (for `Authorization: Bearer`). */
export function signIn(server: TestServer, username: string, password = TEST_PASSWORD): Promise<string> {
  return loginToken(server.url, username, password);
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const apiKeyHeader = (key: string) => ({ authorization: `ApiKey ${key}` });
