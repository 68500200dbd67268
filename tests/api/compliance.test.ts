import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * The GraphQL-over-HTTP audit of the graphql-http package against the real server. A default
 * Apollo Server passes with no errors and three warnings (572B, FDE2, 7B9B: it answers a parse,
 * validation or variable error with 400 where the spec recommends 200 for application/json); the
 * limits, headers and error handling of this server must keep it there. (This server gets exactly
 * those three, and three notices about GET requests, which CSRF prevention refuses.)
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('GraphQL over HTTP (graphql-http audit)', () => {
  it('has no errors and no warnings beyond those of a default Apollo Server', async () => {
    const results = await auditServer({ url: `${server.url}/graphql` });
    const failed = results.filter((r) => r.status !== 'ok');
    const summary = failed.map((r) => `${r.status} ${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(
      failed.filter((r) => r.status === 'error'),
      summary.join('\n'),
    ).toEqual([]);
    const warnings = failed.filter((r) => r.status === 'warn').map((r) => r.id);
    expect(
      warnings.every((id) => ['572B', 'FDE2', '7B9B'].includes(id)),
      summary.join('\n'),
    ).toBe(true);
    expect(results.length).toBeGreaterThan(30);
  });
});
