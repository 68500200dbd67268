import { createUser, setUserDisabled } from '@jejaring/db/auth';
import { TEST_TENANT } from '@jejaring/db/testing';
import { createLogger } from '@jejaring/server/logger';
import { type Running, startServer } from '@jejaring/server/start';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeader, bearer, seedAccounts, signIn, TEST_PASSWORD } from '../support/accounts.ts';
import { importApiBundle } from '../support/fixtures.ts';
import { startTestServer, type TestServer, testServerConfig } from '../support/server.ts';

/*
 * Signing in, sessions and API keys over real HTTP: the cookie and the bearer token, logout, idle
 * and absolute expiry (the database's clock decides: the tests move a session's timestamps back),
 * disabled accounts, and API keys refused from the request after their revocation.
 */

let server: TestServer;

/**
 * A credential found valid is trusted for CREDENTIAL_CACHE_MS (auth/credential-cache.ts): a change
 * made outside this server (the test's own statement, as the CLI or another instance would make
 * it) takes effect at most that long after it.
 */
const CACHE_MS = 400;
const SERVER_ENV = { SESSION_IDLE_SECONDS: '600', SESSION_MAX_SECONDS: '3600', CREDENTIAL_CACHE_MS: String(CACHE_MS) };
const cacheBoundPassed = () => new Promise((resolve) => setTimeout(resolve, CACHE_MS + 50));

beforeAll(async () => {
  server = await startTestServer({
    seed: async (handle) => {
      await importApiBundle(handle);
      await seedAccounts(handle);
    },
    env: SERVER_ENV,
  });
});
afterAll(() => server?.close());

const ME = '{ me { role viaApiKey user { username role agencyCode } } }';
const LOGIN =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { username role } } }';

async function rawLogin(username: string, password: string) {
  return fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }),
  });
}

function sessionCookie(response: Response): string | undefined {
  return response.headers.getSetCookie().find((c) => c.startsWith('jejaring_session='));
}

async function moveSessionBack(token: string, column: 'last_seen_at' | 'expires_at', seconds: number) {
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256').update(token).digest('hex');
  // In UTC, where subtracting seconds is immutable arithmetic (timestamptz - interval is STABLE,
  // and Citus refuses a STABLE function applied to a column in an UPDATE).
  const moved = sql`(${sql.ref(column)} AT TIME ZONE 'UTC' - make_interval(secs => ${seconds})) AT TIME ZONE 'UTC'`;
  await sql`UPDATE user_session SET ${sql.ref(column)} = ${moved}
    WHERE tenant_id = ${TEST_TENANT} AND token_hash = ${hash}`.execute(server.database.db);
}

describe('signing in', () => {
  it('answers PUBLIC without credentials', async () => {
    expect((await server.gql(ME)).data).toEqual({ me: { role: 'PUBLIC', viaApiKey: false, user: null } });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site and returns a bearer token; the cookie signs in', async () => {
    const response = await rawLogin('op.diskop', TEST_PASSWORD);
    const body = (await response.json()) as { data: { login: { token: string; expiresAt: string; user: unknown } } };
    expect(body.data.login.user).toEqual({ username: 'op.diskop', role: 'OPERATOR' });
    expect(body.data.login.token).toMatch(/^jjs_[A-Za-z0-9_-]{43}$/);
    // Absolute expiry: SESSION_MAX_SECONDS (3600 s) after now, within the test's own slack.
    const expires = Date.parse(body.data.login.expiresAt) - Date.now();
    expect(expires).toBeGreaterThan(3_500_000);
    expect(expires).toBeLessThanOrEqual(3_600_000 + 5_000);
    const cookie = sessionCookie(response);
    expect(cookie).toBe(`jejaring_session=${body.data.login.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600`);
    const me = await server.gql(ME, {}, { cookie: `jejaring_session=${body.data.login.token}` });
    expect(me.data).toEqual({
      me: {
        role: 'OPERATOR',
        viaApiKey: false,
        user: { username: 'op.diskop', role: 'OPERATOR', agencyCode: '3.27.0.00.0.00.01.0000' },
      },
    });
  });

  it('marks the cookie Secure when the request came over HTTPS through the trusted (loopback) proxy', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ query: LOGIN, variables: { u: 'dprd', p: TEST_PASSWORD } }),
    });
    expect(sessionCookie(response)).toMatch(/; Secure$/);
  });

  it('refuses a wrong password, an unknown user and a disabled account with the same UNAUTHENTICATED answer and no cookie', async () => {
    await createUser(server.database.db, TEST_TENANT, { username: 'gone', role: 'DPRD', password: TEST_PASSWORD });
    await setUserDisabled(server.database.db, TEST_TENANT, 'gone', true);
    const answers = [];
    for (const [u, p] of [
      ['analyst', 'wrong-password-0000'],
      ['nobody', TEST_PASSWORD],
      ['gone', TEST_PASSWORD],
    ] as const) {
      const response = await rawLogin(u, p);
      expect(sessionCookie(response)).toBeUndefined();
      answers.push(((await response.json()) as { errors: unknown[] }).errors);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toEqual([
      {
        message: 'Nama pengguna atau kata sandi salah. / Wrong username or password.',
        locations: [{ line: 1, column: 38 }],
        path: ['login'],
        extensions: { code: 'UNAUTHENTICATED', field: 'password' },
      },
    ]);
  });

  it('answers a bearer token: the session acts as its account', async () => {
    const token = await signIn(server, 'policymaker');
    expect((await server.gql(ME, {}, bearer(token))).data?.me).toMatchObject({ role: 'POLICYMAKER' });
  });

  it('answers 401 UNAUTHENTICATED to an Authorization header that is malformed or names no session', async () => {
    for (const authorization of ['Bearer nonsense', `Bearer jjs_${'A'.repeat(43)}`, 'Basic YWRtaW46YWRtaW4=']) {
      const answer = await server.post({ query: ME }, { authorization });
      expect(answer.status, authorization).toBe(401);
      expect(answer.body.errors?.[0]?.extensions?.code, authorization).toBe('UNAUTHENTICATED');
    }
  });

  it('treats an unknown session cookie as PUBLIC and clears it, under the path cookies had before (/graphql) too', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `jejaring_session=jjs_${'B'.repeat(43)}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { me: { role: string } } }).data.me.role).toBe('PUBLIC');
    expect(response.headers.getSetCookie()).toEqual([
      'jejaring_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0',
      'jejaring_session=; Path=/graphql; HttpOnly; SameSite=Lax; Max-Age=0',
    ]);
  });
});

describe('logout and expiry', () => {
  it('ends the session at logout: the same token is refused afterwards, and the cookie is cleared', async () => {
    const token = await signIn(server, 'analyst');
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(((await response.json()) as { data: unknown }).data).toEqual({ logout: true });
    expect(sessionCookie(response)).toMatch(/^jejaring_session=; .*Max-Age=0/);
    expect((await server.post({ query: ME }, bearer(token))).status).toBe(401);
  });

  it('answers logout without a session with false', async () => {
    expect((await server.gql('mutation { logout }')).data).toEqual({ logout: false });
  });

  it('ends a session idle for longer than SESSION_IDLE_SECONDS (600 s), and keeps one idle for less', async () => {
    const idle = await signIn(server, 'dprd');
    const active = await signIn(server, 'dprd');
    await moveSessionBack(idle, 'last_seen_at', 601);
    await moveSessionBack(active, 'last_seen_at', 590);
    expect((await server.post({ query: ME }, bearer(idle))).status).toBe(401);
    expect((await server.gql(ME, {}, bearer(active))).data?.me).toMatchObject({ role: 'DPRD' });
  });

  it('keeps an active session alive: a request moves last_seen_at forward', async () => {
    const token = await signIn(server, 'dprd');
    await moveSessionBack(token, 'last_seen_at', 590);
    // More than a minute old: this request writes last_seen_at = now().
    expect((await server.gql(ME, {}, bearer(token))).data?.me).toMatchObject({ role: 'DPRD' });
    await moveSessionBack(token, 'last_seen_at', 590);
    // Past the cache's bound, so the next request reads the session again (and finds it kept alive).
    await cacheBoundPassed();
    expect((await server.gql(ME, {}, bearer(token))).data?.me).toMatchObject({ role: 'DPRD' });
  });

  it('ends a session at its absolute expiry however active it is', async () => {
    const token = await signIn(server, 'policymaker');
    expect((await server.gql(ME, {}, bearer(token))).data?.me).toMatchObject({ role: 'POLICYMAKER' });
    await moveSessionBack(token, 'expires_at', 3601);
    await cacheBoundPassed();
    expect((await server.post({ query: ME }, bearer(token))).status).toBe(401);
  });
});

describe('API keys', () => {
  const CREATE =
    'mutation($u: String!, $n: String!) { createApiKey(username: $u, name: $n) { key apiKey { id name prefix revokedAt user { username } } } }';

  it('creates a key shown once, stores only its hash, lists it without the key, and the key acts as its account', async () => {
    const admin = bearer(await signIn(server, 'admin'));
    const created = await server.gql<{
      createApiKey: {
        key: string;
        apiKey: { id: string; name: string; prefix: string; revokedAt: null; user: { username: string } };
      };
    }>(CREATE, { u: 'analyst', n: 'notebook' }, admin);
    const { key, apiKey } = created.data!.createApiKey;
    expect(key).toMatch(/^jjk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: 'notebook',
      prefix: key.slice(0, 10),
      revokedAt: null,
      user: { username: 'analyst' },
    });
    const stored = await server.database.db.selectFrom('api_key').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(key.slice(10));
    const list = await server.gql<{ apiKeys: Array<{ id: string }> }>('{ apiKeys { id name prefix } }', {}, admin);
    expect(JSON.stringify(list.data)).not.toContain(key.slice(10));
    expect(list.data?.apiKeys.map((k) => k.id)).toContain(apiKey.id);
    expect((await server.gql(ME, {}, apiKeyHeader(key))).data).toEqual({
      me: { role: 'ANALYST', viaApiKey: true, user: { username: 'analyst', role: 'ANALYST', agencyCode: null } },
    });
  });

  it('refuses a revoked key on the very next request', async () => {
    const admin = bearer(await signIn(server, 'admin'));
    const created = await server.gql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      CREATE,
      { u: 'analyst', n: 'to revoke' },
      admin,
    );
    const { key, apiKey } = created.data!.createApiKey;
    expect((await server.gql(ME, {}, apiKeyHeader(key))).data?.me).toMatchObject({ role: 'ANALYST' });
    const revoked = await server.gql<{ revokeApiKey: { revokedAt: string | null } }>(
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: apiKey.id },
      admin,
    );
    expect(revoked.data?.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const after = await server.post({ query: ME }, apiKeyHeader(key));
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const active = await server.gql<{ apiKeys: Array<{ id: string }> }>('{ apiKeys { id } }', {}, admin);
    expect(active.data?.apiKeys.map((k) => k.id)).not.toContain(apiKey.id);
  });

  it("stops a disabled account's sessions and API keys within CREDENTIAL_CACHE_MS", async () => {
    await createUser(server.database.db, TEST_TENANT, { username: 'leaver', role: 'ANALYST', password: TEST_PASSWORD });
    const session = await signIn(server, 'leaver');
    const admin = bearer(await signIn(server, 'admin'));
    const created = await server.gql<{ createApiKey: { key: string } }>(CREATE, { u: 'leaver', n: 'script' }, admin);
    const key = created.data!.createApiKey.key;
    expect((await server.gql(ME, {}, apiKeyHeader(key))).data?.me).toMatchObject({ role: 'ANALYST' });
    await setUserDisabled(server.database.db, TEST_TENANT, 'leaver', true);
    // Disabled on the command line (here: directly in the database), not through this server.
    await cacheBoundPassed();
    expect((await server.post({ query: ME }, bearer(session))).status).toBe(401);
    expect((await server.post({ query: ME }, apiKeyHeader(key))).status).toBe(401);
  });
});

describe('two instances on one database', () => {
  let other: Running;
  let otherUrl: string;
  const otherStatus = async (headers: Record<string, string>) =>
    (
      await fetch(`${otherUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: ME }),
      })
    ).status;

  beforeAll(async () => {
    // A second instance of the API on the same database, as behind a load balancer.
    const config = testServerConfig(SERVER_ENV);
    other = await startServer(config, createLogger(config.logLevel), server.database);
    otherUrl = other.url;
  });
  afterAll(() => other?.stop());

  it('a sign-out on one instance: refused there at once, on the other within CREDENTIAL_CACHE_MS', async () => {
    const token = await signIn(server, 'analyst');
    // Both instances have found the session valid (and hold it).
    expect((await server.post({ query: ME }, bearer(token))).status).toBe(200);
    expect(await otherStatus(bearer(token))).toBe(200);
    const response = await fetch(`${otherUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(((await response.json()) as { data: unknown }).data).toEqual({ logout: true });
    expect(await otherStatus(bearer(token))).toBe(401);
    await cacheBoundPassed();
    expect((await server.post({ query: ME }, bearer(token))).status).toBe(401);
  });

  it('a key revoked on one instance: refused there at once, on the other within CREDENTIAL_CACHE_MS', async () => {
    const admin = bearer(await signIn(server, 'admin'));
    const created = await server.gql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      'mutation($u: String!, $n: String!) { createApiKey(username: $u, name: $n) { key apiKey { id } } }',
      { u: 'analyst', n: 'two instances' },
      admin,
    );
    const { key, apiKey } = created.data!.createApiKey;
    expect((await server.post({ query: ME }, apiKeyHeader(key))).status).toBe(200);
    expect(await otherStatus(apiKeyHeader(key))).toBe(200);
    const revoked = await server.gql(
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: apiKey.id },
      admin,
    );
    expect(revoked.errors).toBeUndefined();
    expect((await server.post({ query: ME }, apiKeyHeader(key))).status).toBe(401);
    await cacheBoundPassed();
    expect(await otherStatus(apiKeyHeader(key))).toBe(401);
  });
});
