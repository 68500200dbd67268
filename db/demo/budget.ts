import type { AssistanceKind } from '../src/database.ts';
import { type Mix, PENUNJANG_PROGRAM, type ProgramSpec } from './agencies.ts';
import { YEARS } from './calendar.ts';
import { CATEGORIES, CATEGORY_COUNT, LOCALNESS, MEAN_OVER_MEDIAN, MEDIAN_AMOUNT } from './catalog.ts';
import { Random } from './random.ts';
import type { World } from './registry.ts';
import {
  AGENCY_OFFSET_RANGE,
  LOCAL_UMKM_SHARE,
  NETWORK_AMOUNT_FACTOR,
  NETWORK_LOCAL_CAP,
  NETWORK_LOCAL_FACTOR,
  NETWORK_RATIO,
  REGULATION_TARGETS,
  SPEND_UNIT,
  volumeFactor,
  YEAR_SPEND_INDEX,
} from './story.ts';

/*
 * Money plans: each agency's yearly direct spend by category and the local-UMKM share per
 * category (solved so the agency lands on its place in the league and all agencies together on
 * LOCAL_UMKM_SHARE), its network's spend and shares, and the programs that carry the spend.
 */

export interface CategoryPlan {
  readonly spend: Float64Array;
  readonly share: Float64Array;
}

export interface AgencyYearPlan {
  readonly year: number;
  readonly spend: number;
  readonly share: number;
  readonly direct: CategoryPlan;
  /** Program id charged with each category's purchases (0 = none). */
  readonly program: Int32Array;
  /** 1 where the category's local purchases go to farmer cooperatives (rice program). */
  readonly farmerCoops: Uint8Array;
  readonly networkSpend: number;
  readonly networkShare: number;
  /** The whole network's spend by category (the sum over its units) and its local shares. */
  readonly network: CategoryPlan;
}

export interface AgencyPlan {
  readonly offset: number;
  readonly networkRatio: number;
  readonly networkFactor: number;
  /** Total weight of the agency's units (to split its network spend). */
  readonly unitWeight: number;
  readonly years: readonly AgencyYearPlan[];
}

export interface ProgramInfo {
  readonly id: number;
  readonly ref: string;
  readonly agency: number;
  readonly code: string;
  readonly name: string;
  readonly year: number;
  readonly budget: number;
  readonly target: number | null;
  readonly assistance: readonly AssistanceKind[];
}

export interface Budget {
  readonly volume: number;
  readonly agencies: readonly AgencyPlan[];
  readonly programs: readonly ProgramInfo[];
  /** Expected local-UMKM purchases by government buyers, [year index][category]. */
  readonly expectedLocalSlots: readonly Float64Array[];
  /** The program of an agency with a given assistance kind in a year, if any. */
  assistanceProgram(kind: AssistanceKind, year: number): ProgramInfo | undefined;
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const MAX_SHARE = 0.95;
const LOCALNESS_WEIGHTS = CATEGORIES.map((c) => LOCALNESS[c]);

function normalise(mix: Mix, boosts: readonly Mix[]): Float64Array {
  const out = new Float64Array(CATEGORY_COUNT);
  CATEGORIES.forEach((c, i) => {
    out[i] = (mix[c] ?? 0) + boosts.reduce((sum, b) => sum + (b[c] ?? 0), 0);
  });
  const total = out.reduce((a, b) => a + b, 0);
  for (let i = 0; i < CATEGORY_COUNT; i++) out[i] = out[i]! / total;
  return out;
}

/**
 * Local shares per category so that Σ spend·share = target·Σ spend: fixed categories keep their
 * share, the others get min(MAX_SHARE, k·localness) with k found by bisection.
 */
export function solveShares(spend: Float64Array, target: number, fixed: readonly (number | undefined)[]): Float64Array {
  const shares = new Float64Array(CATEGORY_COUNT);
  let total = 0;
  let fixedLocal = 0;
  for (let c = 0; c < CATEGORY_COUNT; c++) {
    total += spend[c]!;
    const f = fixed[c];
    if (f !== undefined) {
      shares[c] = f;
      fixedLocal += spend[c]! * f;
    }
  }
  const need = target * total - fixedLocal;
  const weights = LOCALNESS_WEIGHTS;
  const local = (k: number) => {
    let sum = 0;
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      if (fixed[c] === undefined) sum += spend[c]! * Math.min(MAX_SHARE, k * weights[c]!);
    }
    return sum;
  };
  let lo = 0;
  let hi = 50;
  if (need <= 0) hi = 0;
  for (let i = 0; i < 40 && hi > 0; i++) {
    const mid = (lo + hi) / 2;
    if (local(mid) < need) lo = mid;
    else hi = mid;
  }
  for (let c = 0; c < CATEGORY_COUNT; c++) {
    if (fixed[c] === undefined) shares[c] = Math.min(MAX_SHARE, hi * weights[c]!);
  }
  return shares;
}

const share = (plan: CategoryPlan) => {
  let total = 0;
  let local = 0;
  for (let c = 0; c < CATEGORY_COUNT; c++) {
    total += plan.spend[c]!;
    local += plan.spend[c]! * plan.share[c]!;
  }
  return total > 0 ? local / total : 0;
};

const activeIn = (p: ProgramSpec, year: number) => (p.from ?? 2019) <= year && year <= (p.to ?? 2025);

export function buildBudget(world: World): Budget {
  const { agencies, units, seed } = world;
  const volume = volumeFactor(world.scale) * world.fraction;
  const rng = new Random(seed, 'budget');

  // The league: evenly spaced logit offsets; agencies with a fixed place take the nearest slot.
  const [lo, hi] = AGENCY_OFFSET_RANGE;
  const slots = agencies.map((_, i) => lo + ((hi - lo) * i) / Math.max(1, agencies.length - 1));
  const offsets = new Array<number>(agencies.length);
  for (const a of agencies) {
    const fixed = a.spec.localOffset;
    if (fixed === undefined) continue;
    let best = 0;
    for (let i = 1; i < slots.length; i++) if (Math.abs(slots[i]! - fixed) < Math.abs(slots[best]! - fixed)) best = i;
    offsets[a.index] = slots[best]!;
    slots.splice(best, 1);
  }
  rng.shuffle(slots);
  for (const a of agencies) if (offsets[a.index] === undefined) offsets[a.index] = slots.pop() as number;

  const networkRatio = agencies.map(() => rng.uniform(NETWORK_RATIO[0], NETWORK_RATIO[1]));
  const networkFactor = agencies.map(() => rng.uniform(NETWORK_LOCAL_FACTOR[0], NETWORK_LOCAL_FACTOR[1]));
  const unitWeight = agencies.map((a) => a.units.reduce((sum, u) => sum + units[u]!.weight, 0));
  const unitMix = units.map((u) => normalise(u.spec.mix, []));

  // Programs per year and agency, and which program each category is charged to.
  const programs: ProgramInfo[] = [];
  const years: AgencyYearPlan[][] = agencies.map(() => []);
  const expectedLocalSlots = YEARS.map(() => new Float64Array(CATEGORY_COUNT));

  // Direct spend, category mix and program-fixed category shares of each agency, every year.
  const yearInputs = YEARS.map((year) => {
    const spend = agencies.map(
      (a) => a.spec.spend * SPEND_UNIT * volume * YEAR_SPEND_INDEX[year]! * rng.uniform(0.95, 1.05),
    );
    const categorySpends = agencies.map((a, i) =>
      normalise(
        a.spec.mix,
        a.spec.programs.filter((p) => p.boost && activeIn(p, year)).map((p) => p.boost as Mix),
      ).map((m) => m * spend[i]!),
    );
    const fixedShares = agencies.map((a) => {
      const fixed: (number | undefined)[] = new Array(CATEGORY_COUNT).fill(undefined);
      for (const p of a.spec.programs) {
        if (!activeIn(p, year) || !p.localShare) continue;
        const value = p.localShare[year];
        if (value === undefined) continue;
        for (const c of p.categories) fixed[CATEGORIES.indexOf(c)] = value;
      }
      return fixed;
    });
    return { year, spend, categorySpends, fixedShares };
  });

  /** Every agency's category plan for a year: its league offset plus a shift that makes all agencies together hit the year's share. */
  const league = (yi: number) => {
    const { year, categorySpends, fixedShares } = yearInputs[yi]!;
    const solveOne = (i: number, offset: number, shift: number): CategoryPlan => ({
      spend: categorySpends[i]!,
      share: solveShares(categorySpends[i]!, sigmoid(logit(LOCAL_UMKM_SHARE[year]!) + offset + shift), fixedShares[i]!),
    });
    const solveAt = (shift: number) => agencies.map((_, i) => solveOne(i, offsets[i]!, shift));
    const aggregate = (plans: CategoryPlan[]) => {
      let total = 0;
      let local = 0;
      for (const p of plans) {
        for (let c = 0; c < CATEGORY_COUNT; c++) {
          total += p.spend[c]!;
          local += p.spend[c]! * p.share[c]!;
        }
      }
      return local / total;
    };
    let lo2 = -4;
    let hi2 = 4;
    for (let i = 0; i < 32; i++) {
      const mid = (lo2 + hi2) / 2;
      if (aggregate(solveAt(mid)) < LOCAL_UMKM_SHARE[year]!) lo2 = mid;
      else hi2 = mid;
    }
    const shift = (lo2 + hi2) / 2;
    return { plans: solveAt(shift), shift, solveOne };
  };

  // Every scorecard grade in the last year, robustly: each band must hold an agency of some size
  // well inside it (realised shares wander a point or two from the plan); if none does, the nearest
  // movable agency (no fixed place, no own target) moves to the middle of the band.
  const lastYi = YEARS.length - 1;
  const lastYear = YEARS[lastYi]!;
  const targetOf = (i: number) => {
    const own = agencies[i]!.spec.ownTarget;
    return own && own.from <= lastYear ? own.share : (REGULATION_TARGETS[lastYear] ?? 0.45);
  };
  const BANDS = [
    { grade: 'A+', lo: 1.2, hi: 1.6, mid: 1.35 },
    { grade: 'A', lo: 1.0, hi: 1.2, mid: 1.1 },
    { grade: 'B', lo: 0.9, hi: 1.0, mid: 0.95 },
    { grade: 'C', lo: 0.8, hi: 0.9, mid: 0.85 },
    { grade: 'D', lo: 0.7, hi: 0.8, mid: 0.75 },
    { grade: 'F', lo: 0, hi: 0.7, mid: 0.45 },
  ];
  const sizeable = (i: number) => agencies[i]!.spec.spend >= 0.75;
  for (let round = 0; round < 12; round++) {
    const { plans, shift, solveOne } = league(lastYi);
    const achievement = plans.map((p, i) => share(p) / targetOf(i));
    const solidIn = (i: number) =>
      BANDS.findIndex((b) => {
        const margin = (b.hi - b.lo) / 4;
        return sizeable(i) && achievement[i]! >= b.lo + margin && achievement[i]! <= b.hi - margin;
      });
    const counts = BANDS.map((_, b) => agencies.filter((a) => solidIn(a.index) === b).length);
    const empty = counts.indexOf(0);
    if (empty < 0) break;
    const band = BANDS[empty]!;
    const movable = agencies
      .filter((a) => a.spec.localOffset === undefined && !a.spec.ownTarget && sizeable(a.index))
      .filter((a) => solidIn(a.index) < 0 || counts[solidIn(a.index)]! > 1)
      .sort(
        (a, b) =>
          Math.abs(achievement[a.index]! - band.mid) - Math.abs(achievement[b.index]! - band.mid) || a.index - b.index,
      );
    const mover = movable[0];
    if (!mover) break;
    let lo3 = -6;
    let hi3 = 6;
    for (let k = 0; k < 40; k++) {
      const mid = (lo3 + hi3) / 2;
      if (share(solveOne(mover.index, mid, shift)) / targetOf(mover.index) < band.mid) lo3 = mid;
      else hi3 = mid;
    }
    offsets[mover.index] = (lo3 + hi3) / 2;
  }

  for (const [yi, year] of YEARS.entries()) {
    const { spend } = yearInputs[yi]!;
    const direct = league(yi).plans;

    for (const a of agencies) {
      const i = a.index;
      const plan = direct[i] as CategoryPlan;
      const agencyShare = share(plan);
      // Programs: the support program always; the agency's programs while they run.
      const u = a.spec.code.slice(0, 4);
      const program = new Int32Array(CATEGORY_COUNT);
      const farmerCoops = new Uint8Array(CATEGORY_COUNT);
      const charged = new Map<number, number[]>();
      const add = (spec: ProgramSpec | null, k: number) => {
        const id = programs.length + 1;
        const target = spec?.target && year >= spec.target.from ? spec.target.share : null;
        const info = {
          id,
          ref: `PRG-${year}-${a.spec.key}-${String(k).padStart(2, '0')}`,
          agency: i,
          code: `${u}.${String(k).padStart(2, '0')}`,
          name: spec ? spec.name : PENUNJANG_PROGRAM,
          year,
          budget: 0,
          target,
          assistance: spec?.assistance ?? [],
        };
        programs.push(info);
        charged.set(id, []);
        return info;
      };
      const support = add(null, 1);
      const own = a.spec.programs.map((p, k) => (activeIn(p, year) ? { spec: p, info: add(p, k + 2) } : null));
      for (let c = 0; c < CATEGORY_COUNT; c++) {
        if (plan.spend[c]! <= 0) continue;
        const name = CATEGORIES[c];
        const special = own.find((o) => o?.spec.localShare && o.spec.categories.includes(name as never));
        const main = own.find((o) => o && !o.spec.localShare && o.spec.categories.includes(name as never));
        const chosen = special ?? main;
        const id = chosen ? chosen.info.id : support.id;
        program[c] = id;
        charged.get(id)?.push(c);
        if (chosen?.spec.sellers === 'FARMER_COOPERATIVES') farmerCoops[c] = 1;
      }
      // Budgets: what the program is planned to buy, with 80-100 % realisation; grants get a flat budget.
      for (const [id, cats] of charged) {
        const info = programs[id - 1] as ProgramInfo & { budget: number };
        const planned = cats.reduce((sum, c) => sum + plan.spend[c]!, 0);
        const spec = own.find((o) => o?.info.id === id)?.spec;
        const base = spec?.noPurchases
          ? 0.06 * spend[i]!
          : planned > 0
            ? planned * rng.uniform(1.05, 1.3)
            : 0.02 * spend[i]!;
        info.budget = Math.max(1_000_000, Math.round(base / 1_000_000) * 1_000_000);
      }

      // The network: 30-50 % of the agency's spend, more local than the agency itself.
      const networkSpend = unitWeight[i]! > 0 ? networkRatio[i]! * spend[i]! : 0;
      const networkShare = Math.min(NETWORK_LOCAL_CAP, agencyShare * networkFactor[i]!);
      const networkCategorySpend = new Float64Array(CATEGORY_COUNT);
      for (const ui of a.units) {
        const unitSpend = (networkSpend * units[ui]!.weight) / unitWeight[i]!;
        for (let c = 0; c < CATEGORY_COUNT; c++) networkCategorySpend[c]! += unitSpend * unitMix[ui]![c]!;
      }
      const network: CategoryPlan = {
        spend: networkCategorySpend,
        share: solveShares(networkCategorySpend, networkShare, []),
      };

      // Expected local purchases by government buyers (sizes the supplier pools in life.ts).
      const slots = expectedLocalSlots[yi] as Float64Array;
      const govNetworkShare =
        networkSpend > 0
          ? a.units.filter((x) => units[x]!.spec.isGovernment).reduce((s, x) => s + units[x]!.weight, 0) /
            unitWeight[i]!
          : 0;
      for (let c = 0; c < CATEGORY_COUNT; c++) {
        const mean = MEDIAN_AMOUNT[CATEGORIES[c] as keyof typeof MEDIAN_AMOUNT] * MEAN_OVER_MEDIAN;
        slots[c]! += (plan.spend[c]! * plan.share[c]!) / mean;
        slots[c]! += (govNetworkShare * network.spend[c]! * network.share[c]!) / (mean * NETWORK_AMOUNT_FACTOR);
      }

      years[i]!.push({
        year,
        spend: spend[i]!,
        share: agencyShare,
        direct: plan,
        program,
        farmerCoops,
        networkSpend,
        networkShare,
        network,
      });
    }
  }

  const byAssistance = new Map<string, ProgramInfo>();
  for (const p of programs) for (const kind of p.assistance) byAssistance.set(`${kind}:${p.year}`, p);

  return {
    volume,
    agencies: agencies.map((_, i) => ({
      offset: offsets[i]!,
      networkRatio: networkRatio[i]!,
      networkFactor: networkFactor[i]!,
      unitWeight: unitWeight[i]!,
      years: years[i]!,
    })),
    programs,
    expectedLocalSlots,
    assistanceProgram: (kind, year) => byAssistance.get(`${kind}:${year}`),
  };
}

/** A unit's spend in a category and year: its share of the agency's network spend times its mix. */
export function unitCategorySpend(world: World, budget: Budget, unitIndex: number, yearIndex: number): Float64Array {
  const unit = world.units[unitIndex]!;
  const plan = budget.agencies[unit.agency]!;
  const year = plan.years[yearIndex]!;
  const total = plan.unitWeight > 0 ? (year.networkSpend * unit.weight) / plan.unitWeight : 0;
  return normalise(unit.spec.mix, []).map((m) => m * total);
}
