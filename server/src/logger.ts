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
