import { type Database, dataVersion, refreshStatistics } from '@jejaring/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { type PeriodicJob, periodicJob } from './periodic.ts';

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

/** Analyses when the data changed since the last analysis (always on the first tick); `tick` says whether it did. */
export type StatisticsKeeper = PeriodicJob<boolean>;

/**
 * Starts the keeper: a timer every `intervalSeconds` (none when 0; `tick` still works).
 *
 * @example
 * const keeper = keepStatistics(handle.db, logger, 600);
 * await keeper.stop();
 */
export function keepStatistics(db: Kysely<Database>, logger: Logger, intervalSeconds: number): StatisticsKeeper {
  let analysedAt: number | null = null;
  const run = async (): Promise<boolean> => {
    const version = await dataVersion(db);
    if (version === analysedAt) return false;
    const started = performance.now();
    await refreshStatistics(db);
    analysedAt = version;
    logger.info({ ms: Math.round(performance.now() - started), version }, 'planner statistics refreshed');
    return true;
  };
  return periodicJob(run, { intervalSeconds, logger, failure: 'refreshing planner statistics failed' });
}
