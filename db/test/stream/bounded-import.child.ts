/**
 * Run by bounded-memory.test.ts in a process of its own with a small heap (--max-old-space-size):
 * imports the bundle folder given as its argument into a fresh test database through
 * importFromPath (the CLI's and the upload jobs' engine) and prints the report's counts as JSON.
 */

import { importFromPath } from '../../import/sources/index.ts';
import { createTestDatabase, TEST_TENANT } from '../../src/testing.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: bounded-import.child.ts BUNDLE_DIR');
const handle = await createTestDatabase();
try {
  const report = await importFromPath(handle.db, TEST_TENANT, dir, dir, {});
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
  console.log(
    JSON.stringify({
      committed: report.committed,
      files: report.files,
      rejectedTotal: report.rejectedTotal,
      heapMb,
    }),
  );
} finally {
  await handle.close();
}
