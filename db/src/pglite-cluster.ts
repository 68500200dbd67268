import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { loadDbConfig } from './config.ts';
import { DB_PACKAGE_DIR } from './paths.ts';
import { INITDB_START_PARAMS } from './pglite-params.ts';

/*
 * The empty cluster a new embedded database starts from (docs/start-and-memory.md, "`pnpm start`
 * and the first start").
 *
 * A new PGlite database, in a directory or in memory, first runs initdb: PostgreSQL started twice
 * in WebAssembly to write its catalogs, 2.5-5 s on these machines, the largest step of the first
 * start after the demo load. What initdb writes depends only on PGlite's build and on the initdb
 * settings (pglite-params.ts), so it is made once, by `pnpm --filter @jejaring/db cluster:emit`
 * (pglite-cluster-emit.ts),
 * and kept in the repository (db/pglite/: the cluster's tarball, Brotli-compressed, and a manifest
 * saying which PGlite made it, with which settings, and the tarball's SHA-256). A new database is
 * then a copy of it (PGlite's loadDataDir), well under a second.
 *
 * The stored cluster is used only when the manifest names the installed PGlite and today's initdb
 * settings, and the tarball is the one the manifest describes; otherwise initdb runs, as before.
 * db/test/pglite-cluster.test.ts compares the stored cluster with one initdb makes now, so an
 * upgrade of PGlite or a change of the settings fails CI until the cluster is made again.
 *
 * This module imports no PGlite: the server's entry (server/src/main.ts) begins reading the cluster
 * through it before the rest of the server's modules load.
 */

const CLUSTER_DIR = path.join(DB_PACKAGE_DIR, 'pglite');
export const STORED_CLUSTER_FILE = path.join(CLUSTER_DIR, 'empty-cluster.tar.br');
export const STORED_CLUSTER_MANIFEST = path.join(CLUSTER_DIR, 'empty-cluster.json');

/** Which PGlite made the stored cluster, with which initdb settings, and its tarball's digest. */
export interface ClusterManifest {
  readonly pglite: string;
  readonly initdbStartParams: readonly string[];
  /** The uncompressed tarball's size and SHA-256 (hex). */
  readonly tarBytes: number;
  readonly tarSha256: string;
}

/** PGlite's version, from the package the db package resolves. */
export function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const file = path.join(dir, 'package.json');
    const manifest: { name?: string; version?: string } = fs.existsSync(file)
      ? JSON.parse(fs.readFileSync(file, 'utf8'))
      : {};
    if (manifest.name === '@electric-sql/pglite' && manifest.version) return manifest.version;
    if (path.dirname(dir) === dir) throw new Error('@electric-sql/pglite: package.json not found');
    dir = path.dirname(dir);
  }
}

/** Why the stored cluster cannot be used with the installed PGlite, or null when it can. */
export function storedClusterMismatch(manifest: ClusterManifest | null): string | null {
  if (!manifest) return `no stored cluster (${path.relative(DB_PACKAGE_DIR, STORED_CLUSTER_MANIFEST)})`;
  const installed = pgliteVersion();
  if (manifest.pglite !== installed) return `made by PGlite ${manifest.pglite}, ${installed} is installed`;
  if (JSON.stringify(manifest.initdbStartParams) !== JSON.stringify(INITDB_START_PARAMS))
    return `made with initdb settings ${JSON.stringify(manifest.initdbStartParams)}, not ${JSON.stringify(INITDB_START_PARAMS)}`;
  return null;
}

/** A stored cluster's manifest; null when there is none or it is not JSON (damaged). */
export function readClusterManifest(file = STORED_CLUSTER_MANIFEST): ClusterManifest | null {
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ClusterManifest;
  } catch {
    return null;
  }
}

const brotliDecompress = promisify(zlib.brotliDecompress);

/**
 * The stored empty cluster as a tarball for PGlite's loadDataDir, or null when it was made by
 * another PGlite or with other settings, or is not the tarball its manifest describes (initdb
 * then runs). Decompressed on libuv's threads. The one begun by prefetchStoredCluster, if any.
 */
export function readStoredCluster(): Promise<Blob | null> {
  const read = prefetched ?? readAnew();
  prefetched = null; // not kept: 40 MB a server needs once
  return read;
}

let prefetched: Promise<Blob | null> | null = null;

/**
 * Begins reading the stored cluster when the configured database (`env`, as loadDbConfig reads
 * it) is an embedded directory without a cluster yet: the next readStoredCluster gets it. Never
 * throws (a bad configuration is reported where it is loaded).
 */
export function prefetchStoredCluster(env: NodeJS.ProcessEnv): void {
  try {
    const { target } = loadDbConfig(env);
    if (target.engine !== 'pglite' || fs.existsSync(path.join(target.dir, 'PG_VERSION'))) return;
    prefetched = readAnew().catch(() => null);
  } catch {
    // Reported by the server's own configuration step.
  }
}

function readAnew(): Promise<Blob | null> {
  return readCluster(STORED_CLUSTER_FILE, STORED_CLUSTER_MANIFEST);
}

/** A stored cluster's tarball (`file`, described by `manifestFile`) if it may be used here, else null. */
export async function readCluster(file: string, manifestFile: string): Promise<Blob | null> {
  const manifest = readClusterManifest(manifestFile);
  if (!manifest || storedClusterMismatch(manifest) !== null || !fs.existsSync(file)) return null;
  // zlib answers a Buffer over a plain ArrayBuffer (its type says it may be shared).
  let tar: Buffer<ArrayBuffer>;
  try {
    tar = (await brotliDecompress(await fs.promises.readFile(file))) as Buffer<ArrayBuffer>;
  } catch {
    return null; // not a Brotli stream: damaged
  }
  if (tar.byteLength !== manifest.tarBytes) return null;
  if (createHash('sha256').update(tar).digest('hex') !== manifest.tarSha256) return null;
  return new Blob([tar]);
}
