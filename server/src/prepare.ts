import { type DatabaseHandle, migrateToLatest, withStartupLock } from '@jejaring/db';
import { loadDemo } from '@jejaring/db/demo';
import { decideDemo } from '@jejaring/db/demo-policy';
import { failInterruptedImportJobs } from '@jejaring/db/import-jobs';
import type { Logger } from 'pino';
import type { ServerConfig } from './config.ts';

/** Loads the demo dataset when docs/operations.md "Demo data" says so (db/demo/policy.ts). */
async function loadDemoIfWanted(handle: DatabaseHandle, config: ServerConfig, logger: Logger): Promise<void> {
  const decision = await decideDemo(handle.db, handle.engine, config.db);
  if (!decision.load) {
    if (decision.reason === 'postgres-needs-on') {
      logger.info('DEMO_DATA=auto loads the demo only into the embedded database; set DEMO_DATA=on for PostgreSQL');
    } else if (decision.reason === 'tenant-has-data' && config.db.demoData === 'on') {
      logger.warn('DEMO_DATA=on but the tenant has data: the demo dataset is not loaded');
    }
    return;
  }
  const started = performance.now();
  logger.info('empty database: loading the demo dataset (data contoh)');
  let lastStage = '';
  const result = await loadDemo(handle.db, config.db.tenant, {
    seed: 1,
    scale: 1,
    onProgress: (stage) => {
      if (stage !== lastStage) logger.info({ stage }, 'loading demo data');
      lastStage = stage;
    },
  });
  logger.info(
    { transactions: result.transactions, ms: Math.round(performance.now() - started) },
    'demo dataset loaded',
  );
}

/**
 * The database work before serving, under the start-up lock: migrations (with reference data and
 * the tenant), import jobs a stopped process left running marked failed (their transaction rolled
 * back with it), and the demo dataset where DEMO_DATA allows it. Idempotent.
 */
export async function prepareDatabase(handle: DatabaseHandle, config: ServerConfig, logger: Logger): Promise<void> {
  await withStartupLock(
    handle,
    async () => {
      const applied = await migrateToLatest(handle.db, config.db.tenant);
      if (applied.length) logger.info({ applied }, 'migrations applied');
      await failInterruptedImportJobs(handle.db, config.db.tenant);
      await loadDemoIfWanted(handle, config, logger);
    },
    () => logger.info('another instance is migrating this database: waiting for it'),
  );
}
