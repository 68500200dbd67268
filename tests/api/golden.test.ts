import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApiBundle } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * Golden tests: every example operation for analysts (schema/operations/api/*.graphql) runs with
 * its default variables against the fixture bundle, as an analyst would (signed in: owner names
 * shown, NIKs masked, transaction lists readable), and its response must equal
 * tests/api/golden/<Operation>.json. After an intended change, rewrite them with
 * UPDATE_GOLDEN=1 (and read the diff). The fixture loads identically on both engines, so the
 * global ids in the goldens are the same on PGlite and PostgreSQL.
 */

const here = path.dirname(new URL(import.meta.url).pathname);
const OPERATIONS = path.resolve(here, '../../schema/operations/api');
const GOLDEN = path.join(here, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

const files = fs
  .readdirSync(OPERATIONS)
  .filter((f) => f.endsWith('.graphql'))
  .sort();

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: importApiBundle, signedInAs: 'ANALYST' });
});
afterAll(() => server?.close());

describe('example operations (schema/operations/api)', () => {
  it('has examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s answers its golden response', async (file) => {
    const document = fs.readFileSync(path.join(OPERATIONS, file), 'utf8');
    const operations = parse(document).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations, 'one named operation per file').toHaveLength(1);
    const name = operations[0]?.name?.value;
    expect(`${name}.graphql`, 'the file is named after its operation').toBe(file);

    const response = await server.post({ query: document, operationName: name });
    expect(response.status).toBe(200);
    expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
    const json = `${JSON.stringify(response.body, null, 2)}\n`;
    const golden = path.join(GOLDEN, `${name}.json`);
    if (update) {
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(golden, json);
    }
    expect(fs.existsSync(golden), `no golden for ${name}: run the tests with UPDATE_GOLDEN=1`).toBe(true);
    expect(json).toBe(fs.readFileSync(golden, 'utf8'));
  });
});
