import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '@jejaring/db';

// create-database.ts: creates a new embedded database directory (PGlite's initdb) and closes it.
const handle = await openDatabase({ engine: 'pglite', dir: (workerData as { dir: string }).dir });
await handle.close();
parentPort?.postMessage('created');
