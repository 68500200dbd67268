import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';

/*
 * Planner statistics after a bulk write. Neither PGlite nor a PostgreSQL server with autovacuum
 * off (as on this project's machines) ever analyses a table by itself, and the rollup triggers of
 * the analytics migrations analyse a rollup only when it has doubled in size. A load written in
 * date order leaves statistics taken half-way: the planner then believes the latest months are
 * empty and picks nested loops over them (a 170 s domino matrix at scale 10 instead of 0.1 s).
 * So whatever writes in bulk (the demo loader, a committed CSV import) ends with this.
 */

/**
 * ANALYZE every table of the schema (the domain tables and the analytics rollups): about 1 s at
 * demo scale 10 and 4 s at scale 100 on PostgreSQL. Runs inside a transaction too. Named tables,
 * not a bare ANALYZE: that one also analyses the catalogs shared by every database of the server
 * (pg_authid, pg_database…), whose lock a long transaction (a demo load) then holds until it
 * ends, stalling every other database's ANALYZE on the same server.
 *
 * @example
 * await refreshStatistics(db);
 */
export async function refreshStatistics(db: Kysely<Database>): Promise<void> {
  // Tables without a tenant_id first: on Citus those are reference tables, which one statement
  // may not analyse after analysing distributed tables (their shards in parallel).
  const tables = await sql<{ name: string }>`
    SELECT format('%I.%I', t.schemaname, t.tablename) AS name FROM pg_tables t
    WHERE t.schemaname = current_schema()
    ORDER BY EXISTS (SELECT 1 FROM information_schema.columns c
      WHERE c.table_schema = t.schemaname AND c.table_name = t.tablename AND c.column_name = 'tenant_id'), t.tablename`.execute(
    db,
  );
  if (tables.rows.length === 0) return;
  await sql.raw(`ANALYZE ${tables.rows.map((t) => t.name).join(', ')}`).execute(db);
}

/**
 * A number that moves with every write the analytics triggers see: the sum of every tenant's
 * analytics version (purchases, parties, profiles, snapshots, assistance, collection targets).
 */
export async function dataVersion(db: Kysely<Database>): Promise<number> {
  const result = await sql<{
    v: number | string | null;
  }>`SELECT coalesce(sum(version), 0) AS v FROM analytics_state`.execute(db);
  return Number(result.rows[0]?.v ?? 0);
}
