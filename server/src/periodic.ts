import type { Logger } from 'pino';

/** A job the server runs every few seconds and on demand, never twice at once. */
export interface PeriodicJob<T> {
  /** Runs the job now, or joins the run in progress. */
  tick(): Promise<T>;
  /** Stops the timer, aborts the signal given to the runs, and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalSeconds` (no timer when 0; `tick` still works), one run at a time; a
 * failed timed run is logged as `failure`. The timer does not keep the process alive. `run` gets a
 * signal aborted by `stop`, for a long run to end early.
 */
export function periodicJob<T>(
  run: (stopping: AbortSignal) => Promise<T>,
  options: { intervalSeconds: number; logger: Logger; failure: string },
): PeriodicJob<T> {
  let running: Promise<T> | null = null;
  const stopping = new AbortController();
  const tick = () => {
    running ??= run(stopping.signal).finally(() => {
      running = null;
    });
    return running;
  };
  const timer =
    options.intervalSeconds > 0
      ? setInterval(() => {
          tick().catch((error: unknown) => options.logger.warn({ err: error }, options.failure));
        }, options.intervalSeconds * 1000)
      : null;
  timer?.unref();
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      stopping.abort();
      await running?.catch(() => undefined);
    },
  };
}
