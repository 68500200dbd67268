import { sql } from 'kysely';
import { type Changed, columnsOf, type UpsertSpec, upsert } from '../bulk.ts';
import type { BundleCsv, ImportContext } from '../context.ts';
import type { PartyRow } from './parties.read.ts';

/* Storing parties.csv rows: the party and its kind's profile, upserted by ref. */

function partySpec(file: BundleCsv): UpsertSpec {
  const size = ['size_class', 'capital', 'annual_revenue'];
  return {
    table: 'party',
    columns: columnsOf(file.has.bind(file), [
      ['ref', 'text', []],
      ['kind', 'text', []],
      ['name', 'text'],
      ['region_code', 'text'],
      ['parent_id', 'bigint', 'parent_ref'],
      ['size_class', 'text', size],
      ['is_government', 'boolean'],
      ['status', 'text'],
      ['registered_on', 'date'],
    ]),
    conflict: ['ref'],
    returning: ['ref', 'id'],
    touch: 'updated_at',
  };
}

function profileSpecs(file: BundleCsv): Record<'agency' | 'unit' | 'enterprise' | 'cooperative', UpsertSpec> {
  const has = file.has.bind(file);
  const size = ['size_class', 'capital', 'annual_revenue'];
  const profile = (table: UpsertSpec['table'], columns: Parameters<typeof columnsOf>[1]): UpsertSpec => ({
    table,
    columns: columnsOf(has, [['party_id', 'bigint', []], ...columns]),
    conflict: ['party_id'],
    returning: ['party_id'],
  });
  return {
    agency: profile('agency_profile', [
      ['code', 'text', 'agency_code'],
      ['short_name', 'text'],
      ['agency_type', 'text'],
    ]),
    unit: profile('network_unit_profile', [
      ['unit_type', 'text'],
      ['members', 'integer'],
    ]),
    enterprise: profile('enterprise_profile', [
      ['nib', 'text'],
      ['kbli_code', 'text'],
      ['owner_name', 'text'],
      ['owner_nik', 'text'],
      ['owner_gender', 'text'],
      ['founded_year', 'smallint'],
      ['employees', 'integer'],
      ['capital', 'bigint', size],
      ['annual_revenue', 'bigint', size],
      ['size_basis', 'text', size],
      ['verification', 'text'],
      // Set when the enterprise is created, never changed by a re-import (like registerEnterprise).
      ['registering_agency_id', 'bigint', []],
    ]),
    cooperative: profile('cooperative_profile', [
      ['registration_no', 'text'],
      ['coop_type', 'text'],
      ['members_count', 'integer'],
      ['verification', 'text'],
    ]),
  };
}

export type Outcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Stores a chunk of parties and their kind's profile rows. A party counts as updated when either
 * its own row or its profile changed; a profile change alone also bumps party.updated_at.
 */
export async function storeChunk(
  ctx: ImportContext,
  file: BundleCsv,
  chunk: readonly PartyRow[],
): Promise<Array<{ id: number; outcome: Outcome }>> {
  const changed = await upsert(ctx.trx, ctx.tenantId, partySpec(file), chunk);
  const byRef = new Map<string, Changed>(changed.map((c) => [c.ref as string, c]));
  const ids = new Map<string, number>();
  const missing: string[] = [];
  for (const row of chunk) {
    const id = (byRef.get(row.ref)?.id as number | undefined) ?? ctx.parties.existingValue(row.ref)?.id;
    if (id === undefined) missing.push(row.ref);
    else ids.set(row.ref, id);
  }
  if (missing.length) {
    // Unchanged but not known before the import: stored concurrently by another session.
    const found = await ctx.trx
      .selectFrom('party')
      .select(['ref', 'id'])
      .where('tenant_id', '=', ctx.tenantId)
      .where('ref', 'in', missing)
      .execute();
    for (const r of found) ids.set(r.ref, r.id);
  }

  const specs = profileSpecs(file);
  const profileChanged = new Set<number>();
  for (const key of ['agency', 'unit', 'enterprise', 'cooperative'] as const) {
    const rows = chunk.flatMap((r) => (r[key] ? [{ party_id: ids.get(r.ref), ...r[key] }] : []));
    for (const c of await upsert(ctx.trx, ctx.tenantId, specs[key], rows)) profileChanged.add(c.party_id as number);
  }
  const partyChanged = new Set(changed.map((c) => c.id as number));
  const touch = [...profileChanged].filter((id) => !partyChanged.has(id));
  if (touch.length) {
    await sql`UPDATE party SET updated_at = now() WHERE tenant_id = ${ctx.tenantId} AND id = ANY(${touch}::bigint[])`.execute(
      ctx.trx,
    );
  }
  return chunk.map((row) => {
    const id = ids.get(row.ref) as number;
    const own = byRef.get(row.ref);
    const outcome: Outcome = own?.inserted ? 'inserted' : own || profileChanged.has(id) ? 'updated' : 'unchanged';
    return { id, outcome };
  });
}
