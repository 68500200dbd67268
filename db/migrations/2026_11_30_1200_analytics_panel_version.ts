import { type Kysely, sql } from 'kysely';

/*
 * A second counter on analytics_state for the survey-panel measures (recovery index, market-access
 * effect): bumped by every write to snapshots, parties, enterprise profiles and assistance, but not
 * by purchases, so a process can keep what it derived from the panel while purchases are recorded.
 * (The market-access effect also reads purchases and checks both counters.) It replaces the
 * snapshot trigger of 2026_11_30_1000, which bumped every tenant, with per-event triggers that see
 * which tenants a statement wrote.
 */
const PANEL_TABLES = ['enterprise_snapshot', 'party', 'enterprise_profile', 'assistance'];

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    'ALTER TABLE analytics_state ADD COLUMN panel_version bigint NOT NULL DEFAULT 0',
    ...(['inserted', 'updated', 'deleted'] as const).map(
      (event) => `CREATE FUNCTION analytics_panel_${event}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO analytics_state AS s (tenant_id, version, panel_version)
        SELECT DISTINCT tenant_id, 1, 1 FROM ${event === 'deleted' ? 'old_rows' : 'new_rows'}
      ON CONFLICT (tenant_id) DO UPDATE SET version = s.version + 1, panel_version = s.panel_version + 1;
      RETURN NULL;
    END
    $fn$`,
    ),
    `CREATE FUNCTION analytics_panel_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE analytics_state SET version = version + 1, panel_version = panel_version + 1;
      RETURN NULL;
    END
    $fn$`,
    'DROP TRIGGER analytics_snapshot_change ON enterprise_snapshot',
    'DROP FUNCTION analytics_snapshot_changed()',
    ...PANEL_TABLES.flatMap((table) => [
      `CREATE TRIGGER analytics_panel_${table}_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_inserted()`,
      `CREATE TRIGGER analytics_panel_${table}_update AFTER UPDATE ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_updated()`,
      `CREATE TRIGGER analytics_panel_${table}_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_deleted()`,
      `CREATE TRIGGER analytics_panel_${table}_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_truncated()`,
    ]),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of PANEL_TABLES) {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await sql.raw(`DROP TRIGGER IF EXISTS analytics_panel_${table}_${event} ON ${table}`).execute(db);
    }
  }
  for (const fn of ['inserted', 'updated', 'deleted', 'truncated']) {
    await sql.raw(`DROP FUNCTION IF EXISTS analytics_panel_${fn}()`).execute(db);
  }
  await sql
    .raw(`CREATE FUNCTION analytics_snapshot_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM analytics_bump(id) FROM tenant;
      RETURN NULL;
    END
    $fn$`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER analytics_snapshot_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprise_snapshot
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_snapshot_changed()`)
    .execute(db);
  await sql.raw('ALTER TABLE analytics_state DROP COLUMN panel_version').execute(db);
}
