import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/database.ts';

/** Tables a CSV bundle carries, and the columns of each that hold ids of other rows. */
const BUNDLE_TABLES: Record<string, Record<string, 'party' | 'program' | 'product'>> = {
  party: { parent_id: 'party' },
  agency_profile: { party_id: 'party' },
  network_unit_profile: { party_id: 'party' },
  enterprise_profile: { party_id: 'party' },
  cooperative_profile: { party_id: 'party' },
  cooperative_membership: { cooperative_id: 'party', member_id: 'party' },
  product: { seller_id: 'party' },
  program: { agency_id: 'party' },
  transaction: { buyer_id: 'party', seller_id: 'party', program_id: 'program', product_id: 'product' },
  assistance: { program_id: 'program', enterprise_id: 'party' },
  enterprise_snapshot: { enterprise_id: 'party' },
  policy_target: { agency_id: 'party' },
  collection_target: {},
};

/** Columns that differ between two databases holding the same data. */
const VOLATILE = new Set(['tenant_id', 'id', 'created_at', 'updated_at']);

/**
 * A tenant's bundle data in a form two databases can be compared by: every row of every table the
 * bundle carries, surrogate ids replaced by the refs they point at, timestamps left out, rows sorted.
 * For tests (export → import round trips, re-imports that must change nothing).
 */
export async function dumpTenant(
  db: Kysely<Database>,
  tenantId: string,
): Promise<Record<string, Array<Record<string, unknown>>>> {
  const refs: Record<'party' | 'program' | 'product', Map<number, string>> = {
    party: new Map(),
    program: new Map(),
    product: new Map(),
  };
  for (const table of ['party', 'program', 'product'] as const) {
    const rows = await sql<{
      id: number;
      ref: string;
    }>`SELECT id, ref FROM ${sql.table(table)} WHERE tenant_id = ${tenantId}`.execute(db);
    for (const r of rows.rows) refs[table].set(r.id, r.ref);
  }
  const dump: Record<string, Array<Record<string, unknown>>> = {};
  for (const [table, links] of Object.entries(BUNDLE_TABLES)) {
    const rows = await sql<
      Record<string, unknown>
    >`SELECT * FROM ${sql.table(table)} WHERE tenant_id = ${tenantId}`.execute(db);
    dump[table] = rows.rows
      .map((row) => {
        const out: Record<string, unknown> = {};
        for (const [column, value] of Object.entries(row)) {
          if (VOLATILE.has(column)) continue;
          const target = links[column];
          out[target ? column.replace(/_id$/, '_ref') : column] =
            target && value !== null ? refs[target].get(value as number) : value;
        }
        return out;
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return dump;
}

/**
 * Every bundle row's physical version (ctid, xmin): equal before and after an operation only when
 * it wrote no row at all, not even an identical one.
 */
export async function rowVersions(db: Kysely<Database>, tenantId: string): Promise<Record<string, string[]>> {
  const versions: Record<string, string[]> = {};
  for (const table of Object.keys(BUNDLE_TABLES)) {
    const rows = await sql<{
      v: string;
    }>`SELECT ctid::text || '/' || xmin::text AS v FROM ${sql.table(table)} WHERE tenant_id = ${tenantId}`.execute(db);
    versions[table] = rows.rows.map((r) => r.v).sort();
  }
  return versions;
}
