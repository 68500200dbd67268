import { type Kysely, sql } from 'kysely';

/*
 * Three indexes carry the columns the market-access effect reads (docs/metrics-outcomes.md), so its cohort
 * of tens of thousands of enterprises is answered by index-only scans instead of a heap visit per
 * row: a training cohort from assistance (its enterprises), the sellers of government buyers from
 * the transactions (buyer → seller), the last status of the year from the snapshots. Each keeps its
 * name and key; only INCLUDEd columns are added (the leaf pages grow by those columns).
 */
const COVERING = [
  ['transaction_buyer_idx', '"transaction" (tenant_id, buyer_id, occurred_on)', 'seller_id'],
  ['assistance_kind_idx', 'assistance (tenant_id, kind, occurred_on)', 'enterprise_id'],
  ['snapshot_period_idx', 'enterprise_snapshot (tenant_id, period)', 'enterprise_id, status'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, key, included] of COVERING) {
    await sql`DROP INDEX ${sql.id(name)}`.execute(db);
    await sql`CREATE INDEX ${sql.id(name)} ON ${sql.raw(key)} INCLUDE (${sql.raw(included)})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, key] of COVERING) {
    await sql`DROP INDEX ${sql.id(name)}`.execute(db);
    await sql`CREATE INDEX ${sql.id(name)} ON ${sql.raw(key)}`.execute(db);
  }
}
