import { kbliSection } from '../reference/kbli.ts';
import { readRegions } from '../src/reference.ts';

/*
 * Checks of Indonesian identifiers. Each returns null when the value is plausible, else the reason.
 * Messages never echo a NIK: it is personal data and import reports get shared.
 */

let regencyCodes: Set<string> | undefined;

/** Regency and city codes without the dot (6112), the form a NIK starts with. */
function regencies(): Set<string> {
  regencyCodes ??= new Set(
    readRegions()
      .filter((r) => r.level === 2)
      .map((r) => r.code.replace('.', '')),
  );
  return regencyCodes;
}

function digitsReason(label: string, value: string, length: number): string | null {
  if (/^[0-9]+$/.test(value)) {
    return value.length === length ? null : `${label} must be exactly ${length} digits, got ${value.length}`;
  }
  return `${label} must be exactly ${length} digits (no spaces, dots or letters)`;
}

/** NIB (Nomor Induk Berusaha, the OSS business number): 13 digits. */
export function nibProblem(value: string): string | null {
  return digitsReason('NIB', value, 13);
}

/** KBLI 2020 code: 5 digits whose first two are a division that exists. */
export function kbliProblem(value: string): string | null {
  const digits = digitsReason('KBLI code', value, 5);
  if (digits) return digits;
  return kbliSection(value) ? null : `KBLI code ${value}: division ${value.slice(0, 2)} does not exist in KBLI 2020`;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * NIK (Nomor Induk Kependudukan): 16 digits = regency code (4) + district (2) + birth date DDMMYY
 * (women add 40 to the day) + a serial (4, from 0001). The century is not encoded, so 29 February
 * is accepted in years divisible by four (2000 was a leap year, so 00 qualifies too).
 */
export function nikProblem(value: string): string | null {
  const digits = digitsReason('NIK', value, 16);
  if (digits) return digits;
  if (!regencies().has(value.slice(0, 4))) {
    return `NIK must start with a regency code (e.g. 6112 for Kubu Raya); ${value.slice(0, 4)} is none`;
  }
  const rawDay = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const year = Number(value.slice(10, 12));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const maxDay = month === 2 ? (year % 4 === 0 ? 29 : 28) : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > maxDay || (rawDay > 31 && rawDay < 41)) {
    return 'NIK digits 7-12 must be a birth date DDMMYY (day + 40 for women)';
  }
  if (value.slice(12) === '0000') return 'NIK must end in a serial number from 0001';
  return null;
}

/** The sex a valid NIK encodes: day of birth above 40 means a woman. */
export function nikGender(value: string): 'F' | 'M' {
  return Number(value.slice(6, 8)) > 40 ? 'F' : 'M';
}
