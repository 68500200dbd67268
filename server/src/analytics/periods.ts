import { dayAfter, dayBefore, firstDayOfYear, nextPeriod, yearOf } from './dates.ts';

/*
 * Calendar arithmetic for reading a day range from the rollups: which whole years, whole months
 * and leftover days a range covers. Days, months and years are ISO dates ('YYYY-MM-DD'); months and
 * years are named by their first day.
 */

const isFirstOfMonth = (day: string) => day.endsWith('-01');
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const isLastOfMonth = (day: string) => monthOf(dayAfter(day)) !== monthOf(day);

/** An inclusive range of whole periods; null ends are open. */
export interface PeriodRange {
  first: string | null;
  last: string | null;
}

/**
 * Splits an inclusive day range into whole calendar years (read from the yearly rollups, when
 * `years`), whole months (the monthly rollups) and the days before the first and after the last
 * whole month (the transactions). Months and years are named by their first day.
 */
export function splitRange(
  from: string | null,
  to: string | null,
  years = false,
): { years: PeriodRange | null; months: PeriodRange[]; days: Array<[string, string]> } {
  const first = from === null ? null : isFirstOfMonth(from) ? from : nextPeriod(monthOf(from), 'MONTH');
  const last = to === null ? null : isLastOfMonth(to) ? monthOf(to) : monthOf(dayBefore(monthOf(to)));
  if (first !== null && last !== null && first > last) {
    return { years: null, months: [], days: from !== null && to !== null ? [[from, to]] : [] };
  }
  const days: Array<[string, string]> = [];
  if (from !== null && first !== null && from < first) days.push([from, dayBefore(first)]);
  if (to !== null && last !== null && to >= nextPeriod(last, 'MONTH')) days.push([nextPeriod(last, 'MONTH'), to]);
  if (!years) return { years: null, months: [{ first, last }], days };
  const yFirst = first === null ? null : first.slice(5, 7) === '01' ? yearOf(first) : yearOf(first) + 1;
  const yLast = last === null ? null : last.slice(5, 7) === '12' ? yearOf(last) : yearOf(last) - 1;
  if (yFirst !== null && yLast !== null && yFirst > yLast) return { years: null, months: [{ first, last }], days };
  const months: PeriodRange[] = [];
  if (first !== null && yFirst !== null && first < firstDayOfYear(yFirst)) {
    months.push({ first, last: `${yFirst - 1}-12-01` });
  }
  if (last !== null && yLast !== null && last >= firstDayOfYear(yLast + 1)) {
    months.push({ first: firstDayOfYear(yLast + 1), last });
  }
  return {
    years: {
      first: yFirst === null ? null : firstDayOfYear(yFirst),
      last: yLast === null ? null : firstDayOfYear(yLast),
    },
    months,
    days,
  };
}
