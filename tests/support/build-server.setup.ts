import path from 'node:path';
import { ensureServerBuilt } from './server-build.ts';

/**
 * vitest globalSetup of the projects that start the server process (tests/support/process.ts):
 * builds server/dist once, before any test file runs, when it is missing or stale.
 */
export default function setup(): void {
  ensureServerBuilt(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..'));
}
