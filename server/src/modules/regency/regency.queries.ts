import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';

/*
 * The directory of the regencies (tenants) this database holds: the `tenant` table, one row per
 * regency migrated into it. Not one tenant's data: every request may read it (the switcher, the
 * province overview, the check of a request's regency).
 */

export interface RegencyRow {
  id: string;
  name: string;
  province_code: string;
  demo: boolean;
  /** At least one purchase is recorded (a yes or no per regency, no row of its data). */
  has_data: boolean;
}

/** Every regency held, by code. */
export async function listRegencies(db: Kysely<Database>): Promise<RegencyRow[]> {
  const result = await sql<RegencyRow>`
    SELECT t.id, t.name, r.parent_code AS province_code, t.demo_seed IS NOT NULL AS demo,
      EXISTS (SELECT 1 FROM "transaction" x WHERE x.tenant_id = t.id) AS has_data
    FROM tenant t JOIN region r ON r.code = t.region_code
    ORDER BY t.id`.execute(db);
  return result.rows;
}

/** The codes of the regencies held (the check of a request's regency). */
export async function regencyIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('tenant').select('id').execute();
  return rows.map((r) => r.id);
}
