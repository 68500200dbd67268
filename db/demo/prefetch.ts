import { Worker } from 'node:worker_threads';
import type { DemoTable } from './tables.ts';

/*
 * The demo dataset generated in a worker thread while the main thread opens the database and
 * migrates it (server/src/prepare.ts): the generation is pure, so it can start before anyone knows
 * whether the database is empty, and loadDemo (load.ts) takes the chunks as they come, or cancels
 * the worker and generates itself when the ids must start after another tenant's.
 */

export type PrefetchMessage =
  | { readonly kind: 'counts'; readonly counts: Record<DemoTable, number> }
  | { readonly kind: 'chunk'; readonly table: DemoTable; readonly rows: number; readonly literals: string[] }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly message: string };

/** One chunk of rows as the loader inserts it: its column literals (ids from 1) and its row count. */
export interface PrefetchedChunk {
  readonly table: DemoTable;
  readonly rows: number;
  readonly literals: string[];
}

export interface DemoPrefetch {
  readonly seed: number;
  readonly scale: number;
  /** The rows per table the dataset will have (the plan's counts). */
  counts(): Promise<Record<DemoTable, number>>;
  /** The chunks in generation order, each as soon as the worker posted it; iterate once. */
  chunks(): AsyncGenerator<PrefetchedChunk>;
  /** Stops the worker (harmless after it finished). */
  cancel(): Promise<void>;
}

export class DemoPrefetchError extends Error {
  override readonly name = 'DemoPrefetchError';
  readonly code = 'DEMO_PREFETCH_FAILED';
}

/**
 * The compiled worker beside the compiled loader; under tsx or vitest (this file is TypeScript) a
 * small bootstrap that imports the TypeScript worker through tsx's API.
 */
function startWorker(seed: number, scale: number): Worker {
  const workerData = { seed, scale };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./generate-worker.js', import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const file = new URL('./generate-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Starts generating the demo dataset in a worker thread.
 *
 * @example
 * const prefetch = prefetchDemo(1, 1);
 * await loadDemo(db, '61.12', { seed: 1, scale: 1, prefetch });
 */
export function prefetchDemo(seed: number, scale: number): DemoPrefetch {
  const worker = startWorker(seed, scale);
  // Only while the loader waits for it does the worker keep the process alive.
  worker.unref();
  const queue: PrefetchMessage[] = [];
  let wake: (() => void) | null = null;
  let ended: Error | null = null;
  const push = (message: PrefetchMessage) => {
    queue.push(message);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ kind: 'failed', message: error.stack ?? error.message }));
  worker.on('exit', (code) => {
    ended ??= new DemoPrefetchError(`the demo generation worker exited (code ${code}) before it finished`);
    wake?.();
  });

  let taken = 0;
  const next = async (): Promise<PrefetchMessage> => {
    while (taken >= queue.length) {
      if (ended) throw ended;
      worker.ref();
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      worker.unref();
      wake = null;
    }
    const message = queue[taken] as PrefetchMessage;
    queue[taken++] = { kind: 'done' }; // let the chunk's literals be collected once handed out
    if (message.kind === 'failed')
      throw new DemoPrefetchError(`generating the demo dataset failed: ${message.message}`);
    return message;
  };
  let counts: Promise<Record<DemoTable, number>> | null = null;
  return {
    seed,
    scale,
    counts() {
      counts ??= next().then((message) => {
        if (message.kind !== 'counts') throw new DemoPrefetchError(`expected the counts first, got ${message.kind}`);
        return message.counts;
      });
      return counts;
    },
    async *chunks() {
      await this.counts();
      for (;;) {
        const message = await next();
        if (message.kind === 'done') return;
        if (message.kind !== 'chunk') throw new DemoPrefetchError(`unexpected ${message.kind} from the worker`);
        yield message;
      }
    },
    async cancel() {
      ended ??= new DemoPrefetchError('the demo prefetch was cancelled');
      await worker.terminate();
    },
  };
}
