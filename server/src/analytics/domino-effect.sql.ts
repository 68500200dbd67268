import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';
import { outsideRequest } from '../http/deadline.ts';
import { cascade, type DominoEffectData } from './domino-cascade.ts';
import { asDemand } from './domino-demand.ts';
import { holdPartsLater, partsHeldSettled } from './domino-held.ts';
import { injection } from './domino-injection.sql.ts';
import { loadMatrix, type MatrixPeriod } from './domino-matrix.sql.ts';
import { type DominoMatrix, decodeMatrix, encodeMatrix } from './domino-matrix.ts';
import { storeParts } from './domino-parts.sql.ts';
import { readStoredMatrix, STORE_LIMITS, type StoreUse, storeMatrix, touchStoredMatrix } from './domino-store.sql.ts';
import { cachedResult, statementKey } from './result-cache.sql.ts';
import type { SpendScope } from './spend-scope.ts';
import { analytic, analyticsVersions, MIB, VersionedCache } from './versions.ts';

export { CONVERGENCE, MAX_ITERATIONS, MAX_ROUNDS } from './domino-cascade.ts';

/** Where a request's matrix came from: this process's memory, the persisted store, or the rollups. */
export type MatrixSource = 'memory' | 'store' | 'built';

/** What a caller may want to know of the matrix a request used (the resolver logs it). */
export interface MatrixEvent {
  readonly source: MatrixSource;
  readonly period: string;
  readonly version: number;
  readonly bytes: number;
  readonly ms: number;
}

export interface MatrixObserver {
  matrix?(event: MatrixEvent): void;
  /** The store could not be written (the answer is still given, from the built matrix). */
  storeFailed?(error: unknown): void;
  /** The period's parts could not be held after a read from the store (holdPartsLater; nothing is lost). */
  holdFailed?(error: unknown): void;
}

/**
 * The matrix depends only on the period (not on agencies, categories or network). In front of
 * the persisted store (domino-store.sql.ts), a process keeps the last few it used, tagged with
 * the tenant's analytics version like the store: a stale entry is read again or rebuilt.
 */
const matrices = new VersionedCache<DominoMatrix>({ entries: 12, maxBytes: 64 * MIB });

/** The store's key of a period: its inclusive day range, an open end empty. */
export const periodKey = (period: Pick<MatrixPeriod, 'from' | 'to'>) => `${period.from ?? ''}..${period.to ?? ''}`;

/** The period of a store key (periodKey's inverse). */
export function periodOfKey(tenantId: string, key: string): MatrixPeriod {
  const [from = '', to = ''] = key.split('..');
  return { tenantId, from: from || null, to: to || null };
}

interface Found {
  readonly matrix: DominoMatrix;
  readonly source: MatrixSource;
  readonly bytes: number;
  /** The writing of a built matrix to the store (settled: it never rejects). */
  readonly stored: Promise<void>;
}

/** How often at most a period answered from memory is marked used in the store (noteUse). */
const USE_NOTED_EVERY_MS = 60_000;

/** When this process last marked each tenant's period used for an answer from memory. */
const useNoted = new Map<string, number>();

/**
 * Marks the period used in the store (its used_at, which keeps it on the warmer's list) after an
 * answer from this process's memory, at most every USE_NOTED_EVERY_MS; on the primary, outside
 * the request, awaited by dominoStoresSettled.
 */
function noteUse(db: Kysely<Database>, tenantId: string, key: string, observer: MatrixObserver): void {
  const noted = `${tenantId}|${key}`;
  const now = performance.now();
  if (now - (useNoted.get(noted) ?? Number.NEGATIVE_INFINITY) < USE_NOTED_EVERY_MS) return;
  if (useNoted.size >= 1024) useNoted.clear();
  useNoted.set(noted, now);
  const writing: Promise<void> = outsideRequest(() => touchStoredMatrix(db, tenantId, key)).then(
    () => undefined,
    (error: unknown) => observer.storeFailed?.(error),
  );
  storing.add(writing);
  void writing.finally(() => storing.delete(writing));
}

/** The reads and builds in progress in this process, per database, by tenant, period and version. */
const inProgress = new WeakMap<Kysely<Database>, Map<string, Promise<Found>>>();

/** The stores of built matrices still being written (dominoStoresSettled). */
const storing = new Set<Promise<void>>();

/**
 * Resolves once every built matrix this process is writing to the store is written (or failed),
 * and the parts of every period queued by holdPartsLater are held (or failed).
 */
export async function dominoStoresSettled(): Promise<void> {
  while (storing.size) await Promise.all(storing);
  await partsHeldSettled();
}

/**
 * The period's matrix at the tenant's current version: from this process's memory, else from the
 * persisted store, else built from the rollups. A built matrix is stored for the other instances
 * and restarts after the answer. With `warming` (the warmer's builds) the store is awaited and
 * the stored row keeps its last use (storeMatrix); a request's answer from memory marks the period
 * used in the store, at most every USE_NOTED_EVERY_MS per period and process, so a period in use
 * stays on the warmer's list. Requests asking for the same period at once share one read or build.
 */
export async function dominoMatrix(
  db: Kysely<Database>,
  period: MatrixPeriod,
  observer: MatrixObserver = {},
  options: { warming?: boolean } = {},
): Promise<DominoMatrix> {
  const started = performance.now();
  const { version } = await analyticsVersions(db, period.tenantId);
  const key = periodKey(period);
  let found: Found | null = null;
  const matrix = await matrices.get(db, `${period.tenantId}|${key}`, String(version), async () => {
    found = await shared(db, `${period.tenantId}|${key}|${version}`, () =>
      readOrBuild(db, period, key, version, observer, options.warming ? 'warmed' : 'used'),
    );
    return found.matrix;
  });
  const { source, bytes, stored } = found ?? { source: 'memory' as const, bytes: 0, stored: undefined };
  if (options.warming) await stored;
  else if (source === 'memory') noteUse(db, period.tenantId, key, observer);
  observer.matrix?.({ source, period: key, version, bytes, ms: performance.now() - started });
  return matrix;
}

/** `run` for `key`, or the run of another caller in progress; a failed shared run is tried again alone. */
async function shared(db: Kysely<Database>, key: string, run: () => Promise<Found>): Promise<Found> {
  let runs = inProgress.get(db);
  if (!runs) {
    runs = new Map();
    inProgress.set(db, runs);
  }
  const running = runs.get(key);
  // Another request's run may fail for reasons of its own (its deadline, its client gone).
  if (running) return running.catch(run);
  const mine = run().finally(() => runs.delete(key));
  runs.set(key, mine);
  return mine;
}

async function readOrBuild(
  db: Kysely<Database>,
  period: MatrixPeriod,
  key: string,
  version: number,
  observer: MatrixObserver,
  use: StoreUse,
): Promise<Found> {
  const stored = await readStoredMatrix(db, period.tenantId, key, version);
  const decoded = stored && decodeMatrix(stored.matrix);
  if (decoded) {
    await outsideRequest(() => touchStoredMatrix(db, period.tenantId, key)).catch((error: unknown) =>
      observer.storeFailed?.(error),
    );
    holdPartsLater(db, period, (error) => observer.holdFailed?.(error));
    return { matrix: decoded, source: 'store', bytes: stored.matrix.byteLength, stored: Promise.resolve() };
  }
  const { matrix: built, newParts } = await loadMatrix(db, period);
  const encoded = encodeMatrix(built);
  // On the primary, outside the request's read routing and its cancellation, after the answer: the
  // matrix, then the parts read from the tables.
  const writing: Promise<void> = outsideRequest(async () => {
    await storeMatrix(db, period.tenantId, key, version, encoded, STORE_LIMITS, use);
    await storeParts(db, period.tenantId, newParts);
  }).then(
    () => undefined,
    (error: unknown) => observer.storeFailed?.(error),
  );
  storing.add(writing);
  void writing.finally(() => storing.delete(writing));
  return { matrix: built, source: 'built', bytes: encoded.byteLength, stored: writing };
}

/**
 * docs/metrics.md "Re-spending rounds": R1 is the scoped government spending at local UMKM sellers;
 * each next round is what the receivers of the last one pay on to other local non-government
 * parties, in proportion of their revenue. Only aggregates leave the database (per-seller
 * injections and the period's matrix), and the cascade is iterated on the sparse matrix. The
 * answer is kept in the shared result cache (result-cache.sql.ts) under the injection's statement
 * (which names the tenant, the period and the scope) and the rounds asked for.
 */
export function dominoEffect(
  db: Kysely<Database>,
  scope: SpendScope,
  rounds: number,
  observer?: MatrixObserver,
): Promise<DominoEffectData> {
  const statement = injection(scope);
  const key = statementKey(db, statement, `rounds=${rounds}`);
  return cachedResult(db, scope.tenantId, 'dominoEffect', key, () => cascadeOf(db, scope, statement, rounds, observer));
}

/** dominoEffect computed, not looked up in the result cache: the period's matrix and the injection. */
export function computeDominoEffect(
  db: Kysely<Database>,
  scope: SpendScope,
  rounds: number,
  observer?: MatrixObserver,
): Promise<DominoEffectData> {
  return cascadeOf(db, scope, injection(scope), rounds, observer);
}

async function cascadeOf(
  db: Kysely<Database>,
  scope: SpendScope,
  statement: ReturnType<typeof injection>,
  rounds: number,
  observer?: MatrixObserver,
): Promise<DominoEffectData> {
  return asDemand(async () => {
    // The injection runs beside the matrix's statements and Node's work on the matrix: without
    // parallel workers it takes less time and a third of the database's CPU (2019-04-01 …
    // 2025-09-30 at scale 100, alone: 192–198 against 295–297 ms, CPU 186–191 against 538–540 ms;
    // docs/domino-parts.md "The injection without parallel workers").
    const [x1, matrix] = await Promise.all([
      analytic(db, statement, { serial: true }).then((result) => result.rows),
      dominoMatrix(db, scope, observer),
    ]);
    return cascade(x1, matrix, rounds);
  });
}
