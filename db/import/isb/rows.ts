import type { PlanStatus } from '../../src/enums.ts';
import type { Reason } from '../../src/rules/failure.ts';
import { checkNpwp } from '../../src/rules/identifiers.ts';
import type { ImportWarning, RejectedRow } from '../report.ts';

/** ISB rows are flat JSON objects. */
export type IsbRow = Record<string, unknown>;

export interface IsbParty {
  ref: string;
  kind: 'AGENCY' | 'ENTERPRISE' | 'VENDOR';
  name: string;
  agency_code: string;
  /** Where it came from: file and 1-based row of the JSON array. */
  file: string;
  line: number;
}

export interface IsbTransaction {
  ref: string;
  source: string;
  buyer_ref: string;
  seller_ref: string;
  account_code: string;
  funding_source: string;
  amount: string;
  occurred_on: string;
  file: string;
  line: number;
}

/** A SiRUP package as the plan mapper read it (rup.ts); the agency is resolved when it is stored. */
export interface IsbPlan {
  kd_rup: string;
  name: string;
  fiscal_year: number;
  kd_satker: string;
  agency_ref: string;
  pagu: number;
  method: string | null;
  procurement_type: string | null;
  for_small_business: boolean | null;
  non_small_reason: string | null;
  status: PlanStatus;
  file: string;
  line: number;
}

/** A budget line of a package (RUP-PaketAnggaranPenyedia). */
export interface IsbPlanLine {
  kd_rup: string;
  mak: string;
  account_code: string | null;
  funding_source: string | null;
  pagu: number;
  file: string;
  line: number;
}

/**
 * What the dataset mappers build: bundle rows (parties, transactions), plans and their budget
 * lines, plus what they refused or noted. A party met twice keeps its first row, except that
 * ENTERPRISE (a small business by the data's own flag) wins over VENDOR.
 */
export class IsbRows {
  readonly parties = new Map<string, IsbParty>();
  readonly transactions: IsbTransaction[] = [];
  readonly plans: IsbPlan[] = [];
  readonly planLines: IsbPlanLine[] = [];
  readonly rejected: RejectedRow[] = [];
  readonly warnings: ImportWarning[] = [];
  private readonly noted = new Set<string>();

  reject(file: string, line: number, column: string | null, reason: Reason): void {
    this.rejected.push({ file, line, column, reason, code: 'BAD_USER_INPUT' });
  }

  /** A warning given once per file and message. */
  warn(file: string, message: Reason, column: string | null = null): void {
    const key = `${file}\u0000${message.en}`;
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.warnings.push({ file, column, message });
  }

  party(party: IsbParty): void {
    const known = this.parties.get(party.ref);
    if (!known || (known.kind === 'VENDOR' && party.kind === 'ENTERPRISE')) this.parties.set(party.ref, party);
  }
}

export const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;

/** Whole rupiah from a JSON integer or float (185500000 or 185500000.0); null when not a positive amount. */
export function rupiah(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? Math.round(n) : null;
}

/** The account code at the end of a `mak` / `kode_anggaran` (sub-activity code + account code). */
export function accountCode(v: unknown): string | null {
  const code = text(v);
  if (!code || !/^[0-9]+(\.[0-9]+)*$/.test(code)) return null;
  const parts = code.split('.');
  const start = parts.findIndex((p, i) => p === '5' && i >= parts.length - 6);
  return start >= 0 ? parts.slice(start).join('.') : null;
}

/** A seller known by its NPWP (either form, dots and dashes allowed): ref NPWP-<16 digits>, or a reason. */
export function npwpRef(...values: unknown[]): { ref: string } | { reason: Reason } | null {
  const given = values.map(text).find((v) => v !== null);
  if (!given) return null;
  const checked = checkNpwp(given, 'npwp', { today: new Date().toISOString().slice(0, 10), regionExists: () => null });
  return checked.failure ? { reason: checked.failure.reason } : { ref: `NPWP-${checked.value}` };
}

/** YYYY-MM-DD from a date or a "YYYY-MM-DD hh:mm:ss" timestamp. */
export function day(v: unknown): string | null {
  const value = text(v);
  return value && /^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(value) ? value.slice(0, 10) : null;
}
