import { type Kysely, sql } from 'kysely';

/*
 * Data entry (docs/data-entry.md):
 *
 * - party.npwp: the taxpayer number in its 16-digit form (db/src/rules normalises the 15-digit
 *   form to `0` + 15), unique per tenant: vendors are identified by it.
 * - pg_trgm and a trigram index on party names: likely duplicates (similar names in one village)
 *   and the search for a seller by part of its name. PGlite loads the extension in its
 *   constructor (db/src/connection.ts); on PostgreSQL it is a trusted contrib extension.
 * - voided_transaction: a voided purchase, moved out of "transaction" with who voided it, when
 *   and why. Every measure reads "transaction" (the rollup triggers and the raw reads alike), so a
 *   void leaves them all at once: the delete trigger subtracts it from every rollup in the same
 *   database transaction. The row keeps its id, and its history stays in audit_event.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    sql`ALTER TABLE party ADD COLUMN npwp text CONSTRAINT party_npwp_format CHECK (npwp ~ '^[0-9]{16}$')`,
    sql`CREATE UNIQUE INDEX party_npwp_unique ON party (tenant_id, npwp) WHERE npwp IS NOT NULL`,
    sql`CREATE INDEX party_name_trgm_idx ON party USING gin (name gin_trgm_ops)`,
    sql`CREATE TABLE voided_transaction (
      tenant_id text NOT NULL,
      id bigint NOT NULL,
      buyer_id bigint NOT NULL,
      seller_id bigint NOT NULL,
      program_id bigint,
      product_id bigint,
      category text NOT NULL,
      account_code text,
      funding_source text,
      amount bigint NOT NULL,
      quantity numeric(14, 2),
      occurred_on date NOT NULL,
      source text NOT NULL,
      source_ref text NOT NULL,
      voided_at timestamptz NOT NULL DEFAULT now(),
      voided_by bigint,
      void_reason text NOT NULL CONSTRAINT voided_transaction_reason_not_blank CHECK (length(btrim(void_reason)) > 0),
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT voided_transaction_source_ref_unique UNIQUE (tenant_id, source, source_ref),
      CONSTRAINT voided_transaction_buyer_fk FOREIGN KEY (tenant_id, buyer_id) REFERENCES party (tenant_id, id),
      CONSTRAINT voided_transaction_seller_fk FOREIGN KEY (tenant_id, seller_id) REFERENCES party (tenant_id, id),
      CONSTRAINT voided_transaction_user_fk FOREIGN KEY (tenant_id, voided_by) REFERENCES app_user (tenant_id, id)
    )`,
    sql`CREATE INDEX voided_transaction_seller_idx ON voided_transaction (tenant_id, seller_id)`,
    sql`CREATE INDEX voided_transaction_buyer_idx ON voided_transaction (tenant_id, buyer_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS voided_transaction`.execute(db);
  await sql`DROP INDEX IF EXISTS party_name_trgm_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS party_npwp_unique`.execute(db);
  await sql`ALTER TABLE party DROP COLUMN IF EXISTS npwp`.execute(db);
  await sql`DROP EXTENSION IF EXISTS pg_trgm`.execute(db);
}
