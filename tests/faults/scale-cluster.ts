import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase } from '@jejaring/db';
import { loadDemo } from '@jejaring/db/demo';
import { type PrivateCluster, startPrivateCluster } from '../support/private-cluster.ts';
import { ROOT } from '../support/process.ts';

export const TENANT = '61.12';
export const DATABASE = 'jejaring_faults';

/**
 * A private PostgreSQL cluster holding the demo dataset at scale 10 (about 0.96 M transactions),
 * for the load and outage cases. Loading scale 10 takes minutes, so the loaded data directory is
 * kept as a template in FAULTS_CACHE_DIR (default: the temporary folder), keyed by a hash of
 * everything that shapes it (migrations, reference data, the demo generator): a CI machine builds
 * it once per change of those files (CI builds it early, beside the test lanes: prepare.ts).
 * `loadSeconds` says whether this call loaded it and how long that took.
 */
export async function scale10Cluster(): Promise<{ cluster: PrivateCluster; url: string; loadSeconds: number | null }> {
  const { cacheRoot, template } = templateLocation();
  if (scale10TemplateCached()) {
    const now = new Date();
    fs.utimesSync(template, now, now); // the most recently used templates are kept (below)
    const cluster = await startPrivateCluster({ template });
    return { cluster, url: cluster.url(DATABASE), loadSeconds: null };
  }
  const cluster = await startPrivateCluster();
  await cluster.createDatabase(DATABASE);
  const started = performance.now();
  const handle = await openDatabase({ engine: 'postgres', url: cluster.url(DATABASE) });
  try {
    await migrateToLatest(handle.db, TENANT);
    await loadDemo(handle.db, TENANT, { seed: 1, scale: 10 });
  } finally {
    await handle.close();
  }
  const loadSeconds = (performance.now() - started) / 1000;
  // Templates of other sources (other branches on this machine, or older commits) go, but for the
  // two used most recently: each is about 1.5 GB, and branches taking turns must not rebuild.
  if (fs.existsSync(cacheRoot)) {
    const others = fs
      .readdirSync(cacheRoot)
      .filter((name) => name.startsWith('scale10-') && path.join(cacheRoot, name) !== template)
      .map((name) => ({ name, used: fs.statSync(path.join(cacheRoot, name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const old of others.slice(2)) fs.rmSync(path.join(cacheRoot, old.name), { recursive: true, force: true });
  }
  await cluster.saveData(template);
  return { cluster, url: cluster.url(DATABASE), loadSeconds };
}

/** Whether the scale-10 template of the current sources is in FAULTS_CACHE_DIR (tests/faults/prepare.ts). */
export function scale10TemplateCached(): boolean {
  return fs.existsSync(path.join(templateLocation().template, 'PG_VERSION'));
}

function templateLocation(): { cacheRoot: string; template: string } {
  const cacheRoot = process.env.FAULTS_CACHE_DIR ?? path.join(os.tmpdir(), 'jejaring-faults-cache');
  return { cacheRoot, template: path.join(cacheRoot, `scale10-${sourceHash()}`) };
}

/** sha256 over the files that decide what the loaded database holds (their documentation does not). */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['db/migrations', 'db/reference', 'db/demo', 'db/auth']) {
    const full = path.join(ROOT, dir);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full, { recursive: true }).map(String).sort()) {
      if (name.endsWith('.md')) continue;
      const file = path.join(full, name);
      if (fs.statSync(file).isFile()) hash.update(name).update(fs.readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}
