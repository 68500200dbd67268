import { type Kysely, sql } from 'kysely';

/*
 * Indexes for the API's keyset-paged lists (server/src/graphql/keyset.queries.ts): a list sorted
 * by a key pages through an index on (tenant_id, key, id), so any page costs the same as the first.
 * The other list orders already have one (party_kind_name_idx, transaction_occurred_idx…).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // transactions(orderBy: { field: AMOUNT }): "the largest purchases", optionally within a period.
  await sql`CREATE INDEX transaction_amount_idx ON "transaction" (tenant_id, amount, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX transaction_amount_idx`.execute(db);
}
