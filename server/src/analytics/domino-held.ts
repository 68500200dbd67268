import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';
import { outsideRequest } from '../http/deadline.ts';
import type { MatrixPeriod } from './domino-matrix.sql.ts';
import {
  type Part,
  type PartKey,
  type PartRead,
  partsOf,
  partVersions,
  readPart,
  readSectors,
  storeParts,
} from './domino-parts.sql.ts';
import {
  type FlowsRead,
  flowsReader,
  type PairsRead,
  pairsReader,
  readFlows,
  readInSlices,
  readPairs,
  readSnapshots,
  type SnapshotsRead,
  snapshotsReader,
} from './domino-source.ts';
import { splitRange } from './periods.ts';
import { MIB, VersionedCache, withWorkMem } from './versions.ts';

/*
 * The parts of the domino matrices this process holds parsed (docs/domino-parts.md "Parts held
 * in memory"): a whole year's or month's part, once read (stored or from the tables), is kept in
 * memory tagged with its version, so that a matrix built after a write reads again only the parts
 * the write moved: the others are known current by one statement that reads their versions.
 */

/** A whole year's or month's part read, its texts parsed. */
export interface PartParsed {
  readonly pairs: PairsRead;
  readonly flows: FlowsRead;
  readonly snapshots: SnapshotsRead;
}

/**
 * The parts held, by database (the caller's handle), tenant and part, tagged with the part's
 * version (a part's version names its texts: versions only grow). Bounded like the matrices in
 * memory, the least recently used dropped first; at scale 100 the 37 parts of the benchmark's
 * periods (every year but the latest, its months, and the months at the periods' edges) take
 * about 60 MB.
 */
const parsedParts = new VersionedCache<PartParsed>({ entries: 256, maxBytes: 96 * MIB });

const cacheKey = (tenantId: string, key: PartKey) => `${tenantId}|${key.span}|${key.start}`;

/**
 * Of `keys`, the parts held for `owner` at their current version, read by one statement on `db`
 * (none when nothing is held), with the tenant's analytics version that statement saw.
 */
export async function currentHeld(
  owner: Kysely<Database>,
  db: Kysely<Database>,
  tenantId: string,
  keys: readonly PartKey[],
): Promise<{ tenantVersion: number | null; parts: Array<{ key: PartKey; parsed: PartParsed }> }> {
  const held = keys.flatMap((key) => {
    const hit = parsedParts.peek(owner, cacheKey(tenantId, key));
    return hit ? [{ key, hit }] : [];
  });
  if (!held.length) return { tenantVersion: null, parts: [] };
  const { tenantVersion, versions } = await partVersions(
    db,
    tenantId,
    held.map(({ key }) => key),
  );
  return {
    tenantVersion,
    parts: held
      .filter(({ hit }, i) => versions[i] !== 0 && hit.version === String(versions[i]))
      .map(({ key, hit }) => ({ key, parsed: hit.value })),
  };
}

/**
 * The parties' sectors a matrix reads (analytics_party_class, by sector, as the sectors statement of
 * loadMatrix answers them), held per database and tenant, tagged with the version of the tenant's
 * classes (analytics_class_state) seen by the statement that read them.
 */
const heldSectors = new VersionedCache<Array<[string, string]>>({ entries: 16, maxBytes: 32 * MIB });

/** The sectors held for `owner` at class version `classVersion`, or null (none held, or of another version). */
export function sectorsHeld(
  owner: Kysely<Database>,
  tenantId: string,
  classVersion: number | null,
): Array<[string, string]> | null {
  if (classVersion === null) return null;
  const hit = heldSectors.peek(owner, tenantId);
  return hit && hit.version === String(classVersion) ? hit.value : null;
}

/** Holds the sectors read by a statement that saw class version `classVersion` (none: not kept). */
export function holdSectors(
  owner: Kysely<Database>,
  tenantId: string,
  classVersion: number | null,
  sectors: Array<[string, string]>,
): void {
  if (classVersion !== null) heldSectors.put(owner, tenantId, String(classVersion), sectors);
}

/** Holds `parsed` for `owner` as the part `key` of `version` (none: a part without a version is not kept). */
function hold(owner: Kysely<Database>, tenantId: string, key: PartKey, version: number, parsed: PartParsed): void {
  if (version > 0) parsedParts.put(owner, cacheKey(tenantId, key), String(version), parsed);
}

/**
 * A whole year's or month's part read by `trx` (stored when `useStored` and current, else from
 * the tables) and parsed, then held for `owner` when `hold`.
 */
export async function readParsedPart(
  owner: Kysely<Database>,
  trx: Kysely<Database>,
  tenantId: string,
  key: PartKey,
  options: { useStored: boolean; hold: boolean },
): Promise<{ read: PartRead; parsed: PartParsed }> {
  const read = await readPart(trx, tenantId, key, options.useStored);
  const parsed = await parsePart(read.part, false);
  if (options.hold) hold(owner, tenantId, key, read.part.version, parsed);
  return { read, parsed };
}

/** A part's texts parsed: at once, or `inSlices` (in the background, requests answered between slices). */
async function parsePart(part: Part, inSlices: boolean): Promise<PartParsed> {
  if (!inSlices)
    return { pairs: readPairs(part.pairs), flows: readFlows(part.flows), snapshots: readSnapshots(part.snapshots) };
  return {
    pairs: await readInSlices((slice) => pairsReader(part.pairs, slice)),
    flows: await readInSlices((slice) => flowsReader(part.flows, slice)),
    snapshots: await readInSlices((slice) => snapshotsReader(part.snapshots, slice)),
  };
}

/**
 * Makes this process hold every part of the period (its whole years and months) at its current
 * version, and the parties' sectors at the classes' current version, reading those it does not one
 * after the other and parsing the parts in slices, so that the period's matrix, rebuilt after a
 * write, reads only the parts the write moved; it ends early once `stopped`. Returns the parts read
 * from the tables, for the caller to store.
 */
export async function holdParts(
  db: Kysely<Database>,
  period: MatrixPeriod,
  stopped: () => boolean = () => false,
): Promise<Part[]> {
  const { years, months } = splitRange(period.from, period.to, true);
  const { parts, classVersion } = await partsOf(db, period.tenantId, years, months);
  if (!sectorsHeld(db, period.tenantId, classVersion)) {
    const read = await withWorkMem(db, (trx) => readSectors(trx, period.tenantId));
    holdSectors(db, period.tenantId, read.classVersion, read.sectors);
  }
  const current = new Set((await currentHeld(db, db, period.tenantId, parts)).parts.map(({ key }) => key));
  const newParts: Part[] = [];
  for (const key of parts.filter((part) => !current.has(part))) {
    if (stopped()) break;
    const { part, stored } = await withWorkMem(db, (trx) => readPart(trx, period.tenantId, key, true));
    // Parsed after the statement's transaction, in slices: requests go on meanwhile.
    hold(db, period.tenantId, key, part.version, await parsePart(part, true));
    if (!stored && part.version > 0) newParts.push(part);
  }
  return newParts;
}

/** How many parts are held for `db`, and their estimated bytes (tests, diagnostics). */
export const heldPartsOf = (db: Kysely<Database>) => parsedParts.held(db);

/**
 * The periods waiting for holdPartsLater, per database: their keys, the last of its runs (they
 * run one after the other), and whether it was stopped.
 */
interface HoldQueue {
  readonly waiting: Set<string>;
  last: Promise<void>;
  stopped: boolean;
}
const holdQueues = new WeakMap<Kysely<Database>, HoldQueue>();
const holding = new Set<Promise<void>>();

function queueOf(db: Kysely<Database>): HoldQueue {
  let queue = holdQueues.get(db);
  if (!queue) {
    queue = { waiting: new Set(), last: Promise.resolve(), stopped: false };
    holdQueues.set(db, queue);
  }
  return queue;
}

/** Resolves once no period waits for holdPartsLater, on any database. */
export async function partsHeldSettled(): Promise<void> {
  while (holding.size) await Promise.all(holding);
}

/** Drops the periods waiting for holdPartsLater on `db` and takes no more (at shutdown; the one being held ends). */
export function stopHoldingParts(db: Kysely<Database>): void {
  queueOf(db).stopped = true;
}

/**
 * Holds the period's parts (holdParts) in the background, outside any request, a period at a
 * time (parsed in slices, so requests are answered meanwhile): called after a matrix was
 * read from the store, so that when a write makes it stale, its rebuild (by a request or the
 * warmer) reads only the parts the write moved, as if this process had built it. Parts read from
 * the tables are stored. Failures go to `failed` (nothing is lost: the parts are read when needed).
 */
export function holdPartsLater(db: Kysely<Database>, period: MatrixPeriod, failed: (error: unknown) => void): void {
  const queue = queueOf(db);
  const id = `${period.tenantId}|${period.from ?? ''}..${period.to ?? ''}`;
  if (queue.stopped || queue.waiting.has(id)) return;
  queue.waiting.add(id);
  const held = queue.last.then(() =>
    outsideRequest(async () => {
      queue.waiting.delete(id);
      if (queue.stopped) return;
      await storeParts(db, period.tenantId, await holdParts(db, period, () => queue.stopped));
    }).catch(failed),
  );
  queue.last = held;
  holding.add(held);
  void held.finally(() => holding.delete(held));
}
