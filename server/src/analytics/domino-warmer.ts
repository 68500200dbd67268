import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { type PeriodicJob, periodicJob } from '../periodic.ts';
import { demandQuiet, type GiveWay } from './domino-demand.ts';
import { dominoMatrix, periodOfKey } from './domino-effect.sql.ts';
import { claimStalePeriod, listUnbuiltTenants, type StalePeriod, stalePeriods } from './domino-store.sql.ts';

/*
 * The warming of domino matrices after writes (docs/domino-matrices.md "The persisted matrices"). Any write
 * that can change a measure moves the tenant's analytics version, and the first dominoEffect of a
 * period after it would build the period's matrix (seconds at province scale). So every
 * DOMINO_WARM_INTERVAL seconds the server looks for stored periods of an older version than their
 * tenant's that were used in the last hour, and rebuilds them in the background, the most recently
 * used first, once the tenant's version has stood still for a whole interval (an import moving it
 * statement after statement is not chased). A request that comes while a period is being warmed
 * in the same process waits for that build instead of starting its own; several instances on one
 * database claim each period before building it (claimStalePeriod), so one builds it. Before each
 * period the warmer gives way to the requests of its process (domino-demand.ts): it waits until
 * none has computed a dominoEffect or held an analytic statement's slot for GIVE_WAY.quietMs, at
 * most GIVE_WAY.maxWaitMs; a period a request rebuilt meanwhile is no longer stale, and its claim
 * fails. A tenant with data and nothing in the store (a database just loaded or restored) gets
 * its whole recorded period put on the list first (listUnbuiltTenants), so its first requests read
 * stored parts instead of every month from the rollups; that build is optional, so it is made only
 * in a quiet moment (no request's analytic work for GIVE_WAY.quietMs), never waited for. A server
 * starting on such a database builds it before it listens instead (buildAheadAtStart).
 */

/** At most this many periods are rebuilt per tick, one after the other. */
const PERIODS_PER_TICK = 8;

/** A claim older than this is taken over (its instance stopped or failed mid-build). */
const CLAIM_SECONDS = 120;

/**
 * The quiet the warmer waits for before each period: a dashboard's requests after a write come a
 * few milliseconds apart, a person's next click seconds later.
 */
const GIVE_WAY: GiveWay = { quietMs: 750, maxWaitMs: 30_000 };

/** Rebuilds stale periods; `tick` returns how many it rebuilt. */
export type DominoWarmer = PeriodicJob<number>;

/**
 * Starts the warmer: a timer every `intervalSeconds` (none when 0; `tick` still works).
 *
 * @example
 * const warmer = warmDominoMatrices(handle.db, logger, 2);
 * await warmer.stop();
 */
export function warmDominoMatrices(
  db: Kysely<Database>,
  logger: Logger,
  intervalSeconds: number,
  giveWay: GiveWay = GIVE_WAY,
): DominoWarmer {
  /** Each tenant's version at the last tick: a period is warmed once its tenant's stands still. */
  const seen = new Map<string, number>();
  const run = async (stopping: AbortSignal): Promise<number> => {
    let warmed = 0;
    // Optional: a failure here must not keep the stale periods below from being warmed.
    await listUnbuiltTenants(db).catch((error: unknown) =>
      logger.warn({ err: error }, 'listing the tenants without stored domino matrices failed'),
    );
    const periods = await stalePeriods(db, PERIODS_PER_TICK);
    const settled = new Set(periods.filter((p) => seen.get(p.tenantId) === p.version).map((p) => p.tenantId));
    seen.clear();
    for (const stale of periods) seen.set(stale.tenantId, stale.version);
    for (const stale of periods) {
      if (!settled.has(stale.tenantId)) continue;
      const waiting = performance.now();
      // A seed is not waited for: built only in a quiet moment, else left for a later tick.
      const quiet = await demandQuiet(stale.seed ? { ...giveWay, maxWaitMs: 0 } : giveWay, stopping);
      if (stale.seed && !quiet) continue;
      if (stopping.aborted) break;
      const waitedMs = Math.round(performance.now() - waiting);
      if (await warmPeriod(db, logger, stale, { waitedMs, quiet })) warmed++;
    }
    return warmed;
  };
  return periodicJob(run, { intervalSeconds, logger, failure: 'warming domino matrices failed' });
}

/**
 * Claims `stale` and builds it, storing the matrix and its parts; false when another caller holds
 * the claim or the period is current already. `fields` go into the log line.
 */
async function warmPeriod(
  db: Kysely<Database>,
  logger: Logger,
  stale: StalePeriod,
  fields: Record<string, unknown>,
): Promise<boolean> {
  if (!(await claimStalePeriod(db, stale, CLAIM_SECONDS))) return false;
  const started = performance.now();
  let source = '';
  await dominoMatrix(
    db,
    periodOfKey(stale.tenantId, stale.period),
    {
      matrix: (event) => {
        source = event.source;
      },
      storeFailed: (error) => logger.warn({ err: error, period: stale.period }, 'warmed domino matrix not stored'),
    },
    { warming: true },
  );
  logger.info(
    {
      tenant: stale.tenantId,
      period: stale.period,
      version: stale.version,
      source,
      ms: Math.round(performance.now() - started),
      ...fields,
    },
    stale.seed ? 'domino matrix of the whole recorded period built ahead' : 'domino matrix warmed after a write',
  );
  return true;
}

/**
 * At start, before the server takes requests: builds the whole recorded period of every tenant
 * that has data and nothing in the store (a database loaded or restored while no server ran), so
 * that the first requests after such a load read stored parts instead of building from the rollups
 * one by one (docs/domino-matrices.md "Built at start, before the first request"). Waits at most
 * `waitMs`: a longer build goes on in the background, and a request for the same period joins it.
 * On a database whose tenants all have stored matrices (every start after the first) it costs two
 * short statements. Resolves with how many periods were built within the wait; never rejects.
 */
export async function buildAheadAtStart(db: Kysely<Database>, logger: Logger, waitMs: number): Promise<number> {
  const build = async () => {
    await listUnbuiltTenants(db);
    let built = 0;
    for (const stale of await stalePeriods(db, PERIODS_PER_TICK)) {
      if (stale.seed && (await warmPeriod(db, logger, stale, { atStart: true }))) built++;
    }
    return built;
  };
  const building = build().catch((error: unknown) => {
    logger.warn({ err: error }, 'building the domino matrices ahead at start failed');
    return 0;
  });
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      logger.info({ waitMs }, 'the domino matrices built ahead at start go on in the background');
      resolve(0);
    }, waitMs);
  });
  try {
    return await Promise.race([building, waited]);
  } finally {
    clearTimeout(timer);
  }
}
