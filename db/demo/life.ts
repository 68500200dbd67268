import type { AssistanceKind } from '../src/database.ts';
import type { Budget } from './budget.ts';
import { MONTH_FIRST_DAY, MONTHS, monthIndex, monthInfo, NEVER, YEARS } from './calendar.ts';
import { CATEGORY_COUNT, SECTORS } from './catalog.ts';
import { Random } from './random.ts';
import type { World } from './registry.ts';
import { HAZARD, SUPPLIER_POOL_CAP, SUPPLIER_POOL_RATIO, TRAINING_SHARE } from './story.ts';

/*
 * The life of every local enterprise, planned before any row is written: in which years it is a
 * government supplier (wins orders), when it is trained or otherwise assisted, and the month it
 * goes dormant or closes. The plan is causal where the story needs it to be: suppliers are
 * protected from dormancy in the first half of their supplier year, and trainees without orders
 * in the training year or the next face a much higher hazard than trainees with orders.
 */

export interface AssistanceEvent {
  readonly enterprise: number;
  readonly kind: AssistanceKind;
  readonly day: number;
  readonly programId: number | null;
}

export interface Life {
  /** Government suppliers per year index, by primary category: enterprise indices. */
  readonly suppliers: ReadonlyArray<ReadonlyArray<Int32Array>>;
  readonly assistance: readonly AssistanceEvent[];
}

const bit = (yearIndex: number) => 1 << yearIndex;

/**
 * Weighted sample of k items without replacement (Efraimidis-Spirakis keys: the k largest of
 * log(u)/w), in O(n log k) with a heap, returned by descending key.
 */
function sampleWithoutReplacement(
  rng: Random,
  items: readonly number[],
  weight: (e: number) => number,
  k: number,
): number[] {
  const n = items.length;
  if (k <= 0 || n === 0) return [];
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = Math.log(1 - rng.float()) / Math.max(1e-9, weight(items[i] as number));
  // a before b when its key is larger (ties: the earlier item)
  const better = (a: number, b: number) => keys[a]! > keys[b]! || (keys[a] === keys[b] && a < b);
  const size = Math.min(k, n);
  const heap = new Int32Array(size); // the worst kept index at the root
  let count = 0;
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < count && better(heap[worst]!, heap[l]!)) worst = l;
      if (r < count && better(heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) return;
      const tmp = heap[i]!;
      heap[i] = heap[worst]!;
      heap[worst] = tmp;
      i = worst;
    }
  };
  for (let i = 0; i < n; i++) {
    if (count < size) {
      heap[count] = i;
      let c = count++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!better(heap[p]!, heap[c]!)) break;
        const tmp = heap[p]!;
        heap[p] = heap[c]!;
        heap[c] = tmp;
        c = p;
      }
    } else if (better(i, heap[0]!)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return Array.from(heap)
    .sort((a, b) => (better(a, b) ? -1 : 1))
    .map((i) => items[i] as number);
}

function dayIn(rng: Random, month: number): number {
  return (MONTH_FIRST_DAY[month] as number) + rng.int(0, monthInfo(month).days.length - 1);
}

export function planLives(world: World, budget: Budget): Life {
  const E = world.enterprises;
  const rng = new Random(world.seed, 'life');
  const umkm: number[] = [];
  for (let e = 0; e < E.count; e++) if (E.isUmkm(e)) umkm.push(e);
  const pandemicHazard = Float64Array.from(
    { length: E.count },
    (_, e) => HAZARD.pandemic[(SECTORS[E.sector[e]!] as (typeof SECTORS)[number]).recovery],
  );

  const trainYear = new Int16Array(E.count).fill(-1);
  const trainMonth = new Int16Array(E.count).fill(-1);
  const trainedEver = new Uint8Array(E.count);
  const marketAccess = new Uint8Array(E.count);
  const assistance: AssistanceEvent[] = [];
  const suppliers: Int32Array[][] = YEARS.map(() => []);

  const activeAtStart = (e: number, m0: number) => E.activeAt(e, m0);

  const chooseSuppliers = (yi: number, pool: readonly number[]) => {
    const year = YEARS[yi] as number;
    const expected = budget.expectedLocalSlots[yi] as Float64Array;
    const byCategory: number[][] = Array.from({ length: CATEGORY_COUNT }, () => []);
    for (const e of pool) byCategory[E.primary[e]!]!.push(e);
    const weight = (e: number) =>
      Math.sqrt(E.baseRevenue[e]! / 1e8) *
      (E.verification[e] === 1 ? 1.5 : 1) *
      (E.nib[e] ? 1.3 : 0.6) *
      (yi > 0 && E.govYears[e]! & bit(yi - 1) ? 3 : 1) *
      (trainedEver[e] ? 3 : 1) *
      (marketAccess[e]! & (bit(yi) | (yi > 0 ? bit(yi - 1) : 0)) ? 4 : 1);
    const r = new Random(world.seed, 'suppliers', year);
    suppliers[yi] = byCategory.map((list, c) => {
      const k = Math.min(
        Math.max(3, Math.round(SUPPLIER_POOL_RATIO * expected[c]!)),
        Math.floor(SUPPLIER_POOL_CAP * list.length),
      );
      const chosen = sampleWithoutReplacement(r, list, weight, k).sort((a, b) => a - b);
      for (const e of chosen) E.govYears[e]! |= bit(yi);
      return Int32Array.from(chosen);
    });
  };

  const addAssistance = (enterprise: number, kind: AssistanceKind, day: number, year: number) => {
    const program = budget.assistanceProgram(kind, year);
    assistance.push({ enterprise, kind, day, programId: program?.id ?? null });
  };

  for (const [yi, year] of YEARS.entries()) {
    const m0 = monthIndex(year, 0);
    const active = umkm.filter((e) => activeAtStart(e, m0));
    if (yi === 0) chooseSuppliers(0, active);

    // Market access (exhibitions, curation, e-catalogue listing) goes mostly to this year's suppliers.
    if (year >= 2021) {
      const current = active.filter((e) => E.govYears[e]! & bit(yi));
      const picked = sampleWithoutReplacement(rng, current, () => 1, Math.round(0.06 * active.length));
      for (const e of picked) {
        marketAccess[e]! |= bit(yi);
        addAssistance(e, 'MARKET_ACCESS', dayIn(rng, m0 + rng.int(1, 9)), year);
      }
    }

    // Training: about a fifth of active UMKM from 2021, preferring those never trained.
    const trainees = sampleWithoutReplacement(
      rng,
      active,
      (e) => (trainedEver[e] ? 1 : 3),
      Math.round(TRAINING_SHARE[year]! * active.length),
    );
    for (const e of trainees) {
      const month = m0 + rng.int(1, 10);
      trainYear[e] = year;
      trainMonth[e] = month;
      trainedEver[e] = 1;
      addAssistance(e, 'TRAINING', dayIn(rng, month), year);
      if (year >= 2021 && rng.chance(0.3))
        addAssistance(e, 'MENTORING', dayIn(rng, Math.min(m0 + 11, month + rng.int(1, 3))), year);
    }
    if (year >= 2021) {
      const food = new Set(['snacks', 'processed', 'catering', 'fishery']);
      for (const e of sampleWithoutReplacement(
        rng,
        active,
        (x) => (food.has(SECTORS[E.sector[x]!]!.key) ? 3 : 1),
        Math.round(0.04 * active.length),
      )) {
        addAssistance(e, 'CERTIFICATION', dayIn(rng, m0 + rng.int(2, 11)), year);
      }
      if (year <= 2024) {
        for (const e of sampleWithoutReplacement(rng, active, () => 1, Math.round(0.025 * active.length))) {
          addAssistance(e, 'CAPITAL', dayIn(rng, m0 + rng.int(3, 10)), year);
        }
      }
    }

    // Next year's suppliers are chosen now (so this year's trainees know whether a market awaits).
    if (yi + 1 < YEARS.length) chooseSuppliers(yi + 1, active);

    // Dormancy, month by month.
    for (let m = m0; m < m0 + 12 && m < MONTHS; m++) {
      const month0 = m - m0;
      for (const e of umkm) {
        if (E.foundedMonth[e]! > m) continue;
        if (E.revivedFrom[e]! <= m) continue;
        if (E.dormantFrom[e]! <= m) {
          // Dormant: after a while some firms trade again, others are recorded as closed.
          if (E.closedFrom[e] !== NEVER) continue;
          if (m - E.dormantFrom[e]! >= HAZARD.reviveAfterMonths && rng.chance(HAZARD.revive)) E.revivedFrom[e] = m;
          else if (rng.chance(HAZARD.closeAfterDormant)) E.closedFrom[e] = m;
          continue;
        }
        let h = m < 15 ? HAZARD.before2020 : m < 24 ? pandemicHazard[e]! : HAZARD.after2020;
        const supplier = (E.govYears[e]! & bit(yi)) !== 0;
        const t = trainYear[e]!;
        const inTrainingWindow = t >= 0 && ((t === year && m > trainMonth[e]!) || t === year - 1);
        if (inTrainingWindow) {
          const ty = t - YEARS[0]!;
          const market = (E.govYears[e]! & (bit(ty) | bit(ty + 1))) !== 0;
          h = market ? HAZARD.trainedWithMarket : HAZARD.trainedOnly;
        } else if (supplier) {
          h *= HAZARD.withOrdersFactor;
        }
        if (supplier && month0 < 6) h = 0;
        if (E.size[e]! >= 2) h *= HAZARD.largerFirmFactor;
        if (rng.chance(h)) E.dormantFrom[e] = m;
      }
    }
    // Planned suppliers of next year that went dormant lose their orders.
    if (yi + 1 < YEARS.length) {
      const next = bit(yi + 1);
      suppliers[yi + 1] = (suppliers[yi + 1] as Int32Array[]).map((list) => {
        const kept = Array.from(list).filter((e) => {
          if (E.activeAt(e, m0 + 12)) return true;
          E.govYears[e]! &= ~next;
          return false;
        });
        return Int32Array.from(kept);
      });
    }
  }

  assistance.sort((a, b) => a.day - b.day || a.enterprise - b.enterprise || a.kind.localeCompare(b.kind));
  return { suppliers, assistance };
}
