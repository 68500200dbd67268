import {
  decoyHash,
  findUsers,
  newSecret,
  SESSION_TOKEN_PREFIX,
  secretHash,
  type UserRow,
  verifyPassword,
} from '@jejaring/db/auth';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { type Context, loader } from '../context.ts';
import { AppError } from '../errors.ts';
import { encodeGlobalId } from '../graphql/global-id.ts';
import type { ActorRole } from './actor.ts';
import { endSession, findLogin, insertSession } from './auth.sql.ts';
import { LoginResult, User, Viewer } from './auth.types.ts';

export function toUser(row: UserRow): User {
  return {
    rowId: row.id,
    agencyId: row.agency_id,
    id: encodeGlobalId('User', row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agencyCode: row.agency_code,
    disabled: row.disabled,
    demo: row.is_demo,
    createdAt: row.created_at,
  };
}

/** The tenant's accounts, read once per request (a regency has tens of them, not thousands). */
export function usersOfRequest(ctx: Context): Promise<Map<number, User>> {
  return loader(ctx, 'auth:users', async () => {
    const rows = await findUsers(ctx.db, ctx.tenantId);
    return new Map(rows.map((row) => [row.id, toUser(row)]));
  });
}

/** The regency of the request's session: the account's, also when it visits another regency. */
const sessionRegency = (ctx: Context): string => ctx.actor.tenantId ?? ctx.tenantId;

function wrongCredentials(): AppError {
  return new AppError('UNAUTHENTICATED', 'Nama pengguna atau kata sandi salah. / Wrong username or password.', {
    field: 'password',
  });
}

@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { description: 'Who is asking: the role of this request and, when signed in, the account.' })
  async me(@Ctx() ctx: Context): Promise<Viewer> {
    const { actor } = ctx;
    const user = actor.userId === undefined ? null : ((await usersOfRequest(ctx)).get(actor.userId) ?? null);
    return { role: actor.role, user, viaApiKey: actor.apiKeyId !== undefined };
  }

  @Mutation(() => LoginResult, {
    description:
      'Signs in: starts a session, sets the HttpOnly session cookie for the dashboard and returns the token for scripts. A wrong username or password answers UNAUTHENTICATED (which of the two is not said); attempts are limited per address (LOGIN_RATE_LIMIT).',
  })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<LoginResult> {
    ctx.http?.takeLoginAttempt();
    const account =
      username.length <= 64 ? await findLogin(ctx.db, ctx.tenantId, username.trim().toLowerCase()) : undefined;
    // The same work whether or not the account exists: the answer time does not tell.
    const matches = await verifyPassword(password, account?.password_hash ?? (await decoyHash()));
    if (!account || account.disabled || !matches) throw wrongCredentials();
    if (ctx.actor.sessionId !== undefined) await endSession(ctx.db, sessionRegency(ctx), ctx.actor.sessionId);
    const token = newSecret(SESSION_TOKEN_PREFIX);
    const session = await insertSession(
      ctx.db,
      ctx.tenantId,
      account.id,
      secretHash(token),
      ctx.config.auth.sessionMaxSeconds,
    );
    ctx.http?.setSessionCookie(token);
    const user = (await usersOfRequest(ctx)).get(account.id);
    if (!user) throw new Error('the account vanished while signing in');
    ctx.logger.info({ requestId: ctx.requestId, userId: account.id, sessionId: session.id }, 'signed in');
    return { user, token, expiresAt: new Date(session.expires_at) };
  }

  @Mutation(() => Boolean, {
    description:
      "Signs out: ends this request's session (cookie or bearer token) and clears the cookie. False when the request had no session.",
  })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    ctx.http?.setSessionCookie(null);
    if (ctx.actor.sessionId === undefined) return false;
    await endSession(ctx.db, sessionRegency(ctx), ctx.actor.sessionId);
    ctx.http?.forgetCredentials();
    return true;
  }

  @Authorized<ActorRole>(['ADMIN'])
  @Query(() => [User], { description: 'Every account, by username. ADMIN only.' })
  async users(@Ctx() ctx: Context): Promise<User[]> {
    return [...(await usersOfRequest(ctx)).values()];
  }
}
