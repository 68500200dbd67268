import { describe, expect, it } from 'vitest';
import { explainRowError } from '../import/bulk.ts';
import { decodeBundleFile } from '../import/decode.ts';
import { kbliProblem, nibProblem, nikGender, nikProblem } from '../import/identifiers.ts';
import { parseCsvFile } from '../import/parse.ts';
import { RowReader } from '../import/row.ts';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('reading a CSV file', () => {
  it('numbers each record by the physical line it starts on, across quoted line breaks, blank lines and CRLF', () => {
    const parsed = parseCsvFile('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,z\n\n  \n3,"p\n\nq"\n4,w');
    expect(parsed.header).toEqual(['a', 'b']);
    expect(parsed.records.filter((r) => r.values.some((v) => v.trim())).map((r) => [r.line, r.values])).toEqual([
      [2, ['1', 'x\ny']],
      [5, ['2', 'z']],
      [8, ['3', 'p\n\nq']],
      [11, ['4', 'w']],
    ]);
  });

  it('decodes UTF-8 (with or without a BOM) and reports the lines holding other encodings', () => {
    expect(decodeBundleFile(new TextEncoder().encode('\uFEFFnama\nKopi Café\n'))).toEqual({
      text: 'nama\nKopi Café\n',
      badLines: [],
    });
    expect(decodeBundleFile(latin1('nama\r\nKopi\r\nCaf\xe9\r\nTeh\rKu\xe9\n'))).toEqual({
      text: 'nama\nKopi\nCaf\uFFFD\nTeh\nKu\uFFFD\n',
      badLines: [3, 5],
    });
  });

  it('rejects only the records on badly encoded lines, naming the field', () => {
    const parsed = parseCsvFile(latin1('ref,name\nA,Kopi\nB,"Caf\xe9\nRasau"\nC,Teh\n'));
    expect([...parsed.problems.values()]).toEqual([
      {
        line: 3,
        column: 'name',
        reason: { id: expect.stringMatching(/bukan UTF-8/), en: expect.stringMatching(/invalid UTF-8/) },
      },
    ]);
    expect(parsed.records.map((r) => r.values[0])).toEqual(['A', 'B', 'C']);
  });

  it('refuses a file whose header is unreadable or missing', () => {
    expect(parseCsvFile(latin1('r\xe9f,name\nA,B\n')).headerBroken).toBe(true);
    expect(parseCsvFile('\n\n').problems.get('file')?.reason).toEqual({
      id: 'berkas kosong: berkas harus mempunyai baris judul kolom',
      en: 'the file is empty: it needs a header row',
    });
  });
});

describe('identifiers', () => {
  it('accepts a 13-digit NIB and explains anything else', () => {
    expect(nibProblem('9120001234567')).toBeNull();
    expect(nibProblem('912000123456')).toEqual({
      id: 'NIB harus tepat 13 angka, tertulis 12',
      en: 'NIB must be exactly 13 digits, got 12',
    });
    expect(nibProblem('9120 0012 3456')?.en).toMatch(/no spaces/);
  });

  it('accepts a KBLI code of an existing division only', () => {
    expect(kbliProblem('46311')).toBeNull();
    expect(kbliProblem('4631')?.en).toMatch(/5 digits/);
    expect(kbliProblem('04111')?.en).toMatch(/division 04 does not exist/);
  });

  it('checks a NIK: regency prefix, birth date with day + 40 for women, serial from 0001', () => {
    expect(nikProblem('6112015503850001')).toBeNull(); // a woman born 15-03-1985 in Kubu Raya
    expect(nikGender('6112015503850001')).toBe('F');
    expect(nikGender('6112031201800003')).toBe('M');
    expect(nikProblem('6171012902000001')).toBeNull(); // 29 February 2000, Pontianak
    expect(nikProblem('6112012902010001')?.en).toMatch(/birth date/); // 2001 has no 29 February
    expect(nikProblem('6112013502850001')?.en).toMatch(/birth date/); // day 35: neither a man's nor a woman's
    expect(nikProblem('6112011513850001')?.en).toMatch(/birth date/); // month 13
    expect(nikProblem('9912011503850001')?.en).toMatch(/regency code/);
    expect(nikProblem('6112011503850000')?.en).toMatch(/serial/);
    expect(nikProblem('611201150385')?.en).toMatch(/16 digits/);
  });
});

describe('reading values', () => {
  const reader = (values: Record<string, string>) =>
    new RowReader(new Map(Object.keys(values).map((k, i) => [k, i])), {
      line: 2,
      endLine: 2,
      values: Object.values(values),
    });

  it('reads whole rupiah and explains the usual ways of writing money wrongly', () => {
    const row = reader({ a: '1500000', b: 'Rp1.500.000', c: '1.500.000', d: '1500000.50', e: '-5000', f: '' });
    expect([row.money('a'), row.money('b'), row.money('c'), row.money('d'), row.money('e'), row.money('f')]).toEqual([
      1500000,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(row.issues.map((i) => [i.column, i.reason.en])).toEqual([
      ['b', expect.stringMatching(/digits only \(1500000, not Rp1\.500\.000\)/)],
      ['c', expect.stringMatching(/digits only/)],
      ['d', expect.stringMatching(/without decimals/)],
      ['e', 'e must not be negative'],
    ]);
    expect(row.issues.map((i) => i.reason.id)).toEqual([
      expect.stringMatching(/angka saja \(1500000, bukan Rp1\.500\.000\)/),
      expect.stringMatching(/angka saja/),
      expect.stringMatching(/tanpa desimal/),
      'e tidak boleh negatif',
    ]);
  });

  it('reads shares as fractions and catches percentages', () => {
    const row = reader({ a: '0.4', b: '1', c: '40', d: '40%', e: '.25' });
    expect([row.share('a'), row.share('b'), row.share('c'), row.share('d'), row.share('e')]).toEqual([
      0.4,
      1,
      null,
      null,
      0.25,
    ]);
    expect(row.issues.map((i) => i.reason)).toEqual([
      {
        id: 'c berupa pecahan, bukan persen: tulis 0.4 untuk 40 %',
        en: 'c is a fraction, not percent: write 0.4 for 40 %',
      },
      {
        id: 'd berupa pecahan, bukan persen: tulis 0.4 untuk 40%',
        en: 'd is a fraction, not percent: write 0.4 for 40%',
      },
    ]);
  });

  it('reads dates, months, booleans and enumerations strictly', () => {
    const row = reader({
      d: '2024-02-29',
      bad: '2023-02-29',
      m: '2024-06',
      m1: '2024-06-01',
      b: 'TRUE',
      e: 'MICRO',
      e2: 'Micro',
    });
    expect(row.date('d')).toBe('2024-02-29');
    expect(row.date('bad')).toBeNull();
    expect(row.month('m')).toBe('2024-06-01');
    expect(row.month('m1')).toBe('2024-06-01');
    expect(row.boolean('b')).toBe(true);
    expect(row.oneOf('e', ['MICRO', 'SMALL'])).toBe('MICRO');
    expect(row.oneOf('e2', ['MICRO', 'SMALL'])).toBeNull();
    expect(row.issues.map((i) => i.column)).toEqual(['bad', 'e2']);
  });
});

describe('database refusals', () => {
  it('explains data errors per row and lets other errors abort the import', () => {
    expect(explainRowError({ code: '23505', constraint: 'enterprise_nib_unique' })).toMatchObject({
      code: 'CONFLICT',
      field: 'nib',
    });
    expect(
      explainRowError({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: { en: expect.stringMatching(/invalid byte sequence/) },
    });
    expect(explainRowError({ code: '54000', message: 'index row size exceeds btree maximum' })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(explainRowError({ code: '08006', message: 'connection failure' })).toBeNull();
    expect(explainRowError(new Error('bug'))).toBeNull();
  });
});
