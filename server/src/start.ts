import type { Server } from 'node:http';
import { ConfigError, type DatabaseHandle, openDatabase } from '@jejaring/db';
import { demoCredentialProblem } from '@jejaring/db/auth';
import { cancelRunningImportJobs } from '@jejaring/db/import-jobs';
import type { Logger } from 'pino';
import { dominoStoresSettled } from './analytics/domino-effect.sql.ts';
import { stopHoldingParts } from './analytics/domino-held.ts';
import { buildAheadAtStart, type DominoWarmer, warmDominoMatrices } from './analytics/domino-warmer.ts';
import { type App, createApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { expressServer } from './http/express-server.ts';
import { prepareDatabase } from './prepare.ts';
import { type RollupScheduler, scheduleRollups } from './rollup-scheduler.ts';
import { closeHttpServer, trackRequests } from './shutdown.ts';
import { keepStatistics, type StatisticsKeeper } from './statistics-keeper.ts';

export interface Running {
  readonly url: string;
  readonly database: DatabaseHandle;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Awaited after the database is prepared, before the app is made and listens (serve.ts: the dashboard's build). */
  readonly beforeListening?: () => Promise<void>;
}

/**
 * How long a start waits for the domino matrices a just-loaded tenant needs (buildAheadAtStart):
 * about 2 s at province scale on a 2-core machine; a longer build finishes after the listening.
 */
const BUILD_AHEAD_WAIT_MS = 10_000;

/**
 * Listens on the configured address (http/express-server.ts). An 'error' while binding (a port
 * another process holds) must stop the start with a clear message, not pass for listening.
 */
function listen(app: App, config: ServerConfig): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = expressServer(app.express);
    // As app.listen does: the callback of listening also takes the first 'error'.
    const bound = (error?: Error) => {
      if (!error) return resolve(server);
      const code = (error as NodeJS.ErrnoException).code;
      const where = `${config.host}:${config.port}`;
      if (code === 'EADDRINUSE') {
        reject(new ConfigError(`cannot listen on ${where}: another process uses that port; stop it, or set PORT`));
      } else if (code === 'EADDRNOTAVAIL') {
        reject(new ConfigError(`cannot listen on ${where}: HOST is not an address of this machine`));
      } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        reject(new ConfigError(`cannot listen on ${where}: HOST is not a name this machine can resolve`));
      } else if (code === 'EACCES') {
        reject(new ConfigError(`cannot listen on ${where}: not permitted (EACCES); set PORT to 1024 or above`));
      } else reject(error);
    };
    server.once('error', bound);
    server.listen(config.port, config.host, () => bound());
  });
}

/**
 * Opens the database, prepares it (prepare.ts: migrations, the demo dataset where DEMO_DATA allows
 * it) and starts listening. Used by serve.ts and by the
 * API tests, which start the real server on a free port.
 */
export async function startServer(
  config: ServerConfig,
  logger: Logger,
  database?: DatabaseHandle,
  options: StartOptions = {},
): Promise<Running> {
  const handle =
    database ??
    (await openDatabase(config.db.target, {
      onPoolError: (error) =>
        logger.warn({ err: error }, 'database connection failed; the pool opens new ones when the database is back'),
      replicaEvents: {
        onDown: (error) =>
          logger.warn({ err: error }, 'read replica unreachable: reads go to the primary until it is back'),
        onUp: (downMs) => logger.info({ downMs }, 'read replica back: queries read it again'),
      },
    }));
  if (handle.replica) {
    const replica = await handle.replica.check(5_000);
    const fields = { replica: handle.replica.location, ...replica };
    if (replica.status === 'not a standby') {
      logger.warn(
        fields,
        'DATABASE_READ_URL is not a standby: nothing tells how far behind it is, so an account reads the primary after its writes',
      );
    } else logger.info(fields, 'read replica');
  }
  let app: App | undefined;
  let keeper: StatisticsKeeper | undefined;
  let rollups: RollupScheduler | undefined;
  let warmer: DominoWarmer | undefined;
  try {
    await prepareDatabase(handle, config, logger);
    if (config.production) {
      const problem = await demoCredentialProblem(handle.db, config.db.tenant);
      if (problem) throw new ConfigError(`refusing to start in production mode: ${problem}`);
    }
    await options.beforeListening?.();
    app = await createApp({ config, database: handle, logger });
    keeper = keepStatistics(handle.db, logger, config.statisticsInterval);
    rollups = scheduleRollups(handle.db, logger, config.rollupInterval);
    // On the requests' handle, so that a request for a period being warmed waits for that build and
    // finds the warmed matrix in the process's memory (both are kept per handle).
    warmer = warmDominoMatrices(app.db, logger, config.dominoWarmInterval);
    // A tenant loaded while no server ran gets its whole period built before the first request.
    if (config.dominoWarmInterval > 0) await buildAheadAtStart(app.db, logger, BUILD_AHEAD_WAIT_MS);
    const server = await listen(app, config);
    const inFlight = trackRequests(server);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host}:${port}`;
    return {
      url,
      database: handle,
      async stop() {
        // docs/operations.md "Stopping": readiness first, then the listener, then in-flight requests.
        app?.drain();
        if (config.shutdownDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
        // Imports running in the background are cancelled while the requests drain: each rolls
        // back at its next progress report and is marked CANCELLED, within the same deadline.
        const started = performance.now();
        const imports = cancelRunningImportJobs(config.shutdownTimeoutMs);
        const { drained, cut } = await closeHttpServer(server, config.shutdownTimeoutMs, inFlight);
        if (!drained) {
          logger.warn(
            { cut, timeoutMs: config.shutdownTimeoutMs },
            'shutdown deadline passed: requests still running were cut off',
          );
        }
        // And any a request started while draining, in what is left of the deadline.
        const left = Math.max(1_000, config.shutdownTimeoutMs - (performance.now() - started));
        for (const outcome of [await imports, await cancelRunningImportJobs(left)]) {
          if (outcome.cancelled) logger.info({ importJobs: outcome.cancelled }, 'import jobs cancelled (rolled back)');
          if (outcome.unfinished) {
            logger.warn(
              { importJobs: outcome.unfinished },
              'import jobs still running at the deadline: their transaction ends with the process',
            );
          }
        }
        await warmer?.stop();
        if (app) stopHoldingParts(app.db);
        await dominoStoresSettled();
        await rollups?.stop();
        await keeper?.stop();
        await app?.stop();
        if (!database) await handle.close();
      },
    };
  } catch (error) {
    await warmer?.stop().catch(() => {});
    await rollups?.stop().catch(() => {});
    await keeper?.stop().catch(() => {});
    await app?.stop().catch(() => {});
    if (!database) await handle.close().catch(() => {});
    throw error;
  }
}
