import { type Kysely, sql } from 'kysely';

/*
 * The data-collection progress reads parties, their profiles and the collection targets. Writes to
 * cooperative profiles and collection targets now bump the panel version too (2026_11_30_1200 did
 * so for snapshots, parties, enterprise profiles and assistance), so a process may keep the
 * progress per year until the registry changes.
 */
const TABLES = ['cooperative_profile', 'collection_target'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    const statements = [
      `CREATE TRIGGER analytics_panel_${table}_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_inserted()`,
      `CREATE TRIGGER analytics_panel_${table}_update AFTER UPDATE ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_updated()`,
      `CREATE TRIGGER analytics_panel_${table}_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_deleted()`,
      `CREATE TRIGGER analytics_panel_${table}_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION analytics_panel_truncated()`,
    ];
    for (const statement of statements) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await sql.raw(`DROP TRIGGER IF EXISTS analytics_panel_${table}_${event} ON ${table}`).execute(db);
    }
  }
}
