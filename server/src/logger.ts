import pino, { type DestinationStream, type Logger } from 'pino';
import type { ServerConfig } from './config.ts';

/**
 * JSON lines on stdout (or `destination`, for tests that read the log): one per request (see
 * http/request-plugin.ts) and one per lifecycle event.
 *
 * Stdout is written synchronously, as Node writes its own stdout to files, terminals and pipes on
 * Linux: a line is in the pipe when the call returns. pino's default destination writes
 * asynchronously and, at process exit, flushes what is pending with a loop that retries every
 * error, not only a full pipe's: when the reader of the log has gone away (a supervisor's pipe, a
 * `| tee` that ended), every write fails with EPIPE and the process hung in that loop, on SIGTERM
 * as on a fatal error, holding the PGlite directory's lock. A synchronous destination has no such
 * flush (tests/api/process.test.ts).
 */
export function createLogger(level: ServerConfig['logLevel'], destination?: DestinationStream): Logger {
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  return pino(options, destination ?? stdoutDestination());
}

/** Stdout, written synchronously; when its reader is gone for good, the log stops and the server carries on. */
function stdoutDestination(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: true });
  // pino stops writing on EPIPE itself; a terminal that was closed answers EIO instead, which would
  // otherwise be thrown from the logging call. Other errors (a full disk) do not stop the log.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EIO' || error.code === 'EPIPE') stream.write = () => true;
  });
  return stream;
}

/**
 * Exits with `code` once the log lines written so far have reached their destination, or after
 * 2 s (a destination given by a test may write asynchronously), so that an immediate
 * process.exit does not drop the lifecycle's last lines ("stopped").
 */
export function exitAfterLog(logger: Logger, code: number): void {
  const exit = () => process.exit(code);
  setTimeout(exit, 2_000);
  try {
    logger.flush(() => exit());
  } catch {
    exit();
  }
}
