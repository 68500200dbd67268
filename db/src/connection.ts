import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DatabaseTarget } from './config.ts';
import type { Database } from './database.ts';
import { DURABLE_START_PARAMS, DurableNodeFS } from './durable-fs.ts';
import { lockDirectory } from './lock.ts';
import { guardedPool, type RequestGuard } from './request-guard.ts';

/** OIDs whose text form we parse ourselves, identically on both engines. */
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

const toNumber = (value: string) => Number(value);
const asIs = (value: string) => value;

export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** An open database: one Kysely instance over PGlite or PostgreSQL, and how to close it. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly engine: 'pglite' | 'postgres';
  /** Human-readable location, for logs: a directory or a URL without its password. */
  readonly location: string;
  /** In-memory PGlite only: the whole database as a tarball, to open copies quickly (tests). */
  readonly snapshot?: () => Promise<Blob>;
  /**
   * PostgreSQL only: statements run inside an API request get the request's statement_timeout and
   * are cancelled when the request is abandoned (see request-guard.ts). PGlite runs a statement on
   * the event loop's thread, so nothing can interrupt it; it has no such guard.
   */
  readonly guardRequests?: (guard: RequestGuard | null) => void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Pool size for PostgreSQL (PGlite has exactly one connection). */
  readonly poolSize?: number;
  /**
   * Called when a pooled connection fails, idle or checked out (the server restarted, the socket
   * died mid-query); the pool drops that connection and opens new ones when the server is back.
   */
  readonly onPoolError?: (error: Error) => void;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

async function openPglite(dir: string | null, loadDataDir?: Blob): Promise<DatabaseHandle> {
  let release = () => {};
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    release = lockDirectory(dir);
  }
  try {
    const pglite = await PGlite.create({
      // A directory database syncs its commits to disk (durable-fs.ts); in memory there is no disk.
      ...(dir ? { fs: new DurableNodeFS(dir), startParams: DURABLE_START_PARAMS } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asIs },
      // Trigram similarity (likely duplicates, name search): a contrib extension PGlite loads here.
      extensions: { pg_trgm },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      engine: 'pglite',
      location: dir ?? 'memory://',
      ...(dir ? {} : { snapshot: () => pglite.dumpDataDir('none') }),
      async close() {
        try {
          await db.destroy();
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
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
  pool.on('connect', (client) => client.on('error', (error) => options.onPoolError?.(error)));
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatabaseUnavailableError(`Cannot connect to PostgreSQL at ${redact(url)}: ${reason}`);
  }
  const guarded = guardedPool(pool, url);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guarded.pool }) });
  return {
    db,
    engine: 'postgres',
    location: redact(url),
    guardRequests: guarded.guard,
    async close() {
      await db.destroy();
    },
  };
}

/**
 * Opens the configured database. PGlite directories are locked for this process; PostgreSQL is
 * checked for reachability before returning, so a bad URL fails here with a clear message.
 *
 * @example
 * const handle = await openDatabase(loadDbConfig().target);
 * try { await handle.db.selectFrom('party').selectAll().execute(); } finally { await handle.close(); }
 */
export async function openDatabase(
  target: DatabaseTarget | { engine: 'memory'; loadDataDir?: Blob },
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  switch (target.engine) {
    case 'pglite':
      return openPglite(target.dir);
    case 'memory':
      return openPglite(null, target.loadDataDir);
    case 'postgres':
      return openPostgres(target.url, options);
  }
}
