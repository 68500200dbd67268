import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from './auth/actor.ts';
import type { ServerConfig } from './config.ts';

/** What the sign-in resolvers need of the HTTP exchange (absent when a schema runs without HTTP, in tests). */
export interface RequestHttp {
  /** Sets the session cookie (a token) or clears it (null). */
  setSessionCookie(token: string | null): void;
  /** Takes one sign-in attempt from the client's budget; throws 429 RATE_LIMITED when it is spent. */
  takeLoginAttempt(): void;
  /** Counts one record read with personal data unmasked; throws RATE_LIMITED when the account's budget is spent. */
  takePersonalRead(): void;
  /** After a sign-out or a revocation: this instance's credential cache forgets what it holds, so the next request looks it up. */
  forgetCredentials(): void;
}

/**
 * What every resolver receives. Created once per request: the DataLoaders in `loaders` batch and
 * cache within that request only. `tenantId` scopes every query (docs/data-model.md "Conventions": tenants).
 */
export interface Context {
  readonly db: Kysely<Database>;
  readonly tenantId: string;
  readonly requestId: string;
  readonly config: ServerConfig;
  readonly logger: Logger;
  /** Per-request DataLoaders, created lazily by each domain's `*.loaders.ts`. */
  readonly loaders: Map<string, unknown>;
  /**
   * Who makes the request (auth/credentials.ts): PUBLIC without credentials. `@Authorized` checks
   * its role (auth/auth-checker.ts); writes check its agency with `requireAgencyScope` (auth/actor.ts).
   */
  readonly actor: Actor;
  readonly http?: RequestHttp;
}

/**
 * The loader registered under `key` for this request, created by `create` on first use.
 *
 * @example
 * const parties = loader(ctx, 'party', () => new DataLoader((ids) => findParties(ctx.db, ctx.tenantId, ids)));
 */
export function loader<T>(ctx: Context, key: string, create: () => T): T {
  let value = ctx.loaders.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    ctx.loaders.set(key, value);
  }
  return value;
}
