import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MANIFEST, persistedManifest } from '../scripts/persisted.ts';
import { dashboardOperationTexts, sha256Hex } from './persisted.ts';

describe('schema/operations/persisted.json', () => {
  it('registers exactly the operations the dashboard sends (run the dashboard build or codegen after changing one)', async () => {
    expect(fs.readFileSync(MANIFEST, 'utf8')).toBe(await persistedManifest());
  });

  it('names each operation by the SHA-256 of its text', async () => {
    const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const texts = dashboardOperationTexts();
    expect(Object.keys(manifest)).toHaveLength(texts.length);
    // An independent digest (Node's crypto) of one known text.
    const { createHash } = await import('node:crypto');
    for (const text of texts) expect(manifest[createHash('sha256').update(text).digest('hex')]).toBe(text);
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
