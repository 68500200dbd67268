import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { type ClusterManifest, pgliteVersion, STORED_CLUSTER_FILE, STORED_CLUSTER_MANIFEST } from './pglite-cluster.ts';
import { INITDB_START_PARAMS, START_PARAMS } from './pglite-params.ts';

/*
 * `pnpm --filter @jejaring/db cluster:emit`: makes the stored empty cluster (pglite-cluster.ts)
 * again with the installed PGlite and today's initdb settings, after an upgrade of PGlite or a
 * change of pglite-params.ts. Commit both files of db/pglite/ it writes.
 */

/** A new empty cluster, made by initdb in memory with the embedded database's settings: its tarball. */
export async function makeEmptyCluster(): Promise<Buffer> {
  const pglite = await PGlite.create({ startParams: START_PARAMS, initDbStartParams: INITDB_START_PARAMS });
  try {
    return Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
  } finally {
    await pglite.close();
  }
}

/** Makes the empty cluster and stores it, Brotli-compressed, with its manifest. */
export async function emitStoredCluster(): Promise<ClusterManifest> {
  const tar = await makeEmptyCluster();
  const compressed = zlib.brotliCompressSync(tar, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 },
  });
  const manifest: ClusterManifest = {
    pglite: pgliteVersion(),
    initdbStartParams: INITDB_START_PARAMS,
    tarBytes: tar.byteLength,
    tarSha256: createHash('sha256').update(tar).digest('hex'),
  };
  fs.mkdirSync(path.dirname(STORED_CLUSTER_FILE), { recursive: true });
  fs.writeFileSync(STORED_CLUSTER_FILE, compressed);
  fs.writeFileSync(STORED_CLUSTER_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = await emitStoredCluster();
  const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KiB`;
  process.stdout.write(
    `stored the empty cluster of PGlite ${manifest.pglite}: ${kib(manifest.tarBytes)} of tarball, ${kib(fs.statSync(STORED_CLUSTER_FILE).size)} compressed\n`,
  );
}
