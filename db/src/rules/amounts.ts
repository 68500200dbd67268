import { classifySize } from '../../reference/size.ts';
import type { SizeBasis, SizeClass } from '../enums.ts';
import { SIZE_CLASS_LABELS } from '../enums.ts';
import { issue, type RuleIssue } from './failure.ts';

/*
 * Money is whole rupiah: no decimals, at most Number.MAX_SAFE_INTEGER (what a JSON number holds
 * exactly). A purchase is positive; capital and sales may be zero.
 */

/** A whole-rupiah amount: positive (purchases) or at least zero (capital, sales, budgets). */
export function checkRupiah(value: number, field: string, options: { positive: boolean }): RuleIssue | null {
  if (!Number.isInteger(value)) {
    return issue(
      'RUPIAH_WHOLE',
      field,
      'jumlah dalam rupiah bulat, tanpa sen',
      'amounts are whole rupiah, without decimals',
    );
  }
  if (options.positive ? value <= 0 : value < 0) {
    return options.positive
      ? issue('RUPIAH_POSITIVE', field, 'jumlah harus lebih dari Rp0', 'the amount must be more than Rp0')
      : issue('RUPIAH_NEGATIVE', field, 'jumlah tidak boleh negatif', 'the amount must not be negative');
  }
  if (!Number.isSafeInteger(value)) {
    return issue('RUPIAH_TOO_LARGE', field, 'jumlah terlalu besar', 'the amount is too large');
  }
  return null;
}

/**
 * Reads an amount as people type it in a form: digits, optionally with "Rp" and Indonesian
 * thousands dots ("Rp1.500.000" = 1500000). A comma (decimal in Indonesian) is refused: whole rupiah.
 */
export function parseRupiahText(text: string, field: string): { value: number | null; failure: RuleIssue | null } {
  const bare = text.replace(/^\s*rp\.?\s*/i, '').replace(/\s/g, '');
  if (bare === '') return { value: null, failure: null };
  if (/^[0-9]+$/.test(bare) || /^[0-9]{1,3}(\.[0-9]{3})+$/.test(bare)) {
    return { value: Number(bare.replace(/\./g, '')), failure: null };
  }
  if (/^-/.test(bare)) {
    return {
      value: null,
      failure: issue('RUPIAH_NEGATIVE', field, 'jumlah tidak boleh negatif', 'the amount must not be negative'),
    };
  }
  return {
    value: null,
    failure: issue(
      'RUPIAH_FORMAT',
      field,
      'tulis rupiah bulat dengan angka, mis. 1500000 atau 1.500.000',
      'write whole rupiah in digits, e.g. 1500000 or 1.500.000',
    ),
  };
}

/** The size class to store, which figure decided it, and a warning when a given class disagrees. */
export interface SizeDecision {
  readonly sizeClass: SizeClass | null;
  readonly basis: SizeBasis | null;
  readonly warning: RuleIssue | null;
}

/**
 * PP 7/2021 size class: derived from business capital (excluding land and buildings) when known,
 * else from annual sales (thresholds in db/reference/size.ts). A class given with the figures that
 * contradicts them is kept out and reported as a warning, so the user sees what was stored and
 * why; a class given without figures is kept as given.
 */
export function decideSizeClass(
  given: SizeClass | null | undefined,
  capital: number | null | undefined,
  revenue: number | null | undefined,
): SizeDecision {
  const derived = classifySize(capital, revenue);
  if (!derived.sizeClass) return { sizeClass: given ?? null, basis: null, warning: null };
  if (!given || given === derived.sizeClass)
    return { sizeClass: derived.sizeClass, basis: derived.basis, warning: null };
  const label = SIZE_CLASS_LABELS;
  const byCapital = derived.basis === 'CAPITAL';
  return {
    sizeClass: derived.sizeClass,
    basis: derived.basis,
    warning: issue(
      'SIZE_CLASS_CONTRADICTS',
      'sizeClass',
      `menurut PP 7/2021, ${byCapital ? 'modal usaha' : 'omzet tahunan'} ini termasuk ${label[derived.sizeClass].id}, bukan ${label[given].id}; yang disimpan: ${label[derived.sizeClass].id}`,
      `under PP 7/2021 this ${byCapital ? 'business capital' : 'annual sales'} makes it ${label[derived.sizeClass].en}, not ${label[given].en}; stored: ${label[derived.sizeClass].en}`,
    ),
  };
}
