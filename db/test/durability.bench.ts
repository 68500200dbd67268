/**
 * `pnpm bench:durability`: what fsync costs a commit on the embedded database. Opens a PGlite
 * directory as PGlite ships (fsync off) and as Jejaring opens it (db/src/durable-fs.ts: fsync on,
 * the WAL synced by fsync()), twice each, and times 500 single-row INSERTs (each its own commit)
 * after 50 to warm up. Prints one JSON line per run; the figures depend on the disk (a disk with
 * a volatile write cache that ignores flushes makes fsync look free).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DURABLE_START_PARAMS, DurableNodeFS } from '../src/durable-fs.ts';

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] as number;

for (const fsync of ['off', 'on', 'off', 'on'] as const) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-fsync-cost-'));
  const pglite = await PGlite.create(
    fsync === 'on' ? { fs: new DurableNodeFS(dir), startParams: DURABLE_START_PARAMS } : { dataDir: dir },
  );
  try {
    await pglite.exec('CREATE TABLE t (id serial PRIMARY KEY, v text)');
    for (let i = 0; i < 50; i++) await pglite.query('INSERT INTO t (v) VALUES ($1)', ['warm-up']);
    const ms: number[] = [];
    for (let i = 0; i < 500; i++) {
      const started = performance.now();
      await pglite.query('INSERT INTO t (v) VALUES ($1)', [`row ${i}`]);
      ms.push(performance.now() - started);
    }
    const round = (n: number) => Math.round(n * 1000) / 1000;
    console.log(
      JSON.stringify({
        fsync,
        commits: ms.length,
        p50ms: round(percentile(ms, 50)),
        p99ms: round(percentile(ms, 99)),
        meanMs: round(ms.reduce((a, b) => a + b, 0) / ms.length),
        load1: round(os.loadavg()[0] ?? 0),
      }),
    );
  } finally {
    await pglite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
