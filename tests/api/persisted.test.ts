import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * Persisted operations and introspection as settings: with PERSISTED_ONLY_FOR_PUBLIC=true an
 * anonymous client runs the dashboard's registered operations (by hash, or by their exact text)
 * and nothing else; with INTROSPECTION=signed-in it cannot read the schema.
 */

const manifest = JSON.parse(
  fs.readFileSync(new URL('../../schema/operations/persisted.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const [aboutHash, aboutText] = Object.entries(manifest).find(([, text]) => text.startsWith('query GetAbout')) ?? [];

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { PERSISTED_ONLY_FOR_PUBLIC: 'true', INTROSPECTION: 'signed-in' } });
});
afterAll(() => server?.close());

describe('persisted operations required for PUBLIC', () => {
  it('runs a registered operation sent by its hash alone', async () => {
    const answer = await server.post({ extensions: { persistedQuery: { version: 1, sha256Hash: aboutHash } } });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ about: { tenantId: '61.12' } });
  });

  it('runs a registered operation sent with its text', async () => {
    const answer = await server.post({ query: aboutText });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });

  it('refuses any other operation with PERSISTED_QUERY_REQUIRED', async () => {
    const answer = await server.post({ query: '{ about { tenantId } }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(answer.body.data).toBeUndefined();
  });

  it('does not register what a client sends (the manifest is read-only)', async () => {
    const query = '{ about { tenantName } }';
    const { createHash } = await import('node:crypto');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    await server.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    const byHash = await server.post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(byHash.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('introspection for signed-in clients only', () => {
  it('refuses __schema to PUBLIC with FORBIDDEN', async () => {
    const answer = await server.post({ query: '{ __schema { queryType { name } } }' });
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', limit: 'introspection' });
  });
});
