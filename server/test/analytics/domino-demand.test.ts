import { describe, expect, it } from 'vitest';
import { asDemand, demandQuiet } from '../../src/analytics/domino-demand.ts';

/** A promise and its resolver, for work that ends when the test says so. */
function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the requests the warmer gives way to (domino-demand)', () => {
  it('is quiet at once when no computation ran within the quiet time', async () => {
    await asDemand(async () => undefined);
    await pause(60);
    const started = performance.now();
    expect(await demandQuiet({ quietMs: 50, maxWaitMs: 10_000 })).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('waits while a computation runs, then for the quiet time after it ended', async () => {
    const work = deferred();
    const computing = asDemand(() => work.promise);
    let answered: boolean | null = null;
    const waiting = demandQuiet({ quietMs: 80, maxWaitMs: 10_000 }).then((quiet) => {
      answered = quiet;
    });
    await pause(200);
    expect(answered).toBeNull(); // still computing
    work.resolve();
    await computing;
    const ended = performance.now();
    await waiting;
    expect(answered).toBe(true);
    expect(performance.now() - ended).toBeGreaterThanOrEqual(75); // timers may fire a little early
  });

  it('counts a computation that failed as ended', async () => {
    await expect(asDemand(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await pause(60);
    expect(await demandQuiet({ quietMs: 50, maxWaitMs: 10_000 })).toBe(true);
  });

  it('gives up after the longest wait when never quiet, answering false', async () => {
    const work = deferred();
    const computing = asDemand(() => work.promise);
    const started = performance.now();
    expect(await demandQuiet({ quietMs: 50, maxWaitMs: 300 })).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    work.resolve();
    await computing;
  });

  it('answers false as soon as its signal aborts', async () => {
    const work = deferred();
    const computing = asDemand(() => work.promise);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const started = performance.now();
    expect(await demandQuiet({ quietMs: 60_000, maxWaitMs: 60_000 }, stop.signal)).toBe(false);
    expect(performance.now() - started).toBeLessThan(30_000);
    work.resolve();
    await computing;
  });
});
