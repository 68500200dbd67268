import { type MatrixSource, positions } from './domino-matrix.ts';

/*
 * What the matrix statements (domino-matrix.sql.ts) answer, read into a MatrixSource. The rows of a
 * period come as a few texts of numbers and words separated by single spaces (string_agg), which
 * Node reads far faster than as rows: at scale 100 the whole recorded period has 728,455 pair
 * rows and 587,124 yearly flows. Pure: no database here.
 */

/** What the statements answer, read (readPairs, readFlows, readSnapshots): a matrix's source once summed. */
export interface MatrixReads {
  /** The period's pairs between parties of L (a pair repeated over months and days), read. */
  readonly pairs: PairsRead;
  /** What parties of L received and paid, a party repeated over reads (years, months and days). */
  readonly flows: readonly FlowsRead[];
  /** The snapshots' revenue over the months of the period, an enterprise repeated over reads. */
  readonly snapshots: readonly SnapshotsRead[];
  /** [sector, "party party ..."]: the KBLI section of every classified party. */
  readonly sectors: ReadonlyArray<readonly [string, string]>;
}

/**
 * Reads a text of tokens separated by single spaces: whole numbers, parsed digit by digit (those
 * of more than 15 digits by Number, which rounds as the parsing of a row would).
 */
class Tokens {
  readonly count: number;
  private at = 0;

  constructor(private readonly text: string) {
    let spaces = 0;
    for (let p = text.indexOf(' '); p >= 0; p = text.indexOf(' ', p + 1)) spaces++;
    this.count = text.length === 0 ? 0 : spaces + 1;
  }

  number(): number {
    const { text } = this;
    const start = this.at;
    let p = start;
    const negative = text.charCodeAt(p) === 45; // '-'
    if (negative) p++;
    let value = 0;
    for (let c = text.charCodeAt(p); c >= 48 && c <= 57; c = text.charCodeAt(++p)) value = value * 10 + (c - 48);
    if (p === start + (negative ? 1 : 0) || (p < text.length && text.charCodeAt(p) !== 32)) {
      throw new Error(`not a whole number at ${start}: ${text.slice(start, start + 20)}`);
    }
    if (p - start > 15) value = Math.abs(Number(text.slice(start, p)));
    this.at = p + 1;
    return negative ? -value : value;
  }
}

/** The distinct values of two lists, ascending. */
function distinctAscending(a: Float64Array, b: Float64Array): Float64Array {
  let max = 0;
  let min = 0;
  for (const list of [a, b]) {
    for (let k = 0; k < list.length; k++) {
      const v = list[k] as number;
      if (v > max) max = v;
      if (v < min) min = v;
    }
  }
  const count = a.length + b.length;
  if (min >= 0 && Number.isInteger(max) && max <= 8 * count + 1024) {
    const seen = new Uint8Array(max + 1);
    let n = 0;
    for (const list of [a, b]) {
      for (let k = 0; k < list.length; k++) {
        const v = list[k] as number;
        if (seen[v] === 0) n++;
        seen[v] = 1;
      }
    }
    const out = new Float64Array(n);
    for (let v = 0, i = 0; v <= max; v++) if (seen[v] === 1) out[i++] = v;
    return out;
  }
  const all = new Float64Array(count);
  all.set(a);
  all.set(b, a.length);
  all.sort();
  let n = 0;
  for (let k = 0; k < count; k++) if (k === 0 || all[k] !== all[k - 1]) all[n++] = all[k] as number;
  return all.slice(0, n);
}

/** The pairs of a period read, and its parties: the first part of a matrix's source. */
export interface PairsRead {
  readonly buyers: Float64Array;
  readonly sellers: Float64Array;
  readonly amounts: Float64Array;
  /** Every party of the pairs, ascending. */
  readonly parties: Float64Array;
}

/** The records a reader parses between two pauses, when it pauses (readInSlices). */
const SLICE = 16_384;

/** Runs a reader's steps to the end at once. */
function readAtOnce<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a reader's steps, giving the event loop a turn between two (SLICE records each): for
 * reading in the background without holding requests up for the whole text.
 */
export async function readInSlices<T>(read: (slice: number) => Generator<void, T>): Promise<T> {
  const steps = read(SLICE);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/*
 * The three readers below are written out each: one generic loop over a record's columns parsed
 * about 1.5 times slower (measured on a year's part at scale 100).
 */

/** Reads the pairs' text (`buyer seller amount` repeated), pausing after every `slice` pairs. */
export function* pairsReader(text: string, slice = Number.POSITIVE_INFINITY): Generator<void, PairsRead> {
  const pairs = new Tokens(text);
  const count = pairs.count / 3;
  const buyers = new Float64Array(count);
  const sellers = new Float64Array(count);
  const amounts = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    buyers[k] = pairs.number();
    sellers[k] = pairs.number();
    amounts[k] = pairs.number();
    if ((k + 1) % slice === 0) yield;
  }
  return { buyers, sellers, amounts, parties: distinctAscending(buyers, sellers) };
}

/** Reads the pairs' text at once; done while the other texts are still being read. */
export const readPairs = (text: string): PairsRead => readAtOnce(pairsReader(text));

/** Reads of pairs as one (a pair in several comes several times: buildMatrix sums it). */
export function joinPairs(reads: readonly PairsRead[]): PairsRead {
  const some = reads.filter((read) => read.buyers.length > 0);
  if (some.length <= 1) return some[0] ?? readPairs('');
  const all = (pick: (read: PairsRead) => Float64Array) => {
    const out = new Float64Array(some.reduce((n, read) => n + pick(read).length, 0));
    let at = 0;
    for (const read of some) {
      out.set(pick(read), at);
      at += pick(read).length;
    }
    return out;
  };
  return {
    buyers: all((read) => read.buyers),
    sellers: all((read) => read.sellers),
    amounts: all((read) => read.amounts),
    parties: distinctAscending(
      all((read) => read.parties),
      new Float64Array(0),
    ),
  };
}

/** What parties of L received and paid, read from a text of `party received paid` repeated. */
export interface FlowsRead {
  readonly parties: Float64Array;
  readonly received: Float64Array;
  readonly paid: Float64Array;
}

/** Reads the flows' text, pausing after every `slice` flows. */
export function* flowsReader(text: string, slice = Number.POSITIVE_INFINITY): Generator<void, FlowsRead> {
  const flows = new Tokens(text);
  const count = flows.count / 3;
  const parties = new Float64Array(count);
  const received = new Float64Array(count);
  const paid = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    parties[k] = flows.number();
    received[k] = flows.number();
    paid[k] = flows.number();
    if ((k + 1) % slice === 0) yield;
  }
  return { parties, received, paid };
}

export const readFlows = (text: string): FlowsRead => readAtOnce(flowsReader(text));

/** The snapshots' revenue per enterprise, read from a text of `enterprise revenue` repeated. */
export interface SnapshotsRead {
  readonly enterprises: Float64Array;
  readonly revenue: Float64Array;
}

/** Reads the snapshots' text, pausing after every `slice` snapshots. */
export function* snapshotsReader(text: string, slice = Number.POSITIVE_INFINITY): Generator<void, SnapshotsRead> {
  const snapshots = new Tokens(text);
  const count = snapshots.count / 2;
  const enterprises = new Float64Array(count);
  const revenue = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    enterprises[k] = snapshots.number();
    revenue[k] = snapshots.number();
    if ((k + 1) % slice === 0) yield;
  }
  return { enterprises, revenue };
}

export const readSnapshots = (text: string): SnapshotsRead => readAtOnce(snapshotsReader(text));

/**
 * The matrix's source: every party of the pairs, ascending, with rev = max(received, snapshots,
 * paid) summed over the period (docs/metrics.md) and its sector. Flows and snapshots of parties in
 * no pair are skipped; a party of the pairs without a class is an error.
 */
export function matrixSource(reads: MatrixReads): MatrixSource {
  const { buyers, sellers, amounts, parties } = reads.pairs;
  const n = parties.length;
  const at = positions(parties);
  const received = new Float64Array(n);
  const paid = new Float64Array(n);
  for (const flows of reads.flows) {
    for (let k = 0; k < flows.parties.length; k++) {
      const i = at(flows.parties[k] as number);
      if (i < 0) continue;
      received[i] = (received[i] as number) + (flows.received[k] as number);
      paid[i] = (paid[i] as number) + (flows.paid[k] as number);
    }
  }
  const snapshot = new Float64Array(n);
  for (const snapshots of reads.snapshots) {
    for (let k = 0; k < snapshots.enterprises.length; k++) {
      const i = at(snapshots.enterprises[k] as number);
      if (i >= 0) snapshot[i] = (snapshot[i] as number) + (snapshots.revenue[k] as number);
    }
  }
  const revenue = new Float64Array(n);
  for (let i = 0; i < n; i++) revenue[i] = Math.max(received[i] as number, paid[i] as number, snapshot[i] as number);
  const sector: Array<string | null> = new Array(n).fill(null);
  for (const [name, list] of reads.sectors) {
    const ids = new Tokens(list);
    for (let k = ids.count; k > 0; k--) {
      const i = at(ids.number());
      if (i >= 0) sector[i] = name;
    }
  }
  const unclassified = sector.indexOf(null);
  if (unclassified >= 0) throw new Error(`party ${parties[unclassified]} of a pair has no class`);
  return { parties, revenue, sector, buyers, sellers, amounts };
}
