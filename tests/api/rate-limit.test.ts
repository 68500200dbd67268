import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * Rate limits over real HTTP: an anonymous client's bucket of RATE_LIMIT_BURST requests refilling
 * at RATE_LIMIT_ANONYMOUS a minute; the next request is a 429 RATE_LIMITED with Retry-After.
 */

let server: TestServer;

beforeAll(async () => {
  // No exemption for loopback here: the test is the client being limited.
  server = await startTestServer({ env: { RATE_LIMIT_EXEMPT: '', RATE_LIMIT_ANONYMOUS: '6', RATE_LIMIT_BURST: '3' } });
});
afterAll(() => server?.close());

const ask = () =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ about { tenantId } }' }),
  });

describe('rate limits', () => {
  it('answers the request after the burst with 429, Retry-After and a coded error; /healthz is not limited', async () => {
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    const refused = await ask();
    expect(refused.status).toBe(429);
    // 6 a minute: one token every 10 s.
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(9);
    expect(retryAfter).toBeLessThanOrEqual(10);
    const body = (await refused.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter });
    expect(body.errors[0]?.message).toMatch(/6 a minute/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
