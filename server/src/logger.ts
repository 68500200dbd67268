import pino, { type DestinationStream, type Logger } from 'pino';
import type { ServerConfig } from './config.ts';

/**
 * JSON lines on stdout (or `destination`, for tests that read the log): one per request (see
 * http/request-plugin.ts) and one per lifecycle event.
 */
export function createLogger(level: ServerConfig['logLevel'], destination?: DestinationStream): Logger {
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Exits with `code` once the log lines written so far have reached their destination, or after
 * 2 s. pino writes stdout synchronously, but when the pipe is full (its reader is slow: a busy
 * journal, a loaded machine) it keeps the rest and retries later, and an immediate process.exit
 * would drop them, the lifecycle's last lines ("stopped") among them.
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
