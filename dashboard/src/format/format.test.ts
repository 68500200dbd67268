import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMonth,
  formatMonthShort,
  formatMultiplier,
  formatNumber,
  formatPercent,
  formatQuarter,
  formatRupiahFull,
  formatRupiahShort,
  type Locale,
} from './format.ts';

describe('formatRupiahShort', () => {
  it.each<[number | null, Locale, string]>([
    [1_234_000_000, 'id', 'Rp 1,2 M'],
    [1_234_000_000, 'en', 'Rp 1.2 B'],
    [350_000_000, 'id', 'Rp 350 jt'],
    [350_000_000, 'en', 'Rp 350 M'],
    [12_500, 'id', 'Rp 12,5 rb'],
    [12_500, 'en', 'Rp 12.5 K'],
    [2_000_000_000, 'id', 'Rp 2 M'],
    [45_670_000_000, 'id', 'Rp 45,7 M'],
    [123_456_789_012, 'id', 'Rp 123 M'],
    [3_400_000_000_000, 'id', 'Rp 3,4 T'],
    [999_960_000, 'id', 'Rp 1 M'],
    [999_960_000, 'en', 'Rp 1 B'],
    [999_600, 'id', 'Rp 1 jt'],
    [950, 'id', 'Rp 950'],
    [0, 'id', 'Rp 0'],
    [-1_500_000, 'id', '-Rp 1,5 jt'],
    [null, 'id', '–'],
  ])('shows %s in %s as %s', (value, locale, expected) => {
    expect(formatRupiahShort(value, locale)).toBe(expected);
  });
});

describe('formatRupiahFull', () => {
  it.each<[number | null, Locale, string]>([
    [1_234_567, 'id', 'Rp1.234.567'],
    [1_234_567, 'en', 'Rp1,234,567'],
    [0, 'id', 'Rp0'],
    [999, 'id', 'Rp999'],
    [-2_500, 'id', '-Rp2.500'],
    [null, 'en', '–'],
  ])('shows %s in %s as %s', (value, locale, expected) => {
    expect(formatRupiahFull(value, locale)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each<[number | null, Locale, string]>([
    [0.453, 'id', '45,3 %'],
    [0.453, 'en', '45.3%'],
    [0.4, 'id', '40,0 %'],
    [1.2, 'id', '120,0 %'],
    [0, 'en', '0.0%'],
    [null, 'id', '–'],
  ])('shows %s in %s as %s', (value, locale, expected) => {
    expect(formatPercent(value, locale)).toBe(expected);
  });
});

describe('formatNumber and formatMultiplier', () => {
  it.each<[() => string, string]>([
    [() => formatNumber(1_234, 'id'), '1.234'],
    [() => formatNumber(1_234, 'en'), '1,234'],
    [() => formatNumber(1.25, 'id', 2), '1,25'],
    [() => formatMultiplier(1.3, 'id'), '1,30×'],
    [() => formatMultiplier(1.3, 'en'), '1.30×'],
    [() => formatMultiplier(null, 'en'), '–'],
  ])('%#: formats as %s', (run, expected) => {
    expect(run()).toBe(expected);
  });
});

describe('dates', () => {
  it.each<[() => string, string]>([
    [() => formatMonth('2021-01-01', 'id'), 'Januari 2021'],
    [() => formatMonth('2021-01', 'en'), 'January 2021'],
    [() => formatMonth('2024-08-01', 'id'), 'Agustus 2024'],
    [() => formatMonthShort('2024-08-01', 'id'), 'Agu 2024'],
    [() => formatMonthShort('2024-08-01', 'en'), 'Aug 2024'],
    [() => formatDate('2021-03-05', 'id'), '5 Maret 2021'],
    [() => formatDate('2021-03-05', 'en'), '5 March 2021'],
    [() => formatQuarter('2021-04-01', 'id'), 'Triwulan II 2021'],
    [() => formatQuarter('2021-10-01', 'en'), 'Q4 2021'],
    [() => formatMonth(null, 'id'), '–'],
  ])('%#: formats as %s', (run, expected) => {
    expect(run()).toBe(expected);
  });
});
