import { parentPort, workerData } from 'node:worker_threads';
import { CHUNK_ROWS, generateDemo, planDemo } from './generate.ts';
import type { PrefetchMessage } from './prefetch.ts';
import { columnLiterals } from './tables.ts';

/*
 * The worker thread prefetch.ts starts: plans and generates the demo dataset and posts, table by
 * table, each chunk's column literals for ids starting at 1 (an empty database), the row counts
 * first.
 */

const { seed, scale } = workerData as { seed: number; scale: number };
const post = (message: PrefetchMessage) => parentPort?.postMessage(message);
try {
  const plan = planDemo(seed, scale);
  post({ kind: 'counts', counts: plan.counts });
  for (const chunk of generateDemo(seed, scale, { plan, chunkSize: CHUNK_ROWS })) {
    post({
      kind: 'chunk',
      table: chunk.table,
      rows: chunk.rows.length,
      literals: columnLiterals(chunk.table, chunk.rows),
    });
  }
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
