/**
 * Registers the dashboard's operations for persisted queries: writes
 * schema/operations/persisted.json, { sha256 of the text → the text }, where the text is what the
 * dashboard sends (src/persisted.ts). The server answers those hashes without the text, and may
 * allow nothing else to anonymous clients (PERSISTED_ONLY_FOR_PUBLIC). Run by `build` and
 * `codegen`; persisted.test.ts fails when the committed file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dashboardOperationTexts, sha256Hex } from '../src/persisted.ts';

export const MANIFEST = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../schema/operations/persisted.json',
);

export async function persistedManifest(): Promise<string> {
  const entries: Record<string, string> = {};
  for (const text of dashboardOperationTexts()) entries[await sha256Hex(text)] = text;
  return `${JSON.stringify(entries, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const manifest = await persistedManifest();
  if (!fs.existsSync(MANIFEST) || fs.readFileSync(MANIFEST, 'utf8') !== manifest) fs.writeFileSync(MANIFEST, manifest);
  process.stderr.write(
    `persisted: ${Object.keys(JSON.parse(manifest)).length} operations → ${path.relative(process.cwd(), MANIFEST)}\n`,
  );
}
