import { mulberry32 } from '@jejaring/db/testing';
import { getSchema } from '@jejaring/server/schema';
import fc from 'fast-check';
import {
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApiBundle } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * Fuzzing the API over HTTP with fast-check: operations generated from the schema (random
 * selections and aliases, arguments of the right type or deliberately wrong, nesting past the
 * depth limit), random variables, random JSON bodies, random bytes and deep brackets. Whatever
 * arrives, the answer is JSON and never a 5xx, and /healthz still answers afterwards.
 * FUZZ_SEED picks another sequence (the default is fixed, so a failure reproduces).
 */

/** 100 runs of 10 requests sent at once: 1,000 requests. */
const RUNS = 100;
const PER_RUN = 10;
let server: TestServer;
let schema: GraphQLSchema;

beforeAll(async () => {
  server = await startTestServer({ seed: importApiBundle });
  schema = await getSchema();
});
afterAll(() => server?.close());

/** A random GraphQL operation over `schema`, from a seed. */
function operation(seed: number): { query: string; variables?: unknown } {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const maxDepth = 2 + Math.floor(random() * 14);
  const junk = () =>
    pick([
      '"x"',
      '-1',
      '0',
      '99999999999',
      '1.5',
      'true',
      'null',
      '[1, "a"]',
      '{ a: 1 }',
      'NOT_AN_ENUM',
      '""',
      '"\\u0000"',
    ]);

  const value = (type: GraphQLInputType, depth: number): string => {
    if (chance(0.1)) return junk();
    const nullable = getNullableType(type) as GraphQLInputType;
    if (isListType(nullable)) {
      const n = Math.floor(random() * 4);
      return `[${Array.from({ length: n }, () => value(nullable.ofType, depth + 1)).join(', ')}]`;
    }
    if (isEnumType(nullable)) return pick(nullable.getValues()).name;
    if (isInputObjectType(nullable)) {
      if (depth > 3) return '{}';
      const fields = Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type) || chance(0.4));
      return `{ ${fields.map((f) => `${f.name}: ${value(f.type, depth + 1)}`).join(', ')} }`;
    }
    switch (nullable.name) {
      case 'Int':
        return String(pick([0, 1, 5, 50, 500, 501, -3, 2 ** 31 - 1]));
      case 'Float':
      case 'Rupiah':
        return String(pick([0, 1, 2.5, -10, 1e12, 123456789]));
      case 'Boolean':
        return pick(['true', 'false']);
      case 'Date':
        return JSON.stringify(pick(['2024-01-31', '2024-02-30', '1999-12-31', 'yesterday', '']));
      case 'ID':
        return JSON.stringify(
          pick(['QWdlbmN5OjE', 'RW50ZXJwcmlzZTo2', '', 'x', Buffer.from(`Party:${seed % 50}`).toString('base64url')]),
        );
      default:
        return JSON.stringify(
          pick(['', 'a', '61.12', '61.12.01', 'usaha', 'x'.repeat(300), '%', "'; DROP TABLE party; --", '\u0000']),
        );
    }
  };

  const selection = (type: GraphQLNamedType, depth: number): string => {
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = schema.getPossibleTypes(type);
      const concrete = pick(possible);
      return `{ __typename ... on ${concrete.name} ${selection(concrete, depth)} }`;
    }
    if (!isObjectType(type)) return '';
    const fields = Object.values(type.getFields());
    const chosen = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(fields));
    const parts = chosen.map((field, i) => {
      const alias = chance(0.15) ? `a${i}_${Math.floor(random() * 1000)}: ` : '';
      const args = field.args
        .filter((a) => isNonNullType(a.type) || chance(0.5))
        .map((a) => `${a.name}: ${value(a.type, 0)}`);
      const named = getNamedType(field.type);
      const argText = args.length ? `(${args.join(', ')})` : '';
      if (isLeafType(named)) return `${alias}${field.name}${argText}`;
      if (depth >= maxDepth) return `${alias}${field.name}${argText} { __typename }`;
      return `${alias}${field.name}${argText} ${selection(named, depth + 1)}`;
    });
    return `{ ${parts.join(' ')} }`;
  };

  const root = schema.getQueryType();
  if (!root) throw new Error('no query type');
  const query = selection(root, 0);
  return chance(0.2)
    ? { query: `query($v: Int = ${pick([1, 500, -1])}) ${query}`, variables: { v: pick([undefined, 'x', 3, null]) } }
    : { query };
}

type Body = { kind: 'json'; body: string } | { kind: 'bytes'; body: Uint8Array } | { kind: 'get'; query: string };

const bodies: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.integer().map((seed) => ({ kind: 'json', body: JSON.stringify(operation(seed)) }) as Body),
  },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => ({ kind: 'json', body: JSON.stringify(v) }) as Body) },
  {
    weight: 1,
    arbitrary: fc
      .record({ query: fc.string(), variables: fc.jsonValue(), operationName: fc.option(fc.string()) })
      .map((v) => ({ kind: 'json', body: JSON.stringify(v) }) as Body),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }).map((body) => ({ kind: 'bytes', body }) as Body) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 3_000 }), fc.constantFrom('{', '[', '{"query":"{', '{ a { '))
      .map(([n, open]) => ({ kind: 'json', body: open.repeat(n) }) as Body),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }).map((query) => ({ kind: 'get', query }) as Body) },
);

async function send(body: Body): Promise<Response> {
  if (body.kind === 'get') {
    return fetch(`${server.url}/graphql?query=${encodeURIComponent(body.query)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
  }
  return fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body.kind === 'bytes' ? Buffer.from(body.body) : body.body,
  });
}

describe('fuzzing the API', () => {
  it(`answers ${RUNS * PER_RUN} random requests with JSON and no 5xx, and stays healthy`, async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261204);
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(bodies, { minLength: PER_RUN, maxLength: PER_RUN }), async (batch) => {
        await Promise.all(
          batch.map(async (body) => {
            const response = await send(body);
            const text = await response.text();
            sent += 1;
            expect(response.status, text.slice(0, 500)).toBeLessThan(500);
            expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
            JSON.parse(text);
          }),
        );
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
    expect(sent).toBeGreaterThanOrEqual(1_000);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 180_000);
});
