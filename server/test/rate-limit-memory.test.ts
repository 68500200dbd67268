import { describe, expect, it } from 'vitest';
import { MAX_BUCKETS, RateLimiter } from '../src/http/rate-limit.ts';

const limits = {
  anonymousPerMinute: 60,
  userPerMinute: 60,
  apiKeyPerMinute: 60,
  burst: 3,
  exempt: new Set<string>(),
};

describe('the rate limiter’s memory', () => {
  it('holds at most MAX_BUCKETS buckets however many addresses a flood comes from', () => {
    let now = 0;
    const limiter = new RateLimiter(limits, () => now);
    for (let i = 0; i < MAX_BUCKETS * 3; i++) {
      now += 0.001; // 150,000 clients within 0.15 s: nothing has refilled, the minute's sweep frees nothing
      limiter.take(`ip:2001:db8::${i.toString(16)}`, 60);
      if (limiter.size > MAX_BUCKETS) throw new Error(`${limiter.size} buckets after ${i + 1} clients`);
    }
    expect(limiter.size).toBeGreaterThanOrEqual(MAX_BUCKETS * 0.9);
  });

  it('keeps the buckets of the clients seen last, and forgets the longest unseen first', () => {
    let now = 0;
    const limiter = new RateLimiter(limits, () => now, 100);
    for (let i = 0; i < 3; i++) expect(limiter.take('ip:busy', 60)).toBe(0);
    expect(limiter.take('ip:busy', 60)).toBeGreaterThan(0); // burst of 3 spent
    for (let i = 0; i < 99; i++) limiter.take(`ip:other-${i}`, 60);
    expect(limiter.size).toBe(100);
    expect(limiter.take('ip:busy', 60)).toBeGreaterThan(0); // still remembered, still limited
    limiter.take('ip:one-more', 60); // 101: the 10 unseen longest (ip:other-0..9) are forgotten
    expect(limiter.size).toBe(90);
    expect(limiter.take('ip:busy', 60)).toBeGreaterThan(0); // seen lately: kept
    for (let i = 0; i < 100; i++) limiter.take(`ip:new-${i}`, 60);
    now += 1; // a millisecond later: without its bucket, the busy client starts over with a full one
    expect(limiter.take('ip:busy', 60)).toBe(0);
  });
});

describe('the rate limiter’s minute sweep', () => {
  it('keeps the bucket of the client whose request runs the sweep: its burst of 3 is still 3', () => {
    // A process up for two minutes: the first request runs the sweep (at most once a minute).
    let now = 120_000;
    const limiter = new RateLimiter(limits, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.take('ip:client', 60)).toBe(0);
    // 60 a minute, burst 3, nothing refilled: one token a second, so the 4th waits 1 s.
    expect(limiter.take('ip:client', 60)).toBe(1);
    now += 60_001; // the next sweep: the client, idle for a minute, has refilled and is forgotten
    expect(limiter.take('ip:other', 60)).toBe(0);
    expect(limiter.size).toBe(1);
    for (let i = 0; i < 3; i++) expect(limiter.take('ip:client', 60)).toBe(0);
    expect(limiter.take('ip:client', 60)).toBe(1);
  });
});
