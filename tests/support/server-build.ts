import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The compiled server as production runs it (docs/operations.md "Production build"): plain node
 * on server/dist, no tsx. The benchmarks run it; the tests run the sources (tests/support/process.ts).
 */
export const COMPILED_SERVER_ARGS = ['--enable-source-maps', 'server/dist/src/main.js'];

/** Builds server/dist and db/dist when missing or older than their sources (server/scripts/build.mjs). */
export function ensureServerBuilt(root: string): void {
  execFileSync(process.execPath, [path.join(root, 'server/scripts/build.mjs'), '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
}
