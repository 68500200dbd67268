import { describe, expect, it } from 'vitest';
import { toCsv } from '../components/csv.ts';
import { parseFilters, toSpendFilter, writeFilters } from './filters.ts';

describe('filters in the URL', () => {
  it.each([
    ['', { fiscalYear: 2024 }],
    ['?tahun=2022', { fiscalYear: 2022 }],
    ['?dari=2021-01-01&sampai=2021-06-30', { from: '2021-01-01', to: '2021-06-30' }],
    [
      '?tahun=2022&skpd=a,b&kategori=SNACKS,NOPE&jejaring=1',
      { fiscalYear: 2022, agencyIds: ['a', 'b'], categories: ['SNACKS'], includeNetwork: true },
    ],
    ['?tahun=abc', { fiscalYear: 2024 }],
  ])('reads %s as the API filter %j', (search, expected) => {
    expect(toSpendFilter(parseFilters(search), 2024)).toEqual(expected);
  });

  it('writes the filters back, keeping other parameters', () => {
    const f = parseFilters('?tahun=2022&skpd=a,b&jejaring=1');
    expect(writeFilters('?lang=en&aliran=AGENCY,CATEGORY', { ...f, year: 2023 })).toBe(
      '?lang=en&aliran=AGENCY,CATEGORY&tahun=2023&skpd=a,b&jejaring=1',
    );
  });

  it('a date range replaces the fiscal year', () => {
    const f = parseFilters('?tahun=2022');
    expect(writeFilters('?tahun=2022', { ...f, from: '2022-03-01', to: '2022-04-30' })).toBe(
      '?dari=2022-03-01&sampai=2022-04-30',
    );
  });
});

describe('CSV', () => {
  it('writes the raw API values, quoting where needed', () => {
    const rows = [{ name: 'Dinas "A", Kubu Raya', total: 1234567, share: 0.4531, target: null }];
    const csv = toCsv(rows, [
      { name: 'name', value: (r) => r.name },
      { name: 'total', value: (r) => r.total },
      { name: 'share', value: (r) => r.share },
      { name: 'target', value: (r) => r.target },
    ]);
    expect(csv).toBe('name,total,share,target\r\n"Dinas ""A"", Kubu Raya",1234567,0.4531,\r\n');
  });
});
