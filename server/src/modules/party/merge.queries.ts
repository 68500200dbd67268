import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';

/** What a merge moved from the duplicate to the survivor. */
export interface MergeCounts {
  transactions: number;
  voidedTransactions: number;
  products: number;
  memberships: number;
  assistance: number;
  snapshots: number;
  /** The duplicate's snapshots for months the survivor already had: dropped, the survivor's kept. */
  snapshotsDropped: number;
}

/** Purchases between the two parties (they would become purchases from oneself). */
export async function countPurchasesBetween(db: Kysely<Database>, tenantId: string, a: number, b: number) {
  const row = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM "transaction"
    WHERE tenant_id = ${tenantId} AND ((buyer_id = ${a} AND seller_id = ${b}) OR (buyer_id = ${b} AND seller_id = ${a}))`.execute(
    db,
  );
  return row.rows[0]?.n ?? 0;
}

/** Locks both parties and returns their kinds (missing ids are absent from the map). */
export async function lockParties(db: Kysely<Database>, tenantId: string, ids: readonly number[]) {
  const rows = await db
    .selectFrom('party')
    .select(['id', 'kind', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

const count = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

/**
 * Moves every reference to `duplicate` over to `survivor`, keeps the identifiers the survivor
 * lacks, and deletes the duplicate. Purchases are re-pointed with UPDATEs, so the rollup triggers
 * move their contributions from the duplicate's class to the survivor's in the same transaction.
 */
export async function moveReferences(
  trx: Kysely<Database>,
  tenantId: string,
  survivor: number,
  duplicate: number,
): Promise<MergeCounts> {
  const t = tenantId;
  const sold =
    await sql`UPDATE "transaction" SET seller_id = ${survivor} WHERE tenant_id = ${t} AND seller_id = ${duplicate}`.execute(
      trx,
    );
  const bought =
    await sql`UPDATE "transaction" SET buyer_id = ${survivor} WHERE tenant_id = ${t} AND buyer_id = ${duplicate}`.execute(
      trx,
    );
  const voidedSold =
    await sql`UPDATE voided_transaction SET seller_id = ${survivor} WHERE tenant_id = ${t} AND seller_id = ${duplicate}`.execute(
      trx,
    );
  const voidedBought =
    await sql`UPDATE voided_transaction SET buyer_id = ${survivor} WHERE tenant_id = ${t} AND buyer_id = ${duplicate}`.execute(
      trx,
    );
  const products =
    await sql`UPDATE product SET seller_id = ${survivor} WHERE tenant_id = ${t} AND seller_id = ${duplicate}`.execute(
      trx,
    );
  await sql`UPDATE party SET parent_id = ${survivor} WHERE tenant_id = ${t} AND parent_id = ${duplicate}`.execute(trx);
  // Memberships as a member and as the cooperative, except those the survivor already has.
  const members = await sql`
    UPDATE cooperative_membership m SET member_id = ${survivor}
    WHERE m.tenant_id = ${t} AND m.member_id = ${duplicate}
      AND NOT EXISTS (SELECT 1 FROM cooperative_membership s
                      WHERE s.tenant_id = ${t} AND s.member_id = ${survivor} AND s.cooperative_id = m.cooperative_id)`.execute(
    trx,
  );
  const coops = await sql`
    UPDATE cooperative_membership m SET cooperative_id = ${survivor}
    WHERE m.tenant_id = ${t} AND m.cooperative_id = ${duplicate}
      AND NOT EXISTS (SELECT 1 FROM cooperative_membership s
                      WHERE s.tenant_id = ${t} AND s.cooperative_id = ${survivor} AND s.member_id = m.member_id)`.execute(
    trx,
  );
  const assistance =
    await sql`UPDATE assistance SET enterprise_id = ${survivor} WHERE tenant_id = ${t} AND enterprise_id = ${duplicate}`.execute(
      trx,
    );
  const snapshots = await sql`
    UPDATE enterprise_snapshot d SET enterprise_id = ${survivor}
    WHERE d.tenant_id = ${t} AND d.enterprise_id = ${duplicate}
      AND NOT EXISTS (SELECT 1 FROM enterprise_snapshot s
                      WHERE s.tenant_id = ${t} AND s.enterprise_id = ${survivor} AND s.period = d.period)`.execute(trx);
  const dropped =
    await sql`DELETE FROM enterprise_snapshot WHERE tenant_id = ${t} AND enterprise_id = ${duplicate}`.execute(trx);
  // Identifiers the survivor lacks come from the duplicate (freed first: they are unique).
  const identifiers = await sql<{ npwp: string | null; nib: string | null; kbli_code: string | null }>`
    SELECT p.npwp, ep.nib, ep.kbli_code FROM party p
    LEFT JOIN enterprise_profile ep ON ep.tenant_id = p.tenant_id AND ep.party_id = p.id
    WHERE p.tenant_id = ${t} AND p.id = ${duplicate}`.execute(trx);
  await sql`DELETE FROM party WHERE tenant_id = ${t} AND id = ${duplicate}`.execute(trx);
  const kept = identifiers.rows[0];
  if (kept?.npwp) {
    await sql`UPDATE party SET npwp = coalesce(npwp, ${kept.npwp}) WHERE tenant_id = ${t} AND id = ${survivor}`.execute(
      trx,
    );
  }
  if (kept?.nib || kept?.kbli_code) {
    await sql`UPDATE enterprise_profile SET nib = coalesce(nib, ${kept.nib}), kbli_code = coalesce(kbli_code, ${kept.kbli_code})
              WHERE tenant_id = ${t} AND party_id = ${survivor}`.execute(trx);
  }
  return {
    transactions: count(sold) + count(bought),
    voidedTransactions: count(voidedSold) + count(voidedBought),
    products: count(products),
    memberships: count(members) + count(coops),
    assistance: count(assistance),
    snapshots: count(snapshots),
    snapshotsDropped: count(dropped),
  };
}
