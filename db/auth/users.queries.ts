import type { Kysely } from 'kysely';
import type { Database, Role } from '../src/database.ts';
import { hashPassword, passwordProblem } from './password.ts';

/** A user account as the CLI and the admin page list it (never its password hash). */
export interface UserRow {
  id: number;
  username: string;
  display_name: string | null;
  role: Role;
  agency_id: number | null;
  agency_code: string | null;
  disabled: boolean;
  is_demo: boolean;
  created_at: Date;
}

/** A user that cannot be created or changed as asked, with the field and the reason. */
export class UserError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface NewUser {
  username: string;
  role: Role;
  password: string;
  /** The agency's code (agency_profile.code); required for OPERATOR, refused for the other roles. */
  agencyCode?: string | null;
  displayName?: string | null;
  isDemo?: boolean;
}

const USERNAME = /^[a-z0-9._-]{3,64}$/;

/**
 * What is wrong with a new account before the database is asked (its username, its password, an
 * agency where the role needs one or has none), or null. createUser checks it first; the CLI
 * checks it before it opens the database, so a mistyped command fails at once.
 */
export function newUserProblem(user: NewUser): UserError | null {
  if (!USERNAME.test(user.username)) {
    return new UserError(
      'username',
      'a username is 3-64 characters: lower-case letters, digits, dot, dash, underscore',
    );
  }
  const problem = passwordProblem(user.password);
  if (problem) return new UserError('password', problem);
  if (user.role === 'OPERATOR' && !user.agencyCode) {
    return new UserError('agency', 'an OPERATOR needs the code of the agency it works for');
  }
  if (user.role !== 'OPERATOR' && user.agencyCode)
    return new UserError('agency', 'only an OPERATOR belongs to an agency');
  return null;
}

/**
 * Creates a user account with a scrypt hash of its password.
 *
 * @example
 * await createUser(db, '61.12', { username: 'sari.op', role: 'OPERATOR', agencyCode: '2.17.0.00.0.00.01.0000', password });
 */
export async function createUser(db: Kysely<Database>, tenantId: string, user: NewUser): Promise<UserRow> {
  const problem = newUserProblem(user);
  if (problem) throw problem;
  return insertChecked(db, tenantId, user, hashPassword(user.password));
}

/**
 * createUser with the hash of `user.password` (hashPassword) begun by the caller: the demo loader
 * has scrypt hash its accounts' passwords on libuv's threads while it loads the data.
 */
export async function insertUser(
  db: Kysely<Database>,
  tenantId: string,
  user: NewUser,
  passwordHash: Promise<string>,
): Promise<UserRow> {
  const problem = newUserProblem(user);
  if (problem) throw problem;
  return insertChecked(db, tenantId, user, passwordHash);
}

/** Stores an account that passed newUserProblem, once its agency and username are checked. */
async function insertChecked(
  db: Kysely<Database>,
  tenantId: string,
  user: NewUser,
  passwordHash: Promise<string>,
): Promise<UserRow> {
  // Observed at once: a refusal below must not leave the hash's rejection, if any, unobserved.
  passwordHash.catch(() => {});
  let agencyId: number | null = null;
  if (user.role === 'OPERATOR' && user.agencyCode) {
    const agency = await db
      .selectFrom('agency_profile')
      .select('party_id')
      .where('tenant_id', '=', tenantId)
      .where('code', '=', user.agencyCode)
      .executeTakeFirst();
    if (!agency) throw new UserError('agency', `no agency has the code ${user.agencyCode}`);
    agencyId = agency.party_id;
  }
  const taken = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', user.username)
    .executeTakeFirst();
  if (taken) throw new UserError('username', `the username ${user.username} is taken`);
  const { id } = await db
    .insertInto('app_user')
    .values({
      tenant_id: tenantId,
      username: user.username,
      display_name: user.displayName ?? null,
      password_hash: await passwordHash,
      role: user.role,
      agency_id: agencyId,
      is_demo: user.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created = await findUsers(db, tenantId, { id });
  return created[0] as UserRow;
}

/** The tenant's users by username (or the one with `id`), never with their password hashes. */
export function findUsers(db: Kysely<Database>, tenantId: string, only: { id?: number } = {}): Promise<UserRow[]> {
  let query = db
    .selectFrom('app_user as u')
    .leftJoin('agency_profile as a', (join) =>
      join.onRef('a.tenant_id', '=', 'u.tenant_id').onRef('a.party_id', '=', 'u.agency_id'),
    )
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.agency_id',
      'a.code as agency_code',
      'u.disabled',
      'u.is_demo',
      'u.created_at',
    ])
    .where('u.tenant_id', '=', tenantId);
  if (only.id !== undefined) query = query.where('u.id', '=', only.id);
  return query.orderBy('u.username').execute();
}

/**
 * Disables (or enables again) a user: a disabled user cannot sign in, its sessions end at once and
 * its API keys stop working on the next request. Returns false when no user has that username.
 */
export async function setUserDisabled(
  db: Kysely<Database>,
  tenantId: string,
  username: string,
  disabled: boolean,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable('app_user')
      .set({ disabled })
      .where('tenant_id', '=', tenantId)
      .where('username', '=', username)
      .returning('id')
      .executeTakeFirst();
    if (!user) return false;
    if (disabled) {
      await trx
        .updateTable('user_session')
        .set({ ended_at: new Date() })
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', user.id)
        .where('ended_at', 'is', null)
        .execute();
    }
    return true;
  });
}
