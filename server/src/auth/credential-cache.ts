import type { CredentialRow } from './auth.sql.ts';

/** Valid credentials a cache holds at most (each one a live session or key that was used). */
export const MAX_CACHED_CREDENTIALS = 10_000;

/**
 * The credentials this instance found valid in the last `ttlMs` milliseconds, by the SHA-256 of
 * their secret, so that a client sending many requests costs one lookup statement per `ttlMs`
 * instead of one per request (docs/security.md, "Sessions": the bound this puts on revocation).
 *
 * - Only valid credentials are kept; an unknown, expired or revoked one is looked up every time.
 * - An entry lives `ttlMs` from the moment its lookup started, before the database checked it: a
 *   change committed after that check (a sign-out, a revocation, a disabled account, the expiry)
 *   is seen by this instance at most `ttlMs` later, whoever made it (another instance, the CLI).
 * - `clear()` forgets every entry at once: this instance's own sign-outs and revocations take
 *   effect on the very next request. A lookup that was under way when `clear()` ran does not
 *   store its (possibly outdated) answer.
 * - `ttlMs` 0 turns the cache off: every request looks its credential up.
 */
export class CredentialCache {
  private readonly entries = new Map<string, { row: CredentialRow; until: number }>();
  /** Bumped by clear(): a lookup started under an older generation does not store its answer. */
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
    private readonly maxEntries = MAX_CACHED_CREDENTIALS,
  ) {}

  /** Entries held now (bounded by `maxEntries`). */
  get size(): number {
    return this.entries.size;
  }

  /** The valid credential under `key`, from the cache while it is fresh, else from `lookup` (and kept). */
  async resolve(key: string, lookup: () => Promise<CredentialRow | undefined>): Promise<CredentialRow | undefined> {
    if (this.ttlMs <= 0) return lookup();
    const started = this.now();
    const held = this.entries.get(key);
    if (held && held.until > started) return held.row;
    if (held) this.entries.delete(key);
    const generation = this.generation;
    const row = await lookup();
    if (row && generation === this.generation) {
      this.entries.set(key, { row, until: started + this.ttlMs });
      // Full: the oldest entry goes (the map keeps insertion order); it is looked up again if used.
      if (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
    }
    return row;
  }

  /** Forgets every credential: after a sign-out or a revocation by this instance. */
  clear(): void {
    this.entries.clear();
    this.generation++;
  }
}
