import { type DatabaseHandle, isMigrated } from '@jejaring/db';
import type { RequestHandler } from 'express';

/** How long /readyz waits for the database before calling it unreachable. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * GET /readyz: 200 when this instance should get traffic: the database answers (within 5 s: a busy PGlite answers between statements) and
 * is migrated, and the process is not shutting down. 503 otherwise, with the reason; it turns
 * 200 again by itself when the database is back, without a restart.
 */
export function readiness(database: DatabaseHandle, isDraining: () => boolean): RequestHandler {
  const engine = database.engine;
  return async (_req, res) => {
    if (isDraining()) {
      res.status(503).set('Connection', 'close').json({ status: 'shutting down', engine });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), PROBE_TIMEOUT_MS);
    });
    try {
      const migrated = await Promise.race([isMigrated(database.db), timeout]);
      if (migrated === 'timeout') res.status(503).json({ status: 'database unreachable', engine });
      else res.status(migrated ? 200 : 503).json({ status: migrated ? 'ready' : 'not migrated', engine });
    } catch {
      res.status(503).json({ status: 'database unreachable', engine });
    } finally {
      clearTimeout(timer);
    }
  };
}
