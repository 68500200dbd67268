import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '@jejaring/db';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema.ts';

/** The SDL committed as schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printEmittedSchema(): Promise<string> {
  const header = '# Generated from the code in server/ by `pnpm schema:emit`. Do not edit by hand.\n\n';
  return `${header}${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}

export const SCHEMA_FILE = path.join(REPOSITORY_ROOT, 'schema/schema.graphql');

if (import.meta.url === `file://${process.argv[1]}`) {
  const sdl = await printEmittedSchema();
  fs.writeFileSync(SCHEMA_FILE, sdl);
  process.stdout.write(`wrote ${SCHEMA_FILE} (${sdl.length} bytes)\n`);
}
