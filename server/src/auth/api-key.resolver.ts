import { API_KEY_PREFIX, newSecret, secretHash } from '@jejaring/db/auth';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.ts';
import { badInput, notFound } from '../errors.ts';
import { decodeGlobalId, encodeGlobalId } from '../graphql/global-id.ts';
import type { ActorRole } from './actor.ts';
import { usersOfRequest } from './auth.resolver.ts';
import { type ApiKeyRow, insertApiKey, listApiKeys, revokeApiKey } from './auth.sql.ts';
import { ApiKey, CreatedApiKey, User } from './auth.types.ts';

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    rowId: row.id,
    userId: row.user_id,
    id: encodeGlobalId('ApiKey', row.id),
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** API keys: created, listed and revoked by ADMIN (docs/security.md, "API keys"). */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized<ActorRole>(['ADMIN'])
  @Query(() => [ApiKey], { description: 'API keys, newest first. ADMIN only.' })
  async apiKeys(
    @Arg('includeRevoked', () => Boolean, { defaultValue: false, description: 'Also list revoked keys.' })
    includeRevoked: boolean,
    @Ctx() ctx: Context,
  ): Promise<ApiKey[]> {
    return (await listApiKeys(ctx.db, ctx.tenantId, includeRevoked)).map(toApiKey);
  }

  @Authorized<ActorRole>(['ADMIN'])
  @Mutation(() => CreatedApiKey, {
    description:
      'Creates an API key that acts as the account `username` (with its role). The key is in this answer only: only a hash of it is stored. ADMIN only.',
  })
  async createApiKey(
    @Arg('username', () => String, { description: 'The account the key acts as (usually an ANALYST).' })
    username: string,
    @Arg('name', () => String, { description: 'What the key is for, 1-100 characters.' }) name: string,
    @Ctx() ctx: Context,
  ): Promise<CreatedApiKey> {
    const label = name.trim();
    if (label.length < 1 || label.length > 100) {
      throw badInput('name', { id: '1 sampai 100 karakter', en: '1 to 100 characters' });
    }
    const user = [...(await usersOfRequest(ctx)).values()].find((u) => u.username === username);
    if (!user)
      throw notFound({ id: `akun ${JSON.stringify(username)}`, en: `account ${JSON.stringify(username)}` }, 'username');
    if (user.disabled) throw badInput('username', { id: 'akun dinonaktifkan', en: 'the account is disabled' });
    const key = newSecret(API_KEY_PREFIX);
    const row = await insertApiKey(ctx.db, ctx.tenantId, {
      userId: user.rowId,
      name: label,
      keyHash: secretHash(key),
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
    });
    ctx.logger.info({ requestId: ctx.requestId, apiKeyId: row.id, userId: user.rowId }, 'API key created');
    return { apiKey: toApiKey(row), key };
  }

  @Authorized<ActorRole>(['ADMIN'])
  @Mutation(() => ApiKey, {
    description:
      'Revokes an API key: refused from the next request on (by other instances of the API within CREDENTIAL_CACHE_MS, 1 s by default). Revoking twice changes nothing. ADMIN only.',
  })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    const { id: rowId } = decodeGlobalId(id, 'id', ['ApiKey']);
    const row = await revokeApiKey(ctx.db, ctx.tenantId, rowId);
    if (!row) throw notFound({ id: 'kunci API', en: 'API key' }, 'id');
    ctx.http?.forgetCredentials();
    ctx.logger.info({ requestId: ctx.requestId, apiKeyId: row.id }, 'API key revoked');
    return toApiKey(row);
  }

  @FieldResolver(() => User, { description: 'The account the key acts as.' })
  async user(@Root() key: ApiKey, @Ctx() ctx: Context): Promise<User> {
    const user = (await usersOfRequest(ctx)).get(key.userId);
    if (!user) throw new Error(`API key ${key.rowId} has no account`);
    return user;
  }
}
