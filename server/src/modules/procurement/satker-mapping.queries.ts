import type { Database, SatkerMappingSource } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';

export interface SatkerMappingRow {
  kd_satker: string;
  kd_satker_str: string | null;
  nama_satker: string | null;
  agency_id: number;
  source: SatkerMappingSource;
  updated_at: Date;
}

const COLUMNS = ['kd_satker', 'kd_satker_str', 'nama_satker', 'agency_id', 'source', 'updated_at'] as const;

/** The tenant's work-unit mapping, by kd_satker (code-point order). */
export function listSatkerMappings(db: Kysely<Database>, tenantId: string): Promise<SatkerMappingRow[]> {
  return db
    .selectFrom('satker_mapping')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .orderBy(sql`kd_satker COLLATE "C"`)
    .execute();
}

/** One work unit's mapping, locked for the write that follows. */
export async function lockSatkerMapping(
  trx: Kysely<Database>,
  tenantId: string,
  kdSatker: string,
): Promise<SatkerMappingRow | null> {
  const row = await trx
    .selectFrom('satker_mapping')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('kd_satker', '=', kdSatker)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** Maps a work unit to an agency as an administrator's edit (source EDITED), creating the row if new. */
export function saveEditedMapping(
  trx: Kysely<Database>,
  tenantId: string,
  kdSatker: string,
  agencyId: number,
): Promise<SatkerMappingRow> {
  return trx
    .insertInto('satker_mapping')
    .values({ tenant_id: tenantId, kd_satker: kdSatker, agency_id: agencyId, source: 'EDITED' })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'kd_satker'])
        // excluded.updated_at is the column's default, now(): Citus allows no now() in DO UPDATE SET.
        .doUpdateSet({ agency_id: agencyId, source: 'EDITED', updated_at: sql`excluded.updated_at` }),
    )
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}
