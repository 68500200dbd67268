/**
 * The calendar code the measures read the rollups by: every expected value below is worked out by
 * hand from the calendar (2024 is a leap year, 2023 is not), not from the functions under test.
 */
import { describe, expect, it } from 'vitest';
import {
  countPeriods,
  dayAfter,
  dayBefore,
  nextPeriod,
  periodStart,
  periodsBetween,
} from '../../src/analytics/dates.ts';
import { splitRange } from '../../src/analytics/periods.ts';

describe('day arithmetic', () => {
  it('steps over month, leap-day and year ends', () => {
    expect(dayAfter('2024-02-28')).toBe('2024-02-29');
    expect(dayAfter('2024-02-29')).toBe('2024-03-01');
    expect(dayAfter('2023-02-28')).toBe('2023-03-01');
    expect(dayAfter('2023-12-31')).toBe('2024-01-01');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2023-03-01')).toBe('2023-02-28');
    expect(dayBefore('2024-01-01')).toBe('2023-12-31');
  });

  it('names a period by its first day and steps to the next', () => {
    expect(periodStart('2024-08-17', 'MONTH')).toBe('2024-08-01');
    expect(periodStart('2024-08-17', 'QUARTER')).toBe('2024-07-01');
    expect(periodStart('2024-03-31', 'QUARTER')).toBe('2024-01-01');
    expect(periodStart('2024-08-17', 'YEAR')).toBe('2024-01-01');
    expect(nextPeriod('2024-12-01', 'MONTH')).toBe('2025-01-01');
    expect(nextPeriod('2024-10-01', 'QUARTER')).toBe('2025-01-01');
    expect(nextPeriod('2024-01-01', 'YEAR')).toBe('2025-01-01');
  });

  it('lists and counts the periods between two days, inclusive', () => {
    expect(periodsBetween('2023-11-20', '2024-02-03', 'MONTH')).toEqual([
      '2023-11-01',
      '2023-12-01',
      '2024-01-01',
      '2024-02-01',
    ]);
    expect(periodsBetween('2023-11-20', '2024-02-03', 'QUARTER')).toEqual(['2023-10-01', '2024-01-01']);
    expect(countPeriods('2023-11-20', '2024-02-03', 'MONTH')).toBe(4);
    expect(countPeriods('2023-11-20', '2024-02-03', 'QUARTER')).toBe(2);
    expect(countPeriods('2019-04-01', '2025-09-30', 'YEAR')).toBe(7);
    expect(countPeriods('2024-02-03', '2023-11-20', 'MONTH')).toBe(0);
  });
});

describe('splitRange: whole years, whole months and loose days of a range', () => {
  it('reads one calendar year as twelve months, or as one year when years are asked for', () => {
    expect(splitRange('2024-01-01', '2024-12-31')).toEqual({
      years: null,
      months: [{ first: '2024-01-01', last: '2024-12-01' }],
      days: [],
    });
    expect(splitRange('2024-01-01', '2024-12-31', true)).toEqual({
      years: { first: '2024-01-01', last: '2024-01-01' },
      months: [],
      days: [],
    });
  });

  it('leaves the partial months at both ends as loose days', () => {
    expect(splitRange('2024-01-15', '2024-03-10')).toEqual({
      years: null,
      months: [{ first: '2024-02-01', last: '2024-02-01' }],
      days: [
        ['2024-01-15', '2024-01-31'],
        ['2024-03-01', '2024-03-10'],
      ],
    });
  });

  it('reads a range inside one month from the transactions only', () => {
    expect(splitRange('2024-02-10', '2024-02-20', true)).toEqual({
      years: null,
      months: [],
      days: [['2024-02-10', '2024-02-20']],
    });
  });

  it('takes the last day of February as the end of a whole month in leap and common years', () => {
    expect(splitRange('2024-02-01', '2024-02-29')).toEqual({
      years: null,
      months: [{ first: '2024-02-01', last: '2024-02-01' }],
      days: [],
    });
    expect(splitRange('2023-02-01', '2023-02-28')).toEqual({
      years: null,
      months: [{ first: '2023-02-01', last: '2023-02-01' }],
      days: [],
    });
    // 2024-02-28 is not the last day of February 2024: the whole month cannot be read.
    expect(splitRange('2024-02-01', '2024-02-28')).toEqual({
      years: null,
      months: [],
      days: [['2024-02-01', '2024-02-28']],
    });
  });

  it('splits a multi-year range into head months, whole years, tail months and a loose head', () => {
    expect(splitRange('2022-03-15', '2024-02-29', true)).toEqual({
      years: { first: '2023-01-01', last: '2023-01-01' },
      months: [
        { first: '2022-04-01', last: '2022-12-01' },
        { first: '2024-01-01', last: '2024-02-01' },
      ],
      days: [['2022-03-15', '2022-03-31']],
    });
  });

  it('falls back to months when a range crosses a new year without a whole year inside', () => {
    expect(splitRange('2023-11-01', '2024-01-31', true)).toEqual({
      years: null,
      months: [{ first: '2023-11-01', last: '2024-01-01' }],
      days: [],
    });
  });

  it('keeps open ends open', () => {
    expect(splitRange(null, null)).toEqual({ years: null, months: [{ first: null, last: null }], days: [] });
    expect(splitRange(null, null, true)).toEqual({ years: { first: null, last: null }, months: [], days: [] });
    expect(splitRange(null, '2024-06-15', true)).toEqual({
      years: { first: null, last: '2023-01-01' },
      months: [{ first: '2024-01-01', last: '2024-05-01' }],
      days: [['2024-06-01', '2024-06-15']],
    });
    expect(splitRange('2024-06-15', null, true)).toEqual({
      years: { first: '2025-01-01', last: null },
      months: [{ first: '2024-07-01', last: '2024-12-01' }],
      days: [['2024-06-15', '2024-06-30']],
    });
  });
});
