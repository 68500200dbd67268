import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/*
 * Password hashing with scrypt (RFC 7914), Node's built-in memory-hard KDF. The parameters are
 * stored with each hash (`scrypt$N$r$p$salt$hash`, base64url), so they can be raised later without
 * invalidating existing passwords: a hash is always verified with its own parameters.
 *
 * N = 2^15, r = 8, p = 1: 128 · N · r = 32 MiB of memory and about 50-100 ms of one core per hash
 * (OWASP's scrypt recommendation for interactive logins is N = 2^17 with r = 8, p = 1 or an
 * equivalent trade of memory for iterations; N = 2^15 keeps a burst of logins on a 2-core server
 * answerable, and the login rate limit caps how many a client can ask for). 16 random bytes of
 * salt, 32 bytes of output.
 */

export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** The shortest password `hashPassword` accepts. */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest (scrypt reads the whole password; a megabyte one would only cost CPU). */
export const MAX_PASSWORD_LENGTH = 256;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Why a password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `a password has at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}

/**
 * The stored form of a password: `scrypt$N$r$p$salt$hash`.
 *
 * @example
 * const stored = await hashPassword('correct horse battery');
 * await verifyPassword('correct horse battery', stored); // true
 */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength, saltLength } = SCRYPT_PARAMS;
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, N, r, p, keyLength);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Does `password` match `stored`? Compared in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  // Refuse parameters this code would never write (a tampered row must not cost a gigabyte).
  if (!(N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 4)) return false;
  if (expected.length < 16 || salt.length < 8 || password.length > MAX_PASSWORD_LENGTH) return false;
  const actual = await derive(password, salt, N, r, p, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password: verifying against it takes as long as against a real one, so a
 * login for an unknown username answers in the same time as one with a wrong password.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString('base64url'));
  return decoy;
}
