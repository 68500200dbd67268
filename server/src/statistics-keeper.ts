import { type Database, dataVersion, refreshStatistics } from '@jejaring/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';

/*
 * Planner statistics for a long-running server. Bulk writes analyse at their end (db/src/
 * statistics.ts) and a rollup that doubles within a transaction is analysed there, but a stream of
 * small writes (data entry, daily imports of a few rows) moves the data without either: new months
 * lie beyond the histograms and the planner takes them for empty. PGlite has no autovacuum, and the
 * PostgreSQL servers this runs on may have it off. So the server analyses every table once per
 * interval when the data has changed since the last time (ANALYZE samples: about 0.3 s at demo
 * scale and 4 s at scale 100 on PostgreSQL, where it blocks no reader; on PGlite it holds the one
 * connection for that long).
 */

export interface StatisticsKeeper {
  /** Analyses when the data changed since the last analysis (always on the first call); says whether it did. */
  tick(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Starts the keeper: a timer every `intervalSeconds` (none when 0; `tick` still works).
 *
 * @example
 * const keeper = keepStatistics(handle.db, logger, 600);
 * await keeper.stop();
 */
export function keepStatistics(db: Kysely<Database>, logger: Logger, intervalSeconds: number): StatisticsKeeper {
  let analysedAt: number | null = null;
  let running: Promise<boolean> | null = null;
  const run = async (): Promise<boolean> => {
    const version = await dataVersion(db);
    if (version === analysedAt) return false;
    const started = performance.now();
    await refreshStatistics(db);
    analysedAt = version;
    logger.info({ ms: Math.round(performance.now() - started), version }, 'planner statistics refreshed');
    return true;
  };
  const tick = () => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
  const timer =
    intervalSeconds > 0
      ? setInterval(() => {
          tick().catch((error: unknown) => logger.warn({ err: error }, 'refreshing planner statistics failed'));
        }, intervalSeconds * 1000)
      : null;
  timer?.unref();
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => false);
    },
  };
}
