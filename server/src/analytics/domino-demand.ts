import { setTimeout as sleep } from 'node:timers/promises';

/*
 * The dominoEffect computations, and the analytic statements, that requests are running in this
 * process (docs/domino-parts.md "The warmer gives way to requests"). A matrix build's Node work
 * runs in long synchronous steps on the one event loop, and on two cores the database's work
 * shares the CPU too: a warmer build beside a request's made that request wait for both (1,039 ms
 * for a request whose own matrix took 434 ms). So the warmer waits for a quiet moment before each
 * period it rebuilds. Counted per process, not per database handle: the event loop and the cores
 * are the process's.
 */

let running = 0;
let lastEnded = Number.NEGATIVE_INFINITY;

/** Counts a request's work from now until the returned function is called (once). */
export function demandBegins(): () => void {
  running++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    running--;
    lastEnded = performance.now();
  };
}

/** Runs `work` counted as a request's dominoEffect computation. */
export async function asDemand<T>(work: () => Promise<T>): Promise<T> {
  const end = demandBegins();
  try {
    return await work();
  } finally {
    end();
  }
}

/** How long to wait for quiet, and for how long no computation must have run. */
export interface GiveWay {
  readonly quietMs: number;
  readonly maxWaitMs: number;
}

/**
 * Resolves true once no request's dominoEffect computation has run for `quietMs`; false after
 * `maxWaitMs` without such a moment (a server never quiet still gets its matrices warmed, late)
 * or when `signal` aborts.
 */
export async function demandQuiet(giveWay: GiveWay, signal?: AbortSignal): Promise<boolean> {
  const started = performance.now();
  for (;;) {
    if (signal?.aborted) return false;
    const now = performance.now();
    const quietFor = running > 0 ? 0 : now - lastEnded;
    if (quietFor >= giveWay.quietMs) return true;
    const left = giveWay.maxWaitMs - (now - started);
    if (left <= 0) return false;
    try {
      await sleep(Math.min(giveWay.quietMs - quietFor, left), undefined, { signal });
    } catch {
      return false; // aborted
    }
  }
}
