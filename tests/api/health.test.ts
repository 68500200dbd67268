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

  it('masks an unexpected error and answers a malformed query with a parse error code', async () => {
    const result = await server.gql('query { about { nope } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
