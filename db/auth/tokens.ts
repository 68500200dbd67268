import { createHash, randomBytes } from 'node:crypto';

/*
 * Session tokens and API keys: 32 random bytes (256 bits), base64url, behind a prefix that says what
 * they are (`jjs_` a session, `jjk_` an API key) so a leaked one is recognisable in a log or a
 * repository scan. Only their SHA-256 is stored: with 256 bits of entropy a fast hash is enough
 * (nothing to guess), and a lookup by hash is one index probe.
 */

export const SESSION_TOKEN_PREFIX = 'jjs_';
export const API_KEY_PREFIX = 'jjk_';

/** A new secret with its prefix. */
export function newSecret(prefix: typeof SESSION_TOKEN_PREFIX | typeof API_KEY_PREFIX): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the database stores of a token or key: SHA-256, hex. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Is `text` shaped like a secret with `prefix` (before any lookup)? */
export function looksLikeSecret(text: string, prefix: string): boolean {
  return text.startsWith(prefix) && /^[A-Za-z0-9_-]{43}$/.test(text.slice(prefix.length));
}
