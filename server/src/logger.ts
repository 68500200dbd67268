import pino, { type Logger } from 'pino';
import type { ServerConfig } from './config.ts';

/** JSON lines on stdout: one per request (see http/request-plugin.ts) and one per lifecycle event. */
export function createLogger(level: ServerConfig['logLevel']): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
