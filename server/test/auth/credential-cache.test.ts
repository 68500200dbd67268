import { describe, expect, it } from 'vitest';
import type { CredentialRow } from '../../src/auth/auth.sql.ts';
import { CredentialCache } from '../../src/auth/credential-cache.ts';

/*
 * The credential cache's rules on a clock the test moves: how long a valid credential is trusted,
 * that an invalid one is never kept, that clear() wins over a lookup under way, the size bound.
 * Over HTTP with a real database (sign-out, revocation, two instances): tests/api/auth.test.ts.
 */

const row = (id: number): CredentialRow => ({
  tenant_id: '61.12',
  id,
  user_id: id,
  username: `user${id}`,
  role: 'ANALYST',
  agency_id: null,
  stale: false,
});

function counted(answer: CredentialRow | undefined) {
  const lookup = async () => {
    lookup.calls++;
    return answer;
  };
  lookup.calls = 0;
  return lookup;
}

describe('CredentialCache', () => {
  it('trusts a valid credential for ttlMs from the start of its lookup, then looks it up again', async () => {
    let now = 1_000;
    const cache = new CredentialCache(1_000, () => now);
    const lookup = counted(row(1));
    expect(await cache.resolve('session:a', lookup)).toEqual(row(1));
    now = 1_999;
    expect(await cache.resolve('session:a', lookup)).toEqual(row(1));
    expect(lookup.calls).toBe(1);
    now = 2_000; // 1,000 ms after the first lookup started
    await cache.resolve('session:a', lookup);
    expect(lookup.calls).toBe(2);
  });

  it('never keeps an unknown, expired or revoked credential', async () => {
    const cache = new CredentialCache(1_000, () => 0);
    const lookup = counted(undefined);
    expect(await cache.resolve('session:b', lookup)).toBeUndefined();
    expect(await cache.resolve('session:b', lookup)).toBeUndefined();
    expect(lookup.calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('clear() forgets every credential, and a lookup under way when it ran keeps nothing', async () => {
    const cache = new CredentialCache(60_000, () => 0);
    const lookup = counted(row(1));
    await cache.resolve('session:a', lookup);
    cache.clear();
    await cache.resolve('session:a', lookup);
    expect(lookup.calls).toBe(2);

    // A lookup that read the database before a sign-out was committed must not be kept after it.
    let release: (value: CredentialRow) => void = () => {};
    const slow = cache.resolve('session:c', () => new Promise<CredentialRow>((resolve) => (release = resolve)));
    cache.clear();
    release(row(3));
    expect(await slow).toEqual(row(3));
    const again = counted(undefined);
    expect(await cache.resolve('session:c', again)).toBeUndefined();
    expect(again.calls).toBe(1);
  });

  it('with ttlMs 0 looks every request up', async () => {
    const cache = new CredentialCache(0, () => 0);
    const lookup = counted(row(1));
    await cache.resolve('apiKey:a', lookup);
    await cache.resolve('apiKey:a', lookup);
    expect(lookup.calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries credentials, dropping the oldest', async () => {
    const cache = new CredentialCache(60_000, () => 0, 3);
    for (const id of [1, 2, 3, 4]) await cache.resolve(`session:${id}`, counted(row(id)));
    expect(cache.size).toBe(3);
    const first = counted(row(1));
    await cache.resolve('session:1', first);
    expect(first.calls).toBe(1); // dropped: looked up again
    const fourth = counted(row(4));
    await cache.resolve('session:4', fourth);
    expect(fourth.calls).toBe(0);
  });
});
