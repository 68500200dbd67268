import { encodeGlobalId } from '@jejaring/server/graphql/global-id';
import type { Oracle } from './tables.ts';
import {
  addMonths,
  buyerAgency,
  decimal,
  defaultBuyers,
  districtOf,
  isLocal,
  isLocalUmkm,
  isUmk,
  isUmkm,
  party,
  type RawSpendFilter,
  type RTx,
  ratio,
  readFilter,
  scoped,
  sectorOf,
  singleAgency,
  summarize,
  target,
  unitTypeOf,
  viewOf,
} from './terms.ts';

/* The spending measures of docs/metrics.md, computed naively from the oracle (see terms.ts). */

export function refSummary(o: Oracle, filter: RawSpendFilter) {
  const v = viewOf(o);
  const scope = readFilter(filter);
  return summarize(v, scoped(v, scope), scope.fiscalYear, singleAgency(scope));
}

export function refTrend(o: Oracle, filter: RawSpendFilter, interval: 'MONTH' | 'QUARTER' | 'YEAR') {
  const v = viewOf(o);
  const scope = readFilter(filter);
  const days = v.o.transactions.map((t) => t.occurred_on).sort();
  let first = scope.from ?? days[0] ?? scope.to;
  let last = scope.to ?? days[days.length - 1] ?? scope.from;
  if (!scope.from && first && scope.to && first > scope.to) first = scope.to;
  if (!scope.to && last && scope.from && last < scope.from) last = scope.from;
  if (!first || !last) return [];
  const step = interval === 'YEAR' ? 12 : interval === 'QUARTER' ? 3 : 1;
  const startOf = (day: string) => {
    const y = day.slice(0, 4);
    const m = Number(day.slice(5, 7));
    const sm = interval === 'YEAR' ? 1 : interval === 'QUARTER' ? Math.floor((m - 1) / 3) * 3 + 1 : m;
    return `${y}-${String(sm).padStart(2, '0')}-01`;
  };
  const txs = scoped(v, scope);
  const out = [];
  for (let p = startOf(first); p <= startOf(last); p = addMonths(p, step)) {
    const end = addMonths(p, step);
    const inPeriod = txs.filter((t) => t.occurred_on >= p && t.occurred_on < end);
    const periodEnd = new Date(`${end}T00:00:00Z`);
    periodEnd.setUTCDate(periodEnd.getUTCDate() - 1);
    out.push({
      periodStart: p,
      periodEnd: periodEnd.toISOString().slice(0, 10),
      ...summarize(v, inPeriod, Number(p.slice(0, 4)), singleAgency(scope)),
    });
  }
  return out;
}

const GRADES: Array<[string, number]> = [
  ['A_PLUS', 1.2],
  ['A', 1.0],
  ['B', 0.9],
  ['C', 0.8],
  ['D', 0.7],
];

export function refScorecard(o: Oracle, filter: RawSpendFilter) {
  const v = viewOf(o);
  const scope = readFilter(filter);
  const b = defaultBuyers(scope);
  const byAgency = new Map<number, RTx[]>();
  for (const t of scoped(v, scope)) {
    const a = buyerAgency(v, t.buyer_id, b) as number;
    byAgency.set(a, [...(byAgency.get(a) ?? []), t]);
  }
  const rows = [...byAgency].map(([agencyId, txs]) => {
    const s = summarize(v, txs, scope.fiscalYear, agencyId);
    const achievement = s.localUmkmShare === null || s.target === null ? null : ratio(s.localUmkmShare, s.target);
    let grade: string | null = null;
    const text = target(v, 'LOCAL_UMKM_SHARE', scope.fiscalYear, agencyId)?.text;
    if (text !== undefined && s.target !== 0 && s.total !== 0) {
      // Exact: toLocalUmkm / total ≥ k/100 · target.
      const [tn, td] = decimal(text);
      grade = 'F';
      for (const [g, k] of GRADES) {
        if (BigInt(s.toLocalUmkm) * td * 100n >= BigInt(Math.round(k * 100)) * tn * BigInt(s.total)) {
          grade = g;
          break;
        }
      }
    }
    return {
      rank: 0,
      agencyId,
      agencyName: party(v, agencyId).name,
      total: s.total,
      transactionCount: s.transactionCount,
      toLocalUmkm: s.toLocalUmkm,
      localUmkmShare: s.localUmkmShare,
      sellersReached: s.sellersReached,
      target: s.target,
      achievement,
      grade,
    };
  });
  rows.sort((x, y) => {
    if (x.localUmkmShare === null && y.localUmkmShare !== null) return 1;
    if (y.localUmkmShare === null && x.localUmkmShare !== null) return -1;
    if (x.localUmkmShare !== null && y.localUmkmShare !== null) {
      const l = BigInt(x.toLocalUmkm) * BigInt(y.total);
      const r = BigInt(y.toLocalUmkm) * BigInt(x.total);
      if (l !== r) return l > r ? -1 : 1;
    }
    if (x.agencyName !== y.agencyName) return x.agencyName < y.agencyName ? -1 : 1;
    return x.agencyId - y.agencyId;
  });
  rows.forEach((r, i) => {
    r.rank = i + 1;
  });
  return rows;
}

export function refFlows(o: Oracle, filter: RawSpendFilter, levels: string[]) {
  const v = viewOf(o);
  const scope = readFilter(filter);
  const b = defaultBuyers(scope);
  const keyOf = (level: string, t: RTx): string => {
    const s = party(v, t.seller_id);
    switch (level) {
      case 'AGENCY':
        return encodeGlobalId('Agency', buyerAgency(v, t.buyer_id, b) as number);
      case 'BUYER_KIND': {
        const p = party(v, t.buyer_id);
        return p.kind === 'AGENCY' ? 'AGENCY' : unitTypeOf(p);
      }
      case 'CATEGORY':
        return t.category;
      case 'SELLER_CLASS':
        return isLocal(v, s) ? (isUmkm(s) ? 'LOCAL_UMKM' : 'LOCAL_OTHER') : isUmk(s) ? 'OUTSIDE_UMK' : 'OUTSIDE_OTHER';
      case 'SELLER_DISTRICT':
        return districtOf(v, s);
      default:
        return sectorOf(v, s);
    }
  };
  const nodes = new Map<string, number>();
  const links = new Map<string, number>();
  let total = 0;
  for (const t of scoped(v, scope)) {
    total += t.amount;
    const ids = levels.map((l) => `${l}:${keyOf(l, t)}`);
    ids.forEach((id, i) => {
      nodes.set(id, (nodes.get(id) ?? 0) + t.amount);
      if (i + 1 < ids.length) {
        const link = `${id}→${ids[i + 1]}`;
        links.set(link, (links.get(link) ?? 0) + t.amount);
      }
    });
  }
  return { nodes, links, total };
}

export function refByDistrict(o: Oracle, filter: RawSpendFilter) {
  const v = viewOf(o);
  const scope = readFilter(filter);
  const txs = scoped(v, scope);
  return v.districts.map((d) => {
    let amount = 0;
    const sellers = new Set<number>();
    for (const t of txs) {
      const s = party(v, t.seller_id);
      if (isLocalUmkm(v, s) && districtOf(v, s) === d.code) {
        amount += t.amount;
        sellers.add(s.id);
      }
    }
    return { regionCode: d.code, name: d.name, toLocalUmkm: amount, sellersReached: sellers.size };
  });
}
