import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApiBundle } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * The requests an outside analyst tried against the open API (docs/limits.md), each
 * answered with a coded 4xx JSON error before anything runs, while /healthz keeps answering; and
 * the answers of the HTTP layer itself (bodies, methods, headers, batching). Their timings are
 * measured by tests/bench/abuse.bench.ts, not here.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: importApiBundle });
});
afterAll(() => server?.close());

interface Answer {
  status: number;
  type: string;
  headers: Headers;
  text: string;
  body: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; data?: unknown };
}

async function send(init: RequestInit & { path?: string }): Promise<Answer> {
  const response = await fetch(`${server.url}${init.path ?? '/graphql'}`, {
    method: 'POST',
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    headers: response.headers,
    text,
    body: JSON.parse(text),
  };
}

/**
 * Announces a body of `size` bytes (Content-Length) and sends its first 64 KB: the server must
 * answer 413 from the announced length alone, without waiting for the rest. A connection of its
 * own, closed after the answer, so no pooled connection is left with a half-sent body.
 */
function sendLarge(size: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}/graphql`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': size },
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        request.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        const type = headers.get('content-type') ?? '';
        resolve({ status: response.statusCode ?? 0, type, headers, text, body: JSON.parse(text) });
      });
    });
    request.on('error', reject);
    request.write(`{"query":"{ about { tenantId } } #${'x'.repeat(64_000)}`);
  });
}

const query = (source: string, variables?: Record<string, unknown>) =>
  send({ body: JSON.stringify({ query: source, variables }) });

/** Nothing of the server's insides: file paths, stack frames, SQL, its host or port. */
function expectNothingInternal(answer: Answer): void {
  const port = new URL(server.url).port;
  expect(answer.text).not.toMatch(/\/work\/|node_modules|\.ts:\d|at [\w.<>]+ \(|select |from "|stack/i);
  expect(answer.text).not.toContain(`:${port}`);
  expect(answer.text).not.toContain('127.0.0.1');
}

async function expectHealthy(): Promise<void> {
  const response = await fetch(`${server.url}/healthz`);
  expect(response.status).toBe(200);
}

const fragmentBomb = `{ ...F0 }\n${Array.from({ length: 10 }, (_, i) =>
  i < 9
    ? `fragment F${i} on Query { ${Array(10)
        .fill(`...F${i + 1}`)
        .join(' ')} }`
    : 'fragment F9 on Query { about { tenantId } }',
).join('\n')}`;

describe('the requests of the attack table', () => {
  it('refuses nine fragments each spreading the next ten times (cost 10^9)', async () => {
    const answer = await query(fragmentBomb);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      actual: 1e9,
    });
    await expectHealthy();
  });

  it('refuses 2,000 aliases of enterprises(first: 0) { totalCount } while parsing (too many tokens)', async () => {
    const aliases = Array.from(
      { length: 2000 },
      (_, i) => `a${i}: enterprises(first: 0, filter: { search: "usaha" }) { totalCount }`,
    ).join(' ');
    const answer = await query(`{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(answer.body.errors?.[0]?.message).toMatch(/more tha[nt] 5000 tokens/);
    await expectHealthy();
  });

  it('refuses 31 aliases (small enough to parse) by their number', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: enterprises(first: 0) { totalCount }`).join(' ');
    const answer = await query(`{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'aliases',
      max: 30,
      actual: 31,
    });
  });

  it('applies the default of $n when no variables are sent', async () => {
    const answer = await query(
      'query($n: Int = 500) { enterprises(first: $n) { nodes { name products(first: $n) { nodes { name } } } } }',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    await expectHealthy();
  });

  it('answers a body of `{` with JSON naming the problem, nothing internal', async () => {
    const answer = await send({ body: '{' });
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.body.errors?.[0]).toMatchObject({
      message: 'The request body is not valid JSON.',
      extensions: { code: 'BAD_REQUEST' },
    });
    expectNothingInternal(answer);
    await expectHealthy();
  });

  it('answers a 30 MB body with a JSON 413, and a 1.1 MB one too', async () => {
    for (const size of [30_000_000, 1_100_000]) {
      const answer = await sendLarge(size);
      expect(answer.status).toBe(413);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
      expectNothingInternal(answer);
    }
    await expectHealthy();
  });

  it('sends the security headers on every response', async () => {
    const answers = [
      await query('{ about { tenantId } }'),
      await send({ body: '{' }),
      await send({ method: 'GET', path: '/healthz' }),
      await send({ method: 'POST', path: '/no-such-thing' }),
    ];
    for (const answer of answers) {
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('gives no "Did you mean" suggestions for a misspelt field', async () => {
    const answer = await query('{ enterprize(first: 1) { totalCount } }');
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors?.[0]?.message).toContain('enterprize');
    expect(answer.text).not.toMatch(/did you mean/i);
    expect(answer.text).not.toContain('enterprises');
  });
});

describe('the HTTP layer', () => {
  it('refuses a batch (an array of operations)', async () => {
    const answer = await send({
      body: JSON.stringify([{ query: '{ about { tenantId } }' }, { query: '{ about { name } }' }]),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers an unknown method on /graphql with a JSON 405', async () => {
    const answer = await send({ method: 'PUT', body: JSON.stringify({ query: '{ about { tenantId } }' }) });
    expect(answer.status).toBe(405);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expectNothingInternal(answer);
  });

  it('answers an unknown path with a JSON 404', async () => {
    const answer = await send({ method: 'DELETE', path: '/etc/passwd' });
    expect(answer.status).toBe(404);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps CSRF prevention: a GET without a preflight header is refused', async () => {
    // A GET a form or <img> could send: no content-type, no preflight header.
    const response = await fetch(`${server.url}/graphql?query=%7Babout%7BtenantId%7D%7D`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('allows no other origin by default (no CORS headers)', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes a well-formed X-Request-Id and makes one up otherwise', async () => {
    const given = await send({
      body: JSON.stringify({ query: '{ about { tenantId } }' }),
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await send({
      body: JSON.stringify({ query: '{ about { tenantId } }' }),
      headers: { 'x-request-id': 'no spaces!' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
