import type { Database } from '@jejaring/db';
import { API_KEY_PREFIX, looksLikeSecret, SESSION_TOKEN_PREFIX, secretHash } from '@jejaring/db/auth';
import type { Request, Response } from 'express';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import { type Actor, PUBLIC_ACTOR } from './actor.ts';
import { findApiKey, findSession, touchApiKey, touchSession } from './auth.sql.ts';
import type { AuthConfig } from './auth-config.ts';
import type { CredentialCache } from './credential-cache.ts';

/*
 * How a request names its client (docs/security.md, "Sessions"):
 * - the dashboard: the session cookie `jejaring_session` (HttpOnly, SameSite=Lax, Path=/, Secure
 *   over HTTPS) that `login` sets; Path=/ so that the uploads (POST /imports) and downloads
 *   (GET /exports/…) the dashboard makes carry it too;
 * - scripts: `Authorization: Bearer <session token>` (the token `login` returns), or
 *   `Authorization: ApiKey <key>` for an API key.
 * A credential in the Authorization header that is not valid (unknown, expired, revoked, of a
 * disabled account) is answered 401 UNAUTHENTICATED: a script should learn that its credential
 * stopped working. An invalid cookie is ignored (the request is PUBLIC) and cleared.
 */

export const SESSION_COOKIE = 'jejaring_session';

type Presented =
  | { kind: 'session'; secret: string; from: 'cookie' | 'header' }
  | { kind: 'apiKey'; secret: string; from: 'header' };

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The credential the request presents, if any; throws UNAUTHENTICATED for a malformed Authorization header. */
export function presentedCredential(req: Pick<Request, 'headers'>): Presented | null {
  const authorization = req.headers.authorization?.trim();
  if (authorization) {
    const [scheme, secret = '', ...rest] = authorization.split(/\s+/);
    const kind = scheme?.toLowerCase() === 'bearer' ? 'session' : scheme?.toLowerCase() === 'apikey' ? 'apiKey' : null;
    const prefix = kind === 'session' ? SESSION_TOKEN_PREFIX : API_KEY_PREFIX;
    if (!kind || rest.length > 0 || !looksLikeSecret(secret, prefix)) throw invalidCredential();
    return { kind, secret, from: 'header' };
  }
  const cookie = cookieValue(req.headers.cookie, SESSION_COOKIE);
  if (cookie && looksLikeSecret(cookie, SESSION_TOKEN_PREFIX))
    return { kind: 'session', secret: cookie, from: 'cookie' };
  return null;
}

export function invalidCredential(): AppError {
  const error = new AppError(
    'UNAUTHENTICATED',
    'Kredensial tidak berlaku (kedaluwarsa, dicabut, atau salah). / The credential is not valid (expired, revoked or wrong).',
    { field: 'authorization' },
  );
  (error.extensions as Record<string, unknown>).http = { status: 401 };
  return error;
}

/**
 * The actor of the credential the request presents: PUBLIC without credentials; the session's or
 * API key's account otherwise, with its regency (`tenantId`), whichever regency the request is
 * for (actorInRegency decides what it may do there). `staleCookie`: an invalid session cookie was
 * presented (the caller clears it). With `cache`, a credential found valid is not looked up again
 * while the cache holds it (auth/credential-cache.ts).
 */
export async function resolveActor(
  db: Kysely<Database>,
  req: Pick<Request, 'headers'>,
  config: AuthConfig,
  cache?: CredentialCache,
): Promise<{ actor: Actor; staleCookie: boolean }> {
  const presented = presentedCredential(req);
  if (!presented) return { actor: PUBLIC_ACTOR, staleCookie: false };
  const hash = secretHash(presented.secret);
  const lookup = async () => {
    const found =
      presented.kind === 'session'
        ? await findSession(db, hash, config.sessionIdleSeconds)
        : await findApiKey(db, hash);
    if (!found?.stale) return found;
    await (presented.kind === 'session' ? touchSession : touchApiKey)(db, found.tenant_id, found.id);
    return { ...found, stale: false };
  };
  const row = cache ? await cache.resolve(`${presented.kind}:${hash}`, lookup) : await lookup();
  if (!row) {
    if (presented.from === 'cookie') return { actor: PUBLIC_ACTOR, staleCookie: true };
    throw invalidCredential();
  }
  const actor: Actor = {
    role: row.role,
    tenantId: row.tenant_id,
    userId: row.user_id,
    username: row.username,
    ...(row.role === 'OPERATOR' && row.agency_id !== null ? { agencyId: row.agency_id } : {}),
    ...(presented.kind === 'session' ? { sessionId: row.id } : { apiKeyId: row.id }),
  };
  return { actor: Object.freeze(actor), staleCookie: false };
}

/**
 * What `actor` is in a request for `regency`: itself in its own regency; elsewhere a visitor, PUBLIC
 * (it reads what anyone reads, and writes nothing) that keeps its regency and session, so that a
 * write is refused as FORBIDDEN naming the regency (not "sign in first") and `logout` still ends
 * the session.
 */
export function actorInRegency(actor: Actor, regency: string): Actor {
  if (actor.tenantId === undefined || actor.tenantId === regency) return actor;
  return Object.freeze({
    role: PUBLIC_ACTOR.role,
    tenantId: actor.tenantId,
    ...(actor.sessionId !== undefined ? { sessionId: actor.sessionId } : {}),
  });
}

/**
 * Until 2026-12 the cookie had Path=/graphql. A browser that still holds such a cookie sends it
 * first on /graphql requests (the longer path first), where a stale one would hide the current
 * one: every write of the cookie from a request that carries one also expires the old path's.
 */
const LEGACY_PATH = '/graphql';

/** Sets (token) or clears (null) the session cookie on the response. */
export function writeSessionCookie(
  req: Pick<Request, 'secure' | 'headers'>,
  res: Pick<Response, 'append'>,
  config: AuthConfig,
  token: string | null,
): void {
  const cookie = (value: string, path: string, maxAge: number) => {
    const parts = [`${SESSION_COOKIE}=${value}`, `Path=${path}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`];
    if (config.cookieSecure === 'always' || req.secure) parts.push('Secure');
    return parts.join('; ');
  };
  res.append('Set-Cookie', cookie(token ?? '', '/', token ? config.sessionMaxSeconds : 0));
  if (cookieValue(req.headers.cookie, SESSION_COOKIE) !== undefined)
    res.append('Set-Cookie', cookie('', LEGACY_PATH, 0));
}

/**
 * Whether a request signed in by the session cookie (no Authorization header) may not be an HTML
 * form or a "simple" cross-origin request: those send no Content-Type or one of the three a form
 * can send, without a CORS preflight. The same rule as Apollo's CSRF prevention on /graphql; the
 * upload route refuses such requests (SameSite=Lax already keeps the cookie off cross-site POSTs;
 * this also covers other origins of the same site).
 */
export function unsafeCookieRequest(req: Pick<Request, 'headers'>): boolean {
  if (req.headers.authorization) return false;
  if (cookieValue(req.headers.cookie, SESSION_COOKIE) === undefined) return false;
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return !type || ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(type);
}
