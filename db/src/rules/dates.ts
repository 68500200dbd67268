import { issue, type RuleIssue } from './failure.ts';

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * A date (YYYY-MM-DD) that is real and not after `today`; with `fiscalYear`, inside that year
 * (the regional fiscal year is the calendar year).
 */
export function checkDate(value: string, field: string, today: string, fiscalYear?: number | null): RuleIssue | null {
  if (!isIsoDate(value)) {
    return issue(
      'DATE_FORMAT',
      field,
      `tanggal harus berupa tanggal yang ada, ditulis TTTT-BB-HH (mis. 2025-03-31); tertulis "${value}"`,
      `must be a real date written YYYY-MM-DD (e.g. 2025-03-31); got "${value}"`,
    );
  }
  if (value > today) {
    return issue(
      'DATE_IN_FUTURE',
      field,
      `tanggal ${value} belum terjadi (hari ini ${today})`,
      `${value} is in the future (today is ${today})`,
    );
  }
  if (fiscalYear !== undefined && fiscalYear !== null && Number(value.slice(0, 4)) !== fiscalYear) {
    return issue(
      'DATE_OUTSIDE_FISCAL_YEAR',
      field,
      `tanggal ${value} di luar tahun anggaran program (${fiscalYear})`,
      `${value} is outside the program's fiscal year (${fiscalYear})`,
    );
  }
  return null;
}
