import { applyPendingRollups, type Database, rollupMode } from '@jejaring/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { type PeriodicJob, periodicJob } from './periodic.ts';

/*
 * The scheduler of the analytics rollups in SCHEDULED mode (docs/scale-out.md "Rollups"): every
 * ROLLUP_INTERVAL seconds the server applies the changes its database recorded. In TRIGGER mode
 * (the default) a tick only reads the mode: the triggers have applied everything already. Several
 * servers on one database may all run it; analytics_apply_pending lets one apply at a time.
 */

/** Applies what was recorded when the mode is SCHEDULED; `tick` returns how many changes (null in TRIGGER mode). */
export type RollupScheduler = PeriodicJob<number | null>;

/**
 * Starts the scheduler: a timer every `intervalSeconds` (none when 0; `tick` still works).
 *
 * @example
 * const scheduler = scheduleRollups(handle.db, logger, 60);
 * await scheduler.stop();
 */
export function scheduleRollups(db: Kysely<Database>, logger: Logger, intervalSeconds: number): RollupScheduler {
  const run = async (): Promise<number | null> => {
    if ((await rollupMode(db)) !== 'SCHEDULED') return null;
    const started = performance.now();
    const applied = await applyPendingRollups(db);
    if (applied > 0) {
      logger.info({ applied, ms: Math.round(performance.now() - started) }, 'recorded changes applied to the rollups');
    }
    return applied;
  };
  return periodicJob(run, { intervalSeconds, logger, failure: 'applying recorded rollup changes failed' });
}
