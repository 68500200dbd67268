import { badInput } from '../errors.ts';
import { decodeGlobalId, type NodeType } from './global-id.ts';

/*
 * Validation shared by the filter inputs of every list: each helper returns the clean value or
 * throws BAD_USER_INPUT naming the offending field (e.g. "filter.regionCode"), so a client knows
 * which argument to fix.
 */

const MAX_SEARCH = 200;

/** A trimmed search text, or undefined when blank. */
export function searchText(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text.length > MAX_SEARCH)
    throw badInput(field, {
      id: `paling banyak ${MAX_SEARCH} karakter`,
      en: `must be at most ${MAX_SEARCH} characters`,
    });
  if (text.includes('\u0000'))
    throw badInput(field, { id: 'tidak boleh memuat karakter NUL', en: 'must not contain NUL characters' });
  return text || undefined;
}

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const REGION_CODE = /^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$/;

/** A region code of any level: 61 (province), 61.12 (regency), 61.12.01 (district), 61.12.01.2001 (village). */
export function regionCode(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  const code = value.trim();
  if (!REGION_CODE.test(code)) {
    throw badInput(field, {
      id: `"${value}" bukan kode wilayah (61, 61.12, 61.12.01 atau 61.12.01.2001)`,
      en: `"${value}" is not a region code (61, 61.12, 61.12.01 or 61.12.01.2001)`,
    });
  }
  return code;
}

/** Decodes a list of global ids of the expected types; undefined when absent. */
export function globalIds(
  values: readonly string[] | null | undefined,
  field: string,
  types: readonly NodeType[],
): number[] | undefined {
  if (values == null) return undefined;
  return values.map((value) => decodeGlobalId(value, field, types).id);
}

/** A non-empty list of enum values or undefined (an empty list is refused: it would match nothing). */
export function oneOf<T>(values: readonly T[] | null | undefined, field: string): T[] | undefined {
  if (values == null) return undefined;
  if (values.length === 0)
    throw badInput(field, {
      id: 'harus memuat sedikitnya satu nilai (hilangkan agar mencakup semua)',
      en: 'must list at least one value (omit it to match all)',
    });
  return [...new Set(values)];
}

/** A range whose lower bound must not exceed its upper bound; each bound optional. */
export function range<T extends string | number>(
  min: T | null | undefined,
  max: T | null | undefined,
  field: string,
): { min?: T; max?: T } {
  if (min != null && max != null && min > max)
    throw badInput(field, {
      id: `batas bawah ${min} lebih besar dari batas atas ${max}`,
      en: `the lower bound ${min} is above the upper bound ${max}`,
    });
  return { ...(min != null ? { min } : {}), ...(max != null ? { max } : {}) };
}

/** A whole number within bounds (e.g. a fiscal year). */
export function wholeNumber(
  value: number | null | undefined,
  field: string,
  min: number,
  max: number,
): number | undefined {
  if (value == null) return undefined;
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(field, {
      id: `harus ${min} sampai ${max}, tertulis ${value}`,
      en: `must be from ${min} to ${max}, got ${value}`,
    });
  return value;
}
