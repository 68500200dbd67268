import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HeaderMap } from '@apollo/server';
import { describe, expect, it } from 'vitest';

/*
 * Apollo Server hands our executor (graphql/jit-executor.ts, its gateway interface) a request
 * context it makes per request. Apollo made its `response.http` an object literal with its own
 * `status` getter and setter: on Node 20 and 22 such an object gets a hidden class of its own,
 * which kept the whole request alive through young-generation collections (docs/api-performance.md,
 * "The request context of the executor"). patches/@apollo__server@5.5.1.patch makes it an instance
 * of a class whose accessors are on its prototype. Checked here: the patch is in place, and the
 * status and headers still reach Apollo's response.
 */

const require = createRequire(import.meta.url);
const dist = path.resolve(path.dirname(require.resolve('@apollo/server')), '..');
const { makeGatewayGraphQLRequestContext } = (await import(
  pathToFileURL(path.join(dist, 'esm/utils/makeGatewayGraphQLRequestContext.js')).href
)) as {
  makeGatewayGraphQLRequestContext: (
    requestContext: unknown,
    server: unknown,
    internals: unknown,
  ) => {
    response: {
      http: { status?: number; headers: { get(n: string): string | null; set(n: string, v: string): void } };
    };
  };
};

function gatewayContext() {
  const http = { status: undefined as number | undefined, headers: new HeaderMap() };
  const context = makeGatewayGraphQLRequestContext(
    { request: { query: '{ __typename }' }, response: { http }, contextValue: {} },
    { logger: console, cache: undefined },
    { includeStacktraceInErrorResponses: false },
  );
  return { http, context };
}

describe("the executor's request context (patched @apollo/server)", () => {
  it('has no status accessor of its own: it is on the prototype, shared by every request', () => {
    const a = gatewayContext().context.response.http;
    const b = gatewayContext().context.response.http;
    expect(Object.getOwnPropertyDescriptor(a, 'status')).toBeUndefined();
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(Object.getPrototypeOf(a)).not.toBe(Object.prototype);
  });

  it("passes the status and the headers through to Apollo's response, both ways", () => {
    const { http, context } = gatewayContext();
    expect(context.response.http.status).toBeUndefined();
    context.response.http.status = 418;
    expect(http.status).toBe(418);
    http.status = 200;
    expect(context.response.http.status).toBe(200);
    context.response.http.headers.set('x-kecamatan', 'Sungai Raya');
    expect(http.headers.get('x-kecamatan')).toBe('Sungai Raya');
  });
});
