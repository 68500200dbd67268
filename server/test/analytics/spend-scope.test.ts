/** Reading a SpendFilter without the database: the choices docs/metrics.md records, case by case. */
import { describe, expect, it } from 'vitest';
import { parseSpendFilter } from '../../src/analytics/spend-scope.ts';

// Global ids written out by hand: base64url of "Agency:7", "Agency:12" and "Vendor:7".
const AGENCY_7 = 'QWdlbmN5Ojc';
const AGENCY_12 = 'QWdlbmN5OjEy';
const VENDOR_7 = 'VmVuZG9yOjc';

const T = '00000000-0000-4000-8000-000000000001';

/** The extensions of the error `thunk` throws: code, field and the reason in Indonesian and English. */
function extensionsOf(thunk: () => unknown): { code?: string; field?: string; reason?: unknown } {
  try {
    thunk();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string; reason?: unknown } }).extensions ?? {};
  }
  throw new Error('expected an error');
}

/** The code and field of the error `thunk` throws. */
function fieldOf(thunk: () => unknown): unknown {
  const { code, field } = extensionsOf(thunk);
  return { code, field };
}

describe('parseSpendFilter', () => {
  it('reads no filter as every purchase, open at both ends, agencies only', () => {
    expect(parseSpendFilter(T, undefined)).toEqual({
      tenantId: T,
      from: null,
      to: null,
      fiscalYear: null,
      agencyIds: null,
      categories: null,
      accountPrefix: null,
      includeNetwork: false,
    });
  });

  it('reads a fiscal year as 1 January to 31 December', () => {
    const scope = parseSpendFilter(T, { fiscalYear: 2024 });
    expect([scope.from, scope.to, scope.fiscalYear]).toEqual(['2024-01-01', '2024-12-31', 2024]);
  });

  it('intersects a fiscal year with from/to', () => {
    const scope = parseSpendFilter(T, { fiscalYear: 2024, from: '2023-06-01', to: '2024-03-15' });
    expect([scope.from, scope.to, scope.fiscalYear]).toEqual(['2024-01-01', '2024-03-15', 2024]);
  });

  it('refuses a fiscal year that does not meet from/to, naming the field', () => {
    expect(fieldOf(() => parseSpendFilter(T, { fiscalYear: 2024, from: '2025-01-01' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
    expect(fieldOf(() => parseSpendFilter(T, { fiscalYear: 2024, to: '2023-12-31' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
  });

  it('gives a range inside one calendar year that year as its fiscal year, and none across years', () => {
    expect(parseSpendFilter(T, { from: '2024-02-01', to: '2024-05-31' }).fiscalYear).toBe(2024);
    expect(parseSpendFilter(T, { from: '2023-12-01', to: '2024-01-31' }).fiscalYear).toBeNull();
    expect(parseSpendFilter(T, { from: '2024-02-01' }).fiscalYear).toBeNull();
  });

  it('refuses from after to and years outside 2000-2100', () => {
    expect(extensionsOf(() => parseSpendFilter(T, { from: '2024-05-02', to: '2024-05-01' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'from',
      reason: {
        id: 'from (2024-05-02) lebih akhir dari to (2024-05-01)',
        en: 'from (2024-05-02) is after to (2024-05-01)',
      },
    });
    expect(fieldOf(() => parseSpendFilter(T, { fiscalYear: 1999 }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'fiscalYear',
    });
    expect(parseSpendFilter(T, { fiscalYear: 2100 }).fiscalYear).toBe(2100);
  });

  it('decodes agency ids once each and refuses other kinds of ids and empty lists', () => {
    expect(parseSpendFilter(T, { agencyIds: [AGENCY_12, AGENCY_7, AGENCY_12] }).agencyIds).toEqual([12, 7]);
    expect(fieldOf(() => parseSpendFilter(T, { agencyIds: [VENDOR_7] }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'agencyIds',
    });
    expect(fieldOf(() => parseSpendFilter(T, { agencyIds: [] }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'agencyIds',
    });
  });

  it('de-duplicates categories and refuses an empty list', () => {
    expect(parseSpendFilter(T, { categories: ['SNACKS', 'SNACKS', 'CATERING'] }).categories).toEqual([
      'SNACKS',
      'CATERING',
    ]);
    expect(fieldOf(() => parseSpendFilter(T, { categories: [] }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'categories',
    });
  });

  it('accepts account prefixes of digits and dots, trimmed, and refuses anything else', () => {
    expect(parseSpendFilter(T, { accountPrefix: ' 5.1.02 ' }).accountPrefix).toBe('5.1.02');
    expect(parseSpendFilter(T, { accountPrefix: '5.1.' }).accountPrefix).toBe('5.1.');
    for (const bad of ['', '5..1', '5.1%', 'a.1', '.5']) {
      expect(fieldOf(() => parseSpendFilter(T, { accountPrefix: bad }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'accountPrefix',
      });
    }
  });

  it('passes includeNetwork through', () => {
    expect(parseSpendFilter(T, { includeNetwork: true }).includeNetwork).toBe(true);
  });
});
