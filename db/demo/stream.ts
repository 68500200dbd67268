import { createHash } from 'node:crypto';
import { on } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CHUNK_ROWS, generateDemo, hashLiterals, planDemo } from './generate.ts';
import { columnLiterals, type DemoTable, type IdSpace } from './tables.ts';

/*
 * The demo's rows as column literals, made on a worker thread while the loader inserts them.
 *
 * Making the plan (the registry, the money, the lives), the rows and their array literals is about
 * 2-4 s of CPU at scale 1, and the loader's thread is PGlite's too: made there, it would wait for
 * each insert and each insert for it. On a worker thread it runs on another core. The worker
 * (stream-worker.ts) makes the plan and answers its row counts, then, once told the id offsets,
 * sends each chunk's literals as soon as it is made, at most AHEAD chunks before the loader has
 * taken them, and the checksum of all of them at the end. The rows are the same as made on one
 * thread (db/test/demo.test.ts: the checksum of a load equals demoChecksum's).
 */

/** Chunks the worker may make before the loader takes them: one being inserted, one ready. */
const AHEAD = 2;

export interface DemoStreamOptions {
  readonly seed: number;
  readonly scale: number;
  readonly fraction?: number;
}

/** One chunk of a table's rows, as the loader binds them: one array literal per column. */
export interface LiteralChunk {
  readonly table: DemoTable;
  readonly rows: number;
  readonly literals: string[];
}

export interface DemoStream {
  /** The rows the plan will make, per table (the transactions estimated). */
  readonly counts: Record<DemoTable, number>;
  /** The chunks, in DEMO_TABLES order, with ids moved past `offsets`; then `checksum` is set. */
  chunks(offsets: Record<IdSpace, number>): AsyncGenerator<LiteralChunk>;
  /** sha256 over the literals in order (hashLiterals), once every chunk was taken. */
  checksum(): string;
  /** Stops the worker (at the end, or when the load fails). */
  close(): Promise<void>;
}

/** What the worker sends. */
export type WorkerMessage =
  | { readonly type: 'plan'; readonly counts: Record<DemoTable, number> }
  | ({ readonly type: 'chunk' } & LiteralChunk)
  | { readonly type: 'done'; readonly checksum: string };

/** What the worker is told: the offsets to start with, or that one more chunk was taken. */
export type LoaderMessage =
  | { readonly type: 'start'; readonly offsets: Record<IdSpace, number> }
  | { readonly type: 'taken' };

/**
 * Runs in the worker (stream-worker.ts): the plan, then the chunks as the loader takes them.
 * `send` posts a message; `next` waits for the loader's next one.
 */
export async function produce(
  options: DemoStreamOptions,
  send: (message: WorkerMessage) => void,
  next: () => Promise<LoaderMessage>,
): Promise<void> {
  const plan = planDemo(options.seed, options.scale, { fraction: options.fraction });
  send({ type: 'plan', counts: plan.counts });
  const start = await next();
  if (start.type !== 'start') throw new Error('the demo stream was not started with its offsets');
  const hash = createHash('sha256');
  let ahead = 0;
  for (const chunk of generateDemo(options.seed, options.scale, { plan, chunkSize: CHUNK_ROWS })) {
    const literals = columnLiterals(chunk.table, chunk.rows, start.offsets);
    hashLiterals(hash, chunk.table, literals);
    while (ahead >= AHEAD) {
      if ((await next()).type === 'taken') ahead -= 1;
    }
    send({ type: 'chunk', table: chunk.table, rows: chunk.rows.length, literals });
    ahead += 1;
  }
  send({ type: 'done', checksum: hash.digest('hex') });
}

/** The worker's module: compiled beside this one, or TypeScript run through tsx (tests, the CLI). */
function startWorker(options: DemoStreamOptions): Worker {
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  const worker = new URL(`./stream-worker${ext}`, import.meta.url);
  if (ext === '.js') return new Worker(worker, { workerData: options });
  // TypeScript: the worker registers tsx's loader before it imports its module. Resolved from here,
  // so it is the tsx of @jejaring/db's own dependencies.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker.href)}); })`;
  return new Worker(boot, { eval: true, workerData: options });
}

/**
 * Starts making the demo on a worker thread; resolves once its plan is made (its row counts known).
 *
 * @example
 * const stream = await openDemoStream({ seed: 1, scale: 1 });
 * try { for await (const chunk of stream.chunks(offsets)) insert(chunk); } finally { await stream.close(); }
 */
export async function openDemoStream(options: DemoStreamOptions): Promise<DemoStream> {
  const worker = startWorker(options);
  // Buffered until taken; an 'error' (the worker threw) rejects the next read, its exit ends them.
  const messages = on(worker, 'message', { close: ['exit'] }) as AsyncIterator<[WorkerMessage]>;
  const receive = async (): Promise<WorkerMessage> => {
    const { value, done } = await messages.next();
    if (done) throw new Error("the demo's worker stopped before it was done");
    return value[0];
  };
  const close = async () => {
    await worker.terminate();
    await messages.return?.();
  };

  const plan = await receive().catch(async (error) => {
    await close();
    throw error;
  });
  if (plan.type !== 'plan') throw new Error(`the demo's worker answered ${plan.type} before its plan`);
  let checksum: string | null = null;
  return {
    counts: plan.counts,
    async *chunks(offsets) {
      worker.postMessage({ type: 'start', offsets } satisfies LoaderMessage);
      for (;;) {
        const message = await receive();
        if (message.type === 'done') {
          checksum = message.checksum;
          return;
        }
        if (message.type !== 'chunk') throw new Error(`the demo's worker answered ${message.type} mid-stream`);
        worker.postMessage({ type: 'taken' } satisfies LoaderMessage);
        yield { table: message.table, rows: message.rows, literals: message.literals };
      }
    },
    checksum() {
      if (checksum === null) throw new Error("the demo's checksum is known only once every chunk was taken");
      return checksum;
    },
    close,
  };
}
