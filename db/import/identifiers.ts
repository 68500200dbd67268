import { readRegions } from '../src/reference.ts';
import { checkKbli, checkNik, nikBirthDate, type Reason, type RuleContext, todayIn } from '../src/rules/index.ts';

/*
 * Checks of Indonesian identifiers for the importer, by the shared rules (db/src/rules): each
 * returns null when the value is acceptable, else the reason in Indonesian and English. Messages never echo a NIK: it is personal data and import reports get shared.
 *
 * The NIB keeps its strict check here: the importer stores a cell as written, so a NIB with
 * spaces (which the rules would strip for a form) is refused instead.
 */

/** A region code that is not in the shipped regions. */
export function unknownRegionCode(code: string): Reason {
  return { id: `kode wilayah ${code} tidak dikenal`, en: `unknown region code ${code}` };
}

let regionCodes: Set<string> | undefined;

/** The rules' context: today in WIB and the shipped regions. */
function context(): RuleContext {
  regionCodes ??= new Set(readRegions().map((r) => r.code));
  const codes = regionCodes;
  return { today: todayIn('Asia/Jakarta'), regionExists: (code) => codes.has(code) };
}

function digitsReason(label: Reason, value: string, length: number): Reason | null {
  if (/^[0-9]+$/.test(value)) {
    if (value.length === length) return null;
    return {
      id: `${label.id} harus tepat ${length} angka, tertulis ${value.length}`,
      en: `${label.en} must be exactly ${length} digits, got ${value.length}`,
    };
  }
  return {
    id: `${label.id} harus tepat ${length} angka (tanpa spasi, titik atau huruf)`,
    en: `${label.en} must be exactly ${length} digits (no spaces, dots or letters)`,
  };
}

/** NIB (Nomor Induk Berusaha, the OSS business number): 13 digits. */
export function nibProblem(value: string): Reason | null {
  return digitsReason({ id: 'NIB', en: 'NIB' }, value, 13);
}

/** KBLI 2020 code: 5 digits whose first two are a division that exists. */
export function kbliProblem(value: string): Reason | null {
  const strict = digitsReason({ id: 'kode KBLI', en: 'KBLI code' }, value, 5);
  return strict ?? checkKbli(value).failure?.reason ?? null;
}

/** NIK (Nomor Induk Kependudukan): the shared rule (regency prefix, birth date, serial). */
export function nikProblem(value: string): Reason | null {
  const strict = digitsReason({ id: 'NIK', en: 'NIK' }, value, 16);
  return strict ?? checkNik(value, 'owner_nik', context()).failure?.reason ?? null;
}

/** The sex a valid NIK encodes: day of birth above 40 means a woman. */
export function nikGender(value: string): 'F' | 'M' {
  return nikBirthDate(value, context().today)?.gender ?? (Number(value.slice(6, 8)) > 40 ? 'F' : 'M');
}
