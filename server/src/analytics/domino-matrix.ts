/*
 * The re-spending coefficients of one period (docs/metrics.md "Re-spending rounds") as a sparse
 * matrix, how it is built from per-pair sums, and its binary form for the persisted store
 * (domino-store.sql.ts). Pure: no database here.
 */

/**
 * m[i][j] in compressed rows: row i lists the parties of L that i paid and the fraction of its
 * revenue each got. Parties are numbered in ascending id order (`ids` is sorted), so a party's
 * index is found by binary search.
 */
export interface DominoMatrix {
  /** Party id of each row/column index, ascending. */
  readonly ids: Float64Array;
  /** KBLI section of each party as an index into `sectorNames` (NO_SECTOR for pure buyers). */
  readonly sectors: Uint8Array;
  readonly sectorNames: readonly string[];
  readonly rowStart: Int32Array;
  readonly cols: Int32Array;
  readonly coef: Float64Array;
}

/** The sector code of a party that never receives in the matrix. */
export const NO_SECTOR = 255;

/** The index of party `id`, or -1 when it is not in the matrix. */
export function indexOf(matrix: DominoMatrix, id: number): number {
  const { ids } = matrix;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = ids[mid] as number;
    if (value === id) return mid;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** What the period's rollups give to build the matrix from (domino-matrix.sql.ts). */
export interface MatrixSource {
  /** Every party of the pairs, ascending, with rev[i] (0: none; docs/metrics.md) and KBLI section. */
  readonly parties: Float64Array;
  readonly revenue: Float64Array;
  readonly sector: ReadonlyArray<string | null>;
  /** One entry per (buyer, seller, amount); a pair may come more than once (months, days). */
  readonly buyers: Float64Array;
  readonly sellers: Float64Array;
  readonly amounts: Float64Array;
}

/** Party id → index in `ids` (ascending), -1 when absent: a dense table when the ids are small, else a Map. */
export function positions(ids: Float64Array): (id: number) => number {
  const max = ids.length ? (ids[ids.length - 1] as number) : 0;
  if (max <= 8 * ids.length + 1024) {
    const table = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < ids.length; i++) table[ids[i] as number] = i;
    return (id) => table[id] ?? -1;
  }
  const map = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) map.set(ids[i] as number, i);
  return (id) => map.get(id) ?? -1;
}

/**
 * m[i][j] = (Σ amount paid by i to j) / rev[i]: the amounts of a pair are summed first (whole
 * rupiah, exact), then divided once. A buyer without revenue has an empty row (m[i][j] = 0).
 */
export function buildMatrix(source: MatrixSource): DominoMatrix {
  const { parties: ids, revenue, buyers, sellers, amounts } = source;
  const count = buyers.length;
  const n = ids.length;
  const at = positions(ids);

  const names: string[] = [];
  const codes = new Map<string, number>();
  const sectors = new Uint8Array(n).fill(NO_SECTOR);
  for (let i = 0; i < n; i++) {
    const name = source.sector[i];
    if (name === null || name === undefined) continue;
    let code = codes.get(name);
    if (code === undefined) {
      code = names.length;
      if (code >= NO_SECTOR) throw new Error(`more than ${NO_SECTOR - 1} sectors`);
      codes.set(name, code);
      names.push(name);
    }
    sectors[i] = code;
  }

  // Rows by counting sort on the buyer, then each row's repeated sellers summed in place.
  const rowOf = new Int32Array(count);
  const colOf = new Int32Array(count);
  const counts = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) {
    const i = at(buyers[k] as number);
    const j = at(sellers[k] as number);
    if (i < 0 || j < 0) throw new Error(`pair ${buyers[k]} → ${sellers[k]} names a party outside the list`);
    rowOf[k] = i;
    colOf[k] = j;
    if ((revenue[i] as number) > 0) counts[i + 1] = (counts[i + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
  const fill = counts.slice(0, n);
  const rawCols = new Int32Array(counts[n] as number);
  const rawSums = new Float64Array(counts[n] as number);
  for (let k = 0; k < count; k++) {
    const i = rowOf[k] as number;
    if (!((revenue[i] as number) > 0)) continue;
    const p = fill[i] as number;
    rawCols[p] = colOf[k] as number;
    rawSums[p] = amounts[k] as number;
    fill[i] = p + 1;
  }
  const rowStart = new Int32Array(n + 1);
  const cols = new Int32Array(rawCols.length);
  const coef = new Float64Array(rawCols.length);
  const seen = new Int32Array(n).fill(-1); // where column j sits in `cols`, for the current row
  let out = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = out;
    const first = out;
    for (let p = counts[i] as number, end = counts[i + 1] as number; p < end; p++) {
      const j = rawCols[p] as number;
      const seenAt = seen[j] as number;
      if (seenAt >= first) {
        coef[seenAt] = (coef[seenAt] as number) + (rawSums[p] as number);
      } else {
        seen[j] = out;
        cols[out] = j;
        coef[out] = rawSums[p] as number;
        out++;
      }
    }
    const rev = revenue[i] as number;
    for (let p = first; p < out; p++) coef[p] = (coef[p] as number) / rev;
  }
  rowStart[n] = out;
  return { ids, sectors, sectorNames: names, rowStart, cols: cols.slice(0, out), coef: coef.slice(0, out) };
}

/** The binary layout's version: a stored matrix of another layout is rebuilt. */
const FORMAT = 1;
const HEADER = 16; // FORMAT, n, nnz, bytes of the sector names (uint32 each)
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** The matrix as bytes (little-endian, as the typed arrays lie in memory on x86 and ARM). */
export function encodeMatrix(matrix: DominoMatrix): Uint8Array {
  const n = matrix.ids.length;
  const nnz = matrix.cols.length;
  const names = new TextEncoder().encode(JSON.stringify(matrix.sectorNames));
  const at = layout(n, nnz, names.length);
  const bytes = new Uint8Array(at.end);
  new Uint32Array(bytes.buffer, 0, 4).set([FORMAT, n, nnz, names.length]);
  bytes.set(names, HEADER);
  new Float64Array(bytes.buffer, at.ids, n).set(matrix.ids);
  new Float64Array(bytes.buffer, at.coef, nnz).set(matrix.coef);
  new Int32Array(bytes.buffer, at.rowStart, n + 1).set(matrix.rowStart);
  new Int32Array(bytes.buffer, at.cols, nnz).set(matrix.cols);
  bytes.set(matrix.sectors, at.sectors);
  return bytes;
}

/** The matrix back from encodeMatrix's bytes; null when they are of another layout. */
export function decodeMatrix(stored: Uint8Array): DominoMatrix | null {
  if (stored.byteLength < HEADER) return null;
  // Typed arrays need aligned offsets: copy into a buffer of our own (one memcpy).
  const bytes = new Uint8Array(stored.byteLength);
  bytes.set(stored);
  const [format, n, nnz, namesLength] = new Uint32Array(bytes.buffer, 0, 4) as unknown as number[];
  if (format !== FORMAT || n === undefined || nnz === undefined || namesLength === undefined) return null;
  const at = layout(n, nnz, namesLength);
  if (at.end !== bytes.byteLength) return null;
  return {
    ids: new Float64Array(bytes.buffer, at.ids, n),
    sectors: new Uint8Array(bytes.buffer, at.sectors, n),
    sectorNames: JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER, HEADER + namesLength))) as string[],
    rowStart: new Int32Array(bytes.buffer, at.rowStart, n + 1),
    cols: new Int32Array(bytes.buffer, at.cols, nnz),
    coef: new Float64Array(bytes.buffer, at.coef, nnz),
  };
}

function layout(n: number, nnz: number, namesLength: number) {
  const ids = align8(HEADER + namesLength);
  const coef = ids + 8 * n;
  const rowStart = coef + 8 * nnz;
  const cols = rowStart + 4 * (n + 1);
  const sectors = cols + 4 * nnz;
  return { ids, coef, rowStart, cols, sectors, end: sectors + n };
}
