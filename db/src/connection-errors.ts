/**
 * Recognises the errors that mean "the database cannot be reached right now" rather than "this
 * statement is wrong": PostgreSQL restarted or went away (the socket died mid-query, new
 * connections are refused), the pool timed out waiting for a connection, or the handle is being
 * closed during shutdown. The API answers these with 503 SERVICE_UNAVAILABLE and a Retry-After,
 * because the same request will succeed once the database is back.
 */

/** Socket-level failures (Node's errno codes). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOENT', // a Unix socket path that is gone while the server is stopped
]);

/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception), admin_shutdown (57P01, a
 * fast stop or pg_terminate_backend), crash_shutdown (57P02), cannot_connect_now (57P03, starting
 * up or shutting down), too_many_connections (53300).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Messages of node-postgres, pg-pool, Kysely and PGlite that carry no code. */
const MESSAGES = [
  /^Connection terminated/,
  /is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Cannot use a pool after calling end on the pool/,
  /^Client was closed and is not queryable/,
  /^driver has already been destroyed/,
  /^PGlite is closed/,
];

/**
 * True when `error` (or the error it wraps, as GraphQL and Kysely wrap them) says the database is
 * unreachable or closing, as opposed to a statement it refused.
 *
 * @example
 * try { await query(); } catch (e) { if (isConnectionFailure(e)) answer503(); else throw e; }
 */
export function isConnectionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
    }
    if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
    const inner = current as { originalError?: unknown; cause?: unknown };
    current = inner.originalError ?? inner.cause;
  }
  return false;
}

/** SQLSTATE disk_full (53100): PostgreSQL could not extend a file. */
const DISK_FULL = '53100';

/**
 * True when `error` (or the error it wraps) says the database's disk is full: PostgreSQL's
 * disk_full, or ENOSPC from a file write. The statement was rolled back; reads still work, and
 * writes work again as soon as there is space (docs/operations.md, "When the disk is full").
 */
export function isStorageFull(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { code } = current as { code?: unknown };
    if (code === DISK_FULL || code === 'ENOSPC') return true;
    const inner = current as { originalError?: unknown; cause?: unknown };
    current = inner.originalError ?? inner.cause;
  }
  return false;
}
