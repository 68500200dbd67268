import { CATEGORIES, CATEGORY_COUNT, cat, NO_CATEGORY, SECTORS } from './catalog.ts';
import type { Life } from './life.ts';
import { CumulativeTable, type Random } from './random.ts';
import type { World } from './registry.ts';

/*
 * Where the demo's purchases go: weighted pools of sellers per category and sector (local UMKM,
 * cooperatives, government suppliers of the year, outside and local non-UMKM firms), and the
 * pickers transactions.ts draws sellers with.
 */

interface SellerPool {
  readonly ids: Int32Array;
  readonly table: CumulativeTable;
}

function pool(ids: readonly number[], weights: readonly number[]): SellerPool {
  return { ids: Int32Array.from(ids), table: new CumulativeTable(weights) };
}

export function sellerPools(world: World, life: Life) {
  const { cooperatives, others } = world;
  const E = world.enterprises;
  const entFirst = E.firstId;
  const entEnd = E.firstId + E.count;
  const _isLocalUmkmEnterprise = (id: number) => id >= entFirst && id < entEnd && E.isUmkm(id - entFirst);
  const coopById = new Map(cooperatives.map((c) => [c.id, c]));
  const revenueWeight = (e: number) => Math.sqrt(E.baseRevenue[e]! / 1e8);

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
  return {
    sectors,
    coopPools,
    farmerCoops,
    otherAll,
    otherOutside,
    localOther,
    draw,
    drawActive,
    pickLocalGov,
    pickLocalAny,
    categoryOf,
  };
}
