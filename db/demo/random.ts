/*
 * Seeded randomness for the demo dataset. Never Math.random, never the clock: every value the
 * generator produces follows from (seed, stream label, draw order), so the same seed always yields
 * byte-identical rows. Streams are independent: each part of the generator draws from its own
 * labelled stream, so changing how many numbers one part draws does not shift the others.
 */

/** 32-bit FNV-1a over a string, then a murmur3 finaliser. */
function hashString(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a seed and any number of integer parts (stateless, for per-cell noise). */
export function hashInts(seed: number, ...parts: number[]): number {
  let h = fmix((seed ^ 0x9e3779b9) >>> 0);
  for (const part of parts) {
    h = fmix((h ^ Math.imul(part | 0, 0x27d4eb2d)) + 0x165667b1);
  }
  return h;
}

/** A float in [0, 1) from a seed and integer parts: stateless noise, e.g. per (enterprise, month). */
export function hashFloat(seed: number, ...parts: number[]): number {
  return hashInts(seed, ...parts) / 4294967296;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded from (seed, label, index) through
 * murmur-style mixing and warmed up, so neighbouring seeds and labels give unrelated streams.
 *
 * @example
 * const rng = new Random(1, 'enterprises');
 * rng.int(1, 6); rng.pick(['a', 'b']); rng.chance(0.3);
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, label: string, index = 0) {
    const base = hashString(label, hashInts(seed, index));
    this.a = hashInts(base, 1);
    this.b = hashInts(base, 2);
    this.c = hashInts(base, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The next unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** A float in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** An index drawn with probability proportional to weights[i]. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] as number;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    return items[this.weightedIndex(weights)] as T;
  }

  /** A standard normal deviate (Box-Muller). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal deviate with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Shuffles in place (Fisher-Yates) and returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

/**
 * Weighted sampling in O(log n) over a fixed list: cumulative weights and a binary search.
 *
 * @example
 * const table = new CumulativeTable([5, 1, 1]);
 * table.sample(rng); // 0 with probability 5/7
 */
export class CumulativeTable {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += Math.max(0, weights[i] as number);
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** An index in [0, size) drawn by weight; -1 when the table is empty or all weights are 0. */
  sample(rng: Random): number {
    if (this.total <= 0) return -1;
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
