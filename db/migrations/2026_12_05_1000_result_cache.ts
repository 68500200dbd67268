import { type Kysely, sql } from 'kysely';

/*
 * The shared result cache of the analytic measures (docs/data-model.md, "Analytics rollups";
 * server/src/analytics/result-cache.sql.ts): one row per tenant and statement (the SHA-256 of its
 * SQL text and parameters), holding the rows it returned and the tenant's analytics_state.version
 * they were computed at. A row is served only while that version is still the tenant's, so every
 * instance of the server shares it, a restart keeps it, and any write that can change a measure
 * retires it. Rows leave with their tenant's state row (the foreign key) and when a newer version
 * is written (the reader deletes older ones).
 *
 * The version now also moves with writes to programs (their budgets, names and targets feed
 * programOutcomes) and to policy targets, so that "version moves with every write that changes a
 * measure" holds for everything the cache keeps.
 */
const VERSIONED_TABLES = ['program', 'policy_target'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE analytics_result (
      tenant_id text NOT NULL REFERENCES analytics_state (tenant_id) ON DELETE CASCADE,
      key text NOT NULL,
      measure text NOT NULL,
      version bigint NOT NULL,
      rows jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, key)
    )`.execute(db);
  await sql`CREATE INDEX analytics_result_version_idx ON analytics_result (tenant_id, version)`.execute(db);
  for (const event of ['inserted', 'deleted'] as const) {
    await sql
      .raw(`CREATE FUNCTION analytics_version_${event}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      v_tenant text;
    BEGIN
      -- The transition table is read alone, then each tenant's row written with a value: on Citus
      -- this runs on a shard, where a write planned over the transition table loses it.
      FOR v_tenant IN SELECT DISTINCT tenant_id FROM ${event === 'deleted' ? 'old_rows' : 'new_rows'} LOOP
        INSERT INTO analytics_state AS s (tenant_id, version) VALUES (v_tenant, 1)
        ON CONFLICT (tenant_id) DO UPDATE SET version = s.version + 1;
      END LOOP;
      RETURN NULL;
    END
    $fn$`)
      .execute(db);
  }
  await sql
    .raw(`CREATE FUNCTION analytics_version_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE analytics_state SET version = version + 1;
      RETURN NULL;
    END
    $fn$`)
    .execute(db);
  for (const table of VERSIONED_TABLES) {
    for (const [event, rows, fn] of [
      ['INSERT', 'NEW TABLE AS new_rows', 'inserted'],
      ['UPDATE', 'NEW TABLE AS new_rows', 'inserted'],
      ['DELETE', 'OLD TABLE AS old_rows', 'deleted'],
    ] as const) {
      await sql
        .raw(`CREATE TRIGGER analytics_version_${table}_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING ${rows} FOR EACH STATEMENT EXECUTE FUNCTION analytics_version_${fn}()`)
        .execute(db);
    }
    await sql
      .raw(`CREATE TRIGGER analytics_version_${table}_truncate AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION analytics_version_truncated()`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await sql.raw(`DROP TRIGGER analytics_version_${table}_${event} ON ${table}`).execute(db);
    }
  }
  for (const event of ['inserted', 'deleted', 'truncated']) {
    await sql.raw(`DROP FUNCTION analytics_version_${event}()`).execute(db);
  }
  await sql`DROP TABLE analytics_result`.execute(db);
}
