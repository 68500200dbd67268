/**
 * One turn of the event loop: timers, signals and I/O waiting behind a long run of promise-only
 * work get their chance. On PGlite a statement runs on this thread and the driver hands results
 * back as promises only, so a loop of statements (an import's batches, the demo's chunks) would
 * otherwise keep a SIGTERM, other requests or a query being sent waiting until it ended.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
