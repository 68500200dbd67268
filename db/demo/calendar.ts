/*
 * The demo's calendar: 84 months from January 2019 to December 2025, indexed 0…83. Dates are
 * 'YYYY-MM-DD' strings built once and shared (millions of rows reuse a few thousand strings).
 */

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2025;
export const YEARS: readonly number[] = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
export const MONTHS = YEARS.length * 12;
/** A month index past the end: "never" for dormancy and closure dates. */
export const NEVER = 9999;

export const yearOf = (month: number): number => FIRST_YEAR + Math.floor(month / 12);
export const monthOfYear = (month: number): number => month % 12;
export const monthIndex = (year: number, month0: number): number => (year - FIRST_YEAR) * 12 + month0;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

interface MonthInfo {
  /** 'YYYY-MM-01', the snapshot period. */
  readonly period: string;
  /** Every day of the month as 'YYYY-MM-DD'. */
  readonly days: readonly string[];
  /** The weekdays (Monday-Friday) as 'YYYY-MM-DD': when offices buy. */
  readonly workdays: readonly string[];
}

const MONTH_INFO: readonly MonthInfo[] = Array.from({ length: MONTHS }, (_, m) => {
  const year = yearOf(m);
  const month0 = monthOfYear(m);
  const count = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  const days: string[] = [];
  const workdays: string[] = [];
  for (let d = 1; d <= count; d++) {
    const text = `${year}-${pad2(month0 + 1)}-${pad2(d)}`;
    days.push(text);
    const weekday = new Date(Date.UTC(year, month0, d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) workdays.push(text);
  }
  return { period: `${year}-${pad2(month0 + 1)}-01`, days, workdays };
});

export function monthInfo(month: number): MonthInfo {
  const info = MONTH_INFO[month];
  if (!info) throw new RangeError(`month index ${month} outside 2019-01…2025-12`);
  return info;
}

/** Every day from 2019-01-01 to 2025-12-31 as 'YYYY-MM-DD'; a day index points into it. */
export const DAYS: readonly string[] = MONTH_INFO.flatMap((m) => m.days);
/** The day index of the first day of each month index. */
export const MONTH_FIRST_DAY: readonly number[] = MONTH_INFO.map((_, i) =>
  MONTH_INFO.slice(0, i).reduce((sum, m) => sum + m.days.length, 0),
);

/** The month index of a day index. */
export function monthOfDay(day: number): number {
  let lo = 0;
  let hi = MONTHS - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((MONTH_FIRST_DAY[mid] as number) <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
