import { describe, expect, it } from 'vitest';
import { regencyOf, switchRegency } from './regency.ts';

describe('the regency in the URL', () => {
  it('reads a regency code, and nothing else', () => {
    expect(regencyOf('?wilayah=61.71&tahun=2024')).toBe('61.71');
    expect(regencyOf('?tahun=2024')).toBeNull();
    expect(regencyOf("?wilayah=61.71' OR 1=1")).toBeNull();
  });

  it('keeps the page and the filters when switching, but not what belongs to one regency', () => {
    expect(switchRegency('/efek-domino', '?tahun=2023&kategori=SNACKS,CATERING&jejaring=1&lang=en', '61.71')).toBe(
      '/efek-domino?tahun=2023&kategori=SNACKS,CATERING&jejaring=1&lang=en&wilayah=61.71',
    );
    // Agencies are a regency's own: the agency filter is dropped, an agency's page gives way to the list.
    expect(switchRegency('/skpd/QWdlbmN5OjE', '?tahun=2023&skpd=QWdlbmN5OjE&wilayah=61.12', '61.71')).toBe(
      '/skpd?tahun=2023&wilayah=61.71',
    );
    expect(switchRegency('/program/cetak', '?tahun=2023', '61.72')).toBe('/program/cetak?tahun=2023&wilayah=61.72');
    expect(switchRegency('/umkm/RW50ZXJwcmlzZToxMDA', '', '61.72')).toBe('/umkm?wilayah=61.72');
    expect(switchRegency('/pendataan/usaha/baru', '', '61.72')).toBe('/pendataan?wilayah=61.72');
  });
});
