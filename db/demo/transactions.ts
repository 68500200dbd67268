import type { FundingSource } from '../src/database.ts';
import { type Budget } from './budget.ts';
import { MONTHS, monthInfo, monthOfYear, YEARS, yearOf } from './calendar.ts';
import {
  ACCOUNT_CODES,
  AMOUNT_SIGMA,
  CATEGORIES,
  CATEGORY_COUNT,
  type Category,
  cat,
  NO_CATEGORY,
  SECTOR_INDEX,
  SECTORS,
} from './catalog.ts';
import type { Life } from './life.ts';
import { type CumulativeTable, hashFloat, Random } from './random.ts';
import type { World } from './registry.ts';
import { sellerPools } from './seller-pools.ts';
import { annualRevenue } from './snapshots.ts';
import { type Funding, GOV_SEASON_TOTAL, MIN_AMOUNT, SPEND, spendingPlans } from './spending-plans.ts';
import { GOV_SEASON, NETWORK_AMOUNT_FACTOR } from './story.ts';
import type { TransactionRow } from './tables.ts';

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

/** Chance per month that a panel firm records a purchase from outside the regency. */
const OUTSIDE_PER_MONTH = 0.05;

export function* transactionRows(world: World, budget: Budget, life: Life): Generator<TransactionRow[]> {
  const { seed, agencies, units, cooperatives, products } = world;
  const E = world.enterprises;
  const entFirst = E.firstId;
  const entEnd = E.firstId + E.count;
  const isLocalUmkmEnterprise = (id: number) => id >= entFirst && id < entEnd && E.isUmkm(id - entFirst);
  const coopById = new Map(cooperatives.map((c) => [c.id, c]));
  const pools = sellerPools(world, life);
  const plans = spendingPlans(world, budget);

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
      if (pools.coopPools[c]!.ids.length) return pools.draw(pools.coopPools[c]!, r);
    }
    if (x < 0.13) return pools.draw(pools.localOther, r);
    const sector = SECTORS[E.sector[e]!] as (typeof SECTORS)[number];
    const supplierSector = SECTOR_INDEX.get(r.pick(sector.suppliers)) as number;
    const s = pools.drawActive(pools.sectors[supplierSector]!, r, month, e);
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
            pools.categoryOf(s, E.primary[e]!),
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
          const s = pools.draw(pools.otherOutside[c]!, rng);
          if (s >= 0)
            emit(
              seller,
              s,
              null,
              pools.categoryOf(s, c),
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
      const s = pools.pickLocalAny(coop.category === NO_CATEGORY ? cat('FOOD_STAPLES') : coop.category, month, rng);
      if (s >= 0 && s !== seller)
        emit(
          seller,
          s,
          null,
          pools.categoryOf(s, coop.category),
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
      const median = sizeFactor * plans.medians[c]!;
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
        if (farmerCategories?.[c] === 1 && pools.farmerCoops.ids.length && rng.chance(0.85))
          seller = pools.draw(pools.farmerCoops, rng);
        else if (government) seller = pools.pickLocalGov(yi, c, month, rng);
        else seller = pools.pickLocalAny(c, month, rng);
        if (seller < 0 || seller === buyer) local = false;
      }
      if (!local) seller = pools.draw(pools.otherAll[c]!, rng);
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

  for (month = 0; month < MONTHS; month++) {
    year = yearOf(month);
    yi = year - YEARS[0]!;
    const month0 = monthOfYear(month);
    workdays = monthInfo(month).workdays;
    rng = new Random(seed, 'transactions', month);
    rows = [];
    if (month0 === 0) {
      // Shares are planned per year; budgets left over carry into the next month, across years too.
      plans.directState.fill(0);
      plans.networkState.fill(0);
      for (const e of plans.panel) plans.yearRevenue[e] = annualRevenue(E, seed, e, year);
    }
    const season = GOV_SEASON[month0]! / GOV_SEASON_TOTAL;

    // 1. Agencies' direct purchases.
    for (const a of agencies) {
      const plan = budget.agencies[a.index]!.years[yi]!;
      const available = plans.directYearSpend[a.index]![yi]! * season + plans.directCarry[a.index]!;
      plans.directCarry[a.index] = spendBuyer(
        a.id,
        available,
        plans.directTables[a.index]![yi]!,
        1,
        plan.direct.share,
        plans.directState,
        plans.STATE * a.index,
        SPEND.government,
        plan.program,
        plan.farmerCoops,
        plans.fundingOf[a.index]!,
        'SP2D',
      );
      plans.directSpent[a.index] = available - plans.directCarry[a.index]!;
    }

    // 2. Network units: a share (30-50 %) of what their agency actually spent this month, split by
    //    unit size; local shares kept per (agency network, category).
    for (const unit of units) {
      const agencyPlan = budget.agencies[unit.agency]!;
      const plan = agencyPlan.years[yi]!;
      const monthly = (agencyPlan.networkRatio * plans.directSpent[unit.agency]! * unit.weight) / agencyPlan.unitWeight;
      plans.unitCarry[unit.index] = spendBuyer(
        unit.id,
        monthly + plans.unitCarry[unit.index]!,
        plans.unitTables[unit.index]![yi]!,
        NETWORK_AMOUNT_FACTOR,
        plan.network.share,
        plans.networkState,
        plans.STATE * unit.agency,
        plans.unitFlags[unit.index]!,
        null,
        null,
        plans.unitFunding[unit.index]!,
        plans.unitPrefix[unit.index]!,
      );
    }

    // 3. The survey panel's own purchases: local supplies and outside supplies.
    for (const e of plans.panel) {
      if (!E.activeAt(e, month)) continue;
      const r = new Random(seed, 'panel-purchases', month * 1_000_003 + e);
      const k = plans.purchasesPerYear[e]!;
      if (hashFloat(seed, e, month, 7) < k / 12) {
        const amount =
          Math.round((((plans.yearRevenue[e]! * E.respendLocal[e]!) / k) * r.uniform(0.7, 1.3)) / 1000) * 1000;
        const s = supplierOf(e, r);
        if (amount >= 50_000 && s >= 0 && s !== entFirst + e) {
          emit(
            entFirst + e,
            s,
            null,
            pools.categoryOf(s, E.primary[e]!),
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
            (((plans.yearRevenue[e]! * E.respendOutside[e]!) / (12 * OUTSIDE_PER_MONTH)) * r.uniform(0.7, 1.3)) / 1000,
          ) * 1000;
        const c = E.primary[e]!;
        const s = pools.draw(pools.otherOutside[c]!, r);
        if (amount >= 50_000 && s >= 0)
          emit(
            entFirst + e,
            s,
            null,
            pools.categoryOf(s, c),
            amount,
            r.int(0, workdays.length - 1),
            null,
            'OWN',
            'INV',
          );
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
