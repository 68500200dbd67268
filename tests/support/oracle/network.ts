import type { Oracle } from './tables.ts';
import {
  defaultBuyers,
  inRange,
  isLocal,
  isLocalUmkm,
  party,
  type RawSpendFilter,
  ratio,
  readFilter,
  rootAgency,
  scoped,
  sectorOf,
  summarize,
  unitTypeOf,
  viewOf,
} from './terms.ts';

/* Network reach and the domino effect of docs/metrics.md, computed naively from the oracle (see terms.ts). */

export function refNetworkReach(o: Oracle, filter: RawSpendFilter, agencyId: number) {
  const v = viewOf(o);
  const scope = readFilter(filter);
  const direct = scoped(v, scope, { agencyIds: [agencyId], network: 'exclude' });
  const network = scoped(v, scope, { agencyIds: [agencyId], network: 'only' });
  const year = scope.fiscalYear;
  const d = summarize(v, direct, year, agencyId);
  const n = summarize(v, network, year, agencyId);
  const units = [...v.parties.values()].filter((p) => p.kind === 'NETWORK_UNIT' && rootAgency(v, p.id) === agencyId);
  const types = [...new Set(units.map((u) => unitTypeOf(u)))];
  const byUnitType = types
    .map((unitType) => {
      const txs = network.filter((t) => unitTypeOf(party(v, t.buyer_id)) === unitType);
      return {
        unitType,
        units: units.filter((u) => unitTypeOf(u) === unitType).length,
        activeUnits: new Set(txs.map((t) => t.buyer_id)).size,
        summary: summarize(v, txs, year, agencyId),
      };
    })
    .sort((a, b) => b.summary.total - a.summary.total || (a.unitType < b.unitType ? -1 : 1));
  const directSellers = new Set(direct.filter((t) => isLocalUmkm(v, party(v, t.seller_id))).map((t) => t.seller_id));
  const onlyNetwork = new Set(
    network
      .filter((t) => isLocalUmkm(v, party(v, t.seller_id)) && !directSellers.has(t.seller_id))
      .map((t) => t.seller_id),
  );
  return {
    agencyId,
    direct: d,
    network: n,
    byUnitType,
    amplification: ratio(d.toLocalUmkm + n.toLocalUmkm, d.toLocalUmkm),
    sellersReachedDirect: d.sellersReached,
    sellersReachedOnlyViaNetwork: onlyNetwork.size,
  };
}

/**
 * The re-spending matrix of docs/metrics.md for the purchases dated in [from, to] (null ends open),
 * naively: buyer → seller → (Σ paid by the buyer to the seller) / rev[buyer], for parties of L; a
 * buyer without revenue has no row.
 */
export function refDominoMatrix(o: Oracle, from: string | null, to: string | null): Map<number, Map<number, number>> {
  const v = viewOf(o);
  const scope = { from, to };
  const inL = (id: number) => {
    const p = party(v, id);
    return isLocal(v, p) && !p.is_government;
  };
  const period = v.o.transactions.filter((t) => inRange(t.occurred_on, scope.from, scope.to));
  const fromMonth = scope.from ? `${scope.from.slice(0, 7)}-01` : null;
  const revenue = (i: number) => {
    const received = period.filter((t) => t.seller_id === i).reduce((s, t) => s + t.amount, 0);
    const paid = period.filter((t) => t.buyer_id === i).reduce((s, t) => s + t.amount, 0);
    const snap = v.o.snapshots
      .filter((s) => s.enterprise_id === i && inRange(s.period, fromMonth, scope.to))
      .reduce((s, x) => s + (x.revenue ?? 0), 0);
    return Math.max(received, paid, snap);
  };
  const m = new Map<number, Map<number, number>>();
  const flows = new Map<string, number>();
  for (const t of period) {
    if (inL(t.buyer_id) && inL(t.seller_id) && t.buyer_id !== t.seller_id) {
      const k = `${t.buyer_id}|${t.seller_id}`;
      flows.set(k, (flows.get(k) ?? 0) + t.amount);
    }
  }
  for (const [k, amount] of flows) {
    const [i, j] = k.split('|').map(Number) as [number, number];
    const rev = revenue(i);
    if (rev === 0) continue;
    const row = m.get(i) ?? new Map<number, number>();
    row.set(j, amount / rev);
    m.set(i, row);
  }
  return m;
}

export function refDomino(o: Oracle, filter: RawSpendFilter, rounds: number) {
  const v = viewOf(o);
  const scope = readFilter(filter);
  const injection = scoped(v, scope, { ...defaultBuyers(scope), governmentOnly: true });
  const x1 = new Map<number, number>();
  for (const t of injection) {
    if (isLocalUmkm(v, party(v, t.seller_id))) x1.set(t.seller_id, (x1.get(t.seller_id) ?? 0) + t.amount);
  }
  const m = refDominoMatrix(o, scope.from, scope.to);
  const step = (x: Map<number, number>) => {
    const next = new Map<number, number>();
    for (const [i, amount] of x) for (const [j, c] of m.get(i) ?? []) next.set(j, (next.get(j) ?? 0) + amount * c);
    return next;
  };
  const describe = (round: number, x: Map<number, number>) => {
    const positive = [...x].filter(([, amount]) => amount > 0);
    const bySector = new Map<string, number>();
    for (const [id, amount] of positive) {
      const s = sectorOf(v, party(v, id));
      bySector.set(s, (bySector.get(s) ?? 0) + amount);
    }
    return {
      round,
      amount: [...x.values()].reduce((a, b) => a + b, 0),
      parties: positive.length,
      bySector: new Map(bySector),
    };
  };
  const r1 = [...x1.values()].reduce((a, b) => a + b, 0);
  const list = [describe(1, x1)];
  let x = x1;
  for (let k = 2; k <= rounds; k++) {
    x = step(x);
    list.push(describe(k, x));
  }
  // The limit: iterate again from round 1 until a round adds < 1e-9 · R1, at most 1,000 rounds.
  let sum = r1;
  let converged = r1 === 0;
  let iterations = 1;
  let y = x1;
  for (let k = 2; !converged && k <= 1000; k++) {
    y = step(y);
    const amount = [...y.values()].reduce((a, b) => a + b, 0);
    sum += amount;
    iterations = k;
    if (amount < 1e-9 * r1) converged = true;
  }
  return {
    injection: r1,
    rounds: list,
    multiplier: r1 === 0 ? null : list.reduce((s, r) => s + r.amount, 0) / r1,
    limitMultiplier: r1 === 0 || !converged ? null : sum / r1,
    converged,
    iterations,
  };
}
