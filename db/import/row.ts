import type { Reason } from '../src/rules/failure.ts';
import type { CsvRecord } from './parse.ts';
import { restoreCell } from './sources/neutralise.ts';

/** A reason a row cannot be imported; column null when the whole row is at fault. */
export interface Issue {
  readonly column: string | null;
  readonly reason: Reason;
}

const MAX_RUPIAH = Number.MAX_SAFE_INTEGER;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True for a real calendar date 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/**
 * Reads one record's values by column name and collects every problem found, so a user fixes a
 * row once rather than once per column. Each reader returns null for an empty cell and for an
 * invalid one (after recording why); `ok` says whether the row survived.
 *
 * Identifiers, codes, numbers and dates are trimmed; free text (names) is kept as written.
 */
export class RowReader {
  readonly issues: Issue[] = [];

  constructor(
    private readonly columns: ReadonlyMap<string, number>,
    readonly record: CsvRecord,
  ) {}

  get line(): number {
    return this.record.line;
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  has(column: string): boolean {
    return this.columns.has(column);
  }

  /** The cell as written, '' when the file has no such column. */
  raw(column: string): string {
    const index = this.columns.get(column);
    return index === undefined ? '' : restoreCell(this.record.values[index] ?? '');
  }

  fail(column: string | null, reason: Reason): null {
    this.issues.push({ column, reason });
    return null;
  }

  private required(column: string, required: boolean | undefined): null {
    return required ? this.fail(column, { id: `${column} wajib diisi`, en: `${column} is required` }) : null;
  }

  /**
   * Free text: kept as written; blank counts as empty. Capped (500 characters by default) because
   * names are indexed and PostgreSQL cannot index very long values.
   */
  text(column: string, options: { required?: boolean; max?: number } = {}): string | null {
    const value = this.raw(column);
    if (value.trim() === '') return this.required(column, options.required);
    const max = options.max ?? 500;
    if (value.length > max)
      return this.fail(column, {
        id: `${column} lebih dari ${max} karakter`,
        en: `${column} is longer than ${max} characters`,
      });
    return value;
  }

  /** An identifier or code: trimmed, at most 100 characters. */
  token(column: string, options: { required?: boolean; pattern?: RegExp; hint?: Reason } = {}): string | null {
    const value = this.raw(column).trim();
    if (value === '') return this.required(column, options.required);
    if (value.length > 100)
      return this.fail(column, {
        id: `${column} lebih dari 100 karakter`,
        en: `${column} is longer than 100 characters`,
      });
    if (options.pattern && !options.pattern.test(value))
      return this.fail(
        column,
        options.hint ?? { id: `format ${column} tidak sah`, en: `${column} has an invalid format` },
      );
    return value;
  }

  /** One of an enumeration, spelled exactly; a near miss in case gets a hint. */
  oneOf<T extends string>(column: string, values: readonly T[], options: { required?: boolean } = {}): T | null {
    const value = this.raw(column).trim();
    if (value === '') return this.required(column, options.required);
    if ((values as readonly string[]).includes(value)) return value as T;
    const near = values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (near)
      return this.fail(column, {
        id: `tulis ${near} (huruf besar), bukan ${value}`,
        en: `write ${near} (upper case), not ${value}`,
      });
    return this.fail(column, {
      id: `${column} harus salah satu dari ${values.join(', ')}; tertulis "${value}"`,
      en: `${column} must be one of ${values.join(', ')}; got "${value}"`,
    });
  }

  /** true or false (any case: spreadsheets write TRUE). */
  boolean(column: string): boolean | null {
    const value = this.raw(column).trim().toLowerCase();
    if (value === '') return null;
    if (value === 'true') return true;
    if (value === 'false') return false;
    return this.fail(column, {
      id: `${column} harus true atau false; tertulis "${this.raw(column).trim()}"`,
      en: `${column} must be true or false; got "${this.raw(column).trim()}"`,
    });
  }

  /** A whole number; at most 2147483647 (PostgreSQL's integer) unless `max` says otherwise. */
  integer(column: string, options: { required?: boolean; min?: number; max?: number } = {}): number | null {
    const value = this.raw(column).trim();
    if (value === '') return this.required(column, options.required);
    if (!/^-?[0-9]+$/.test(value))
      return this.fail(column, {
        id: `${column} harus bilangan bulat; tertulis "${value}"`,
        en: `${column} must be a whole number; got "${value}"`,
      });
    const n = Number(value);
    const min = options.min ?? 0;
    if (n < min)
      return this.fail(
        column,
        min === 0
          ? { id: `${column} tidak boleh negatif`, en: `${column} must not be negative` }
          : { id: `${column} paling kecil ${min}`, en: `${column} must be at least ${min}` },
      );
    if (options.max !== undefined && n > options.max)
      return this.fail(column, {
        id: `${column} paling besar ${options.max}`,
        en: `${column} must be at most ${options.max}`,
      });
    if (!Number.isSafeInteger(n))
      return this.fail(column, { id: `${column} terlalu besar`, en: `${column} is too large` });
    return n;
  }

  /** Whole rupiah, not negative, digits only. */
  money(column: string, options: { required?: boolean } = {}): number | null {
    const value = this.raw(column).trim();
    if (value === '') return this.required(column, options.required);
    if (/^[0-9]+$/.test(value)) {
      const n = Number(value);
      return n <= MAX_RUPIAH ? n : this.fail(column, { id: `${column} terlalu besar`, en: `${column} is too large` });
    }
    if (/^-[0-9.,]+$/.test(value))
      return this.fail(column, { id: `${column} tidak boleh negatif`, en: `${column} must not be negative` });
    if (/^[0-9]+\.[0-9]+$/.test(value))
      return this.fail(column, {
        id: `${column} dalam rupiah bulat, tanpa desimal; tertulis "${value}"`,
        en: `${column} is whole rupiah, without decimals; got "${value}"`,
      });
    if (/^rp/i.test(value) || /^[0-9]{1,3}([.,][0-9]{3})+$/.test(value)) {
      return this.fail(column, {
        id: `${column} dalam rupiah bulat, ditulis dengan angka saja (1500000, bukan Rp1.500.000); tertulis "${value}"`,
        en: `${column} is whole rupiah written as digits only (1500000, not Rp1.500.000); got "${value}"`,
      });
    }
    return this.fail(column, {
      id: `${column} harus rupiah bulat (angka saja); tertulis "${value}"`,
      en: `${column} must be whole rupiah (digits only); got "${value}"`,
    });
  }

  /** A non-negative decimal such as a quantity (2.5), below 10^12 (numeric(14, 2)). */
  decimal(column: string, options: { required?: boolean } = {}): number | null {
    const value = this.raw(column).trim();
    if (value === '') return this.required(column, options.required);
    if (/^-/.test(value))
      return this.fail(column, { id: `${column} tidak boleh negatif`, en: `${column} must not be negative` });
    if (!/^[0-9]+(\.[0-9]+)?$/.test(value))
      return this.fail(column, {
        id: `${column} harus angka dengan titik desimal (2.5); tertulis "${value}"`,
        en: `${column} must be a number with a decimal point (2.5); got "${value}"`,
      });
    const n = Number(value);
    if (n >= 1e12) return this.fail(column, { id: `${column} terlalu besar`, en: `${column} is too large` });
    return n;
  }

  /** A fraction between 0 and 1; 40 or 40% is the classic mistake and gets a hint. */
  share(column: string, options: { required?: boolean } = {}): number | null {
    const value = this.raw(column).trim();
    if (value === '') return this.required(column, options.required);
    const percent = /^([0-9]+(\.[0-9]+)?)\s*%$/.exec(value);
    if (percent)
      return this.fail(column, {
        id: `${column} berupa pecahan, bukan persen: tulis ${Number(percent[1]) / 100} untuk ${value}`,
        en: `${column} is a fraction, not percent: write ${Number(percent[1]) / 100} for ${value}`,
      });
    if (!/^[0-9]*\.?[0-9]+$/.test(value)) {
      return this.fail(
        column,
        /^-/.test(value)
          ? { id: `${column} tidak boleh negatif`, en: `${column} must not be negative` }
          : {
              id: `${column} harus pecahan seperti 0.4; tertulis "${value}"`,
              en: `${column} must be a fraction like 0.4; got "${value}"`,
            },
      );
    }
    const n = Number(value);
    if (n > 1)
      return this.fail(column, {
        id: `${column} berupa pecahan, bukan persen: tulis ${n / 100} untuk ${n} %`,
        en: `${column} is a fraction, not percent: write ${n / 100} for ${n} %`,
      });
    return n;
  }

  /** A calendar date YYYY-MM-DD. */
  date(column: string, options: { required?: boolean } = {}): string | null {
    const value = this.raw(column).trim();
    if (value === '') return this.required(column, options.required);
    if (!isIsoDate(value))
      return this.fail(column, {
        id: `${column} harus tanggal YYYY-MM-DD; tertulis "${value}"`,
        en: `${column} must be a date YYYY-MM-DD; got "${value}"`,
      });
    return value;
  }

  /** A month YYYY-MM (YYYY-MM-01 is accepted too), returned as its first day. */
  month(column: string, options: { required?: boolean } = {}): string | null {
    const value = this.raw(column).trim();
    if (value === '') return this.required(column, options.required);
    const m = /^([0-9]{4})-([0-9]{2})(-01)?$/.exec(value);
    const month = m ? Number(m[2]) : 0;
    if (!m || month < 1 || month > 12)
      return this.fail(column, {
        id: `${column} harus bulan YYYY-MM; tertulis "${value}"`,
        en: `${column} must be a month YYYY-MM; got "${value}"`,
      });
    return `${m[1]}-${m[2]}-01`;
  }
}
