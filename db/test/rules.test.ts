import { describe, expect, it } from 'vitest';
import {
  checkEnterprise,
  checkKbli,
  checkKdSatker,
  checkNib,
  checkNik,
  checkNpwp,
  checkRegionCode,
  checkRupiah,
  checkTransaction,
  decideSizeClass,
  luhnCheckDigit,
  nikBirthDate,
  npwpSearchForm,
  parseRupiahText,
  type RuleContext,
  todayIn,
} from '../src/rules/index.ts';

/*
 * The shared validation rules with hand-made examples. The region lookup is injected: this test
 * knows Kalimantan Barat (61), Kubu Raya (61.12), its district Batu Ampar (61.12.01) and one village.
 */
const REGIONS = new Set(['61', '61.12', '61.12.01', '61.12.01.2001', '61.71']);
const ctx: RuleContext = { today: '2026-12-04', regionExists: (code) => REGIONS.has(code) };
const unknownRegions: RuleContext = { today: '2026-12-04', regionExists: () => null };

const B = 1_000_000_000;

describe('NIB', () => {
  it('accepts 13 digits, with separators removed', () => {
    expect(checkNib('9120001234567')).toEqual({ value: '9120001234567', failure: null });
    expect(checkNib('9120 0012 34567').value).toBe('9120001234567');
  });
  it.each([
    ['912000123456', 'NIB_LENGTH'],
    ['91200012345678', 'NIB_LENGTH'],
    ['91200O1234567', 'NIB_FORMAT'],
  ])('refuses %s (%s) naming the field in both languages', (value, code) => {
    const { failure } = checkNib(value);
    expect(failure).toMatchObject({ code, field: 'nib' });
    expect(failure?.reason.id).toMatch(/NIB/);
    expect(failure?.reason.en).toMatch(/NIB/);
  });
});

describe('NIK', () => {
  it.each([
    // 6112 Kubu Raya, district 01, born 17-08-(19)85, a man, serial 0001
    ['6112011708850001', '1985-08-17', 'M'],
    // the same day for a woman: 17 + 40 = 57
    ['6112015708850002', '1985-08-17', 'F'],
    // 29 February 2004 (a leap year); for a woman 29 + 40 = 69
    ['6112012902040001', '2004-02-29', 'M'],
    ['6112016902040001', '2004-02-29', 'F'],
    // 31 + 40 = 71 is the largest day of a woman
    ['6112017101900001', '1990-01-31', 'F'],
    // no century in a NIK: 31-12-26 would be after today (2026-12-04), so it is 1926
    ['6112013112260001', '1926-12-31', 'M'],
    // 04-12-26 is today: 2026
    ['6112010412260001', '2026-12-04', 'M'],
  ])('accepts %s: born %s, gender %s', (nik, date, gender) => {
    expect(checkNik(nik, 'ownerNik', ctx)).toEqual({ value: nik, failure: null });
    expect(nikBirthDate(nik, ctx.today)).toEqual({ date, gender });
  });

  it.each([
    ['611201170885000', 'NIK_LENGTH'],
    ['6112-0117-0885-00x1', 'NIK_FORMAT'],
    ['9912011708850001', 'NIK_REGION'], // 99.12 is no regency
    ['6199011708850001', 'NIK_REGION'], // 61.99 neither
    ['6112013208850001', 'NIK_BIRTH_DATE'], // day 32 (neither a man's day nor 40 + a woman's)
    ['6112010008850001', 'NIK_BIRTH_DATE'], // day 00
    ['6112014008850001', 'NIK_BIRTH_DATE'], // day 40 = a woman's day 0
    ['6112017208850001', 'NIK_BIRTH_DATE'], // day 72 = a woman's 32
    ['6112011713850001', 'NIK_BIRTH_DATE'], // month 13
    ['6112013104850001', 'NIK_BIRTH_DATE'], // 31 April
    ['6112012902010001', 'NIK_BIRTH_DATE'], // 29 February 2001 and 1901: not leap years
    ['6112011708850000', 'NIK_SERIAL'],
  ])('refuses %s (%s) without repeating it', (nik, code) => {
    const { failure } = checkNik(nik, 'ownerNik', ctx);
    expect(failure).toMatchObject({ code, field: 'ownerNik' });
    expect(`${failure?.reason.id} ${failure?.reason.en}`).not.toContain(nik.slice(4, 12));
  });

  it('skips the region prefix when the lookup cannot tell (the browser), and still checks the date', () => {
    expect(checkNik('9912011708850001', 'ownerNik', unknownRegions).failure).toBeNull();
    expect(checkNik('9912013208850001', 'ownerNik', unknownRegions).failure?.code).toBe('NIK_BIRTH_DATE');
  });
});

describe('NPWP', () => {
  /*
   * Check digits by hand (Luhn over the first eight digits; from the right, the 1st, 3rd, 5th and
   * 7th digit are doubled, 9 subtracted above 9):
   *   01855081: digits from the right 1 8 0 5 5 8 1 0 → doubled 1→2, 0→0, 5→10→1, 1→2 = 5;
   *             kept 8+5+8+0 = 21; sum 26 → check (10 - 6) = 4  → 01.855.081.4-412.000
   *   12345678: from the right 8 7 6 5 4 3 2 1 → doubled 8→16→7, 6→12→3, 4→8, 2→4 = 22;
   *             kept 7+5+3+1 = 16; sum 38 → check (10 - 8) = 2  → 12.345.678.2-901.000
   *   09876543: from the right 3 4 5 6 7 8 9 0 → doubled 3→6, 5→10→1, 7→14→5, 9→18→9 = 21;
   *             kept 4+6+8+0 = 18; sum 39 → check (10 - 9) = 1  → 09.876.543.1-123.000
   *   00000000: every digit 0 → sum 0 → check 0
   */
  it.each([
    ['01855081', 4],
    ['12345678', 2],
    ['09876543', 1],
    ['00000000', 0],
  ])('the check digit of %s is %d', (payload, digit) => {
    expect(luhnCheckDigit(payload)).toBe(digit);
  });

  it.each([
    ['01.855.081.4-412.000', '0018550814412000'],
    ['018550814412000', '0018550814412000'],
    ['12.345.678.2-901.000', '0123456782901000'],
    ['09.876.543.1-123.000', '0098765431123000'],
    // the 16-digit form: 0 + the 15 digits
    ['0018550814412000', '0018550814412000'],
    // the 16-digit form of an individual: the NIK
    ['6112011708850001', '6112011708850001'],
  ])('accepts %s, stored as %s', (value, stored) => {
    expect(checkNpwp(value, 'npwp', ctx)).toEqual({ value: stored, failure: null });
  });

  it.each([
    ['01.855.081.5-412.000', 'NPWP_CHECK_DIGIT'], // 5 instead of 4
    ['123456783901000', 'NPWP_CHECK_DIGIT'], // 3 instead of 2
    ['0123456783901000', 'NPWP_CHECK_DIGIT'], // the same in the 16-digit form
    ['6112013208850001', 'NPWP_NIK'], // 16 digits, no leading 0, and no valid NIK (day 32)
    ['01855081441200', 'NPWP_LENGTH'],
    ['01.855.081.4/412.000', 'NPWP_FORMAT'],
  ])('refuses %s (%s)', (value, code) => {
    expect(checkNpwp(value, 'npwp', ctx).failure).toMatchObject({ code, field: 'npwp' });
  });

  it('finds both forms by the same 16-digit key', () => {
    expect(npwpSearchForm('01.855.081.4-412.000')).toBe('0018550814412000');
    expect(npwpSearchForm('0018550814412000')).toBe('0018550814412000');
    expect(npwpSearchForm('Keripik')).toBeNull();
  });
});

describe('KBLI and regions', () => {
  it('accepts a KBLI code of an existing division', () => {
    expect(checkKbli('10794').value).toBe('10794'); // 10: manufacturing of food
    expect(checkKbli('47111').value).toBe('47111'); // 47: retail
  });
  it.each([
    ['04111', 'KBLI_DIVISION'], // division 04 does not exist (A is 01-03, B 05-09)
    ['34000', 'KBLI_DIVISION'], // nor 34 (C ends at 33, D is 35)
    ['1079', 'KBLI_LENGTH'],
  ])('refuses %s (%s)', (value, code) => {
    expect(checkKbli(value).failure?.code).toBe(code);
  });
  it('accepts existing region codes of every level and refuses unknown or malformed ones', () => {
    for (const code of ['61', '61.12', '61.12.01', '61.12.01.2001']) {
      expect(checkRegionCode(code, 'regionCode', ctx).failure).toBeNull();
    }
    expect(checkRegionCode('61.12.02', 'regionCode', ctx).failure?.code).toBe('REGION_UNKNOWN');
    expect(checkRegionCode('6112', 'regionCode', ctx).failure?.code).toBe('REGION_FORMAT');
    expect(checkRegionCode('61.12.02', 'regionCode', unknownRegions).failure).toBeNull();
  });
});

describe('work unit code (kd_satker)', () => {
  it('accepts an LKPP work unit code, trimmed, and refuses a blank, spaced or overlong one', () => {
    expect(checkKdSatker(' 201901 ').value).toBe('201901');
    expect(checkKdSatker('').failure?.code).toBe('KD_SATKER_FORMAT');
    expect(checkKdSatker('2019 01').failure?.code).toBe('KD_SATKER_FORMAT');
    expect(checkKdSatker('1'.repeat(65)).failure?.code).toBe('KD_SATKER_FORMAT');
  });
});

describe('amounts', () => {
  it('a purchase is positive whole rupiah; capital may be zero', () => {
    expect(checkRupiah(1_500_000, 'amount', { positive: true })).toBeNull();
    expect(checkRupiah(0, 'amount', { positive: true })?.code).toBe('RUPIAH_POSITIVE');
    expect(checkRupiah(-5, 'amount', { positive: true })?.code).toBe('RUPIAH_POSITIVE');
    expect(checkRupiah(1500.5, 'amount', { positive: true })?.code).toBe('RUPIAH_WHOLE');
    expect(checkRupiah(2 ** 53, 'amount', { positive: true })?.code).toBe('RUPIAH_TOO_LARGE');
    expect(checkRupiah(0, 'capital', { positive: false })).toBeNull();
    expect(checkRupiah(-1, 'capital', { positive: false })?.code).toBe('RUPIAH_NEGATIVE');
  });
  it('reads amounts as typed in a form', () => {
    expect(parseRupiahText('1500000', 'amount').value).toBe(1_500_000);
    expect(parseRupiahText('Rp1.500.000', 'amount').value).toBe(1_500_000);
    expect(parseRupiahText('Rp 250.000', 'amount').value).toBe(250_000);
    expect(parseRupiahText('1.500,50', 'amount').failure?.code).toBe('RUPIAH_FORMAT');
    expect(parseRupiahText('1.50', 'amount').failure?.code).toBe('RUPIAH_FORMAT');
    expect(parseRupiahText('-100', 'amount').failure?.code).toBe('RUPIAH_NEGATIVE');
    expect(parseRupiahText(' ', 'amount')).toEqual({ value: null, failure: null });
  });
});

describe('size class (PP 7/2021)', () => {
  it('derives it from capital when given, else from sales', () => {
    expect(decideSizeClass(null, 1 * B, null)).toEqual({ sizeClass: 'MICRO', basis: 'CAPITAL', warning: null });
    expect(decideSizeClass(null, 5 * B, 60 * B)).toEqual({ sizeClass: 'SMALL', basis: 'CAPITAL', warning: null });
    expect(decideSizeClass(null, null, 2 * B + 1)).toEqual({ sizeClass: 'SMALL', basis: 'REVENUE', warning: null });
    expect(decideSizeClass('MEDIUM', null, 50 * B)).toEqual({ sizeClass: 'MEDIUM', basis: 'REVENUE', warning: null });
  });
  it('keeps a class given without figures', () => {
    expect(decideSizeClass('SMALL', null, null)).toEqual({ sizeClass: 'SMALL', basis: null, warning: null });
  });
  it('stores the derived class and warns when the given one contradicts it', () => {
    const decision = decideSizeClass('SMALL', 1 * B, null);
    expect(decision.sizeClass).toBe('MICRO');
    expect(decision.warning).toMatchObject({ code: 'SIZE_CLASS_CONTRADICTS', field: 'sizeClass' });
    expect(decision.warning?.reason.id).toContain('Mikro');
    expect(decision.warning?.reason.en).toContain('Micro');
  });
});

describe('checkEnterprise', () => {
  const valid = {
    name: '  Keripik Pisang Bu Sari ',
    regionCode: '61.12.01.2001',
    nib: '9120001234567',
    npwp: '01.855.081.4-412.000',
    kbliCode: '10794',
    ownerNik: '6112015708850002',
    capital: 50_000_000,
    sizeClass: 'MICRO' as const,
    registeredOn: '2026-11-30',
  };
  it('normalises a valid enterprise: trimmed name, NPWP in 16 digits, size from capital, gender from the NIK', () => {
    const result = checkEnterprise(valid, ctx);
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.value).toMatchObject({
      name: 'Keripik Pisang Bu Sari',
      npwp: '0018550814412000',
      sizeClass: 'MICRO',
      sizeBasis: 'CAPITAL',
      ownerGender: 'F',
    });
  });
  it('collects every failure at once', () => {
    const result = checkEnterprise(
      { ...valid, name: ' ', nib: '123', kbliCode: '04111', ownerGender: 'M', capital: -1, registeredOn: '2027-01-01' },
      ctx,
    );
    expect(result.failures.map((f) => [f.field, f.code])).toEqual([
      ['name', 'REQUIRED'],
      ['nib', 'NIB_LENGTH'],
      ['kbliCode', 'KBLI_DIVISION'],
      ['ownerGender', 'GENDER_NIK'],
      ['capital', 'RUPIAH_NEGATIVE'],
      ['registeredOn', 'DATE_IN_FUTURE'],
    ]);
  });
  it('accepts a contradicting size class with a warning', () => {
    const result = checkEnterprise({ ...valid, capital: 6 * B, sizeClass: 'SMALL' }, ctx);
    expect(result.failures).toEqual([]);
    expect(result.value.sizeClass).toBe('MEDIUM');
    expect(result.warnings.map((w) => w.code)).toEqual(['SIZE_CLASS_CONTRADICTS']);
  });
});

describe('checkTransaction', () => {
  const base = { buyerId: 1, sellerId: 2, amount: 1_500_000, occurredOn: '2026-03-31' };
  it('accepts a purchase of today inside its program year', () => {
    expect(checkTransaction({ ...base, occurredOn: '2026-12-04' }, { ...ctx, programFiscalYear: 2026 })).toEqual([]);
  });
  it.each([
    [{ amount: 0 }, 'amount', 'RUPIAH_POSITIVE'],
    [{ amount: 10.5 }, 'amount', 'RUPIAH_WHOLE'],
    [{ occurredOn: '2026-12-05' }, 'occurredOn', 'DATE_IN_FUTURE'],
    [{ occurredOn: '2025-02-29' }, 'occurredOn', 'DATE_FORMAT'],
    [{ occurredOn: '31/03/2026' }, 'occurredOn', 'DATE_FORMAT'],
    [{ sellerId: 1 }, 'sellerId', 'SAME_PARTY'],
    [{ accountCode: '5.1.02.x' }, 'accountCode', 'ACCOUNT_CODE_FORMAT'],
    [{ quantity: 0 }, 'quantity', 'QUANTITY_RANGE'],
  ])('refuses %o: %s %s', (change, field, code) => {
    expect(checkTransaction({ ...base, ...change }, ctx)).toEqual([expect.objectContaining({ field, code })]);
  });
  it('refuses a date outside the program fiscal year', () => {
    expect(checkTransaction({ ...base, occurredOn: '2025-12-31' }, { ...ctx, programFiscalYear: 2026 })).toEqual([
      expect.objectContaining({ field: 'occurredOn', code: 'DATE_OUTSIDE_FISCAL_YEAR' }),
    ]);
  });
});

describe('todayIn', () => {
  it('is the date in the given time zone', () => {
    // 2026-12-04 18:30 UTC is already 5 December in WIB (UTC+7)
    expect(todayIn('Asia/Jakarta', new Date('2026-12-04T18:30:00Z'))).toBe('2026-12-05');
    expect(todayIn('UTC', new Date('2026-12-04T18:30:00Z'))).toBe('2026-12-04');
  });
});

describe('browser safety', () => {
  it('the rules import nothing but each other, the enumerations and the pure reference tables', async () => {
    const fs = await import('node:fs');
    const dir = new URL('../src/rules/', import.meta.url);
    const allowed = new Set(['../enums.ts', '../../reference/kbli.ts', '../../reference/size.ts']);
    const seen: string[] = [];
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(new URL(file, dir), 'utf8');
      for (const [, from] of text.matchAll(/from '([^']+)'/g)) {
        if (!(from as string).startsWith('./')) seen.push(from as string);
      }
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((from) => !allowed.has(from))).toEqual([]);
    for (const file of ['../reference/kbli.ts', '../reference/size.ts', '../src/enums.ts']) {
      const text = fs.readFileSync(new URL(file, import.meta.url), 'utf8');
      expect([...text.matchAll(/^import (?!type)[^;]*from '([^']+)'/gm)].map((m) => m[1])).toEqual([]);
    }
  });
});
