import type { Context } from '../context.ts';
import { limitError } from './http-errors.ts';
import type { LimitsConfig } from './limits-config.ts';

function rateLimited(perMinute: number, wait: number) {
  return limitError(
    'RATE_LIMITED',
    `Too many requests: the limit is ${perMinute} a minute. Try again in ${wait} s.`,
    429,
    { details: { retryAfter: wait }, headers: { 'retry-after': String(wait) } },
  );
}

/**
 * Token buckets per client, in the memory of this instance (docs/limits.md): each
 * client's bucket holds up to `burst` requests and refills at its per-minute rate; a request that
 * finds it empty is answered 429 RATE_LIMITED with Retry-After. Several instances behind a load
 * balancer each keep their own buckets, so the effective limit is per instance.
 *
 * A client is its API key, else its session's user, else its address: signing in does not share
 * an office's address-wide budget, and rotating made-up credentials does not help, since only
 * credentials the server accepted name a client.
 */
/**
 * Most buckets kept at once: about 200 bytes each (a key of up to 48 characters, its numbers and
 * the map's entry), so at most about 10 MB however many addresses a flood comes from.
 */
export const MAX_BUCKETS = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweptAt = 0;

  constructor(
    private readonly limits: LimitsConfig['rateLimit'],
    private readonly now: () => number = () => performance.now(),
    private readonly maxBuckets = MAX_BUCKETS,
  ) {}

  /** Buckets held now (bounded by `maxBuckets`). */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token for `key` at `perMinute`; returns 0 when granted, else the seconds to wait. */
  take(key: string, perMinute: number): number {
    if (perMinute <= 0) return 0;
    const now = this.now();
    const rate = perMinute / 60_000; // tokens per millisecond
    const capacity = Math.max(1, this.limits.burst);
    // Before this client's bucket is read: a sweep after it would forget the bucket just made full
    // and spent from, and the client's next request would find a full one again.
    this.sweep(now, capacity, rate);
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.delete(key); // re-inserted last: the map's order is the order of last use
    this.buckets.set(key, bucket);
    // Full (a flood from many addresses): the tenth of clients unseen for longest start over with
    // a full bucket (a tenth at once: one pass over the map now and then, not one per request).
    if (this.buckets.size > this.maxBuckets) {
      const keep = Math.floor(this.maxBuckets * 0.9);
      for (const oldest of this.buckets.keys()) {
        if (this.buckets.size <= keep) break;
        this.buckets.delete(oldest);
      }
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }

  /** Takes one token for `key`, throwing 429 RATE_LIMITED when none is left. */
  takeOrThrow(key: string, perMinute: number): void {
    const wait = this.take(key, perMinute);
    if (wait > 0) throw rateLimited(perMinute, wait);
  }

  /** Forgets buckets that have refilled (at most once a minute), so memory follows active clients. */
  private sweep(now: number, capacity: number, rate: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * rate >= capacity) this.buckets.delete(key);
    }
  }

  /**
   * Throws 429 RATE_LIMITED when the client of `ctx` (from `ip`) has used its budget; `anonymousRate`
   * replaces RATE_LIMIT_ANONYMOUS (the sign-in limiter's own rate).
   */
  check(ctx: Pick<Context, 'actor'>, ip: string, anonymousRate = this.limits.anonymousPerMinute): void {
    if (this.limits.exempt.has(ip)) return;
    const { actor } = ctx;
    const [key, perMinute] =
      actor.apiKeyId !== undefined
        ? [`key:${actor.apiKeyId}`, this.limits.apiKeyPerMinute]
        : actor.userId !== undefined
          ? [`user:${actor.userId}`, this.limits.userPerMinute]
          : [`ip:${ip}`, anonymousRate];
    this.takeOrThrow(key, perMinute);
  }
}
