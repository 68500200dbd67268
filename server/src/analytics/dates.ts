/*
 * Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC so no time zone can shift a day. Periods
 * (month, quarter, year) are named by their first day.
 */

export type Interval = 'MONTH' | 'QUARTER' | 'YEAR';

function parts(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

function format(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
}

/** The first day of the period (of `interval`) that contains `day`. */
export function periodStart(day: string, interval: Interval): string {
  const [y, m] = parts(day);
  if (interval === 'YEAR') return format(y, 1, 1);
  if (interval === 'QUARTER') return format(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
  return format(y, m, 1);
}

/** The first day of the period after the one starting at `start`. */
export function nextPeriod(start: string, interval: Interval): string {
  const [y, m] = parts(start);
  const months = interval === 'YEAR' ? 12 : interval === 'QUARTER' ? 3 : 1;
  return format(y, m + months, 1);
}

/** The day before `day`. */
export function dayBefore(day: string): string {
  const [y, m, d] = parts(day);
  return format(y, m, d - 1);
}

/** The day after `day`. */
export function dayAfter(day: string): string {
  const [y, m, d] = parts(day);
  return format(y, m, d + 1);
}

/** Every period start from the period of `first` to the period of `last`, inclusive. */
export function periodsBetween(first: string, last: string, interval: Interval): string[] {
  const out: string[] = [];
  const end = periodStart(last, interval);
  for (let p = periodStart(first, interval); p <= end; p = nextPeriod(p, interval)) out.push(p);
  return out;
}

/** How many periods lie between the periods of `first` and `last`, inclusive (without listing them). */
export function countPeriods(first: string, last: string, interval: Interval): number {
  const [y1, m1] = parts(periodStart(first, interval));
  const [y2, m2] = parts(periodStart(last, interval));
  const months = (y2 - y1) * 12 + (m2 - m1);
  const per = interval === 'YEAR' ? 12 : interval === 'QUARTER' ? 3 : 1;
  return months < 0 ? 0 : months / per + 1;
}

export const yearOf = (day: string): number => Number(day.slice(0, 4));
export const firstDayOfYear = (year: number): string => `${String(year).padStart(4, '0')}-01-01`;
export const lastDayOfYear = (year: number): string => `${String(year).padStart(4, '0')}-12-31`;
