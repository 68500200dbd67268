import pg from 'pg';

/** OIDs whose text form we parse ourselves, identically on both engines. */
export const INT8 = 20;
export const NUMERIC = 1700;
export const DATE = 1082;

export const toNumber = (value: string) => Number(value);
export const asIs = (value: string) => value;

/**
 * A node-postgres pool parsing int8 and numeric as numbers and dates as strings (as PGlite does
 * here). `onClientError` hears a pooled connection that fails, idle or checked out.
 */
export function createPgPool(url: string, size: number, onClientError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        if (oid === INT8 || oid === NUMERIC) return toNumber;
        if (oid === DATE) return asIs;
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // node-postgres emits 'error' on a client whose socket dies, idle or in use. Without a listener
  // that event is an uncaught exception: the pool's 'error' covers idle clients only, so every
  // client gets its own listener, for its whole life (the query it was running rejects as well,
  // and the request answers 503). The pool re-emits an idle client's error: reported already.
  pool.on('connect', (client) => client.on('error', onClientError));
  pool.on('error', () => {});
  return pool;
}

/** A URL without its password, for logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
