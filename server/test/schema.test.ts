import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printEmittedSchema, SCHEMA_FILE } from '../src/emit-schema.ts';

describe('schema/schema.graphql', () => {
  it('matches the schema emitted from the code (run pnpm schema:emit after changing the API)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(await printEmittedSchema());
  });
});
