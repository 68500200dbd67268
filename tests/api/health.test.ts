import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('health and readiness over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('answers /healthz while the process is alive', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 once the database is migrated', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready' });
  });

  it('tells which regency the API serves and that no demo data is loaded', async () => {
    const result = await server.gql<{ about: { tenantId: string; tenantName: string; demoData: boolean } }>(
      'query GetAbout { about { tenantId tenantName demoData } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.about).toEqual({ tenantId: '61.12', tenantName: 'Kabupaten Kubu Raya', demoData: false });
  });

  it('answers a query for a field that does not exist with a validation error code', async () => {
    const result = await server.gql('query { about { nope } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('masks an unexpected error: no SQL, table name or stack reaches the client', async () => {
    // A real failure inside a resolver: the table the query reads is gone for a moment.
    await sql`ALTER TABLE tenant RENAME TO tenant_away`.execute(server.database.db);
    try {
      const response = await server.post({ query: 'query { about { tenantId tenantName } }' });
      const error = response.body.errors?.[0];
      expect(error?.message).toBe('Internal server error');
      // The code, and the request id to find the logged error by; nothing else.
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
      expect(JSON.stringify(response.body)).not.toMatch(/tenant_away|relation|select|stack|\.ts/i);
    } finally {
      await sql`ALTER TABLE tenant_away RENAME TO tenant`.execute(server.database.db);
    }
    const again = await server.gql<{ about: { tenantId: string } }>('query { about { tenantId } }');
    expect(again.data?.about.tenantId).toBe('61.12');
  });
});
