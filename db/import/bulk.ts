import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../src/database.ts';
import { type DataError, databaseSays, describeDataError } from '../src/errors.ts';
import { yieldToEventLoop } from '../src/event-loop.ts';

/** The PostgreSQL types the bundle's columns are sent as (one array parameter per column). */
export type PgType = 'text' | 'bigint' | 'integer' | 'smallint' | 'boolean' | 'date' | 'numeric';

export interface UpsertColumn {
  readonly name: string;
  readonly type: PgType;
  /**
   * Whether an existing row takes the new value. False for a column the file does not have: a
   * bundle that leaves a column out leaves it as it is, rather than blanking it.
   */
  readonly update: boolean;
}

export interface UpsertSpec {
  readonly table: keyof Database;
  /** Columns besides tenant_id. */
  readonly columns: readonly UpsertColumn[];
  /** The unique key besides tenant_id (its ON CONFLICT target). */
  readonly conflict: readonly string[];
  /** Columns to return for each inserted or changed row. */
  readonly returning: readonly string[];
  /** A timestamp column set to now() when a row changes. */
  readonly touch?: string;
}

/** A returned row: its `returning` columns and whether it was inserted (else updated). */
export type Changed = Record<string, unknown> & { inserted: boolean };

/** Builds `spec` for the columns a file has: absent columns are inserted with their default but never updated. */
export function columnsOf(
  present: (column: string) => boolean,
  columns: ReadonlyArray<readonly [name: string, type: PgType, source?: string | readonly string[] | true]>,
): UpsertColumn[] {
  return columns.map(([name, type, source]) => {
    const sources =
      source === undefined ? [name] : source === true ? [] : typeof source === 'string' ? [source] : source;
    return { name, type, update: source === true || sources.some(present) };
  });
}

/**
 * A PostgreSQL array literal ({"a","b",NULL}) for one column. Sent as one text parameter, it costs
 * both drivers about half of what serialising a JS array element by element does. Strings are
 * always quoted (so 'NULL', commas, braces and line breaks stay text); numbers and booleans bare.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const parts = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? 't' : 'f';
    return `"${String(v).replace(/[\\"]/g, '\\$&')}"`;
  });
  return `{${parts.join(',')}}`;
}

/**
 * One multi-row upsert: INSERT … SELECT FROM unnest(one array per column) ON CONFLICT DO UPDATE,
 * updating only rows whose values differ, so a re-import rewrites nothing. RETURNING reports the
 * inserted and changed rows (xmax = 0 marks an insert); rows not returned were unchanged.
 */
export async function upsert(
  trx: Transaction<Database>,
  tenantId: string,
  spec: UpsertSpec,
  rows: ReadonlyArray<object>,
): Promise<Changed[]> {
  if (rows.length === 0) return [];
  const id = (name: string) => sql.id(name);
  const arrays = spec.columns.map((c) => {
    const values = rows.map((row) => (row as Record<string, unknown>)[c.name]);
    return sql`${arrayLiteral(values)}::${sql.raw(c.type)}[]`;
  });
  const updates = spec.columns.filter((c) => c.update);
  let onConflict: RawBuilder<unknown>;
  if (updates.length === 0) {
    onConflict = sql`DO NOTHING`;
  } else {
    const set = updates.map((c) => sql`${id(c.name)} = excluded.${id(c.name)}`);
    // The touched column's default (now()) as the proposed row has it: Citus refuses a function in
    // the DO UPDATE SET clause of a distributed table unless it is immutable.
    if (spec.touch) set.push(sql`${id(spec.touch)} = excluded.${id(spec.touch)}`);
    onConflict = sql`DO UPDATE SET ${sql.join(set)}
      WHERE (${sql.join(updates.map((c) => sql`t.${id(c.name)}`))}) IS DISTINCT FROM (${sql.join(updates.map((c) => sql`excluded.${id(c.name)}`))})`;
  }
  const names = sql.join(spec.columns.map((c) => id(c.name)));
  const returning = sql.join([...spec.returning.map((c) => sql`t.${id(c)}`), sql`(xmax = 0) AS inserted`]);
  const result = await sql<Changed>`
    INSERT INTO ${sql.table(spec.table)} AS t (tenant_id, ${names})
    SELECT ${tenantId}::text, u.* FROM unnest(${sql.join(arrays)}) AS u(${names})
    ON CONFLICT (tenant_id, ${sql.join(spec.conflict.map(id))}) ${onConflict}
    RETURNING ${returning}`.execute(trx);
  return result.rows;
}

export interface ChunkedLoad<R, T> {
  readonly rows: readonly R[];
  readonly chunkSize: number;
  /** Writes a chunk; must throw (a database error) to have it split. */
  readonly store: (chunk: readonly R[]) => Promise<T>;
  /** Called once a chunk is stored for good (its savepoint released). */
  readonly accept: (chunk: readonly R[], result: T) => void;
  /** Called for each row the database refused. */
  readonly reject: (row: R, error: DataError) => void;
  readonly progress?: (done: number) => void;
}

const SAVEPOINT = sql.raw('jejaring_import_chunk');

/**
 * Why the database refused a row: describeDataError's explanation, or, for other errors about the
 * data itself (SQLSTATE class 22 data exception, 23 integrity, 54000 a value too large to index),
 * the database's own message, so one odd value costs one row rather than the whole import.
 * Anything else (a lost connection, a bug) returns null and aborts the import.
 */
export function explainRowError(error: unknown): DataError | null {
  const known = describeDataError(error);
  if (known) return known;
  const { code, column, message } = (error ?? {}) as { code?: unknown; column?: string; message?: string };
  if (typeof code === 'string' && (/^2[23]/.test(code) || code === '54000')) {
    return { code: 'BAD_USER_INPUT', field: column ?? null, reason: databaseSays(message), constraint: null };
  }
  return null;
}

/**
 * Stores rows in chunks, each inside a savepoint. When the database refuses a chunk (a NIB already
 * used by a party outside the bundle, say), the chunk is rolled back to its savepoint and split in
 * halves, down to single rows: one bad row in 5,000 costs about 25 extra statements rather than
 * 5,000, and every other row is still stored. Errors that are not about the data (a lost
 * connection, a bug) are rethrown and abort the whole import.
 */
export async function loadInChunks<R, T>(trx: Transaction<Database>, load: ChunkedLoad<R, T>): Promise<void> {
  const attempt = async (chunk: readonly R[]): Promise<void> => {
    await sql`SAVEPOINT ${SAVEPOINT}`.execute(trx);
    let result: T;
    try {
      result = await load.store(chunk);
    } catch (error) {
      const why = explainRowError(error);
      if (!why) throw error;
      await sql`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`.execute(trx);
      await sql`RELEASE SAVEPOINT ${SAVEPOINT}`.execute(trx);
      if (chunk.length === 1) {
        load.reject(chunk[0] as R, why);
        return;
      }
      const half = Math.ceil(chunk.length / 2);
      await attempt(chunk.slice(0, half));
      await attempt(chunk.slice(half));
      return;
    }
    await sql`RELEASE SAVEPOINT ${SAVEPOINT}`.execute(trx);
    load.accept(chunk, result);
  };

  let done = 0;
  for (let i = 0; i < load.rows.length; i += load.chunkSize) {
    const chunk = load.rows.slice(i, i + load.chunkSize);
    await attempt(chunk);
    done += chunk.length;
    load.progress?.(done);
    // Without this turn a SIGTERM's cancel, seen at the next progress report, would wait for the
    // whole transaction on PGlite.
    await yieldToEventLoop();
  }
}
