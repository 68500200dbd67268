import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { estimateBytes, VersionedCache } from '../src/analytics/versions.ts';

// The analytics caches are bounded by size, not only by count (docs/start-and-memory.md, "Memory").
describe('VersionedCache', () => {
  const db = {} as Kysely<Database>; // only an identity for the per-database map
  /** 500 doubles: 4,000 bytes of buffer + 64 of overhead = 4,064 bytes as estimateBytes counts. */
  const vector = () => new Float64Array(500);

  it('estimates a typed array by its buffer and a Map by its contents', () => {
    expect(estimateBytes(vector())).toBe(4_064);
    // 64 for the Map, then per entry 16 + 8 (number key) + 16 + 2 × 3 (string 'abc') = 46.
    expect(estimateBytes(new Map([[1, 'abc']]))).toBe(110);
  });

  it('evicts the least recently used values once their bytes pass the budget, whatever their count', async () => {
    const cache = new VersionedCache<Float64Array>({ entries: 100, maxBytes: 10_000 });
    const derived: string[] = [];
    const get = (key: string) =>
      cache.get(db, key, 'v1', async () => {
        derived.push(key);
        return vector();
      });
    await get('a');
    await get('b');
    expect(cache.held(db)).toEqual({ entries: 2, bytes: 8_128 });
    await get('c'); // 12,192 > 10,000: 'a', the least recently used, goes
    expect(cache.held(db)).toEqual({ entries: 2, bytes: 8_128 });
    await get('b');
    await get('c');
    await get('a');
    expect(derived).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps no value larger than the whole budget (derived again each time)', async () => {
    const cache = new VersionedCache<Float64Array>({ entries: 100, maxBytes: 10_000 });
    let derivations = 0;
    const big = () =>
      cache.get(db, 'big', 'v1', async () => {
        derivations++;
        return new Float64Array(2_000); // 16,064 bytes
      });
    await big();
    await big();
    expect(derivations).toBe(2);
    expect(cache.held(db)).toEqual({ entries: 0, bytes: 0 });
  });

  it('still bounds the count, and a new version replaces its key without counting it twice', async () => {
    const cache = new VersionedCache<Float64Array>({ entries: 2, maxBytes: 1_000_000 });
    await cache.get(db, 'a', 'v1', async () => vector());
    await cache.get(db, 'a', 'v2', async () => vector());
    expect(cache.held(db)).toEqual({ entries: 1, bytes: 4_064 });
    await cache.get(db, 'b', 'v1', async () => vector());
    await cache.get(db, 'c', 'v1', async () => vector());
    expect(cache.held(db)).toEqual({ entries: 2, bytes: 8_128 });
  });
});
