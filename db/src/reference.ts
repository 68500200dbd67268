import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Kysely, sql } from 'kysely';
import { KBLI_DIVISIONS, KBLI_SECTIONS } from '../reference/kbli.ts';
import type { Database, RegionTable } from './database.ts';
import { DB_PACKAGE_DIR } from './paths.ts';

const REGIONS_CSV = path.join(DB_PACKAGE_DIR, 'reference/regions.csv');

let regionsCache: RegionTable[] | undefined;

/** The shipped regions of Indonesia (provinces, regencies/cities, Kubu Raya's districts and villages). */
export function readRegions(): RegionTable[] {
  if (regionsCache) return regionsCache;
  const rows = parse(fs.readFileSync(REGIONS_CSV), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  regionsCache = rows
    .map((row) => ({
      code: row.code ?? '',
      level: Number(row.level),
      name: row.name ?? '',
      parent_code: row.parent_code || null,
      population: row.population ? Number(row.population) : null,
      area_km2: row.area_km2 ? Number(row.area_km2) : null,
    }))
    .sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  return regionsCache;
}

/**
 * Loads the reference data (regions, KBLI sections and divisions) and creates the tenant, all
 * idempotently: rows already present are left as they are.
 */
export async function loadReferenceData(db: Kysely<Database>, tenantId: string): Promise<void> {
  const regions = readRegions();
  const tenantRegion = regions.find((r) => r.code === tenantId && r.level === 2);
  if (!tenantRegion) throw new Error(`TENANT ${tenantId} is not a regency or city code in the shipped regions`);
  await db.transaction().execute(async (trx) => {
    await sql`
      INSERT INTO region (code, level, name, parent_code, population, area_km2)
      SELECT * FROM unnest(${regions.map((r) => r.code)}::text[], ${regions.map((r) => r.level)}::smallint[],
                           ${regions.map((r) => r.name)}::text[], ${regions.map((r) => r.parent_code)}::text[],
                           ${regions.map((r) => r.population)}::bigint[], ${regions.map((r) => r.area_km2)}::numeric[])
      ON CONFLICT (code) DO NOTHING`.execute(trx);
    await trx
      .insertInto('kbli_section')
      .values(KBLI_SECTIONS.map((s) => ({ section: s.section, name_id: s.nameId, name_en: s.nameEn })))
      .onConflict((oc) => oc.column('section').doNothing())
      .execute();
    await trx
      .insertInto('kbli_division')
      .values([...KBLI_DIVISIONS])
      .onConflict((oc) => oc.column('division').doNothing())
      .execute();
    await trx
      .insertInto('tenant')
      .values({ id: tenantId, name: tenantRegion.name, region_code: tenantId })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  });
}
