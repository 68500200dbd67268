import type { Database, Role } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';

/*
 * The queries of sign-in, sessions and API keys. Validity is decided by the database's clock
 * (now()), the same for every instance sharing the database.
 */

export interface CredentialRow {
  /** The regency the account belongs to (docs/api.md "Regencies"). */
  tenant_id: string;
  id: number;
  user_id: number;
  username: string;
  role: Role;
  agency_id: number | null;
  /** The session's last_seen_at (the key's last_used_at) is old enough to be written again. */
  stale: boolean;
}

/** Seconds between writes of a session's last_seen_at (or a key's last_used_at): not one write per request. */
const TOUCH_SECONDS = 60;

/**
 * The live session with this token hash, with its user (active), or undefined, whatever the
 * regency: a signed-in account may read other regencies (as PUBLIC does), so the credential is found
 * by its hash alone (a 256-bit random secret; index user_session_token_hash_idx) and names its
 * regency. The one credential statement not filtered by a request's tenant.
 */
export function findSession(
  db: Kysely<Database>,
  tokenHash: string,
  idleSeconds: number,
): Promise<CredentialRow | undefined> {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', (join) => join.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'))
    .select([
      's.tenant_id',
      's.id',
      's.user_id',
      'u.username',
      'u.role',
      'u.agency_id',
      sql<boolean>`s.last_seen_at < now() - make_interval(secs => ${Math.min(TOUCH_SECONDS, idleSeconds / 4)})`.as(
        'stale',
      ),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(secs => ${idleSeconds})`)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, tenantId: string, id: number): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export function insertSession(
  db: Kysely<Database>,
  tenantId: string,
  userId: number,
  tokenHash: string,
  maxSeconds: number,
): Promise<{ id: number; expires_at: Date | string }> {
  return db
    .insertInto('user_session')
    .values({
      tenant_id: tenantId,
      user_id: userId,
      token_hash: tokenHash,
      expires_at: sql`now() + make_interval(secs => ${maxSeconds})`,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
}

export async function endSession(db: Kysely<Database>, tenantId: string, id: number): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ ended_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
}

/** The account a sign-in names, with its password hash. */
export function findLogin(db: Kysely<Database>, tenantId: string, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'disabled'])
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirst();
}

/** The unrevoked API key with this hash, with its user (active), or undefined, whatever the regency (as findSession). */
export function findApiKey(db: Kysely<Database>, keyHash: string): Promise<CredentialRow | undefined> {
  return db
    .selectFrom('api_key as k')
    .innerJoin('app_user as u', (join) => join.onRef('u.tenant_id', '=', 'k.tenant_id').onRef('u.id', '=', 'k.user_id'))
    .select([
      'k.tenant_id',
      'k.id',
      'k.user_id',
      'u.username',
      'u.role',
      'u.agency_id',
      sql<boolean>`coalesce(k.last_used_at < now() - make_interval(secs => ${TOUCH_SECONDS}), true)`.as('stale'),
    ])
    .where('k.key_hash', '=', keyHash)
    .where('k.revoked_at', 'is', null)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
}

export async function touchApiKey(db: Kysely<Database>, tenantId: string, id: number): Promise<void> {
  await db
    .updateTable('api_key')
    .set({ last_used_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  user_id: number;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const API_KEY_COLUMNS = ['id', 'name', 'prefix', 'user_id', 'created_at', 'revoked_at', 'last_used_at'] as const;

export function insertApiKey(
  db: Kysely<Database>,
  tenantId: string,
  key: { userId: number; name: string; keyHash: string; prefix: string },
): Promise<ApiKeyRow> {
  return db
    .insertInto('api_key')
    .values({ tenant_id: tenantId, user_id: key.userId, name: key.name, key_hash: key.keyHash, prefix: key.prefix })
    .returning(API_KEY_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function listApiKeys(db: Kysely<Database>, tenantId: string, includeRevoked: boolean): Promise<ApiKeyRow[]> {
  let query = db.selectFrom('api_key').select(API_KEY_COLUMNS).where('tenant_id', '=', tenantId);
  if (!includeRevoked) query = query.where('revoked_at', 'is', null);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** Revokes a key (idempotent: a revoked key keeps its first revocation time); undefined when unknown. */
export async function revokeApiKey(db: Kysely<Database>, tenantId: string, id: number): Promise<ApiKeyRow | undefined> {
  await db
    .updateTable('api_key')
    .set({ revoked_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return db
    .selectFrom('api_key')
    .select(API_KEY_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}
