import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../src/database.ts';
import { CHUNK_ROWS, type DemoChunk, generateDemo, hashLiterals, planDemo, validateDemoOptions } from './generate.ts';
import { columnLiterals, DEMO_TABLES, type DemoTable, ID_TABLES, type IdSpace, TABLE_SPECS } from './tables.ts';

/*
 * Loads the demo dataset into an empty tenant, in one transaction: rows are streamed from the
 * generator and inserted with INSERT … SELECT FROM unnest($1::bigint[], $2::text[], …) in
 * statements of ROWS_PER_STATEMENT rows. When a table holds fewer rows than the demo will add
 * (a fresh database), its secondary indexes, unique and foreign-key constraints are dropped for
 * the load and re-created from their own definitions (pg_get_indexdef / pg_get_constraintdef)
 * before commit, which is several times faster than maintaining them row by row, on PGlite
 * especially. The identity sequences are moved past the explicit ids at the end.
 */

export interface LoadDemoOptions {
  readonly seed: number;
  readonly scale: number;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
}

export interface LoadDemoResult {
  /** sha256 over the inserted rows in canonical order (equals demoChecksum() when ids start at 1). */
  readonly checksum: string;
  readonly transactions: number;
  readonly parties: number;
}

async function insertLiterals(
  trx: Transaction<Database>,
  tenantId: string,
  table: DemoTable,
  literals: readonly string[],
) {
  const spec = TABLE_SPECS[table];
  const unnest = sql.join(literals.map((literal, c) => sql`${literal}::${sql.raw(spec.types[c] as string)}[]`));
  const names = sql.join([sql.ref('tenant_id'), ...spec.columns.map((c) => sql.ref(c))]);
  await sql`INSERT INTO ${sql.table(table)} (${names}) SELECT ${tenantId}::text, * FROM unnest(${unnest})`.execute(trx);
}

interface Deferred {
  readonly table: string;
  readonly constraints: ReadonlyArray<{ name: string; def: string; foreign: boolean }>;
  readonly indexes: ReadonlyArray<{ name: string; def: string }>;
}

/** Drops a table's secondary indexes, unique and foreign-key constraints; returns how to re-create them. */
async function deferIndexes(trx: Transaction<Database>, table: string): Promise<Deferred> {
  const constraints = await sql<{ name: string; def: string; foreign: boolean }>`
    SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS def, c.contype = 'f' AS foreign
    FROM pg_constraint c
    WHERE c.conrelid = ${table}::regclass AND c.contype IN ('f', 'u')
      -- a unique constraint that a foreign key references must stay
      AND (c.contype = 'f' OR NOT EXISTS (SELECT 1 FROM pg_constraint d WHERE d.contype = 'f' AND d.conindid = c.conindid))
    ORDER BY c.conname`.execute(trx);
  const indexes = await sql<{ name: string; def: string }>`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i
    WHERE i.indrelid = ${table}::regclass AND NOT i.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
    ORDER BY 1`.execute(trx);
  for (const c of constraints.rows)
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.ref(c.name)}`.execute(trx);
  for (const i of indexes.rows) await sql`DROP INDEX ${sql.raw(i.name)}`.execute(trx);
  return { table, constraints: constraints.rows, indexes: indexes.rows };
}

const traced = async (label: string, run: () => Promise<unknown>) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const c1 = process.cpuUsage(c0);
  if (process.env.DEMO_TRACE)
    console.log(
      'restore',
      label,
      Math.round(performance.now() - t0),
      'ms wall',
      Math.round((c1.user + c1.system) / 1000),
      'ms cpu',
    );
};
async function restoreIndexes(trx: Transaction<Database>, deferred: readonly Deferred[]): Promise<void> {
  for (const d of deferred) {
    for (const i of d.indexes) await traced(i.name, () => sql.raw(i.def).execute(trx));
    for (const c of d.constraints.filter((x) => !x.foreign)) {
      await traced(c.name, () =>
        sql`ALTER TABLE ${sql.table(d.table)} ADD CONSTRAINT ${sql.ref(c.name)} ${sql.raw(c.def)}`.execute(trx),
      );
    }
  }
  // Statistics first: the foreign-key checks below are joins the planner should hash, not loop.
  await traced('analyze', () => sql.raw(`ANALYZE ${DEMO_TABLES.map((t) => `"${t}"`).join(', ')}`).execute(trx));
  for (const d of deferred) {
    for (const c of d.constraints.filter((x) => x.foreign)) {
      await traced(c.name, () =>
        sql`ALTER TABLE ${sql.table(d.table)} ADD CONSTRAINT ${sql.ref(c.name)} ${sql.raw(c.def)}`.execute(trx),
      );
    }
  }
}

/** Lets queued work (a query being sent) proceed before a long synchronous stretch of generation. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Loads the synthetic demo dataset (see demo/story.ts) into a tenant that has no parties yet, in
 * one transaction, and records the seed and scale on the tenant.
 *
 * @example
 * const { transactions } = await loadDemo(db, '61.12', { seed: 1, scale: 1 });
 */
export async function loadDemo(
  db: Kysely<Database>,
  tenantId: string,
  options: LoadDemoOptions,
): Promise<LoadDemoResult> {
  const { seed, scale, onProgress } = options;
  validateDemoOptions(seed, scale);
  const tenant = await db.selectFrom('tenant').select('id').where('id', '=', tenantId).executeTakeFirst();
  if (!tenant) throw new Error(`Tenant ${tenantId} does not exist; run \`pnpm cli migrate\` first.`);
  const assertEmpty = async (executor: Kysely<Database>) => {
    const existing = await executor
      .selectFrom('party')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) {
      throw new Error(
        `Tenant ${tenantId} already has data (${existing.n} parties); the demo dataset loads only into an empty tenant. ` +
          "Run `pnpm cli reset --yes` first to delete the tenant's rows.",
      );
    }
  };
  await assertEmpty(db);
  const plan = planDemo(seed, scale);

  return db.transaction().execute(async (trx) => {
    await assertEmpty(trx);
    await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(trx);
    // Statistics for the planner from a 15,000-row sample per table (the default samples 30,000).
    await sql`SET LOCAL default_statistics_target = 50`.execute(trx);

    // Ids continue after any other tenant's (primary keys are per tenant, but unique ids read better).
    const offsets = {} as Record<IdSpace, number>;
    for (const table of ID_TABLES) {
      const row = await sql<{ max: number | null }>`SELECT max(id) AS max FROM ${sql.table(table)}`.execute(trx);
      offsets[table] = Number(row.rows[0]?.max ?? 0);
    }

    const deferred: Deferred[] = [];
    for (const table of DEMO_TABLES) {
      const limit = plan.counts[table];
      const present = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${sql.table(table)} LIMIT ${limit}) s`.execute(trx);
      if (Number(present.rows[0]?.n ?? 0) < limit) deferred.push(await deferIndexes(trx, table));
    }

    const hash = createHash('sha256');
    const done = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
    let pending: Promise<void> | null = null;
    const flush = async (chunk: DemoChunk, literals: string[]) => {
      if (pending) await pending;
      pending = insertLiterals(trx, tenantId, chunk.table, literals).then(() => {
        done[chunk.table] += chunk.rows.length;
        const total = Math.max(plan.counts[chunk.table], done[chunk.table]);
        onProgress?.(chunk.table, done[chunk.table], chunk.table === 'transaction' ? total + 1 : total);
      });
      await yieldToEventLoop();
    };
    try {
      for (const chunk of generateDemo(seed, scale, { plan, chunkSize: CHUNK_ROWS })) {
        const literals = columnLiterals(chunk.table, chunk.rows, offsets);
        hashLiterals(hash, chunk.table, literals);
        await flush(chunk, literals);
      }
    } finally {
      // Never leave an insert running unobserved (e.g. when generation throws).
      if (pending) await (pending as Promise<void>).catch(() => {});
    }
    if (pending) await pending;
    onProgress?.('transaction', done.transaction, done.transaction);

    onProgress?.('indexes', 0, deferred.length);
    await restoreIndexes(trx, deferred);
    onProgress?.('indexes', deferred.length, deferred.length);

    await trx.updateTable('tenant').set({ demo_seed: seed, demo_scale: scale }).where('id', '=', tenantId).execute();
    for (const table of ID_TABLES) {
      await sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(
        trx,
      );
    }
    if (deferred.length === 0) await sql.raw(`ANALYZE ${DEMO_TABLES.map((t) => `"${t}"`).join(', ')}`).execute(trx);
    return { checksum: hash.digest('hex'), transactions: done.transaction, parties: done.party };
  });
}
