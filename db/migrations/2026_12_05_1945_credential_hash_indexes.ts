import { type Kysely, sql } from 'kysely';

/*
 * Several regencies on one server (docs/api.md "Regencies"): a session token or API key is found
 * by its hash alone, whichever regency a request names, and tells the account's regency
 * (server/src/auth/auth.sql.ts). The unique constraints lead with tenant_id, so these indexes serve
 * that lookup. Non-unique: a distributed table may not have a unique index without its
 * distribution column (docs/scale-out-citus.md); the hashes are 256-bit random secrets.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX user_session_token_hash_idx ON user_session (token_hash)`.execute(db);
  await sql`CREATE INDEX api_key_key_hash_idx ON api_key (key_hash)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX api_key_key_hash_idx`.execute(db);
  await sql`DROP INDEX user_session_token_hash_idx`.execute(db);
}
