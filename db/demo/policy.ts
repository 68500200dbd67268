import { type Kysely, sql } from 'kysely';
import type { DbConfig } from '../src/config.ts';
import { type Database, TENANT_TABLES } from '../src/database.ts';

/*
 * Where the synthetic demo dataset may go. A server started with the defaults on a laptop should
 * show something (the embedded database, empty on first run); a server pointed at a regency's
 * PostgreSQL must never fill it with invented purchases unless someone asked for exactly that.
 */

/** Accounts and their audit trail are not data about the economy: a database with only an admin is still empty. */
const NOT_DATA = new Set<string>(['app_user', 'api_key', 'audit_event']);

/** True when the tenant has any row in a tenant table other than accounts. */
export async function tenantHasData(db: Kysely<Database>, tenantId: string): Promise<boolean> {
  for (const table of TENANT_TABLES) {
    if (NOT_DATA.has(table)) continue;
    const found = await sql`SELECT 1 FROM ${sql.table(table)} WHERE tenant_id = ${tenantId} LIMIT 1`.execute(db);
    if (found.rows.length > 0) return true;
  }
  return false;
}

export type DemoDecision =
  | { readonly load: true }
  | { readonly load: false; readonly reason: 'off' | 'postgres-needs-on' | 'tenant-has-data' };

/**
 * Whether to load the demo dataset on start:
 * - `off`: never;
 * - `auto` (the default): only into the embedded database (PGlite), and only when the tenant is empty;
 * - `on`: into an empty tenant on either engine;
 * - never into a tenant that has data, whatever the mode.
 *
 * @example
 * const decision = await decideDemo(handle.db, handle.engine, config);
 * if (decision.load) await loadDemo(handle.db, config.tenant, { seed: 1, scale: 1 });
 */
export async function decideDemo(
  db: Kysely<Database>,
  engine: 'pglite' | 'postgres',
  config: Pick<DbConfig, 'demoData' | 'tenant'>,
): Promise<DemoDecision> {
  if (config.demoData === 'off') return { load: false, reason: 'off' };
  if (config.demoData === 'auto' && engine !== 'pglite') return { load: false, reason: 'postgres-needs-on' };
  if (await tenantHasData(db, config.tenant)) return { load: false, reason: 'tenant-has-data' };
  return { load: true };
}
