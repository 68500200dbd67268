import { sql, type Transaction } from 'kysely';
import type { Database, ProcurementPlanTable } from '../../src/database.ts';
import { type Changed, upsert } from '../bulk.ts';

/* The writes of the ISB import's own tables (satker_mapping, procurement_plan, its lines). */

type Trx = Transaction<Database>;

/** The ids of the agencies with these refs (refs of other kinds of party are left out). */
export async function agencyIdsByRef(
  trx: Trx,
  tenantId: string,
  refs: readonly string[],
): Promise<Map<string, number>> {
  if (refs.length === 0) return new Map();
  const rows = await trx
    .selectFrom('party as p')
    .innerJoin('agency_profile as a', (j) =>
      j.onRef('a.tenant_id', '=', 'p.tenant_id').onRef('a.party_id', '=', 'p.id'),
    )
    .select(['p.ref', 'p.id'])
    .where('p.tenant_id', '=', tenantId)
    .where(sql<boolean>`p.ref = ANY(${[...new Set(refs)]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.ref, Number(r.id)]));
}

export interface MappingRow {
  kd_satker: string;
  kd_satker_str: string;
  nama_satker: string;
  agency_id: number;
}

/**
 * New work units get a SEEDED mapping; a stored one takes the master's current code and name but
 * keeps its agency and source (the import mapped its rows through the stored agency already).
 */
export function upsertMappings(trx: Trx, tenantId: string, rows: readonly MappingRow[]): Promise<Changed[]> {
  return upsert(
    trx,
    tenantId,
    {
      table: 'satker_mapping',
      columns: [
        { name: 'kd_satker', type: 'text', update: false },
        { name: 'kd_satker_str', type: 'text', update: true },
        { name: 'nama_satker', type: 'text', update: true },
        { name: 'agency_id', type: 'bigint', update: false },
        { name: 'source', type: 'text', update: false },
      ],
      conflict: ['kd_satker'],
      returning: ['kd_satker'],
      touch: 'updated_at',
    },
    rows.map((r) => ({ ...r, source: 'SEEDED' })),
  );
}

/** A plan as the importer stores it: the table's columns but the tenant, id and timestamps. */
export type PlanRow = Omit<ProcurementPlanTable, 'tenant_id' | 'id' | 'created_at' | 'updated_at'>;

const PLAN_COLUMNS = [
  ['name', 'text'],
  ['fiscal_year', 'integer'],
  ['agency_id', 'bigint'],
  ['kd_satker', 'text'],
  ['pagu', 'bigint'],
  ['method', 'text'],
  ['procurement_type', 'text'],
  ['for_small_business', 'boolean'],
  ['non_small_reason', 'text'],
  ['status', 'text'],
] as const;

/** Inserts new plans and updates changed ones (keyed by kd_rup); returns those inserted or changed. */
export function upsertPlans(trx: Trx, tenantId: string, rows: readonly PlanRow[]): Promise<Changed[]> {
  return upsert(
    trx,
    tenantId,
    {
      table: 'procurement_plan',
      columns: [
        { name: 'kd_rup', type: 'text', update: false },
        ...PLAN_COLUMNS.map(([name, type]) => ({ name, type, update: true })),
      ],
      conflict: ['kd_rup'],
      returning: ['kd_rup'],
      touch: 'updated_at',
    },
    rows,
  );
}

/** Stored plans by kd_rup → id. */
export async function planIds(trx: Trx, tenantId: string, kdRups: readonly string[]): Promise<Map<string, number>> {
  if (kdRups.length === 0) return new Map();
  const rows = await trx
    .selectFrom('procurement_plan')
    .select(['kd_rup', 'id'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`kd_rup = ANY(${[...new Set(kdRups)]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.kd_rup, Number(r.id)]));
}

export interface LineValues {
  mak: string;
  account_code: string | null;
  funding_source: string | null;
  pagu: number;
}

/** The stored budget lines of these plans, each plan's in line order. */
export async function storedLines(
  trx: Trx,
  tenantId: string,
  ids: readonly number[],
): Promise<Map<number, LineValues[]>> {
  const lines = new Map<number, LineValues[]>();
  if (ids.length === 0) return lines;
  const rows = await trx
    .selectFrom('procurement_plan_line')
    .select(['plan_id', 'mak', 'account_code', 'funding_source', 'pagu'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`plan_id = ANY(${ids}::bigint[])`)
    .orderBy('plan_id')
    .orderBy('line_no')
    .execute();
  for (const { plan_id, ...values } of rows) {
    const id = Number(plan_id);
    lines.set(id, [...(lines.get(id) ?? []), { ...values, pagu: Number(values.pagu) }]);
  }
  return lines;
}

/** Replaces the budget lines of these plans with the given ones (line_no 1…n per plan, in order). */
export async function replaceLines(
  trx: Trx,
  tenantId: string,
  lines: ReadonlyMap<number, readonly LineValues[]>,
): Promise<void> {
  const ids = [...lines.keys()];
  if (ids.length === 0) return;
  await trx
    .deleteFrom('procurement_plan_line')
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`plan_id = ANY(${ids}::bigint[])`)
    .execute();
  const values = [...lines].flatMap(([plan_id, list]) =>
    list.map((l, i) => ({ tenant_id: tenantId, plan_id, line_no: i + 1, ...l })),
  );
  for (let i = 0; i < values.length; i += 5000) {
    await trx
      .insertInto('procurement_plan_line')
      .values(values.slice(i, i + 5000))
      .execute();
  }
}
