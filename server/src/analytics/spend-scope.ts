import { badInput } from '../errors.ts';
import { decodeGlobalId } from '../graphql/global-id.ts';
import { firstDayOfYear, lastDayOfYear, yearOf } from './dates.ts';
import type { SpendFilter } from './spend-filter.input.ts';

/*
 * Turns a SpendFilter into a SpendScope without touching the database: the one reading of the
 * filter every spending measure shares (docs/metrics.md, "Sets and terms"). The checks that need
 * the database are in spend-scope.queries.ts; the SQL built from a scope in facts.sql.ts and
 * reach.sql.ts.
 */

/** Fiscal years the schema accepts (program, policy_target constraints). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const MAX_AGENCY_IDS = 1000;

/** A validated SpendFilter: dates resolved to one inclusive range, ids decoded. */
export interface SpendScope {
  readonly tenantId: string;
  /** First day covered (inclusive); null when open. */
  readonly from: string | null;
  /** Last day covered (inclusive); null when open. */
  readonly to: string | null;
  /** The single fiscal year the range lies in (targets apply); null when open or spanning years. */
  readonly fiscalYear: number | null;
  /** Buying agencies; null means every agency of the tenant. */
  readonly agencyIds: readonly number[] | null;
  readonly categories: readonly string[] | null;
  readonly accountPrefix: string | null;
  readonly includeNetwork: boolean;
}

/** Which buyers a query covers: the scoped agencies themselves, their network units, or both. */
export interface BuyerSelection {
  readonly agencyIds: readonly number[] | null;
  /** 'exclude': agencies only; 'include': agencies and their networks; 'only': the networks only. */
  readonly network: 'exclude' | 'include' | 'only';
  /** Drop buyers that are not government bodies (the domino injection counts only those). */
  readonly governmentOnly?: boolean;
}

export function validateYear(year: number, field: string): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw badInput(field, {
      id: `harus tahun ${MIN_YEAR} sampai ${MAX_YEAR}, tertulis ${year}`,
      en: `must be a year from ${MIN_YEAR} to ${MAX_YEAR}, got ${year}`,
    });
  }
  return year;
}

const ACCOUNT_PREFIX = /^[0-9]+(\.[0-9]+)*\.?$/;

/** Decodes a list of agency global ids, de-duplicated, naming `field` in errors. */
export function decodeAgencyIds(ids: readonly string[], field: string): number[] {
  if (ids.length === 0)
    throw badInput(field, {
      id: 'kosong: hilangkan agar mencakup semua perangkat daerah',
      en: 'is empty: omit it to cover every agency',
    });
  if (ids.length > MAX_AGENCY_IDS)
    throw badInput(field, {
      id: `paling banyak ${MAX_AGENCY_IDS} perangkat daerah`,
      en: `may list at most ${MAX_AGENCY_IDS} agencies`,
    });
  return [...new Set(ids.map((id) => decodeGlobalId(id, field, ['Agency']).id))];
}

/**
 * Validates a filter without touching the database. Choices docs/metrics.md records
 * (docs/metrics.md): fiscalYear together with from/to means their intersection, and an empty
 * intersection is an error; an empty agencyIds or categories list is an error (omit it instead).
 */
export function parseSpendFilter(tenantId: string, filter: SpendFilter | null | undefined): SpendScope {
  const f = filter ?? {};
  let from = f.from ?? null;
  let to = f.to ?? null;
  if (from && to && from > to)
    throw badInput('from', {
      id: `from (${from}) lebih akhir dari to (${to})`,
      en: `from (${from}) is after to (${to})`,
    });
  let fiscalYear: number | null = null;
  if (f.fiscalYear !== undefined && f.fiscalYear !== null) {
    const year = validateYear(f.fiscalYear, 'fiscalYear');
    const yearFrom = firstDayOfYear(year);
    const yearTo = lastDayOfYear(year);
    if (from && from > yearTo)
      throw badInput('from', {
        id: `from (${from}) sesudah tahun anggaran ${year}`,
        en: `from (${from}) lies after fiscal year ${year}`,
      });
    if (to && to < yearFrom)
      throw badInput('to', {
        id: `to (${to}) sebelum tahun anggaran ${year}`,
        en: `to (${to}) lies before fiscal year ${year}`,
      });
    from = from && from > yearFrom ? from : yearFrom;
    to = to && to < yearTo ? to : yearTo;
    fiscalYear = year;
  } else if (from && to && yearOf(from) === yearOf(to)) {
    fiscalYear = yearOf(from);
  }
  const agencyIds = f.agencyIds ? decodeAgencyIds(f.agencyIds, 'agencyIds') : null;
  let categories: string[] | null = null;
  if (f.categories) {
    if (f.categories.length === 0)
      throw badInput('categories', {
        id: 'kosong: hilangkan agar mencakup semua kategori',
        en: 'is empty: omit it to cover every category',
      });
    categories = [...new Set(f.categories)];
  }
  let accountPrefix: string | null = null;
  if (f.accountPrefix !== undefined && f.accountPrefix !== null) {
    const prefix = f.accountPrefix.trim();
    if (prefix.length === 0 || prefix.length > 64 || !ACCOUNT_PREFIX.test(prefix)) {
      throw badInput('accountPrefix', {
        id: `harus berbentuk seperti "5.1.02" (angka dan titik), tertulis "${f.accountPrefix}"`,
        en: `must look like "5.1.02" (digits and dots), got "${f.accountPrefix}"`,
      });
    }
    accountPrefix = prefix;
  }
  return {
    tenantId,
    from,
    to,
    fiscalYear,
    agencyIds,
    categories,
    accountPrefix,
    includeNetwork: f.includeNetwork ?? false,
  };
}

/** The buyers of a scope as docs/metrics.md defines them. */
export function buyersOf(scope: SpendScope): BuyerSelection {
  return { agencyIds: scope.agencyIds, network: scope.includeNetwork ? 'include' : 'exclude' };
}
