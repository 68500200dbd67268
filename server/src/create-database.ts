import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DatabaseTarget } from '@jejaring/db';
import type { Logger } from 'pino';

/**
 * A new embedded database directory costs PGlite's initdb, some 5-7 s of CPU (docs/operations.md,
 * "`pnpm start` and the first start"), and needs nothing of the server but the database package.
 * So main.ts starts it in a worker thread first, and imports the server's modules (about 2 s of
 * CPU) on the main thread meanwhile; the worker closes the database again, and the server opens
 * the directory as usual, now an existing one. Resolves when the worker is done, whatever its
 * outcome: when it could not create the directory (locked by another process, no space), the
 * server's own opening runs into the same problem and reports it.
 */
export function createEmbeddedDatabaseAhead(target: DatabaseTarget, logger: Logger): Promise<void> {
  if (target.engine !== 'pglite' || fs.existsSync(path.join(target.dir, 'PG_VERSION'))) return Promise.resolve();
  logger.info({ dir: target.dir }, 'new embedded database: created while the server loads');
  // The worker's file beside this one: create-database.worker.js in the build, .ts under tsx.
  const here = new URL(import.meta.url);
  const worker = new Worker(new URL(`./create-database.worker${path.extname(here.pathname)}`, here), {
    workerData: { dir: target.dir },
  });
  return new Promise((resolve) => {
    worker.once('error', (error) => {
      logger.debug({ err: error }, 'creating the embedded database ahead failed: the server opens it itself');
    });
    worker.once('exit', () => resolve());
  });
}
