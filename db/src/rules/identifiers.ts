import { kbliSection } from '../../reference/kbli.ts';
import { daysInMonth } from './dates.ts';
import { issue, type RuleContext, type RuleIssue } from './failure.ts';

/*
 * Indonesian identifiers. Separators people type (spaces, dots, dashes: "01.855.081.4-412.000") are
 * removed first; what remains must be digits. Reasons never repeat a NIK: it is personal data, and
 * errors end up in logs and screenshots.
 */

/** The value without spaces, dots and dashes. */
export function stripSeparators(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

/** A checked identifier: its normalised form, or why it was refused. */
export type Checked =
  | { readonly value: string; readonly failure: null }
  | { readonly value: null; readonly failure: RuleIssue };

const ok = (value: string): Checked => ({ value, failure: null });
const refused = (failure: RuleIssue): Checked => ({ value: null, failure });

function digits(value: string, field: string, label: string, lengths: readonly number[]): Checked {
  const bare = stripSeparators(value);
  const want = lengths.join(` atau `);
  const wantEn = lengths.join(' or ');
  if (!/^[0-9]+$/.test(bare)) {
    return refused(
      issue(
        `${label}_FORMAT`,
        field,
        `${label} hanya berisi angka (${want} digit)`,
        `${label} is digits only (${wantEn} digits)`,
      ),
    );
  }
  if (!lengths.includes(bare.length)) {
    return refused(
      issue(
        `${label}_LENGTH`,
        field,
        `${label} harus ${want} digit; tertulis ${bare.length} digit`,
        `${label} must be ${wantEn} digits; got ${bare.length}`,
      ),
    );
  }
  return ok(bare);
}

/** NIB (Nomor Induk Berusaha, issued by OSS): 13 digits. */
export function checkNib(value: string, field = 'nib'): Checked {
  return digits(value, field, 'NIB', [13]);
}

/** KBLI 2020: 5 digits whose first two are a division that exists (01-03, 05-09, 10-33, …). */
export function checkKbli(value: string, field = 'kbliCode'): Checked {
  const checked = digits(value, field, 'KBLI', [5]);
  if (checked.failure) return checked;
  if (!kbliSection(checked.value)) {
    const division = checked.value.slice(0, 2);
    return refused(
      issue(
        'KBLI_DIVISION',
        field,
        `golongan pokok ${division} tidak ada dalam KBLI 2020`,
        `division ${division} does not exist in KBLI 2020`,
      ),
    );
  }
  return checked;
}

const REGION_CODE = /^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$/;

/** A region code (61, 61.12, 61.12.01 or 61.12.01.2001) that exists in the reference regions. */
export function checkRegionCode(value: string, field: string, ctx: RuleContext): Checked {
  const code = value.trim();
  if (!REGION_CODE.test(code)) {
    return refused(
      issue(
        'REGION_FORMAT',
        field,
        'kode wilayah ditulis seperti 61, 61.12, 61.12.01 atau 61.12.01.2001',
        'a region code looks like 61, 61.12, 61.12.01 or 61.12.01.2001',
      ),
    );
  }
  if (ctx.regionExists(code) === false) {
    return refused(
      issue('REGION_UNKNOWN', field, `kode wilayah ${code} tidak dikenal`, `region code ${code} does not exist`),
    );
  }
  return ok(code);
}

/** The birth date a NIK encodes (women add 40 to the day), or null when it is no date. */
export function nikBirthDate(nik: string, today: string): { date: string; gender: 'F' | 'M' } | null {
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const gender = rawDay > 40 ? 'F' : 'M';
  const day = gender === 'F' ? rawDay - 40 : rawDay;
  if (month < 1 || month > 12 || day < 1) return null;
  // The NIK has no century: the birth year is the latest of 20YY and 19YY that is not in the future.
  const pad = (n: number) => String(n).padStart(2, '0');
  const in2000s = `20${pad(yy)}-${pad(month)}-${pad(day)}`;
  const year = in2000s <= today ? 2000 + yy : 1900 + yy;
  if (day > daysInMonth(year, month)) return null;
  return { date: `${year}-${pad(month)}-${pad(day)}`, gender };
}

/**
 * NIK (Nomor Induk Kependudukan): 16 digits = province and regency (4, a regency that exists),
 * district (2), birth date DDMMYY with 40 added to the day for women, serial (4, from 0001).
 * The district is not checked: districts split after a NIK is issued, and it keeps its old code.
 */
export function checkNik(value: string, field: string, ctx: RuleContext): Checked {
  const checked = digits(value, field, 'NIK', [16]);
  if (checked.failure) return checked;
  const nik = checked.value;
  const regency = `${nik.slice(0, 2)}.${nik.slice(2, 4)}`;
  if (ctx.regionExists(regency) === false) {
    return refused(
      issue(
        'NIK_REGION',
        field,
        `4 digit pertama NIK harus kode kabupaten/kota yang ada (mis. 6112 untuk Kubu Raya); ${regency} tidak ada`,
        `a NIK starts with the regency code of a regency or city that exists (e.g. 6112 for Kubu Raya); ${regency} is none`,
      ),
    );
  }
  if (!nikBirthDate(nik, ctx.today)) {
    return refused(
      issue(
        'NIK_BIRTH_DATE',
        field,
        'digit 7-12 NIK harus tanggal lahir HHBBTT yang ada (tanggal ditambah 40 untuk perempuan)',
        'digits 7-12 of a NIK are a real birth date DDMMYY (the day plus 40 for women)',
      ),
    );
  }
  if (nik.endsWith('0000')) {
    return refused(
      issue(
        'NIK_SERIAL',
        field,
        '4 digit terakhir NIK adalah nomor urut mulai 0001',
        'the last 4 digits of a NIK are a serial number from 0001',
      ),
    );
  }
  return checked;
}

/**
 * The Luhn check digit of a string of digits: from the right, every other digit starting with the
 * rightmost is doubled (9 subtracted when above 9), and the check digit brings the sum to a
 * multiple of ten.
 */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function npwp15Failure(npwp15: string, field: string): RuleIssue | null {
  const expected = luhnCheckDigit(npwp15.slice(0, 8));
  if (Number(npwp15[8]) === expected) return null;
  return issue(
    'NPWP_CHECK_DIGIT',
    field,
    'digit ke-9 NPWP (digit pemeriksa) tidak cocok dengan 8 digit sebelumnya; periksa kembali nomornya',
    'the 9th digit of the NPWP (its check digit) does not match the first eight; check the number',
  );
}

/**
 * NPWP, in either form, normalised to the 16-digit form so both are found: 15 digits (the 9th a
 * Luhn check digit over the first eight) become `0` + the 15; 16 digits are `0` + a valid 15-digit
 * NPWP, or a NIK (individuals' NPWP since 2024).
 */
export function checkNpwp(value: string, field: string, ctx: RuleContext): Checked {
  const checked = digits(value, field, 'NPWP', [15, 16]);
  if (checked.failure) return checked;
  const bare = checked.value;
  if (bare.length === 15) {
    const failure = npwp15Failure(bare, field);
    return failure ? refused(failure) : ok(`0${bare}`);
  }
  if (bare.startsWith('0')) {
    const failure = npwp15Failure(bare.slice(1), field);
    return failure ? refused(failure) : ok(bare);
  }
  const asNik = checkNik(bare, field, ctx);
  if (asNik.failure) {
    return refused(
      issue(
        'NPWP_NIK',
        field,
        `NPWP 16 digit yang tidak diawali 0 adalah NIK: ${asNik.failure.reason.id}`,
        `a 16-digit NPWP not starting with 0 is a NIK: ${asNik.failure.reason.en}`,
      ),
    );
  }
  return ok(bare);
}

/** The 16-digit form of an NPWP as typed (15 or 16 digits, separators allowed) for a search; null if neither. */
export function npwpSearchForm(value: string): string | null {
  const bare = stripSeparators(value);
  if (/^[0-9]{15}$/.test(bare)) return `0${bare}`;
  if (/^[0-9]{16}$/.test(bare)) return bare;
  return null;
}

const KD_SATKER = /^[0-9A-Za-z._-]{1,64}$/;

/**
 * A work unit's code in LKPP's datasets (kd_satker, e.g. 201901): letters, digits, dots, dashes or
 * underscores, at most 64 (the satker_mapping constraint). Surrounding spaces are removed.
 */
export function checkKdSatker(value: string, field = 'kdSatker'): Checked {
  const code = value.trim();
  if (!KD_SATKER.test(code)) {
    return refused(
      issue(
        'KD_SATKER_FORMAT',
        field,
        'kode satker berupa angka atau huruf (paling banyak 64), mis. 201901',
        'a work unit code is digits or letters (at most 64), e.g. 201901',
      ),
    );
  }
  return ok(code);
}
