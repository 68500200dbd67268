import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';

/*
 * Jejaring on a Citus cluster (docs/scale-out-citus.md). On a database
 * with the citus extension, `pnpm cli citus distribute` makes every table with a tenant_id column a
 * distributed table by tenant_id, all co-located (a tenant's rows of every table on one shard
 * group, so joins on tenant_id stay on one node), and the other tables of the schema reference
 * tables (regions, KBLI, tenants, the rollup mode: a copy on every node). The tables are read from
 * the catalog, not from a list: a table a later migration adds is covered by running it again.
 *
 * The rollups' statement triggers stay on the shards (citus.enable_unsafe_triggers): in SCHEDULED
 * mode they only record changes into queues co-located with the rows they describe, and the
 * scheduler (pg_cron, one job per tenant) applies them with analytics_apply_pending_tenant.
 */

export class CitusError extends Error {
  override readonly name = 'CitusError';
  constructor(
    readonly code: 'CITUS_NOT_INSTALLED' | 'CITUS_NOT_COORDINATOR',
    message: string,
  ) {
    super(message);
  }
}

/** Tables that stay local to the coordinator: Kysely's record of the migrations. */
const LOCAL_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/** The table every other distributed table is co-located with (created first). */
export const COLOCATE_WITH = 'party';

export interface CitusLayout {
  /** Tables with a tenant_id column: distributed by it. */
  distributed: string[];
  /** The others (but Kysely's own): reference tables. */
  reference: string[];
}

export interface DistributeReport extends CitusLayout {
  /** Tables distributed or made reference tables by this run (the others already were). */
  converted: string[];
  /** Functions of the schema propagated to the workers by this run. */
  functions: number;
  /** Per-tenant pg_cron jobs scheduled (none when pg_cron is not installed in this database). */
  cronJobs: string[];
}

/** The version of the citus extension in this database, or null. */
export async function citusVersion(db: Kysely<Database> | Transaction<Database>): Promise<string | null> {
  const row = await sql<{ v: string }>`SELECT extversion AS v FROM pg_extension WHERE extname = 'citus'`.execute(db);
  return row.rows[0]?.v ?? null;
}

/** Which tables are distributed and which are reference tables, from the catalog. */
export async function citusLayout(db: Kysely<Database> | Transaction<Database>): Promise<CitusLayout> {
  const rows = await sql<{ table: string; tenant: boolean }>`
    SELECT c.relname AS "table",
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS tenant
    FROM pg_class c
    WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
      AND NOT c.relispartition AND c.relname <> ALL (${LOCAL_TABLES})
    ORDER BY c.relname`.execute(db);
  const distributed = rows.rows.filter((r) => r.tenant).map((r) => r.table);
  return {
    distributed: [COLOCATE_WITH, ...distributed.filter((t) => t !== COLOCATE_WITH)],
    reference: rows.rows.filter((r) => !r.tenant).map((r) => r.table),
  };
}

/** The tables Citus already manages (distributed or reference), by name. */
async function citusTables(db: Transaction<Database>): Promise<Set<string>> {
  const rows = await sql<{ table: string }>`
    SELECT c.relname AS "table" FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
    WHERE c.relnamespace = current_schema()::regnamespace`.execute(db);
  return new Set(rows.rows.map((r) => r.table));
}

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** The foreign keys from or to any of `tables`. */
async function foreignKeys(db: Transaction<Database>, tables: string[]): Promise<ForeignKey[]> {
  const rows = await sql<ForeignKey>`
    SELECT c.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS definition
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
    WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace
      AND (c.relname = ANY (${tables}) OR r.relname = ANY (${tables}))
    ORDER BY c.relname, k.conname`.execute(db);
  return rows.rows;
}

/**
 * Distributes the schema (idempotent: tables Citus already manages are left alone, and a run with
 * nothing to convert changes nothing but the functions' propagation). The foreign keys touching a
 * table to convert are dropped and re-created around the conversion, in the same transaction:
 * Citus requires the referenced table of a key to be distributed or a reference table first.
 * `shardCount` sets the shards of a new co-location group (Citus' default, 32, when absent).
 */
export async function distributeSchema(
  db: Kysely<Database>,
  options: { shardCount?: number } = {},
): Promise<Omit<DistributeReport, 'cronJobs'>> {
  if (!(await citusVersion(db))) {
    throw new CitusError(
      'CITUS_NOT_INSTALLED',
      'the citus extension is not installed in this database (CREATE EXTENSION citus)',
    );
  }
  const coordinator = await sql<{ ok: boolean }>`SELECT citus_is_coordinator() AS ok`.execute(db);
  if (!coordinator.rows[0]?.ok) {
    throw new CitusError(
      'CITUS_NOT_COORDINATOR',
      'this is not the coordinator of a Citus cluster: connect to the coordinator',
    );
  }
  // Later migrations that create or replace a trigger on a distributed table need it too.
  const database = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
  await sql`ALTER DATABASE ${sql.id(database.rows[0]?.name ?? '')} SET citus.enable_unsafe_triggers = on`.execute(db);
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL citus.enable_unsafe_triggers = on`.execute(trx);
    await sql`SET LOCAL citus.multi_shard_modify_mode = 'sequential'`.execute(trx);
    const layout = await citusLayout(trx);
    const done = await citusTables(trx);
    const toConvert = [...layout.reference, ...layout.distributed].filter((t) => !done.has(t));
    const keys = await foreignKeys(trx, toConvert);
    for (const key of keys) {
      await sql`ALTER TABLE ${sql.table(key.table)} DROP CONSTRAINT ${sql.id(key.name)}`.execute(trx);
    }
    for (const table of toConvert) {
      if (table === COLOCATE_WITH) {
        await sql`SELECT create_distributed_table(${table}, 'tenant_id', shard_count => ${options.shardCount ?? 32}::int)`.execute(
          trx,
        );
      } else if (layout.reference.includes(table)) {
        await sql`SELECT create_reference_table(${table})`.execute(trx);
      } else {
        await sql`SELECT create_distributed_table(${table}, 'tenant_id', colocate_with => ${COLOCATE_WITH})`.execute(
          trx,
        );
      }
    }
    for (const key of keys) {
      await sql`ALTER TABLE ${sql.table(key.table)} ADD CONSTRAINT ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
        trx,
      );
    }
    // The functions the triggers and the scheduler call, on every node (the triggers run on the shards).
    const functions = await sql<{ signature: string }>`
      SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
      WHERE p.pronamespace = current_schema()::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        AND NOT EXISTS (SELECT 1 FROM pg_dist_object o WHERE o.classid = 'pg_proc'::regclass AND o.objid = p.oid)
      ORDER BY 1`.execute(trx);
    for (const { signature } of functions.rows) {
      await sql`SELECT create_distributed_function(${signature})`.execute(trx);
    }
    return {
      ...layout,
      converted: toConvert,
      functions: functions.rows.length,
    };
  });
}

/**
 * One pg_cron job per tenant applying its recorded rollup changes every minute
 * (`jejaring-rollups-<tenant>`; scheduling again replaces the job). Returns the job names, or null
 * when pg_cron is not installed in this database.
 */
export async function scheduleRollupJobs(db: Kysely<Database>): Promise<string[] | null> {
  const cron = await sql<{
    ok: boolean;
  }>`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') AS ok`.execute(db);
  if (!cron.rows[0]?.ok) return null;
  const tenants = await sql<{ id: string }>`SELECT id FROM tenant ORDER BY id`.execute(db);
  const jobs: string[] = [];
  for (const { id } of tenants.rows) {
    const name = `jejaring-rollups-${id}`;
    // A tenant id is digits and a dot (tenant_id_format), safe inside the job's literal.
    const command = `SELECT analytics_apply_pending_tenant('${id}')`;
    await sql`SELECT cron.schedule(${name}, '* * * * *', ${command})`.execute(db);
    jobs.push(name);
  }
  return jobs;
}
