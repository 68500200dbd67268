import { sql, type Transaction } from 'kysely';
import type { Database } from '../src/database.ts';
import { arrayLiteral } from './bulk.ts';
import { keyOf, type TransactionKey } from './files/transactions.queries.ts';

/** An agency and the units of its network at any depth (the parent chain; a cycle ends the walk). */
export async function findAgencyNetwork(
  trx: Transaction<Database>,
  tenantId: string,
  agencyId: number,
): Promise<number[]> {
  const result = await sql<{ id: number }>`
    WITH RECURSIVE network(id) AS (
      SELECT id FROM party WHERE tenant_id = ${tenantId} AND id = ${agencyId} AND kind = 'AGENCY'
      UNION
      SELECT p.id FROM party p JOIN network n ON p.parent_id = n.id
      WHERE p.tenant_id = ${tenantId} AND p.kind = 'NETWORK_UNIT'
    )
    SELECT id FROM network`.execute(trx);
  return result.rows.map((r) => Number(r.id));
}

/** The enterprises an agency registered. */
export async function findRegisteredEnterprises(
  trx: Transaction<Database>,
  tenantId: string,
  agencyId: number,
): Promise<number[]> {
  const rows = await trx
    .selectFrom('enterprise_profile')
    .select('party_id')
    .where('tenant_id', '=', tenantId)
    .where('registering_agency_id', '=', agencyId)
    .execute();
  return rows.map((r) => Number(r.party_id));
}

/** An agency's programs. */
export async function findAgencyPrograms(
  trx: Transaction<Database>,
  tenantId: string,
  agencyId: number,
): Promise<number[]> {
  const rows = await trx
    .selectFrom('program')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('agency_id', '=', agencyId)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** The keys among `keys` of stored purchases whose buyer is none of `buyers`. */
export async function purchasesOfOtherBuyers(
  trx: Transaction<Database>,
  tenantId: string,
  keys: readonly TransactionKey[],
  buyers: readonly number[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const result = await sql<TransactionKey>`
    SELECT t.source, t.source_ref AS ref FROM "transaction" t
    JOIN unnest(${arrayLiteral(keys.map((k) => k.source))}::text[], ${arrayLiteral(keys.map((k) => k.ref))}::text[]) AS k(source, ref)
      ON t.source = k.source AND t.source_ref = k.ref
    WHERE t.tenant_id = ${tenantId} AND NOT (t.buyer_id = ANY(${arrayLiteral([...buyers])}::bigint[]))`.execute(trx);
  return new Set(result.rows.map(keyOf));
}

/** The program of each stored assistance row among `refs` (null: given outside a program). */
export async function storedAssistancePrograms(
  trx: Transaction<Database>,
  tenantId: string,
  refs: readonly string[],
): Promise<Map<string, number | null>> {
  if (refs.length === 0) return new Map();
  const rows = await trx
    .selectFrom('assistance')
    .select(['ref', 'program_id'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`ref = ANY(${arrayLiteral([...refs])}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.ref, r.program_id === null ? null : Number(r.program_id)]));
}
