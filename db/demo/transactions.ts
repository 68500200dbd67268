import type { FundingSource } from '../src/database.ts';
import { type Budget, unitCategorySpend } from './budget.ts';
import { MONTHS, monthInfo, monthOfYear, YEARS, yearOf } from './calendar.ts';
import {
  ACCOUNT_CODES,
  AMOUNT_SIGMA,
  CATEGORIES,
  CATEGORY_COUNT,
  type Category,
  cat,
  MEDIAN_AMOUNT,
  NO_CATEGORY,
  SECTOR_INDEX,
  SECTORS,
} from './catalog.ts';
import type { Life } from './life.ts';
import { CumulativeTable, hashFloat, Random } from './random.ts';
import type { World } from './registry.ts';
import { annualRevenue } from './snapshots.ts';
import { GOV_SEASON, NETWORK_AMOUNT_FACTOR } from './story.ts';

/*
 * Purchase transactions, month by month from January 2019 to December 2025:
 *  1. every agency spends its month's budget (budget.ts, with seasonality): a category drawn by
 *     its planned spend, a log-normal purchase size; whether the purchase goes to a local UMKM is
 *     decided by error feedback against the planned shares of the (agency, category) cell and of
 *     the agency as a whole, so each agency-year lands within about one purchase of its plan.
 *     Local purchases by government buyers go to that year's government suppliers (life.ts), each
 *     of whom gets at least one order; leftover budget carries over to the next month;
 *  2. every network unit spends its share of 30-50 % of what its agency actually spent that month,
 *     the same way with its network's plan (non-government units buy from any local UMKM);
 *  3. UMKM in the survey panel buy supplies from other local UMKM (15-30 % of their snapshot
 *     revenue, with a few two-way partners) and from outside;
 *  4. UMKM outside the panel and cooperatives re-spend right after being paid by a buyer: the firm
 *     a share of it at local suppliers, the cooperative most of it at its member farmers.
 * Within a month, rows are sorted by date before ids are assigned, so ids follow the calendar.
 */

/** id, buyer_id, seller_id, program_id, product_id, category, account_code, funding_source, amount, quantity, occurred_on, source, source_ref */
export type TransactionRow = [
  number,
  number,
  number,
  number | null,
  number | null,
  string,
  string | null,
  FundingSource | null,
  number,
  number | null,
  string,
  string,
  string,
];

const GOV_SEASON_TOTAL = GOV_SEASON.reduce((a, b) => a + b, 0);
const MIN_AMOUNT = 50_000;
/** Chance per month that a panel firm records a purchase from outside the regency. */
const OUTSIDE_PER_MONTH = 0.05;

interface SellerPool {
  readonly ids: Int32Array;
  readonly table: CumulativeTable;
}

function pool(ids: readonly number[], weights: readonly number[]): SellerPool {
  return { ids: Int32Array.from(ids), table: new CumulativeTable(weights) };
}

export function* transactionRows(world: World, budget: Budget, life: Life): Generator<TransactionRow[]> {
  const { seed, agencies, units, cooperatives, others, products } = world;
  const E = world.enterprises;
  const entFirst = E.firstId;
  const entEnd = E.firstId + E.count;
  const isLocalUmkmEnterprise = (id: number) => id >= entFirst && id < entEnd && E.isUmkm(id - entFirst);
  const coopById = new Map(cooperatives.map((c) => [c.id, c]));
  const revenueWeight = (e: number) => Math.sqrt(E.baseRevenue[e]! / 1e8);

  // ── Seller pools ────────────────────────────────────────────────────────────────────────────
  const byCategory: number[][] = Array.from({ length: CATEGORY_COUNT }, () => []);
  const bySector: number[][] = SECTORS.map(() => []);
  for (let e = 0; e < E.count; e++) {
    if (!E.isUmkm(e)) continue;
    byCategory[E.primary[e]!]!.push(e);
    if (E.secondary[e] !== NO_CATEGORY) byCategory[E.secondary[e]!]!.push(e);
    bySector[E.sector[e]!]!.push(e);
  }
  const general = byCategory.map((list) => pool(list, list.map(revenueWeight)));
  // Firms in the survey panel record their own purchases: as suppliers they carry money a round further.
  const sectors = bySector.map((list) =>
    pool(
      list,
      list.map((e) => revenueWeight(e) * (E.panel[e] ? 2.5 : 1)),
    ),
  );
  const govPools = life.suppliers.map((perCategory) => {
    const lists: number[][] = Array.from({ length: CATEGORY_COUNT }, () => []);
    for (const list of perCategory) {
      for (const e of list) {
        lists[E.primary[e]!]!.push(e);
        if (E.secondary[e] !== NO_CATEGORY) lists[E.secondary[e]!]!.push(e);
      }
    }
    return lists.map((list) => pool(list, list.map(revenueWeight)));
  });
  // Coverage: each supplier's first order, earliest-ending windows first.
  const coverage = life.suppliers.map((perCategory) =>
    perCategory.map((list) => ({
      list: Array.from(list).sort((a, b) => E.dormantFrom[a]! - E.dormantFrom[b]! || a - b),
      pos: 0,
    })),
  );
  const activeCoops = cooperatives.filter((c) => c.status === 'ACTIVE' && c.category !== NO_CATEGORY);
  const coopPools = CATEGORIES.map((_, c) => {
    const list = activeCoops.filter((x) => x.category === c);
    return pool(
      list.map((x) => x.id),
      list.map((x) => Math.sqrt(x.membersCount)),
    );
  });
  const farmerList = activeCoops.filter((c) => c.subtype === 'FARMER');
  const farmerCoops = pool(
    farmerList.map((c) => c.id),
    farmerList.map((c) => Math.sqrt(c.membersCount)),
  );
  const otherLists = CATEGORIES.map(() => ({
    all: [] as number[],
    allW: [] as number[],
    out: [] as number[],
    outW: [] as number[],
    local: [] as number[],
    localW: [] as number[],
  }));
  for (const s of others) {
    for (const c of s.categories) {
      const l = otherLists[c]!;
      l.all.push(s.id);
      l.allW.push(s.local ? s.weight * 0.6 : s.weight);
      if (s.local) {
        l.local.push(s.id);
        l.localW.push(s.weight);
      } else {
        l.out.push(s.id);
        l.outW.push(s.weight);
      }
    }
  }
  for (let e = 0; e < E.count; e++) {
    if (E.isUmkm(e)) continue;
    const l = otherLists[E.primary[e]!]!;
    l.all.push(entFirst + e);
    l.allW.push(1.5);
    l.local.push(entFirst + e);
    l.localW.push(1.5);
  }
  const anyOther = pool(
    others.map((s) => s.id),
    others.map((s) => s.weight),
  );
  const otherAll = otherLists.map((l) => (l.all.length ? pool(l.all, l.allW) : anyOther));
  const otherOutside = otherLists.map((l) => (l.out.length ? pool(l.out, l.outW) : anyOther));
  const localOtherAll = otherLists.flatMap((l) => l.local);
  const localOther = localOtherAll.length
    ? pool(
        localOtherAll,
        localOtherAll.map(() => 1),
      )
    : anyOther;
  const otherCategory = new Map<number, number>();
  for (const s of others) otherCategory.set(s.id, s.categories[0] as number);

  const draw = (p: SellerPool, rng: Random) => {
    const i = p.table.sample(rng);
    return i < 0 ? -1 : (p.ids[i] as number);
  };
  /** A local UMKM enterprise from a pool, active in the month (enterprise index), or -1. */
  const drawActive = (p: SellerPool, rng: Random, month: number, exclude = -1) => {
    for (let t = 0; t < 12; t++) {
      const e = draw(p, rng);
      if (e < 0) return -1;
      if (e !== exclude && E.activeAt(e, month)) return e;
    }
    return -1;
  };

  const pickLocalGov = (yi: number, c: number, month: number, rng: Random): number => {
    const q = coverage[yi]![c]!;
    while (q.pos < q.list.length) {
      const e = q.list[q.pos] as number;
      if (E.activeAt(e, month)) {
        q.pos++;
        return entFirst + e;
      }
      if (E.foundedMonth[e]! <= month) q.pos++;
      else break;
    }
    if (coopPools[c]!.ids.length && rng.chance(c === cat('FOOD_STAPLES') ? 0.22 : 0.04))
      return draw(coopPools[c]!, rng);
    const e = drawActive(govPools[yi]![c]!, rng, month);
    if (e >= 0) return entFirst + e;
    return coopPools[c]!.ids.length ? draw(coopPools[c]!, rng) : -1;
  };
  const pickLocalAny = (c: number, month: number, rng: Random, exclude = -1): number => {
    if (coopPools[c]!.ids.length && rng.chance(0.05)) return draw(coopPools[c]!, rng);
    const e = drawActive(general[c]!, rng, month, exclude);
    return e >= 0 ? entFirst + e : -1;
  };
  const categoryOf = (sellerId: number, fallback: number) => {
    if (sellerId >= entFirst && sellerId < entEnd) return E.primary[sellerId - entFirst]!;
    const coop = coopById.get(sellerId);
    if (coop) return coop.category === NO_CATEGORY ? fallback : coop.category;
    return otherCategory.get(sellerId) ?? fallback;
  };

  // ── Per-year precomputation ────────────────────────────────────────────────────────────────
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

  let nextId = 1;
  // Month-level state shared by the helpers below.
  let month = 0;
  let year = YEARS[0]!;
  let yi = 0;
  let workdays: readonly string[] = [];
  let rng = new Random(seed, 'transactions', 0);
  let rows: TransactionRow[] = [];

  const emit = (
    buyer: number,
    seller: number,
    program: number | null,
    c: number,
    amount: number,
    dayIndex: number,
    account: string | null,
    funding: FundingSource | null,
    prefix: string,
  ) => {
    let product = products.find(seller, c, rng);
    let quantity: number | null = null;
    let value = amount;
    // Priced by the product when one fits the purchase size; a product dearer than the purchase
    // (a consultancy package for a small order) is not attached.
    const price = product >= 0 ? (products.price[product] as number) : 0;
    if (product >= 0 && price <= amount * 1.5) {
      quantity = Math.max(1, Math.round(amount / price));
      value = quantity * price;
    } else product = -1;
    rows.push([
      0,
      buyer,
      seller,
      program,
      product >= 0 ? product + 1 : null,
      CATEGORIES[c] as Category,
      account,
      funding,
      value,
      quantity,
      workdays[dayIndex] as string,
      'DEMO',
      prefix,
    ]);
    return value;
  };

  /** Local suppliers of an enterprise: partner, cooperatives, local non-UMKM, or its supplier sectors. */
  const supplierOf = (e: number, r: Random): number => {
    const partner = E.partner[e]!;
    if (partner >= 0 && r.chance(0.3) && E.activeAt(partner, month)) return entFirst + partner;
    const x = r.float();
    if (x < 0.08) {
      const c = r.pick([cat('FOOD_STAPLES'), cat('SNACKS'), cat('PRINTING_STATIONERY')]);
      if (coopPools[c]!.ids.length) return draw(coopPools[c]!, r);
    }
    if (x < 0.13) return draw(localOther, r);
    const sector = SECTORS[E.sector[e]!] as (typeof SECTORS)[number];
    const supplierSector = SECTOR_INDEX.get(r.pick(sector.suppliers)) as number;
    const s = drawActive(sectors[supplierSector]!, r, month, e);
    return s >= 0 ? entFirst + s : -1;
  };

  /** Re-spending right after a payment to a local UMKM outside the panel, or to a cooperative. */
  const respend = (seller: number, amount: number, dayIndex: number) => {
    if (seller >= entFirst && seller < entEnd) {
      const e = seller - entFirst;
      if (E.panel[e] || !E.isUmkm(e)) return;
      // Every other payment triggers a purchase of twice the share: the same share on average.
      const local = rng.chance(0.5)
        ? Math.round((2 * amount * E.respendLocal[e]! * rng.uniform(0.8, 1.2)) / 1000) * 1000
        : 0;
      if (local >= 100_000) {
        const s = supplierOf(e, rng);
        if (s >= 0 && s !== seller)
          emit(
            seller,
            s,
            null,
            categoryOf(s, E.primary[e]!),
            local,
            rng.int(dayIndex, workdays.length - 1),
            null,
            'OWN',
            'INV',
          );
      }
      if (rng.chance(0.25)) {
        const outside = Math.round((4 * amount * E.respendOutside[e]!) / 1000) * 1000;
        if (outside >= 100_000) {
          const c = E.primary[e]!;
          const s = draw(otherOutside[c]!, rng);
          if (s >= 0)
            emit(
              seller,
              s,
              null,
              categoryOf(s, c),
              outside,
              rng.int(dayIndex, workdays.length - 1),
              null,
              'OWN',
              'INV',
            );
        }
      }
      return;
    }
    const coop = coopById.get(seller);
    if (!coop) return;
    const members = coop.members.filter((m) => E.activeAt(m, month));
    const total = amount * coop.passOn;
    const parts = Math.min(members.length, rng.int(1, 3));
    if (parts === 0) {
      const s = pickLocalAny(coop.category === NO_CATEGORY ? cat('FOOD_STAPLES') : coop.category, month, rng);
      if (s >= 0 && s !== seller)
        emit(
          seller,
          s,
          null,
          categoryOf(s, coop.category),
          Math.round(total / 1000) * 1000,
          rng.int(dayIndex, workdays.length - 1),
          null,
          'OWN',
          'INV',
        );
      return;
    }
    rng.shuffle(members);
    for (let k = 0; k < parts; k++) {
      const value = Math.round(total / parts / 1000) * 1000;
      if (value < 50_000) continue;
      const m = members[k] as number;
      emit(
        seller,
        entFirst + m,
        null,
        E.primary[m]!,
        value,
        rng.int(dayIndex, workdays.length - 1),
        null,
        'OWN',
        'INV',
      );
    }
  };

  /** A buyer's funding sources and weights; a puskesmas mixes DAK and APBD. */
  interface Funding {
    readonly sources: readonly FundingSource[];
    readonly weights: readonly number[];
  }
  const SPEND = { government: 1, farmer: 2 };

  /**
   * Spends one buyer's budget for the month; returns what is left (negative: overspent). The last
   * purchase happens with probability left/amount (else the rest carries over), so spending matches
   * the budget on average instead of always overshooting.
   */
  const spendBuyer = (
    buyer: number,
    budgetLeft: number,
    categories: CumulativeTable,
    sizeFactor: number,
    shares: Float64Array,
    state: Float64Array,
    stateBase: number,
    flags: number,
    programs: Int32Array | null,
    farmerCategories: Uint8Array | null,
    funding: Funding | null,
    prefix: string,
  ): number => {
    let left = budgetLeft;
    const government = (flags & SPEND.government) !== 0;
    while (left > 0) {
      const c = categories.sample(rng);
      if (c < 0) break;
      const median = sizeFactor * medians[c]!;
      const amount = Math.max(MIN_AMOUNT, Math.round(rng.logNormal(median, AMOUNT_SIGMA) / 1000) * 1000);
      if (amount > left && rng.float() * amount > left) break;
      // Error feedback on two levels: local when that brings the (agency, category) cell and the
      // agency as a whole closer to their planned local shares (least squares on both errors), so
      // each agency's share lands within about one purchase of its plan and categories follow.
      // A random phase per cell keeps cells with few purchases right on average.
      const k = stateBase + 3 * c;
      const whole = stateBase + 3 * CATEGORY_COUNT;
      if (state[k + 1] === 0 && state[k + 2] === 0) state[k + 2] = (rng.float() - 0.5) * median;
      const share = shares[c]!;
      const cellError = share * (state[k + 1]! + amount) - state[k]! + state[k + 2]!;
      const agencyError = state[whole]! + share * amount - state[whole + 1]!;
      let local = cellError + agencyError >= amount;
      let seller = -1;
      if (local) {
        if (farmerCategories?.[c] === 1 && farmerCoops.ids.length && rng.chance(0.85)) seller = draw(farmerCoops, rng);
        else if (government) seller = pickLocalGov(yi, c, month, rng);
        else seller = pickLocalAny(c, month, rng);
        if (seller < 0 || seller === buyer) local = false;
      }
      if (!local) seller = draw(otherAll[c]!, rng);
      if (seller < 0) break;
      const dayIndex = rng.int(0, workdays.length - 1);
      const account = government ? (rng.pick(ACCOUNT_CODES[CATEGORIES[c] as Category]) as string) : null;
      const source = funding
        ? funding.sources.length === 1
          ? funding.sources[0]!
          : rng.weighted(funding.sources, funding.weights)
        : null;
      const value = emit(
        buyer,
        seller,
        programs ? programs[c] || null : null,
        c,
        amount,
        dayIndex,
        account,
        source,
        prefix,
      );
      state[k + 1]! += value;
      state[whole]! += share * value;
      if (local) {
        state[k]! += value;
        state[whole + 1]! += value;
      }
      left -= value;
      if (local && (isLocalUmkmEnterprise(seller) || coopById.has(seller))) respend(seller, value, dayIndex);
    }
    return left;
  };
  const unitFunding: Funding[] = units.map((u) =>
    u.kind === 'PUSKESMAS'
      ? { sources: ['DAK', 'APBD'], weights: [0.6, 0.4] }
      : { sources: [u.spec.funding], weights: [1] },
  );
  const unitFlags = units.map((u) => (u.spec.isGovernment ? SPEND.government : 0));
  const unitPrefix = units.map((u) => (u.spec.isGovernment ? 'BKU' : 'NOTA'));
  const medians = CATEGORIES.map((c) => MEDIAN_AMOUNT[c]);

  for (month = 0; month < MONTHS; month++) {
    year = yearOf(month);
    yi = year - YEARS[0]!;
    const month0 = monthOfYear(month);
    workdays = monthInfo(month).workdays;
    rng = new Random(seed, 'transactions', month);
    rows = [];
    if (month0 === 0) {
      // Shares are planned per year; budgets left over carry into the next month, across years too.
      directState.fill(0);
      networkState.fill(0);
      for (const e of panel) yearRevenue[e] = annualRevenue(E, seed, e, year);
    }
    const season = GOV_SEASON[month0]! / GOV_SEASON_TOTAL;

    // 1. Agencies' direct purchases.
    for (const a of agencies) {
      const plan = budget.agencies[a.index]!.years[yi]!;
      const available = directYearSpend[a.index]![yi]! * season + directCarry[a.index]!;
      directCarry[a.index] = spendBuyer(
        a.id,
        available,
        directTables[a.index]![yi]!,
        1,
        plan.direct.share,
        directState,
        STATE * a.index,
        SPEND.government,
        plan.program,
        plan.farmerCoops,
        fundingOf[a.index]!,
        'SP2D',
      );
      directSpent[a.index] = available - directCarry[a.index]!;
    }

    // 2. Network units: a share (30-50 %) of what their agency actually spent this month, split by
    //    unit size; local shares kept per (agency network, category).
    for (const unit of units) {
      const agencyPlan = budget.agencies[unit.agency]!;
      const plan = agencyPlan.years[yi]!;
      const monthly = (agencyPlan.networkRatio * directSpent[unit.agency]! * unit.weight) / agencyPlan.unitWeight;
      unitCarry[unit.index] = spendBuyer(
        unit.id,
        monthly + unitCarry[unit.index]!,
        unitTables[unit.index]![yi]!,
        NETWORK_AMOUNT_FACTOR,
        plan.network.share,
        networkState,
        STATE * unit.agency,
        unitFlags[unit.index]!,
        null,
        null,
        unitFunding[unit.index]!,
        unitPrefix[unit.index]!,
      );
    }

    // 3. The survey panel's own purchases: local supplies and outside supplies.
    for (const e of panel) {
      if (!E.activeAt(e, month)) continue;
      const r = new Random(seed, 'panel-purchases', month * 1_000_003 + e);
      const k = purchasesPerYear[e]!;
      if (hashFloat(seed, e, month, 7) < k / 12) {
        const amount = Math.round((((yearRevenue[e]! * E.respendLocal[e]!) / k) * r.uniform(0.7, 1.3)) / 1000) * 1000;
        const s = supplierOf(e, r);
        if (amount >= 50_000 && s >= 0 && s !== entFirst + e) {
          emit(
            entFirst + e,
            s,
            null,
            categoryOf(s, E.primary[e]!),
            amount,
            r.int(0, workdays.length - 1),
            null,
            'OWN',
            'INV',
          );
        }
      }
      if (hashFloat(seed, e, month, 11) < OUTSIDE_PER_MONTH) {
        const amount =
          Math.round(
            (((yearRevenue[e]! * E.respendOutside[e]!) / (12 * OUTSIDE_PER_MONTH)) * r.uniform(0.7, 1.3)) / 1000,
          ) * 1000;
        const c = E.primary[e]!;
        const s = draw(otherOutside[c]!, r);
        if (amount >= 50_000 && s >= 0)
          emit(entFirst + e, s, null, categoryOf(s, c), amount, r.int(0, workdays.length - 1), null, 'OWN', 'INV');
      }
    }

    // Ids follow the calendar (a presorted date index builds fast); the reference carries the
    // year, the id and the document type: SP2D (agency payment order), BKU (unit cash book),
    // NOTA (receipt of a non-government unit), INV (a firm's invoice).
    rows.sort((a, b) => (a[10] < b[10] ? -1 : a[10] > b[10] ? 1 : 0));
    for (const row of rows) {
      const id = nextId++;
      row[0] = id;
      row[12] = `${year}-${String(id).padStart(8, '0')}-${row[12]}`;
    }
    yield rows;
  }
}
