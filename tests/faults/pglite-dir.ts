import { migrateToLatest, openDatabase } from '@jejaring/db';
import { createUser } from '@jejaring/db/auth';
import { post, succeeded } from './support.ts';

export const TENANT = '61.12';
export const ADMIN = 'admin.faults';
export const ADMIN_PASSWORD = 'faults-password-2026';

/** Migrates a PGlite directory and creates an ADMIN account in it (then closes it). */
export async function preparePgliteDir(dir: string): Promise<void> {
  const handle = await openDatabase({ engine: 'pglite', dir });
  try {
    await migrateToLatest(handle.db, TENANT);
    await createUser(handle.db, TENANT, { username: ADMIN, role: 'ADMIN', agencyCode: null, password: ADMIN_PASSWORD });
  } finally {
    await handle.close();
  }
}

/** Signs in over HTTP as the ADMIN account and returns the request headers that carry the session. */
export async function adminHeaders(url: string): Promise<Record<string, string>> {
  const outcome = await post(
    `${url}/graphql`,
    JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: ADMIN, p: ADMIN_PASSWORD },
    }),
  );
  if (!succeeded(outcome) || outcome.kind !== 'answer') throw new Error(`sign-in failed: ${JSON.stringify(outcome)}`);
  const token = (outcome.json as { data: { login: { token: string } } }).data.login.token;
  return { authorization: `Bearer ${token}` };
}
