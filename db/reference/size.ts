import type { SizeBasis, SizeClass } from '../src/database.ts';

const BILLION = 1_000_000_000;

/**
 * PP 7/2021 thresholds, in rupiah, each an inclusive upper bound: business capital excluding land
 * and buildings, and annual sales. Above the medium bound an enterprise is large.
 */
export const SIZE_THRESHOLDS = {
  MICRO: { capital: 1 * BILLION, revenue: 2 * BILLION },
  SMALL: { capital: 5 * BILLION, revenue: 15 * BILLION },
  MEDIUM: { capital: 10 * BILLION, revenue: 50 * BILLION },
} as const satisfies Record<Exclude<SizeClass, 'LARGE'>, { capital: number; revenue: number }>;

function classBy(value: number, key: 'capital' | 'revenue'): SizeClass {
  if (value <= SIZE_THRESHOLDS.MICRO[key]) return 'MICRO';
  if (value <= SIZE_THRESHOLDS.SMALL[key]) return 'SMALL';
  if (value <= SIZE_THRESHOLDS.MEDIUM[key]) return 'MEDIUM';
  return 'LARGE';
}

/**
 * The PP 7/2021 size class: from capital when it is known, else from annual revenue; null (unknown,
 * never guessed) when neither is. `basis` says which figure decided it.
 *
 * @example
 * classifySize(1_000_000_000, null)     // { sizeClass: 'MICRO', basis: 'CAPITAL' }
 * classifySize(null, 2_000_000_001)     // { sizeClass: 'SMALL', basis: 'REVENUE' }
 */
export function classifySize(
  capital: number | null | undefined,
  revenue: number | null | undefined,
): { sizeClass: SizeClass; basis: SizeBasis } | { sizeClass: null; basis: null } {
  for (const [value, name] of [
    [capital, 'capital'],
    [revenue, 'revenue'],
  ] as const) {
    if (value === null || value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`${name} must be a non-negative whole number of rupiah, got ${value}`);
    }
  }
  if (capital !== null && capital !== undefined) return { sizeClass: classBy(capital, 'capital'), basis: 'CAPITAL' };
  if (revenue !== null && revenue !== undefined) return { sizeClass: classBy(revenue, 'revenue'), basis: 'REVENUE' };
  return { sizeClass: null, basis: null };
}
