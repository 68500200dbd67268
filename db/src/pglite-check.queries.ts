import { PGlite } from '@electric-sql/pglite';
import { DURABLE_START_PARAMS, DurableNodeFS } from './durable-fs.ts';
import { lockDirectory } from './lock.ts';

/**
 * Checks every B-tree index of a PGlite directory against its table with PostgreSQL's amcheck
 * (`bt_index_check` with heapallindexed): the index structure is sound and every row of the table
 * is in it. Returns the indexes checked. Takes the directory's lock like every other opener.
 */
export async function checkPgliteIndexes(dir: string): Promise<number> {
  const { amcheck } = await import('@electric-sql/pglite/contrib/amcheck');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const release = lockDirectory(dir);
  const pglite = await PGlite.create({
    fs: new DurableNodeFS(dir),
    startParams: DURABLE_START_PARAMS,
    extensions: { amcheck, pg_trgm },
  });
  try {
    await pglite.exec('CREATE EXTENSION IF NOT EXISTS amcheck');
    const indexes = await pglite.query<{ oid: number }>(
      `SELECT c.oid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
       WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace AND c.relpersistence = 'p'`,
    );
    for (const { oid } of indexes.rows) await pglite.query('SELECT bt_index_check($1, true)', [oid]);
    return indexes.rows.length;
  } finally {
    await pglite.close();
    release();
  }
}
