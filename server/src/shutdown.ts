import type { Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { exitAfterLog } from './logger.ts';

/*
 * Stopping without cutting anyone off, and living through what should not kill a server.
 *
 * SIGTERM (or SIGINT, or SIGHUP: the terminal it ran in was closed): /readyz answers 503 at
 * once; after SHUTDOWN_DELAY_MS (0 by default: a load balancer polling /readyz gets that long to
 * stop sending traffic) the listening socket closes, so new connections are refused; idle
 * keep-alive connections close; requests in flight finish, each answered with `Connection:
 * close`, until SHUTDOWN_TIMEOUT_MS (10 s); then the sockets still open are destroyed. Then the
 * rollup scheduler, the statistics keeper, Apollo and the database close (the pool, or PGlite and
 * its directory lock) and the process exits 0. A second signal exits at once with code 1.
 */

/** The requests in flight on a server, from the moment their headers arrive until their answer ends. */
export interface InFlight {
  count(): number;
  /** Marks every answer not yet started `Connection: close`, and every later one too. */
  closeAfterAnswer(): void;
}

export function trackRequests(server: Server): InFlight {
  const active = new Set<ServerResponse>();
  let closing = false;
  server.on('request', (_req, res: ServerResponse) => {
    active.add(res);
    if (closing) res.shouldKeepAlive = false;
    res.once('close', () => active.delete(res));
  });
  return {
    count: () => active.size,
    closeAfterAnswer() {
      closing = true;
      for (const res of active) if (!res.headersSent) res.shouldKeepAlive = false;
    },
  };
}

/**
 * Closes `server`: no new connections, idle ones closed now and as they become idle, in-flight
 * requests given `deadlineMs` to finish, then every socket destroyed. Says whether the requests
 * finished in time and how many were cut.
 */
export async function closeHttpServer(
  server: Server,
  deadlineMs: number,
  inFlight: InFlight,
): Promise<{ drained: boolean; cut: number }> {
  inFlight.closeAfterAnswer();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A keep-alive connection whose answer was just sent is idle: close it before it takes another request.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (outcome === 'drained') return { drained: true, cut: 0 };
  const cut = inFlight.count();
  server.closeAllConnections();
  await closed;
  return { drained: false, cut };
}

/** The signals that stop the server gracefully (the launcher, server/scripts/start.mjs, passes the same on). */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * Calls `stop` on the first SIGTERM, SIGINT or SIGHUP, then exits 0 (1 if stopping failed); a
 * second signal while stopping exits at once with code 1. SIGHUP's default, exiting on the spot,
 * would leave the embedded database unclosed.
 */
export function stopOnSignals(logger: Logger, stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal while shutting down: exiting at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop(signal).then(
      () => {
        logger.info('stopped');
        exitAfterLog(logger, 0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutting down failed');
        exitAfterLog(logger, 1);
      },
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
}

/**
 * What the process does with errors nobody caught.
 *
 * - An unhandled promise rejection is logged and the server keeps running: it is an error of one
 *   piece of work (a request, a background tick) whose failure was not awaited, and the state
 *   shared between requests (pool, caches, the HTTP server) does not depend on it. Node's default,
 *   exiting, would turn one forgotten `await` into an outage for everyone.
 * - An uncaught exception is logged (fatal) and the process exits with code 1 after `onFatal`
 *   (bounded by 5 s) has closed the database: the exception escaped some callback half-way, so
 *   the in-memory state can no longer be trusted, and a service manager (systemd
 *   `Restart=on-failure`, a container's restart policy) starts a clean process in seconds.
 */
export function guardProcess(logger: Logger, onFatal: () => Promise<void>): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection (the server keeps running)');
  });
  let fatal = false;
  process.on('uncaughtException', (error) => {
    logger.fatal(
      { err: error },
      'uncaught exception: exiting with code 1 so the service manager restarts a clean process',
    );
    logger.flush();
    if (fatal) process.exit(1);
    fatal = true;
    const timer = setTimeout(() => process.exit(1), 5_000);
    timer.unref();
    onFatal()
      .catch(() => {})
      .finally(() => process.exit(1));
  });
}
