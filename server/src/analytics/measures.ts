import type { SummaryRow } from './facts.sql.ts';
import type { ResolvedTarget } from './targets.sql.ts';

/** numerator / denominator, or null when the denominator is 0 (never 0, never NaN). */
export function share(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * A target share (a decimal in the database, parsed to a double) as an exact fraction of
 * integers: the shortest decimal that round-trips to the double, which is the stored decimal for
 * any target of up to 15 significant digits.
 */
export function exactFraction(value: number): [bigint, bigint] {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new Error(`not a non-negative finite number: ${value}`);
  const [, whole = '', fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? [digits, 10n ** BigInt(scale)] : [digits * 10n ** BigInt(-scale), 1n];
}

/**
 * Exactly whether (numerator / denominator) / target ≥ percent / 100, in integers, so a share of
 * exactly 120 % of target grades A+ however the floating-point division rounds.
 */
export function reaches(numerator: number, denominator: number, target: number, percent: number): boolean {
  const [tn, td] = exactFraction(target);
  return BigInt(numerator) * td * 100n >= BigInt(percent) * tn * BigInt(denominator);
}

export type Grade = 'A_PLUS' | 'A' | 'B' | 'C' | 'D' | 'F';

/** SBA-style grade bands on achievement = share / target (docs/metrics.md "Agency scorecard"). */
export const GRADE_BANDS: ReadonlyArray<readonly [Grade, number]> = [
  ['A_PLUS', 120],
  ['A', 100],
  ['B', 90],
  ['C', 80],
  ['D', 70],
];

/** The grade of toLocalUmkm / total against target; null without a usable target or share. */
export function gradeOf(toLocalUmkm: number, total: number, target: number | null): Grade | null {
  if (target === null || target === 0 || total === 0) return null;
  for (const [grade, percent] of GRADE_BANDS) if (reaches(toLocalUmkm, total, target, percent)) return grade;
  return 'F';
}

/** The fields every spending measure reports, computed from a SUMMARY_COLUMNS row. */
export interface SpendSummaryData {
  total: number;
  transactionCount: number;
  toLocalUmkm: number;
  localUmkmShare: number | null;
  toUmk: number;
  umkShare: number | null;
  toLocal: number;
  localShare: number | null;
  sellersReached: number;
  target: number | null;
  umkTarget: number | null;
}

export const EMPTY_SUMMARY_ROW: SummaryRow = {
  total: 0,
  transaction_count: 0,
  to_local_umkm: 0,
  to_umk: 0,
  to_local: 0,
  sellers_reached: 0,
};

export function toSummary(
  row: SummaryRow | undefined,
  target: ResolvedTarget | null,
  umkTarget: ResolvedTarget | null,
): SpendSummaryData {
  const r = row ?? EMPTY_SUMMARY_ROW;
  const total = Number(r.total);
  const toLocalUmkm = Number(r.to_local_umkm);
  const toUmk = Number(r.to_umk);
  const toLocal = Number(r.to_local);
  return {
    total,
    transactionCount: Number(r.transaction_count),
    toLocalUmkm,
    localUmkmShare: share(toLocalUmkm, total),
    toUmk,
    umkShare: share(toUmk, total),
    toLocal,
    localShare: share(toLocal, total),
    sellersReached: Number(r.sellers_reached),
    target: target?.share ?? null,
    umkTarget: umkTarget?.share ?? null,
  };
}
