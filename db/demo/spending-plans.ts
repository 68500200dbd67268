import type { FundingSource } from '../src/database.ts';
import { type Budget, unitCategorySpend } from './budget.ts';
import { YEARS } from './calendar.ts';
import { AMOUNT_SIGMA, CATEGORIES, CATEGORY_COUNT, type Category, MEDIAN_AMOUNT } from './catalog.ts';
import { CumulativeTable, Random } from './random.ts';
import type { World } from './registry.ts';
import { GOV_SEASON, NETWORK_AMOUNT_FACTOR } from './story.ts';

export const GOV_SEASON_TOTAL = GOV_SEASON.reduce((a, b) => a + b, 0);
export const MIN_AMOUNT = 50_000;

/** A buyer's funding sources and weights; a puskesmas mixes DAK and APBD. */
export interface Funding {
  readonly sources: readonly FundingSource[];
  readonly weights: readonly number[];
}
/** Flags of a buyer's spending. */
export const SPEND = { government: 1, farmer: 2 };

/**
 * Each buyer's spending plan for transactions.ts: category tables and yearly spend per agency and
 * network unit, the error-feedback state of local shares, the budget carried over from a warm-up
 * year, funding sources, and the survey panel's purchase rhythm.
 */
export function spendingPlans(world: World, budget: Budget) {
  const { seed, agencies, units } = world;
  const E = world.enterprises;
  const unitSpend = units.map((_, u) => YEARS.map((__, yi) => unitCategorySpend(world, budget, u, yi)));
  // Per agency: per category cell (local so far, total so far, random phase), then the agency's
  // expected and actual local spend so far.
  const STATE = 3 * CATEGORY_COUNT + 2;
  const directState = new Float64Array(agencies.length * STATE);
  const networkState = new Float64Array(agencies.length * STATE);
  // Each buyer's purchases: a category drawn with probability ∝ its budget / mean purchase size
  // (so spend by category follows the plan), then a purchase size; per buyer and year.
  const catTable = (spend: ArrayLike<number>, median: number) =>
    new CumulativeTable(
      Array.from({ length: CATEGORY_COUNT }, (_, c) => spend[c]! / (median * MEDIAN_AMOUNT[CATEGORIES[c] as Category])),
    );
  const directTables = agencies.map((a) => budget.agencies[a.index]!.years.map((y) => catTable(y.direct.spend, 1)));
  const unitTables = units.map((u) =>
    YEARS.map((_, yi2) => catTable(unitSpend[u.index]![yi2]!, NETWORK_AMOUNT_FACTOR)),
  );
  const directYearSpend = agencies.map((a) =>
    budget.agencies[a.index]!.years.map((y) => y.direct.spend.reduce((x, v) => x + v, 0)),
  );
  const unitYearSpend = units.map((u) => YEARS.map((_, yi2) => unitSpend[u.index]![yi2]!.reduce((x, v) => x + v, 0)));

  // Budget left over carries into the next month. A warm-up year (2019's budgets, nothing
  // recorded) brings each buyer to its long-run state, so 2019 neither front-loads nor under-spends.
  const carryRng = new Random(seed, 'carry');
  const warmUp = (annual: number, table: CumulativeTable, factor: number) => {
    let left = 0;
    for (let m = 0; m < 12; m++) {
      left += annual * (GOV_SEASON[m]! / GOV_SEASON_TOTAL);
      while (left > 0) {
        const c = table.sample(carryRng);
        if (c < 0) break;
        const amount = Math.max(
          MIN_AMOUNT,
          carryRng.logNormal(factor * MEDIAN_AMOUNT[CATEGORIES[c] as Category], AMOUNT_SIGMA),
        );
        if (amount > left && carryRng.float() * amount > left) break;
        left -= amount;
      }
    }
    return left;
  };
  const directCarry = Float64Array.from(agencies, (a) =>
    warmUp(directYearSpend[a.index]![0]!, directTables[a.index]![0]!, 1),
  );
  const directSpent = new Float64Array(agencies.length);
  const unitCarry = Float64Array.from(units, (u) =>
    warmUp(unitYearSpend[u.index]![0]!, unitTables[u.index]![0]!, NETWORK_AMOUNT_FACTOR),
  );
  const yearRevenue = new Float64Array(E.count);
  const panel: number[] = [];
  for (let e = 0; e < E.count; e++) if (E.panel[e]) panel.push(e);
  const purchasesPerYear = new Float32Array(E.count);
  for (const e of panel)
    purchasesPerYear[e] = Math.min(
      4,
      Math.max(1, Math.round(1.5 + 1.5 * Math.log10(Math.max(1, E.baseRevenue[e]! / 1e8)))),
    );
  const fundingOf = agencies.map((a) => {
    const extra = Object.entries(a.spec.funding ?? {}) as Array<[FundingSource, number]>;
    const rest = 1 - extra.reduce((s, [, w]) => s + w, 0);
    return {
      sources: [...extra.map(([f]) => f), 'APBD' as FundingSource],
      weights: [...extra.map(([, w]) => w), rest],
    };
  });

  const unitFunding: Funding[] = units.map((u) =>
    u.kind === 'PUSKESMAS'
      ? { sources: ['DAK', 'APBD'], weights: [0.6, 0.4] }
      : { sources: [u.spec.funding], weights: [1] },
  );
  const unitFlags = units.map((u) => (u.spec.isGovernment ? SPEND.government : 0));
  const unitPrefix = units.map((u) => (u.spec.isGovernment ? 'BKU' : 'NOTA'));
  const medians = CATEGORIES.map((c) => MEDIAN_AMOUNT[c]);
  return {
    unitFunding,
    unitFlags,
    unitPrefix,
    medians,
    STATE,
    directState,
    networkState,
    directTables,
    unitTables,
    directYearSpend,
    directCarry,
    directSpent,
    unitCarry,
    yearRevenue,
    panel,
    purchasesPerYear,
    fundingOf,
  };
}
