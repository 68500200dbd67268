import { readRegions } from '../src/reference.ts';
import { checkKbli, checkNik, nikBirthDate, type RuleContext, todayIn } from '../src/rules/index.ts';

/*
 * Checks of Indonesian identifiers for the importer, by the shared rules (db/src/rules): each
 * returns null when the value is acceptable, else the reason (in English, as the import report
 * is). Messages never echo a NIK: it is personal data and import reports get shared.
 *
 * The NIB keeps its strict check here: the importer stores a cell as written, so a NIB with
 * spaces (which the rules would strip for a form) is refused instead.
 */

let regionCodes: Set<string> | undefined;

/** The rules' context: today in WIB and the shipped regions. */
function context(): RuleContext {
  regionCodes ??= new Set(readRegions().map((r) => r.code));
  const codes = regionCodes;
  return { today: todayIn('Asia/Jakarta'), regionExists: (code) => codes.has(code) };
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
  const strict = digitsReason('KBLI code', value, 5);
  return strict ?? checkKbli(value).failure?.reason.en ?? null;
}

/** NIK (Nomor Induk Kependudukan): the shared rule (regency prefix, birth date, serial). */
export function nikProblem(value: string): string | null {
  const strict = digitsReason('NIK', value, 16);
  return strict ?? checkNik(value, 'owner_nik', context()).failure?.reason.en ?? null;
}

/** The sex a valid NIK encodes: day of birth above 40 means a woman. */
export function nikGender(value: string): 'F' | 'M' {
  return nikBirthDate(value, context().today)?.gender ?? (Number(value.slice(6, 8)) > 40 ? 'F' : 'M');
}
