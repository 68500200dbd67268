import { PGlite } from '@electric-sql/pglite';

/*
 * Shared buffers of the embedded database (docs/start-and-memory.md, "`pnpm start` and the first start").
 *
 * A new PGlite database runs initdb, which starts the postgres binary itself twice (bootstrap, then
 * the catalog set-up), each time with the shared_buffers it writes into postgresql.conf (128 MB)
 * and each time clearing them: in WebAssembly that costs 2-2.5 s of CPU of the 7-10 s a new
 * directory takes. So initdb runs with 16 MB, which it also writes into the configuration, and every
 * start of the database passes 128 MB on the command line: the server runs with the same 128 MB as
 * before, on directories made before this change as on new ones.
 */

/** initdb's postgres runs (and the postgresql.conf it writes) with 16 MB of shared buffers. */
export const INITDB_START_PARAMS: string[] = ['--set', 'shared_buffers=16MB'];

/** PGlite's start parameters, with the 128 MB of shared buffers it defaulted to before. */
export const START_PARAMS: string[] = [...PGlite.defaultStartParams, '-c', 'shared_buffers=128MB'];
