import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { DatabaseTarget, PostgresTarget } from './config.ts';
import type { Database } from './database.ts';
import { DURABLE_START_PARAMS, DurableNodeFS } from './durable-fs.ts';
import { lockDirectory } from './lock.ts';
import { asIs, createPgPool, DATE, INT8, NUMERIC, redact, toNumber } from './pg-pool.ts';
import { readStoredCluster } from './pglite-cluster.ts';
import { INITDB_START_PARAMS, START_PARAMS } from './pglite-params.ts';
import { DEFAULT_PREPARED_LIMIT, preparedStatements } from './prepared-statements.ts';
import { openReadReplica, type ReadReplica, type ReplicaEvents } from './read-replica.ts';
import { guardedPool, type RequestGuard } from './request-guard.ts';

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
  /**
   * PostgreSQL with DATABASE_READ_URL: the streaming replica that reads are routed to when the
   * server asks for it (read-replica.ts); `db` then runs each statement on the primary or on it.
   */
  readonly replica?: ReadReplica;
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
  /** The read replica's outages and recoveries (PostgreSQL with a read URL). */
  readonly replicaEvents?: ReplicaEvents;
  /**
   * PostgreSQL only, for tests: wraps the pool the handle's statements are sent through (the
   * Citus lane's routing check runs its by-design exceptions under another setting this way).
   */
  readonly wrapPool?: (pool: PostgresPool) => PostgresPool;
}

async function openPglite(dir: string | null, loadDataDir?: Blob): Promise<DatabaseHandle> {
  let release = () => {};
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    release = lockDirectory(dir);
  }
  try {
    // A new database (a directory without a cluster, or in memory with nothing to load) starts as
    // a copy of the stored empty cluster instead of running initdb, when that cluster was made by
    // the installed PGlite (pglite-cluster.ts).
    const isNew = dir ? !fs.existsSync(path.join(dir, 'PG_VERSION')) : !loadDataDir;
    if (isNew) loadDataDir = (await readStoredCluster()) ?? undefined;
    const pglite = await PGlite.create({
      // A directory database syncs its commits to disk (durable-fs.ts); in memory there is no disk.
      ...(dir ? { fs: new DurableNodeFS(dir), startParams: DURABLE_START_PARAMS } : { startParams: START_PARAMS }),
      initDbStartParams: INITDB_START_PARAMS,
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

async function openPostgres(
  { url, readUrl, preparedStatements: limit }: PostgresTarget,
  options: OpenOptions,
): Promise<DatabaseHandle> {
  const size = options.poolSize ?? 10;
  const pool = createPgPool(url, size, (error) => options.onPoolError?.(error));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatabaseUnavailableError(`Cannot connect to PostgreSQL at ${redact(url)}: ${reason}`);
  }
  // One policy for both pools: the marked statements of the API's lists go named (prepared-statements.ts).
  const prepared = preparedStatements(limit ?? DEFAULT_PREPARED_LIMIT);
  const guarded = guardedPool(pool, url, prepared);
  // A replica that is down at start is no reason to refuse: the primary serves its reads.
  const read = readUrl
    ? openReadReplica(readUrl, guarded.pool, { size, prepared, events: options.replicaEvents })
    : null;
  const sent = read?.pool ?? guarded.pool;
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: options.wrapPool?.(sent) ?? sent }) });
  return {
    db,
    engine: 'postgres',
    location: redact(url),
    guardRequests(guard) {
      guarded.guard(guard);
      read?.guard(guard);
    },
    ...(read ? { replica: read.replica } : {}),
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
      return openPostgres(target, options);
  }
}
