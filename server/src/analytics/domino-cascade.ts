import { type DominoMatrix, indexOf, NO_SECTOR } from './domino-matrix.ts';

export interface SectorAmountData {
  sector: string;
  amount: number;
}
export interface DominoRoundData {
  round: number;
  amount: number;
  parties: number;
  bySector: SectorAmountData[];
}
export interface DominoEffectData {
  injection: number;
  rounds: DominoRoundData[];
  multiplier: number | null;
  limitMultiplier: number | null;
  converged: boolean;
  iterations: number;
}

/** A round adding less than this fraction of R1 ends the limit iteration (docs/metrics.md). */
export const CONVERGENCE = 1e-9;
export const MAX_ITERATIONS = 1000;
export const MAX_ROUNDS = 20;

/** R1 of one local UMKM seller: what the scoped government buyers paid it. */
export interface InjectionRow {
  seller_id: number;
  amount: number;
  sector: string;
}

/**
 * docs/metrics.md "Re-spending rounds", on the injection and the period's matrix: round 1 is the
 * injection, round k+1 is x(k) · m; the limit iteration runs until a round adds less than
 * CONVERGENCE · R1 or MAX_ITERATIONS rounds were computed. Pure.
 */
export function cascade(x1: ReadonlyArray<InjectionRow>, matrix: DominoMatrix, rounds: number): DominoEffectData {
  const { rowStart, cols, coef } = matrix;
  const m = matrix.ids.length;
  // Sectors by code: the matrix's, then those of the injection met outside it.
  const names = [...matrix.sectorNames];
  const codeOf = (name: string) => {
    const at = names.indexOf(name);
    return at >= 0 ? at : names.push(name) - 1;
  };
  // Sellers of the injection outside the matrix receive in round 1 only: extra indices after it.
  const extra: number[] = [];
  const start: Array<[number, number]> = [];
  const injected = new Map<number, number>(); // index → sector code from the injection
  for (const row of x1) {
    let i = indexOf(matrix, Number(row.seller_id));
    if (i < 0) {
      i = m + extra.length;
      extra.push(codeOf(row.sector));
    } else {
      injected.set(i, codeOf(row.sector));
    }
    start.push([i, Number(row.amount)]);
  }
  const n = m + extra.length;
  const sectorAt = (i: number): number =>
    i >= m ? (extra[i - m] as number) : (injected.get(i) ?? (matrix.sectors[i] as number));
  let x = new Float64Array(n);
  let next = new Float64Array(n);
  for (const [i, amount] of start) x[i] = (x[i] as number) + amount;
  const r1 = start.reduce((sum, [, amount]) => sum + amount, 0);

  const describe = (round: number, v: Float64Array, amount: number): DominoRoundData => {
    const bySector = new Float64Array(names.length + 1); // the last: UNKNOWN
    let parties = 0;
    for (let i = 0; i < n; i++) {
      const value = v[i] as number;
      if (value > 0) {
        parties++;
        const code = sectorAt(i);
        const slot = code === NO_SECTOR ? names.length : code;
        bySector[slot] = (bySector[slot] as number) + value;
      }
    }
    const list: SectorAmountData[] = [];
    bySector.forEach((value, code) => {
      if (value > 0) list.push({ sector: names[code] ?? 'UNKNOWN', amount: value });
    });
    return { round, amount, parties, bySector: merge(list) };
  };

  const list: DominoRoundData[] = [describe(1, x, r1)];
  let sumRequested = r1;
  let sumAll = r1;
  let converged = r1 === 0;
  let iterations = 1;
  for (let k = 2; k <= Math.max(rounds, converged ? 0 : MAX_ITERATIONS); k++) {
    next.fill(0);
    for (let i = 0; i < m; i++) {
      const value = x[i] as number;
      if (value === 0) continue;
      for (let p = rowStart[i] as number, end = rowStart[i + 1] as number; p < end; p++) {
        const j = cols[p] as number;
        next[j] = (next[j] as number) + value * (coef[p] as number);
      }
    }
    let amount = 0;
    for (let j = 0; j < n; j++) amount += next[j] as number;
    [x, next] = [next, x];
    if (k <= rounds) {
      list.push(describe(k, x, amount));
      sumRequested += amount;
    }
    if (!converged) {
      sumAll += amount;
      iterations = k;
      if (amount < CONVERGENCE * r1) converged = true;
    }
    if (converged && k >= rounds) break;
  }
  return {
    injection: r1,
    rounds: list,
    multiplier: r1 === 0 ? null : sumRequested / r1,
    limitMultiplier: r1 === 0 || !converged ? null : sumAll / r1,
    converged,
    iterations,
  };
}

/** The round's sectors, one entry per name (a sector named "UNKNOWN" merges with the unknown), largest first. */
function merge(list: SectorAmountData[]): SectorAmountData[] {
  const byName = new Map<string, number>();
  for (const { sector, amount } of list) byName.set(sector, (byName.get(sector) ?? 0) + amount);
  return [...byName]
    .map(([sector, amount]) => ({ sector, amount }))
    .sort((a, b) => b.amount - a.amount || (a.sector < b.sector ? -1 : 1));
}
