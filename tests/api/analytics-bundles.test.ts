import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYTICS_SCENARIOS } from '../../server/test/analytics/scenarios.ts';
import { BUNDLES_DIR, bundleFiles } from '../fixtures/make-analytics-bundles.ts';

describe('the analytics fixture bundles', () => {
  it.each(Object.keys(ANALYTICS_SCENARIOS))(
    'analytics-%s matches its scenario (run npx tsx tests/fixtures/make-analytics-bundles.ts after changing one)',
    (name) => {
      const dir = path.join(BUNDLES_DIR, `analytics-${name}`);
      const expected = bundleFiles(ANALYTICS_SCENARIOS[name] as (typeof ANALYTICS_SCENARIOS)[string], name);
      expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
      for (const [file, content] of Object.entries(expected)) {
        expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).toBe(content);
      }
    },
  );
});
