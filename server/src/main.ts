import { prefetchStoredCluster } from '@jejaring/db/pglite-cluster';

// The server's entry (`node server/dist/src/main.js`). A new embedded database starts as a copy of
// the stored empty cluster (db/src/pglite-cluster.ts): reading it, a few hundred milliseconds of
// decompression on libuv's threads, begins here, while the server's modules load (serve.ts).
prefetchStoredCluster(process.env);
await import('./serve.ts');
