import fs from 'node:fs';
import path from 'node:path';
import { type GraphQLSchema, getIntrospectionQuery, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLimitsConfig } from '../src/http/limits-config.ts';
import { FragmentCycleError, measureOperation } from '../src/http/query-limits.ts';
import { getSchema } from '../src/schema.ts';

/*
 * The cost model and the depth/alias counts of query-limits.ts, on the real schema. Expected costs
 * are worked out by hand from the model described at the top of query-limits.ts.
 */

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

function measure(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return measureOperation(schema, document, operation, variables, { maxPageSize: 500 });
}

describe('cost', () => {
  it('charges a connection asked for no rows one unit, and its totalCount one more', () => {
    expect(measure('{ enterprises(first: 0) { pageInfo { hasNextPage } } }').cost).toBe(1);
    expect(measure('{ enterprises(first: 0) { totalCount } }').cost).toBe(2);
  });

  it('charges each alias of a field that runs a query', () => {
    const aliases = Array.from({ length: 7 }, (_, i) => `a${i}: enterprises(first: 0) { totalCount }`).join(' ');
    expect(measure(`{ ${aliases} }`).cost).toBe(14);
  });

  it('multiplies nested pages: 1 + 10 rows × (1 + 1 + 5 rows × 1)', () => {
    // enterprises: 1 statement; per row: the node (1) and products (1 statement + 5 rows of 1).
    expect(measure('{ enterprises(first: 10) { nodes { name products(first: 5) { nodes { name } } } } }').cost).toBe(
      1 + 10 * (1 + 1 + 5 * 1),
    );
  });

  it('reads page sizes from the variables sent, else from their defaults', () => {
    const query =
      'query($n: Int = 500) { enterprises(first: $n) { nodes { products(first: $n) { nodes { name } } } } }';
    expect(measure(query).cost).toBe(1 + 500 * (1 + 1 + 500));
    expect(measure(query, { n: 2 }).cost).toBe(1 + 2 * (1 + 1 + 2));
  });

  it('counts a page without first/last at the default size, and one above the maximum at the maximum', () => {
    expect(measure('{ enterprises { nodes { name } } }').cost).toBe(1 + 50);
    expect(measure('{ enterprises(first: 100000) { nodes { name } } }').cost).toBe(1 + 500);
  });

  it('counts nodes(ids) at the number of ids, and other lists at their maximum', () => {
    expect(measure('{ nodes(ids: ["a", "b", "c"]) { id } }').cost).toBe(3);
    expect(measure('{ sectors { code } }').cost).toBe(21);
  });

  it('measures a fragment once however often it is spread, in time linear in the document', () => {
    const fragments = Array.from({ length: 10 }, (_, i) =>
      i < 9
        ? `fragment F${i} on Query { ${Array(10)
            .fill(`...F${i + 1}`)
            .join(' ')} }`
        : 'fragment F9 on Query { about { tenantId } }',
    ).join('\n');
    const started = performance.now();
    const shape = measure(`{ ...F0 }\n${fragments}`);
    expect(shape.cost).toBe(10 ** 9);
    // Walking every spread would take minutes (10^9 visits); measuring each fragment once, microseconds.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses fragments that spread each other in a cycle', () => {
    expect(() =>
      measure('{ ...A } fragment A on Query { ...B } fragment B on Query { about { tenantId } ...A }'),
    ).toThrow(FragmentCycleError);
  });
});

describe('depth and aliases', () => {
  it('counts every nested field, through fragments and inline fragments', () => {
    expect(measure('{ regions(first: 1) { nodes { parent { parent { code } } } } }').depth).toBe(5);
    expect(
      measure('{ regions(first: 1) { nodes { ...R } } } fragment R on Region { ... on Region { parent { code } } }')
        .depth,
    ).toBe(4);
  });

  it('counts aliases at every spread of the fragment holding them', () => {
    expect(measure('{ ...A ...A } fragment A on Query { x: about { tenantId } y: about { tenantId } }').aliases).toBe(
      4,
    );
  });

  it('does not count the depth of introspection, and marks it', () => {
    const shape = measure(getIntrospectionQuery());
    expect(shape).toMatchObject({ depth: 0, introspection: true });
  });
});

describe('the default limits', () => {
  const limits = loadLimitsConfig({});
  const dir = new URL('../../schema/operations/dashboard/', import.meta.url).pathname;
  const operations = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'));

  it.each(operations)('let the dashboard operation %s through with room to spare', (file) => {
    const shape = measure(fs.readFileSync(path.join(dir, file), 'utf8'));
    expect(shape.depth).toBeLessThanOrEqual(limits.maxDepth / 2);
    expect(shape.aliases).toBeLessThanOrEqual(limits.maxAliases);
    expect(shape.cost).toBeLessThanOrEqual(limits.maxCost / 4);
  });

  it("let the explorer's schema query through", () => {
    expect(measure(getIntrospectionQuery()).cost).toBeLessThanOrEqual(limits.maxCost);
  });
});
