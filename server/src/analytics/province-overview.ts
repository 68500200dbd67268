import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';
import { badInput } from '../errors.ts';
import { listRegencies, type RegencyRow } from '../modules/regency/regency.queries.ts';
import { findRegionsByCodes } from '../modules/region/region.queries.ts';
import type { SummaryRow } from './facts.sql.ts';
import { type SpendSummaryData, toSummary } from './measures.ts';
import { parseSpendFilter } from './spend-scope.ts';
import { spendSummary } from './spend-summary.sql.ts';

/*
 * docs/metrics-outcomes.md "Province overview": each regency's own Spend summary for the year (the one
 * measure, spend-summary.sql.ts, run with that regency as the tenant: every statement stays within
 * one tenant), and the province's sums.
 */

export interface RegencyComparisonData {
  readonly regency: RegencyRow;
  readonly rank: number | null;
  readonly summary: SpendSummaryData;
}

export interface ProvinceOverviewData {
  readonly provinceCode: string;
  readonly provinceName: string;
  readonly fiscalYear: number;
  readonly total: SpendSummaryData;
  readonly regencies: RegencyComparisonData[];
}

/** The province's line: amounts and counts summed, shares of the sums (toSummary), no target. */
function provinceTotal(summaries: readonly SpendSummaryData[]): SpendSummaryData {
  const sum = (f: (s: SpendSummaryData) => number) => summaries.reduce((acc, s) => acc + f(s), 0);
  const row: SummaryRow = {
    total: sum((s) => s.total),
    transaction_count: sum((s) => s.transactionCount),
    to_local_umkm: sum((s) => s.toLocalUmkm),
    to_umk: sum((s) => s.toUmk),
    to_local: sum((s) => s.toLocal),
    sellers_reached: sum((s) => s.sellersReached),
  };
  return toSummary(row, null, null);
}

export async function provinceOverview(
  db: Kysely<Database>,
  provinceCode: string,
  fiscalYear: number,
): Promise<ProvinceOverviewData> {
  const [province] = /^\d{2}$/.test(provinceCode) ? await findRegionsByCodes(db, [provinceCode]) : [];
  if (province?.level !== 1) {
    throw badInput('province', {
      id: `"${provinceCode.slice(0, 8)}" bukan kode provinsi seperti "61"`,
      en: `"${provinceCode.slice(0, 8)}" is not a province code such as "61"`,
    });
  }
  const held = (await listRegencies(db)).filter((r) => r.province_code === provinceCode);
  const lines = await Promise.all(
    held.map(async (regency) => ({
      regency,
      summary: await spendSummary(db, parseSpendFilter(regency.id, { fiscalYear })),
    })),
  );
  const ranked = lines
    .filter((l) => l.summary.localUmkmShare !== null)
    .sort(
      (a, b) =>
        (b.summary.localUmkmShare as number) - (a.summary.localUmkmShare as number) ||
        a.regency.id.localeCompare(b.regency.id),
    );
  const idle = lines.filter((l) => l.summary.localUmkmShare === null);
  return {
    provinceCode,
    provinceName: province.name,
    fiscalYear,
    total: provinceTotal(lines.map((l) => l.summary)),
    regencies: [...ranked.map((l, i) => ({ ...l, rank: i + 1 })), ...idle.map((l) => ({ ...l, rank: null }))],
  };
}
