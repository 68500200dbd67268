import { type DatabaseHandle, isMigrated } from '@jejaring/db';
import type { RequestHandler } from 'express';

/** How long /readyz waits for the database before calling it unreachable. */
const PROBE_TIMEOUT_MS = 5_000;
/** How long /readyz waits for the read replica (it only reports it: the primary serves without it). */
const REPLICA_PROBE_TIMEOUT_MS = 1_000;

/**
 * GET /readyz: 200 when this instance should get traffic: the database answers (within 5 s: a busy PGlite answers between statements) and
 * is migrated, and the process is not shutting down. 503 otherwise, with the reason; it turns
 * 200 again by itself when the database is back, without a restart. With a read replica the
 * answer says how it is (`replica`: streaming, not a standby or unreachable, its replay position
 * and lag) without changing the status: while it is away the primary serves the reads.
 */
export function readiness(database: DatabaseHandle, isDraining: () => boolean): RequestHandler {
  const engine = database.engine;
  return async (_req, res) => {
    if (isDraining()) {
      res.status(503).set('Connection', 'close').json({ status: 'shutting down', engine });
      return;
    }
    const replicaCheck = database.replica?.check(REPLICA_PROBE_TIMEOUT_MS);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), PROBE_TIMEOUT_MS);
    });
    let status: number;
    let state: string;
    try {
      const migrated = await Promise.race([isMigrated(database.db), timeout]);
      if (migrated === 'timeout') [status, state] = [503, 'database unreachable'];
      else [status, state] = migrated ? [200, 'ready'] : [503, 'not migrated'];
    } catch {
      [status, state] = [503, 'database unreachable'];
    } finally {
      clearTimeout(timer);
    }
    res.status(status).json({ status: state, engine, ...(replicaCheck ? { replica: await replicaCheck } : {}) });
  };
}
