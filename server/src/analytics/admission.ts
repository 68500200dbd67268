import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';
import { currentRequest } from '../http/deadline.ts';
import { limitError } from '../http/http-errors.ts';
import { demandBegins } from './domino-demand.ts';

/**
 * Admission of analytic statements (docs/limits.md): at most `concurrency` run at once
 * on a database (per instance), each with `workMemMb` of work_mem, so analytics together use a
 * bounded share of the database's memory and connections. More wait, first come first served, for
 * at most `queueMs`; then the request is answered 503 BUSY with Retry-After. A request abandoned
 * while waiting leaves the queue.
 */
export interface AnalyticsAdmission {
  readonly concurrency: number;
  readonly queueMs: number;
  readonly workMemMb: number;
}

/** work_mem of analytic statements run outside the API (benchmarks, tests calling SQL modules). */
export const DEFAULT_WORK_MEM_MB = 64;

class Slots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly settings: AnalyticsAdmission) {}

  async acquire(): Promise<() => void> {
    if (this.running < this.settings.concurrency) {
      this.running += 1;
      return this.releaser();
    }
    const signal = currentRequest()?.signal;
    signal?.throwIfAborted();
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        cleanup();
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        cleanup();
        const retryAfter = Math.max(1, Math.ceil(this.settings.queueMs / 1000));
        reject(
          limitError('BUSY', 'The server is busy with other analyses; try again shortly.', 503, {
            details: { retryAfter },
            headers: { 'retry-after': String(retryAfter) },
          }),
        );
      }, this.settings.queueMs);
      const grant = () => {
        cleanup();
        resolve();
      };
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
    this.running += 1;
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.waiting[0]?.();
    };
  }
}

const admissions = new WeakMap<Kysely<Database>, Slots>();

/** Bounds the analytic statements run through `db` (the API's database instance). */
export function admitAnalytics(db: Kysely<Database>, settings: AnalyticsAdmission): void {
  admissions.set(db, new Slots(settings));
}

/**
 * The work_mem of analytic statements through `db`, and a slot to run one (released by the caller).
 * A request's slot counts as demand while it is held, so the domino warmer's optional builds wait
 * for a quiet moment (domino-demand.ts).
 */
export async function analyticsSlot(db: Kysely<Database>): Promise<{ workMemMb: number; release: () => void }> {
  const slots = admissions.get(db);
  if (!slots) return { workMemMb: DEFAULT_WORK_MEM_MB, release: () => {} };
  const release = await slots.acquire();
  const ended = currentRequest() ? demandBegins() : () => {};
  return {
    workMemMb: slots.settings.workMemMb,
    release: () => {
      ended();
      release();
    },
  };
}
