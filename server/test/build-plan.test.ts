import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * server/scripts/build.mjs lists the files to compile from each tsconfig.build.json with its own
 * reader (TypeScript's import costs over a second on the first start). TypeScript's parser is the
 * reference here: the same files, root and output folders and target.
 */

interface Plan {
  files: string[];
  rootDir: string;
  outDir: string;
  target: string;
}
const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILD = path.join(ROOT, 'server/scripts/build.mjs');

function typescriptPlan(project: string): Plan {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    project,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`${project}: not parsed`);
  const { rootDir, outDir, target } = parsed.options;
  return {
    files: parsed.fileNames.filter((f) => !f.endsWith('.d.ts')).sort(),
    rootDir: rootDir as string,
    outDir: outDir as string,
    target: (ts.ScriptTarget[target as ts.ScriptTarget] as string).toLowerCase(),
  };
}

describe('the server build plan', () => {
  for (const pkg of ['db', 'server']) {
    it(`${pkg}: the files, folders and target tsc reads from tsconfig.build.json`, async () => {
      const { buildPlan } = (await import(BUILD)) as { buildPlan: (project: string) => Plan };
      const project = path.join(ROOT, pkg, 'tsconfig.build.json');
      const expected = typescriptPlan(project);
      expect(expected.files.length).toBeGreaterThan(50);
      expect(expected.files.some((f) => f.endsWith('.test.ts'))).toBe(false);
      expect(buildPlan(project)).toEqual(expected);
    });
  }
});
