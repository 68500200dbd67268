import { type Kysely, sql, type Transaction } from 'kysely';
import { citusVersion } from '../src/citus.queries.ts';
import type { Database } from '../src/database.ts';
import { yieldToEventLoop } from '../src/event-loop.ts';
import {
  analyzeRollups,
  fillRollups,
  ROLLUPS,
  rebuildRollups,
  rollupsEmpty,
  setRollupInsertTriggers,
} from '../src/rollups.queries.ts';
import { refreshStatistics } from '../src/statistics.ts';
import { validateDemoOptions } from './generate.ts';
import { tenantHasData } from './policy.ts';
import { type DemoStream, type LiteralChunk, openDemoStream } from './stream.ts';
import { DEMO_TABLES, type DemoTable, ID_TABLES, type IdSpace, TABLE_SPECS } from './tables.ts';
import { createDemoUsers, hashDemoPasswords } from './users.ts';
import { DEMO_REGENCY } from './world.ts';

/*
 * Loads the demo dataset into an empty tenant, in one transaction: rows are made on a worker thread
 * (stream.ts) and inserted with INSERT … SELECT * FROM unnest($1::bigint[], $2::text[], …) in
 * statements of CHUNK_ROWS (50,000) rows, each bound as one array literal per column; the worker
 * makes the next chunks while PostgreSQL inserts the previous one.
 *
 * Bulk mode: when a table holds fewer rows than the demo will add (a fresh database), its
 * secondary indexes, unique and foreign-key constraints are dropped for the load and re-created
 * from their own definitions (pg_get_indexdef / pg_get_constraintdef) before commit: several
 * times faster than checking and maintaining them row by row (on PGlite, 17 s → 4 s for 130k
 * transactions). The DDL is transactional, so a failed load leaves the schema as it was; it takes
 * ACCESS EXCLUSIVE locks on those tables until commit. In bulk mode for parties and purchases (and
 * not on Citus, whose shards apply the rollups their own way) the triggers that keep the analytics
 * rollups are off for the load too, and the rollups are computed once at the end from the loaded
 * rows, the statistics taken once before rather than also mid-load (on PGlite at scale 1 and load
 * 10, 8.1 s of CPU instead of 9.2 for the purchases and their rollups). When no tenant has rollup
 * rows yet (a new database), they are filled in one pass with plain INSERTs (analytics_fill) with
 * their indexes and primary keys dropped, then re-created: on PGlite at scale 1 about 4.8-5.5 s of
 * CPU for the rollups stage instead of 8.6 with analytics_rebuild's upserts (load 5-7); otherwise
 * analytics_rebuild. From scale 10 the fill writes each rollup in its key order, months or years
 * first (rollupsInKeyOrder), so that a range of periods reads only its own pages; at scale 1, all in
 * memory on the first start, the sorts would cost 0.2-0.4 s of it for nothing measurable.
 * db/test/demo-rollups.test.ts checks the result is what the triggers keep.
 * Primary keys (but the rollups' in a fill) and CHECK constraints are always enforced. At the end
 * the identity sequences are moved past the explicit ids and every table is analysed (see
 * src/statistics.ts).
 */

export interface LoadDemoOptions {
  readonly seed: number;
  readonly scale: number;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /**
   * Test-only (generate.ts GenerateOptions): shrinks the registry and the money by this factor,
   * for tests of the loading machinery rather than of the demo's story. Not exposed by the CLI; the
   * tenant still records the scale.
   */
  readonly fraction?: number;
}

/** Whether a fill of the demo at this scale writes the rollups in their key order (fillRollups). */
export const rollupsInKeyOrder = (scale: number) => scale >= 10;

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
  // Into another regency (the shipped regions have districts and villages for the demo's only):
  // the parties placed in the demo regency's villages are placed in the tenant's regency itself.
  const moved = table === 'party' && tenantId !== DEMO_REGENCY;
  const values = moved
    ? sql.join(
        spec.columns.map((c) =>
          c === 'region_code'
            ? sql`CASE WHEN u.region_code LIKE ${`${DEMO_REGENCY}.%`} THEN ${tenantId}::text ELSE u.region_code END`
            : sql.ref(`u.${c}`),
        ),
      )
    : sql`*`;
  const alias = sql.join(spec.columns.map((c) => sql.ref(c)));
  await sql`INSERT INTO ${sql.table(table)} (${names})
    SELECT ${tenantId}::text, ${values} FROM unnest(${unnest}) AS u(${alias})`.execute(trx);
}

interface Deferred {
  readonly table: string;
  readonly constraints: ReadonlyArray<{ name: string; def: string; foreign: boolean }>;
  readonly indexes: ReadonlyArray<{ name: string; def: string }>;
}

/**
 * Drops a table's secondary indexes, unique and foreign-key constraints, and with `primaryKey` its
 * primary key too; returns how to re-create them.
 */
async function deferIndexes(trx: Transaction<Database>, table: string, primaryKey = false): Promise<Deferred> {
  const constraints = await sql<{ name: string; def: string; foreign: boolean }>`
    SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS def, c.contype = 'f' AS foreign
    FROM pg_constraint c
    WHERE c.conrelid = ${table}::regclass AND (c.contype IN ('f', 'u') OR (${primaryKey} AND c.contype = 'p'))
      -- a unique or primary key that a foreign key references must stay
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

/**
 * Re-creates what deferIndexes dropped: indexes, unique and primary keys, statistics (unless
 * `statistics` is false), then foreign keys.
 */
async function restoreIndexes(
  trx: Transaction<Database>,
  deferred: readonly Deferred[],
  onStep: (done: number, total: number) => void,
  statistics = true,
): Promise<void> {
  const steps: Array<() => Promise<unknown>> = [];
  const addConstraint = (table: string, c: { name: string; def: string }) => () =>
    sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT ${sql.ref(c.name)} ${sql.raw(c.def)}`.execute(trx);
  for (const d of deferred) {
    for (const i of d.indexes) steps.push(() => sql.raw(i.def).execute(trx));
    for (const c of d.constraints.filter((x) => !x.foreign)) steps.push(addConstraint(d.table, c));
  }
  // Statistics before the foreign-key checks: those are joins the planner should hash, not loop.
  if (statistics) steps.push(() => refreshStatistics(trx));
  for (const d of deferred)
    for (const c of d.constraints.filter((x) => x.foreign)) steps.push(addConstraint(d.table, c));
  for (const [k, step] of steps.entries()) {
    onStep(k, steps.length);
    await step();
  }
  onStep(steps.length, steps.length);
}

/**
 * Loads the synthetic demo dataset (see demo/story.ts) into a tenant that has no data yet, in
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
  const { seed, scale, fraction } = options;
  validateDemoOptions(seed, scale);
  const tenant = await db.selectFrom('tenant').select('id').where('id', '=', tenantId).executeTakeFirst();
  if (!tenant) throw new Error(`Tenant ${tenantId} does not exist; run \`pnpm cli migrate\` first.`);
  const assertEmpty = async (executor: Kysely<Database>) => {
    if (await tenantHasData(executor, tenantId)) {
      throw new Error(
        `Tenant ${tenantId} already has data; the demo dataset loads only into an empty tenant. ` +
          "Run `pnpm cli reset --yes` first to delete the tenant's rows.",
      );
    }
  };
  await assertEmpty(db);
  // The plan and the rows are made on a worker thread from here on (stream.ts).
  const stream = await openDemoStream({ seed, scale, fraction });
  try {
    return await loadStream(db, tenantId, stream, options, assertEmpty);
  } finally {
    await stream.close();
  }
}

async function loadStream(
  db: Kysely<Database>,
  tenantId: string,
  stream: DemoStream,
  { seed, scale, onProgress }: LoadDemoOptions,
  assertEmpty: (executor: Kysely<Database>) => Promise<void>,
): Promise<LoadDemoResult> {
  const counts = stream.counts;
  // On libuv's threads while the data loads; observed here so that a failed load leaves no
  // unhandled rejection behind.
  const passwordHashes = hashDemoPasswords();
  passwordHashes.catch(() => {});

  return db.transaction().execute(async (trx) => {
    await assertEmpty(trx);
    const citus = Boolean(await citusVersion(trx));
    if (citus) {
      // Citus: the indexes and keys dropped and re-created below belong to tables with foreign keys
      // to reference tables, which it changes over one connection per node only.
      await sql`SET LOCAL citus.multi_shard_modify_mode = 'sequential'`.execute(trx);
    }
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
      const limit = counts[table];
      const present = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${sql.table(table)} LIMIT ${limit}) s`.execute(trx);
      if (Number(present.rows[0]?.n ?? 0) < limit) deferred.push(await deferIndexes(trx, table));
    }
    const bulk = (table: DemoTable) => deferred.some((d) => d.table === table);
    const rebuildAfter = !citus && bulk('party') && bulk('transaction');
    // A new database: no tenant has rollup rows, so they are filled in one pass (analytics_fill)
    // with their indexes and primary keys dropped, re-created with the others below.
    const fill = rebuildAfter && (await rollupsEmpty(trx));
    const rollupsDeferred: Deferred[] = [];
    if (fill) for (const table of ROLLUPS) rollupsDeferred.push(await deferIndexes(trx, table, true));
    if (rebuildAfter) await setRollupInsertTriggers(trx, false);

    const done = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
    let pending: Promise<void> | null = null;
    const flush = async (chunk: LiteralChunk) => {
      if (pending) await pending;
      pending = insertLiterals(trx, tenantId, chunk.table, chunk.literals).then(() => {
        done[chunk.table] += chunk.rows;
        const total = Math.max(counts[chunk.table], done[chunk.table]);
        onProgress?.(chunk.table, done[chunk.table], chunk.table === 'transaction' ? total + 1 : total);
      });
      await yieldToEventLoop();
    };
    try {
      let analysed = false;
      for await (const chunk of stream.chunks(offsets)) {
        if (!analysed && !rebuildAfter && chunk.table === 'enterprise_snapshot') {
          // The registry is in: statistics now, for every table (also those triggers maintain), so
          // the statements that run per chunk from here on (triggers, checks) get sensible plans.
          if (pending) await pending;
          await refreshStatistics(trx);
          analysed = true;
        }
        await flush(chunk);
      }
    } finally {
      // Never leave an insert running unobserved (e.g. when the worker fails).
      if (pending) await (pending as Promise<void>).catch(() => {});
    }
    if (pending) await pending;
    onProgress?.('transaction', done.transaction, done.transaction);

    await restoreIndexes(trx, deferred, (step, steps) => onProgress?.('indexes', step, steps));
    if (rebuildAfter) {
      // After the statistics restoreIndexes took: the joins of the rebuild or fill are planned on them.
      onProgress?.('rollups', 0, 1);
      await setRollupInsertTriggers(trx, true);
      if (fill) {
        await fillRollups(trx, tenantId, rollupsInKeyOrder(scale));
        await restoreIndexes(trx, rollupsDeferred, () => {}, false);
      } else {
        await rebuildRollups(trx, tenantId);
      }
      await analyzeRollups(trx);
      onProgress?.('rollups', 1, 1);
    }

    await trx.updateTable('tenant').set({ demo_seed: seed, demo_scale: scale }).where('id', '=', tenantId).execute();
    for (const table of ID_TABLES) {
      await sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(
        trx,
      );
    }
    // Every table, the rollups the triggers filled included (their statistics date from mid-load);
    // a bulk load did so already, before re-creating its foreign keys.
    if (deferred.length === 0) await refreshStatistics(trx);
    await createDemoUsers(trx, tenantId, { parties: done.party, transactions: done.transaction }, passwordHashes);
    return { checksum: stream.checksum(), transactions: done.transaction, parties: done.party };
  });
}
