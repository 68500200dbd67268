import fs from 'node:fs';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { START_PARAMS } from './pglite-params.ts';

/*
 * Durability of the embedded database (docs/operations.md, "What a confirmed write survives").
 *
 * PGlite is PostgreSQL compiled to WebAssembly; its files go through Emscripten's NODEFS, which
 * turns each write into a synchronous write(2) on the real file, so a committed transaction is in
 * the operating system's page cache when the statement returns: it survives the process being
 * killed. Surviving a power loss needs fsync(2), and out of the box nothing calls it:
 *
 * - PGlite starts PostgreSQL with `-F` (fsync = off);
 * - Emscripten's fdatasync() is a no-op, and its fsync() calls the file system's `fsync` stream
 *   operation, which NODEFS does not have.
 *
 * So a directory database here runs PostgreSQL with fsync on and `wal_sync_method = fsync` (the
 * call that reaches the file system), and gives NODEFS the missing operation: fsync(2) on the
 * real file descriptor. A commit then returns after its WAL is on disk, as on a PostgreSQL server.
 */

/** PGlite's start parameters (pglite-params.ts) without `-F`, syncing the WAL with fsync(). */
export const DURABLE_START_PARAMS: string[] = [
  ...START_PARAMS.filter((param) => param !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'wal_sync_method=fsync',
];

interface EmscriptenStream {
  readonly nfd: number;
}
/** The parts of Emscripten's NODEFS used here (not in PGlite's types). */
interface EmscriptenNodeFs {
  stream_ops: { fsync?: (stream: EmscriptenStream) => void };
  tryFSOperation<T>(operation: () => T): T;
}

/** NODEFS with fsync: every fsync() PostgreSQL makes reaches the disk. Counts them (for tests). */
export class DurableNodeFS extends NodeFS {
  /** How many fsync calls reached the disk. */
  syncs = 0;

  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    result.emscriptenOpts.preRun = [
      ...(result.emscriptenOpts.preRun ?? []),
      (mod) => {
        const nodefs = mod.NODEFS as unknown as EmscriptenNodeFs;
        // A failed fsync (EIO, ENOSPC) becomes an error in PostgreSQL, which then stops rather
        // than pretend the write is safe.
        nodefs.stream_ops.fsync = (stream) =>
          nodefs.tryFSOperation(() => {
            fs.fsyncSync(stream.nfd);
            this.syncs++;
          });
      },
    ];
    return result;
  }
}
