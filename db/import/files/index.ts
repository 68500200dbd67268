import { assistanceFile } from './assistance.ts';
import { collectionTargetsFile } from './collection-targets.ts';
import { membershipsFile } from './memberships.ts';
import { partiesFile } from './parties.ts';
import { productsFile } from './products.ts';
import { programsFile } from './programs.ts';
import { snapshotsFile } from './snapshots.ts';
import type { FileSpec } from './spec.ts';
import { targetsFile } from './targets.ts';
import { transactionsFile } from './transactions.ts';

/** The bundle's files in import order: every file only points at files before it (parties at themselves). */
export const BUNDLE_FILES: readonly FileSpec[] = [
  partiesFile,
  productsFile,
  membershipsFile,
  programsFile,
  transactionsFile,
  snapshotsFile,
  assistanceFile,
  targetsFile,
  collectionTargetsFile,
];

/** The spec of a bundle file by its name; any folder part and letter case are ignored (Parties.CSV). */
export function bundleFileSpec(name: string): FileSpec | undefined {
  const base = name.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  return BUNDLE_FILES.find((f) => f.name === base);
}

/** True for a bundle file imported as a stream (transactions.csv): no size limit applies to it. */
export function isStreamed(name: string): boolean {
  return bundleFileSpec(name)?.stream !== undefined;
}
