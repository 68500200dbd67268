import { ConfigError } from '@jejaring/db';
import { intVar } from '../env.ts';

/** Sessions and sign-in (docs/security.md); every value has an environment variable. */
export interface AuthConfig {
  /** Seconds without a request after which a session ends. */
  readonly sessionIdleSeconds: number;
  /** Seconds after sign-in at which a session ends, however active. */
  readonly sessionMaxSeconds: number;
  /** Sign-in attempts a minute per client address (each costs a memory-hard hash); 0: no limit. */
  readonly loginPerMinute: number;
  /** Records an account may read with personal data unmasked a minute (after a burst of as many); 0: no limit. */
  readonly personalDataPerMinute: number;
  /** `auto`: the cookie is Secure when the request came over HTTPS (directly or via a trusted proxy); `always`. */
  readonly cookieSecure: 'auto' | 'always';
  /**
   * Milliseconds a credential found valid is trusted by this instance without looking it up again
   * (auth/credential-cache.ts): how late, at most, a sign-out or revocation made elsewhere (another
   * instance, the CLI) or an expiry takes effect here; 0: every request looks it up.
   */
  readonly credentialCacheMs: number;
}

export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const cookieSecure = (env.SESSION_COOKIE_SECURE?.trim() || 'auto') as AuthConfig['cookieSecure'];
  if (cookieSecure !== 'auto' && cookieSecure !== 'always') {
    throw new ConfigError(`SESSION_COOKIE_SECURE must be "auto" or "always", got "${env.SESSION_COOKIE_SECURE}"`);
  }
  const sessionMaxSeconds = intVar(env, 'SESSION_MAX_SECONDS', 12 * 3600, 1, 90 * 86_400);
  return Object.freeze({
    sessionIdleSeconds: Math.min(intVar(env, 'SESSION_IDLE_SECONDS', 3600, 1, 90 * 86_400), sessionMaxSeconds),
    sessionMaxSeconds,
    loginPerMinute: intVar(env, 'LOGIN_RATE_LIMIT', 10, 0, 10_000),
    personalDataPerMinute: intVar(env, 'PERSONAL_DATA_RATE_LIMIT', 1000, 0, 10_000_000),
    cookieSecure,
    credentialCacheMs: intVar(env, 'CREDENTIAL_CACHE_MS', 1000, 0, 60_000),
  });
}
