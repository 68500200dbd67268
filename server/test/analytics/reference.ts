import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import type { SpendScope } from '../../src/analytics/spend-scope.ts';
import { encodeGlobalId } from '../../src/graphql/global-id.ts';

/*
 * A plain reference implementation of docs/metrics.md: it reads the raw rows of a tenant into memory
 * and computes every measure naively, straight from the definitions, sharing no code with the
 * SQL in src/analytics (only the output shapes). The property tests compare the two.
 */

interface RParty {
  id: number;
  kind: string;
  name: string;
  region_code: string | null;
  parent_id: number | null;
  size_class: string | null;
  is_government: boolean;
  registered_on: string | null;
}
interface RTx {
  buyer_id: number;
  seller_id: number;
  program_id: number | null;
  category: string;
  account_code: string | null;
  amount: number;
  occurred_on: string;
}

export interface Raw {
  c: string;
  parties: Map<number, RParty>;
  unitType: Map<number, string>;
  kbli: Map<number, string | null>;
  entVerification: Map<number, string>;
  coopVerification: Map<number, string>;
  division: Map<string, string>;
  districts: Array<{ code: string; name: string }>;
  transactions: RTx[];
  snapshots: Array<{ enterprise_id: number; period: string; revenue: number | null; status: string }>;
  programs: Array<{
    id: number;
    agency_id: number;
    code: string;
    name: string;
    fiscal_year: number;
    budget: number;
    local_target_share: number | null;
    target_text: string | null;
  }>;
  assistance: Array<{ program_id: number | null; enterprise_id: number; kind: string; occurred_on: string }>;
  targets: Array<{ metric: string; fiscal_year: number; agency_id: number | null; target_share: number; text: string }>;
  collectionTargets: Array<{ region_code: string; year: number; enterprises: number; cooperatives: number }>;
}

/** Reads every row of the tenant that a measure can depend on. */
export async function readRaw(db: Kysely<Database>, tenantId: string): Promise<Raw> {
  const tenant = await db
    .selectFrom('tenant')
    .select('region_code')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const parties = await db
    .selectFrom('party')
    .select(['id', 'kind', 'name', 'region_code', 'parent_id', 'size_class', 'is_government', 'registered_on'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const units = await db
    .selectFrom('network_unit_profile')
    .select(['party_id', 'unit_type'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const ents = await db
    .selectFrom('enterprise_profile')
    .select(['party_id', 'kbli_code', 'verification'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const coops = await db
    .selectFrom('cooperative_profile')
    .select(['party_id', 'verification'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const divisions = await db.selectFrom('kbli_division').select(['division', 'section']).execute();
  const districts = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('parent_code', '=', tenant.region_code)
    .where('level', '=', 3)
    .orderBy('code')
    .execute();
  const transactions = await db
    .selectFrom('transaction')
    .select(['buyer_id', 'seller_id', 'program_id', 'category', 'account_code', 'amount', 'occurred_on'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const snapshots = await db
    .selectFrom('enterprise_snapshot')
    .select(['enterprise_id', 'period', 'revenue', 'status'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const programs = await db
    .selectFrom('program')
    .select([
      'id',
      'agency_id',
      'code',
      'name',
      'fiscal_year',
      'budget',
      'local_target_share',
      sql<string | null>`local_target_share::text`.as('target_text'),
    ])
    .where('tenant_id', '=', tenantId)
    .execute();
  const assistance = await db
    .selectFrom('assistance')
    .select(['program_id', 'enterprise_id', 'kind', 'occurred_on'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const targets = await db
    .selectFrom('policy_target')
    .select(['metric', 'fiscal_year', 'agency_id', 'target_share', sql<string>`target_share::text`.as('text')])
    .where('tenant_id', '=', tenantId)
    .execute();
  const collectionTargets = await db
    .selectFrom('collection_target')
    .select(['region_code', 'year', 'enterprises', 'cooperatives'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const num = (v: unknown) => (v === null ? null : Number(v));
  return {
    c: tenant.region_code,
    parties: new Map(
      parties.map((p) => [
        Number(p.id),
        {
          ...p,
          id: Number(p.id),
          parent_id: num(p.parent_id) as number | null,
          is_government: Boolean(p.is_government),
        },
      ]),
    ),
    unitType: new Map(units.map((u) => [Number(u.party_id), u.unit_type])),
    kbli: new Map(ents.map((e) => [Number(e.party_id), e.kbli_code])),
    entVerification: new Map(ents.map((e) => [Number(e.party_id), e.verification])),
    coopVerification: new Map(coops.map((e) => [Number(e.party_id), e.verification])),
    division: new Map(divisions.map((d) => [d.division, String(d.section).trim()])),
    districts,
    transactions: transactions.map((t) => ({
      ...t,
      buyer_id: Number(t.buyer_id),
      seller_id: Number(t.seller_id),
      program_id: num(t.program_id) as number | null,
      amount: Number(t.amount),
    })),
    snapshots: snapshots.map((s) => ({ ...s, enterprise_id: Number(s.enterprise_id), revenue: num(s.revenue) })),
    programs: programs.map((p) => ({
      ...p,
      id: Number(p.id),
      agency_id: Number(p.agency_id),
      budget: Number(p.budget),
      local_target_share: num(p.local_target_share),
    })),
    assistance: assistance.map((a) => ({
      ...a,
      program_id: num(a.program_id) as number | null,
      enterprise_id: Number(a.enterprise_id),
    })),
    targets: targets.map((t) => ({
      ...t,
      agency_id: num(t.agency_id) as number | null,
      target_share: Number(t.target_share),
    })),
    collectionTargets,
  };
}

// ── Sets and terms ───────────────────────────────────────────────────────────────────────────

const party = (raw: Raw, id: number) => raw.parties.get(id) as RParty;

export function isLocal(raw: Raw, p: RParty): boolean {
  return p.region_code !== null && (p.region_code === raw.c || p.region_code.startsWith(`${raw.c}.`));
}
function isUmkm(p: RParty): boolean {
  return p.kind === 'COOPERATIVE' || (p.kind === 'ENTERPRISE' && p.size_class !== 'LARGE');
}
function isUmk(p: RParty): boolean {
  return (
    p.kind === 'COOPERATIVE' || (p.kind === 'ENTERPRISE' && (p.size_class === 'MICRO' || p.size_class === 'SMALL'))
  );
}
const isLocalUmkm = (raw: Raw, p: RParty) => isLocal(raw, p) && isUmkm(p);
function districtOf(raw: Raw, p: RParty): string {
  if (!isLocal(raw, p)) return 'OUTSIDE';
  const parts = (p.region_code as string).split('.');
  return parts.length >= 3 ? parts.slice(0, 3).join('.') : 'UNKNOWN';
}
function sectorOf(raw: Raw, p: RParty): string {
  const code = raw.kbli.get(p.id);
  return (code && raw.division.get(code.slice(0, 2))) ?? 'UNKNOWN';
}

/** The agency a network unit's parent chain leads to (walking up), or null (no agency, or a cycle). */
function rootAgency(raw: Raw, unitId: number): number | null {
  const seen = new Set<number>();
  let current: RParty | undefined = party(raw, unitId);
  while (current && current.kind === 'NETWORK_UNIT') {
    if (seen.has(current.id)) return null;
    seen.add(current.id);
    current = current.parent_id === null ? undefined : raw.parties.get(current.parent_id);
  }
  return current && current.kind === 'AGENCY' ? current.id : null;
}

interface Buyers {
  agencyIds: readonly number[] | null;
  network: 'exclude' | 'include' | 'only';
  governmentOnly?: boolean;
}

/** The buyer's agency when it is in the selection, else null. */
function buyerAgency(raw: Raw, buyerId: number, b: Buyers): number | null {
  const p = party(raw, buyerId);
  const chosen = (a: number) => b.agencyIds === null || b.agencyIds.includes(a);
  if (p.kind === 'AGENCY') return b.network !== 'only' && chosen(p.id) ? p.id : null;
  if (p.kind !== 'NETWORK_UNIT' || b.network === 'exclude') return null;
  if (b.governmentOnly && !p.is_government) return null;
  const root = rootAgency(raw, p.id);
  return root !== null && chosen(root) ? root : null;
}

function inRange(day: string, from: string | null, to: string | null): boolean {
  return (from === null || day >= from) && (to === null || day <= to);
}

function scoped(raw: Raw, scope: SpendScope, b: Buyers = defaultBuyers(scope)) {
  return raw.transactions.filter(
    (t) =>
      inRange(t.occurred_on, scope.from, scope.to) &&
      (scope.categories === null || scope.categories.includes(t.category)) &&
      (scope.accountPrefix === null || (t.account_code ?? '').startsWith(scope.accountPrefix)) &&
      (scope.accountPrefix === null || t.account_code !== null) &&
      buyerAgency(raw, t.buyer_id, b) !== null,
  );
}
const defaultBuyers = (scope: SpendScope): Buyers => ({
  agencyIds: scope.agencyIds,
  network: scope.includeNetwork ? 'include' : 'exclude',
});

function target(raw: Raw, metric: string, year: number | null, agencyId: number | null) {
  if (year === null) return null;
  const own =
    agencyId === null
      ? undefined
      : raw.targets.find((t) => t.metric === metric && t.fiscal_year === year && t.agency_id === agencyId);
  if (own) return { share: own.target_share, text: own.text, source: 'AGENCY' as const };
  const tenant = raw.targets.find((t) => t.metric === metric && t.fiscal_year === year && t.agency_id === null);
  return tenant ? { share: tenant.target_share, text: tenant.text, source: 'TENANT' as const } : null;
}

/** A decimal text ("0.3000") as an exact fraction. */
function decimal(text: string): [bigint, bigint] {
  const [whole = '0', fraction = ''] = text.split('.');
  return [BigInt(whole + fraction), 10n ** BigInt(fraction.length)];
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

function summarize(raw: Raw, txs: RTx[], year: number | null, agencyId: number | null) {
  let total = 0;
  let toLocalUmkm = 0;
  let toUmk = 0;
  let toLocal = 0;
  const sellers = new Set<number>();
  for (const t of txs) {
    const s = party(raw, t.seller_id);
    total += t.amount;
    if (isLocalUmkm(raw, s)) {
      toLocalUmkm += t.amount;
      sellers.add(s.id);
    }
    if (isUmk(s)) toUmk += t.amount;
    if (isLocal(raw, s)) toLocal += t.amount;
  }
  return {
    total,
    transactionCount: txs.length,
    toLocalUmkm,
    localUmkmShare: ratio(toLocalUmkm, total),
    toUmk,
    umkShare: ratio(toUmk, total),
    toLocal,
    localShare: ratio(toLocal, total),
    sellersReached: sellers.size,
    target: target(raw, 'LOCAL_UMKM_SHARE', year, agencyId)?.share ?? null,
    umkTarget: target(raw, 'UMK_SHARE', year, agencyId)?.share ?? null,
  };
}

const singleAgency = (scope: SpendScope) => (scope.agencyIds?.length === 1 ? (scope.agencyIds[0] as number) : null);

// ── Measures ─────────────────────────────────────────────────────────────────────────────────

export function refSummary(raw: Raw, scope: SpendScope) {
  return summarize(raw, scoped(raw, scope), scope.fiscalYear, singleAgency(scope));
}

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

export function refTrend(raw: Raw, scope: SpendScope, interval: 'MONTH' | 'QUARTER' | 'YEAR') {
  const days = raw.transactions.map((t) => t.occurred_on).sort();
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
  const txs = scoped(raw, scope);
  const out = [];
  for (let p = startOf(first); p <= startOf(last); p = addMonths(p, step)) {
    const end = addMonths(p, step);
    const inPeriod = txs.filter((t) => t.occurred_on >= p && t.occurred_on < end);
    const periodEnd = new Date(`${end}T00:00:00Z`);
    periodEnd.setUTCDate(periodEnd.getUTCDate() - 1);
    out.push({
      periodStart: p,
      periodEnd: periodEnd.toISOString().slice(0, 10),
      ...summarize(raw, inPeriod, Number(p.slice(0, 4)), singleAgency(scope)),
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

export function refScorecard(raw: Raw, scope: SpendScope) {
  const b = defaultBuyers(scope);
  const byAgency = new Map<number, RTx[]>();
  for (const t of scoped(raw, scope)) {
    const a = buyerAgency(raw, t.buyer_id, b) as number;
    byAgency.set(a, [...(byAgency.get(a) ?? []), t]);
  }
  const rows = [...byAgency].map(([agencyId, txs]) => {
    const s = summarize(raw, txs, scope.fiscalYear, agencyId);
    const achievement = s.localUmkmShare === null || s.target === null ? null : ratio(s.localUmkmShare, s.target);
    let grade: string | null = null;
    const text = target(raw, 'LOCAL_UMKM_SHARE', scope.fiscalYear, agencyId)?.text;
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
      agencyName: party(raw, agencyId).name,
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

export function refFlows(raw: Raw, scope: SpendScope, levels: string[]) {
  const b = defaultBuyers(scope);
  const keyOf = (level: string, t: RTx): string => {
    const s = party(raw, t.seller_id);
    switch (level) {
      case 'AGENCY':
        return encodeGlobalId('Agency', buyerAgency(raw, t.buyer_id, b) as number);
      case 'BUYER_KIND': {
        const p = party(raw, t.buyer_id);
        return p.kind === 'AGENCY' ? 'AGENCY' : (raw.unitType.get(p.id) ?? 'OTHER');
      }
      case 'CATEGORY':
        return t.category;
      case 'SELLER_CLASS':
        return isLocal(raw, s)
          ? isUmkm(s)
            ? 'LOCAL_UMKM'
            : 'LOCAL_OTHER'
          : isUmk(s)
            ? 'OUTSIDE_UMK'
            : 'OUTSIDE_OTHER';
      case 'SELLER_DISTRICT':
        return districtOf(raw, s);
      default:
        return sectorOf(raw, s);
    }
  };
  const nodes = new Map<string, number>();
  const links = new Map<string, number>();
  let total = 0;
  for (const t of scoped(raw, scope)) {
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

export function refByDistrict(raw: Raw, scope: SpendScope) {
  const txs = scoped(raw, scope);
  return raw.districts.map((d) => {
    let amount = 0;
    const sellers = new Set<number>();
    for (const t of txs) {
      const s = party(raw, t.seller_id);
      if (isLocalUmkm(raw, s) && districtOf(raw, s) === d.code) {
        amount += t.amount;
        sellers.add(s.id);
      }
    }
    return { regionCode: d.code, name: d.name, toLocalUmkm: amount, sellersReached: sellers.size };
  });
}

export function refNetworkReach(raw: Raw, scope: SpendScope, agencyId: number) {
  const direct = scoped(raw, scope, { agencyIds: [agencyId], network: 'exclude' });
  const network = scoped(raw, scope, { agencyIds: [agencyId], network: 'only' });
  const year = scope.fiscalYear;
  const d = summarize(raw, direct, year, agencyId);
  const n = summarize(raw, network, year, agencyId);
  const units = [...raw.parties.values()].filter(
    (p) => p.kind === 'NETWORK_UNIT' && rootAgency(raw, p.id) === agencyId,
  );
  const types = [...new Set(units.map((u) => raw.unitType.get(u.id) ?? 'OTHER'))];
  const byUnitType = types
    .map((unitType) => {
      const txs = network.filter((t) => (raw.unitType.get(t.buyer_id) ?? 'OTHER') === unitType);
      return {
        unitType,
        units: units.filter((u) => (raw.unitType.get(u.id) ?? 'OTHER') === unitType).length,
        activeUnits: new Set(txs.map((t) => t.buyer_id)).size,
        summary: summarize(raw, txs, year, agencyId),
      };
    })
    .sort((a, b) => b.summary.total - a.summary.total || (a.unitType < b.unitType ? -1 : 1));
  const directSellers = new Set(
    direct.filter((t) => isLocalUmkm(raw, party(raw, t.seller_id))).map((t) => t.seller_id),
  );
  const onlyNetwork = new Set(
    network
      .filter((t) => isLocalUmkm(raw, party(raw, t.seller_id)) && !directSellers.has(t.seller_id))
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

export function refDomino(raw: Raw, scope: SpendScope, rounds: number) {
  const injection = scoped(raw, scope, { ...defaultBuyers(scope), governmentOnly: true });
  const x1 = new Map<number, number>();
  for (const t of injection) {
    if (isLocalUmkm(raw, party(raw, t.seller_id))) x1.set(t.seller_id, (x1.get(t.seller_id) ?? 0) + t.amount);
  }
  const inL = (id: number) => {
    const p = party(raw, id);
    return isLocal(raw, p) && !p.is_government;
  };
  const period = raw.transactions.filter((t) => inRange(t.occurred_on, scope.from, scope.to));
  const fromMonth = scope.from ? `${scope.from.slice(0, 7)}-01` : null;
  const revenue = (i: number) => {
    const received = period.filter((t) => t.seller_id === i).reduce((s, t) => s + t.amount, 0);
    const paid = period.filter((t) => t.buyer_id === i).reduce((s, t) => s + t.amount, 0);
    const snap = raw.snapshots
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
  const step = (x: Map<number, number>) => {
    const next = new Map<number, number>();
    for (const [i, v] of x) for (const [j, c] of m.get(i) ?? []) next.set(j, (next.get(j) ?? 0) + v * c);
    return next;
  };
  const describe = (round: number, x: Map<number, number>) => {
    const positive = [...x].filter(([, v]) => v > 0);
    const bySector = new Map<string, number>();
    for (const [id, v] of positive) {
      const s = sectorOf(raw, party(raw, id));
      bySector.set(s, (bySector.get(s) ?? 0) + v);
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

export function refProgramOutcomes(raw: Raw, fiscalYear: number, agencyId: number | null) {
  return raw.programs
    .filter((p) => p.fiscal_year === fiscalYear && (agencyId === null || p.agency_id === agencyId))
    .map((p) => {
      const txs = raw.transactions.filter((t) => t.program_id === p.id);
      const realized = txs.reduce((s, t) => s + t.amount, 0);
      const local = txs.filter((t) => isLocalUmkm(raw, party(raw, t.seller_id)));
      const toLocalUmkm = local.reduce((s, t) => s + t.amount, 0);
      const inherited = target(raw, 'LOCAL_UMKM_SHARE', fiscalYear, p.agency_id);
      const tgt = p.local_target_share ?? inherited?.share ?? null;
      const tgtText = p.target_text ?? inherited?.text ?? null;
      let status: string;
      if (realized === 0) status = 'NO_SPEND';
      else if (tgt === null) status = 'NO_TARGET';
      else {
        const [tn, td] = decimal(tgtText as string);
        status = BigInt(toLocalUmkm) * td >= tn * BigInt(realized) ? 'MET' : 'BELOW_TARGET';
      }
      return {
        programId: p.id,
        agencyId: p.agency_id,
        agencyName: party(raw, p.agency_id).name,
        code: p.code,
        name: p.name,
        budget: p.budget,
        realized,
        realizationRate: ratio(realized, p.budget),
        toLocalUmkm,
        localUmkmShare: ratio(toLocalUmkm, realized),
        target: tgt,
        targetSource: p.local_target_share !== null ? 'PROGRAM' : (inherited?.source ?? null),
        umkmReached: new Set(local.map((t) => t.seller_id)).size,
        enterprisesAssisted: new Set(raw.assistance.filter((a) => a.program_id === p.id).map((a) => a.enterprise_id))
          .size,
        status,
      };
    })
    .sort(
      (a, b) =>
        (a.agencyName < b.agencyName ? -1 : a.agencyName > b.agencyName ? 1 : 0) ||
        a.agencyId - b.agencyId ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
        a.programId - b.programId,
    )
    .map(({ agencyName: _, ...row }) => row);
}

export function refRecovery(
  raw: Raw,
  group: 'NONE' | 'SECTOR' | 'DISTRICT' | 'SIZE_CLASS',
  from: string | null,
  to: string | null,
  baselineYear: number,
) {
  const periods = raw.snapshots.map((s) => s.period).sort();
  const first = from ?? periods[0] ?? to;
  const last = to ?? periods[periods.length - 1] ?? from;
  if (!first || !last || first > last) return [];
  const keyOf = (p: RParty) =>
    group === 'NONE'
      ? 'ALL'
      : group === 'SECTOR'
        ? sectorOf(raw, p)
        : group === 'DISTRICT'
          ? districtOf(raw, p)
          : (p.size_class ?? 'UNKNOWN');
  const baseline = new Map<number, number>();
  const enterprises = [...raw.parties.values()].filter((p) => p.kind === 'ENTERPRISE');
  for (const e of enterprises) {
    const base = raw.snapshots.filter(
      (s) => s.enterprise_id === e.id && s.revenue !== null && s.period.startsWith(`${baselineYear}-`),
    );
    if (base.length) baseline.set(e.id, base.reduce((a, s) => a + (s.revenue as number), 0) / base.length);
  }
  const keys = [...new Set(enterprises.filter((e) => baseline.has(e.id)).map(keyOf))].sort();
  const months: string[] = [];
  for (let m = `${first.slice(0, 7)}-01`; m <= last; m = addMonths(m, 1)) months.push(m);
  return keys.map((key) => ({
    key,
    points: months.map((period) => {
      const panel = raw.snapshots.filter((s) => {
        const e = party(raw, s.enterprise_id);
        return (
          s.period === period && s.revenue !== null && baseline.has(e.id) && e.kind === 'ENTERPRISE' && keyOf(e) === key
        );
      });
      const rev = panel.reduce((a, s) => a + (s.revenue as number), 0);
      const base = panel.reduce((a, s) => a + (baseline.get(s.enterprise_id) as number), 0);
      return {
        period,
        index: panel.length === 0 || base === 0 ? null : (100 * rev) / base,
        activeShare: ratio(panel.filter((s) => s.status === 'ACTIVE').length, panel.length),
        panelSize: panel.length,
      };
    }),
  }));
}

export function refMarketAccess(raw: Raw, cohortYear: number) {
  const y = String(cohortYear);
  const next = String(cohortYear + 1);
  const cohort = [
    ...new Set(
      raw.assistance
        .filter((a) => a.kind === 'TRAINING' && a.occurred_on.startsWith(`${y}-`))
        .map((a) => a.enterprise_id),
    ),
  ];
  const withMarket = (e: number) =>
    raw.transactions.some(
      (t) =>
        t.seller_id === e &&
        party(raw, t.buyer_id).is_government &&
        (t.occurred_on.startsWith(`${y}-`) || t.occurred_on.startsWith(`${next}-`)),
    );
  const status = (e: number) => {
    const snaps = raw.snapshots
      .filter((s) => s.enterprise_id === e && s.period.startsWith(`${next}-`))
      .sort((a, b) => (a.period < b.period ? 1 : -1));
    return snaps[0]?.status ?? null;
  };
  const group = (members: number[]) => {
    const active = members.filter((e) => status(e) === 'ACTIVE').length;
    const inactive = members.filter((e) => status(e) === 'DORMANT' || status(e) === 'CLOSED').length;
    return {
      size: members.length,
      active,
      inactive,
      unknown: members.filter((e) => status(e) === null).length,
      survivalRate: ratio(active, active + inactive),
    };
  };
  const w = group(cohort.filter(withMarket));
  const o = group(cohort.filter((e) => !withMarket(e)));
  return {
    cohortYear,
    cohortSize: cohort.length,
    withMarket: w,
    trainedOnly: o,
    difference: w.survivalRate === null || o.survivalRate === null ? null : w.survivalRate - o.survivalRate,
  };
}

export function refDataCollection(raw: Raw, year: number) {
  const end = `${year}-12-31`;
  return raw.districts.map((d) => {
    const located = [...raw.parties.values()].filter(
      (p) =>
        p.region_code !== null &&
        (p.region_code === d.code || p.region_code.startsWith(`${d.code}.`)) &&
        p.registered_on !== null &&
        p.registered_on <= end,
    );
    const count = (kind: string, verification: Map<number, string>) => {
      const members = located.filter((p) => p.kind === kind && (verification.get(p.id) ?? 'DRAFT') !== 'REJECTED');
      return [members.length, members.filter((p) => verification.get(p.id) === 'VERIFIED').length] as const;
    };
    const [eReg, eVer] = count('ENTERPRISE', raw.entVerification);
    const [cReg, cVer] = count('COOPERATIVE', raw.coopVerification);
    const t = raw.collectionTargets.find((x) => x.region_code === d.code && x.year === year);
    return {
      regionCode: d.code,
      name: d.name,
      enterprisesRegistered: eReg,
      enterprisesVerified: eVer,
      enterprisesTarget: t ? t.enterprises : null,
      enterprisesProgress: t ? ratio(eVer, t.enterprises) : null,
      cooperativesRegistered: cReg,
      cooperativesVerified: cVer,
      cooperativesTarget: t ? t.cooperatives : null,
      cooperativesProgress: t ? ratio(cVer, t.cooperatives) : null,
    };
  });
}
