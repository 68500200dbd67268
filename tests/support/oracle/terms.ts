import type { Oracle, OracleParty } from './tables.ts';

/*
 * A plain reference implementation of docs/metrics.md, computed from the oracle's rows in memory:
 * the sets and terms every measure shares, and a reading of the SpendFilter of its own. It shares
 * no code with the server (neither its SQL nor its filter parsing), so the property tests compare
 * two independent readings of the definitions. This file: the terms; spend.ts, network.ts and
 * outcomes.ts: the measures.
 */

export type RParty = OracleParty;
export type RTx = Oracle['transactions'][number];

/** The oracle indexed for the measures (built once per oracle). */
export interface View {
  readonly o: Oracle;
  /** The regency's region code. */
  readonly c: string;
  readonly parties: Map<number, RParty>;
  /** KBLI division → section letter. */
  readonly division: Map<string, string>;
  /** The regency's districts (level 3), by code. */
  readonly districts: Array<{ code: string; name: string }>;
}

const views = new WeakMap<Oracle, View>();

export function viewOf(o: Oracle): View {
  let view = views.get(o);
  if (!view) {
    view = {
      o,
      c: o.tenantRegion,
      parties: new Map(o.parties.map((p) => [p.id, p])),
      division: new Map([...o.kbliSection].map(([division, section]) => [division, section.trim()])),
      districts: o.regions
        .filter((r) => r.parent_code === o.tenantRegion && r.level === 3)
        .map((r) => ({ code: r.code, name: r.name })),
    };
    views.set(o, view);
  }
  return view;
}

// ── The filter, read plainly ─────────────────────────────────────────────────────────────────

/** The SpendFilter as a client sends it (agencies by global id). */
export interface RawSpendFilter {
  readonly from?: string | null;
  readonly to?: string | null;
  readonly fiscalYear?: number | null;
  readonly agencyIds?: readonly string[] | null;
  readonly categories?: readonly string[] | null;
  readonly accountPrefix?: string | null;
  readonly includeNetwork?: boolean | null;
}

/** What a valid filter covers, read straight from the definition in docs/metrics.md. */
export interface Scope {
  /** First and last day covered (inclusive); null when open. */
  readonly from: string | null;
  readonly to: string | null;
  /** The filter's fiscal year, for targets. */
  readonly fiscalYear: number | null;
  /** Agency party ids, each once; null means every agency. */
  readonly agencyIds: readonly number[] | null;
  readonly categories: readonly string[] | null;
  readonly accountPrefix: string | null;
  readonly includeNetwork: boolean;
}

/** An Agency's global id is base64url("Agency:<id>"). */
function agencyIdOf(globalId: string): number {
  const [type, id] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  if (type !== 'Agency') throw new Error(`not an Agency id: ${globalId}`);
  return Number(id);
}

/**
 * Reads a valid filter: `fiscalYear: Y` is Y-01-01 … Y-12-31, intersected with from/to when they
 * are given too; the fiscal year for targets is Y, else the year of from and to when both fall in
 * the same year; agencies are de-duplicated; a missing list means "all".
 */
export function readFilter(filter: RawSpendFilter | null | undefined): Scope {
  const f = filter ?? {};
  let from = f.from ?? null;
  let to = f.to ?? null;
  let fiscalYear: number | null = null;
  if (typeof f.fiscalYear === 'number') {
    fiscalYear = f.fiscalYear;
    const first = `${fiscalYear}-01-01`;
    const last = `${fiscalYear}-12-31`;
    from = from === null || from < first ? first : from;
    to = to === null || to > last ? last : to;
  } else if (from !== null && to !== null && from.slice(0, 4) === to.slice(0, 4)) {
    fiscalYear = Number(from.slice(0, 4));
  }
  const agencyIds = f.agencyIds ? [...new Set(f.agencyIds.map(agencyIdOf))] : null;
  return {
    from,
    to,
    fiscalYear,
    agencyIds,
    categories: f.categories ? [...f.categories] : null,
    accountPrefix: f.accountPrefix ?? null,
    includeNetwork: f.includeNetwork === true,
  };
}

// ── Sets and terms ───────────────────────────────────────────────────────────────────────────

export const party = (v: View, id: number) => v.parties.get(id) as RParty;

export function isLocal(v: View, p: RParty): boolean {
  return p.region_code !== null && (p.region_code === v.c || p.region_code.startsWith(`${v.c}.`));
}
export function isUmkm(p: RParty): boolean {
  return p.kind === 'COOPERATIVE' || (p.kind === 'ENTERPRISE' && p.size_class !== 'LARGE');
}
export function isUmk(p: RParty): boolean {
  return (
    p.kind === 'COOPERATIVE' || (p.kind === 'ENTERPRISE' && (p.size_class === 'MICRO' || p.size_class === 'SMALL'))
  );
}
export const isLocalUmkm = (v: View, p: RParty) => isLocal(v, p) && isUmkm(p);
export function districtOf(v: View, p: RParty): string {
  if (!isLocal(v, p)) return 'OUTSIDE';
  const parts = (p.region_code as string).split('.');
  return parts.length >= 3 ? parts.slice(0, 3).join('.') : 'UNKNOWN';
}
export function sectorOf(v: View, p: RParty): string {
  const code = p.kbli_code;
  return (code && v.division.get(code.slice(0, 2))) ?? 'UNKNOWN';
}
/** A network unit's type, OTHER when it has no profile. */
export const unitTypeOf = (p: RParty) => p.unit_type ?? 'OTHER';

/** The agency a network unit's parent chain leads to (walking up), or null (no agency, or a cycle). */
export function rootAgency(v: View, unitId: number): number | null {
  const seen = new Set<number>();
  let current: RParty | undefined = party(v, unitId);
  while (current && current.kind === 'NETWORK_UNIT') {
    if (seen.has(current.id)) return null;
    seen.add(current.id);
    current = current.parent_id === null ? undefined : v.parties.get(current.parent_id);
  }
  return current && current.kind === 'AGENCY' ? current.id : null;
}

export interface Buyers {
  agencyIds: readonly number[] | null;
  network: 'exclude' | 'include' | 'only';
  governmentOnly?: boolean;
}

/** The buyer's agency when it is in the selection, else null. */
export function buyerAgency(v: View, buyerId: number, b: Buyers): number | null {
  const p = party(v, buyerId);
  const chosen = (a: number) => b.agencyIds === null || b.agencyIds.includes(a);
  if (p.kind === 'AGENCY') return b.network !== 'only' && chosen(p.id) ? p.id : null;
  if (p.kind !== 'NETWORK_UNIT' || b.network === 'exclude') return null;
  if (b.governmentOnly && !p.is_government) return null;
  const root = rootAgency(v, p.id);
  return root !== null && chosen(root) ? root : null;
}

export function inRange(day: string, from: string | null, to: string | null): boolean {
  return (from === null || day >= from) && (to === null || day <= to);
}

export const defaultBuyers = (scope: Scope): Buyers => ({
  agencyIds: scope.agencyIds,
  network: scope.includeNetwork ? 'include' : 'exclude',
});

/** The scoped transactions: in the date range, categories and account prefix, bought by the buyers. */
export function scoped(v: View, scope: Scope, b: Buyers = defaultBuyers(scope)): RTx[] {
  return v.o.transactions.filter(
    (t) =>
      inRange(t.occurred_on, scope.from, scope.to) &&
      (scope.categories === null || scope.categories.includes(t.category)) &&
      (scope.accountPrefix === null || t.account_code?.startsWith(scope.accountPrefix)) &&
      buyerAgency(v, t.buyer_id, b) !== null,
  );
}

/** The policy target of a metric and year: the agency's own, else the tenant-wide one. */
export function target(v: View, metric: string, year: number | null, agencyId: number | null) {
  if (year === null) return null;
  const targets = v.o.targets;
  const own =
    agencyId === null
      ? undefined
      : targets.find((t) => t.metric === metric && t.fiscal_year === year && t.agency_id === agencyId);
  if (own) return { share: own.target_share, text: own.text, source: 'AGENCY' as const };
  const tenant = targets.find((t) => t.metric === metric && t.fiscal_year === year && t.agency_id === null);
  return tenant ? { share: tenant.target_share, text: tenant.text, source: 'TENANT' as const } : null;
}

/** A decimal text ("0.3000") as an exact fraction. */
export function decimal(text: string): [bigint, bigint] {
  const [whole = '0', fraction = ''] = text.split('.');
  return [BigInt(whole + fraction), 10n ** BigInt(fraction.length)];
}

export const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function summarize(v: View, txs: RTx[], year: number | null, agencyId: number | null) {
  let total = 0;
  let toLocalUmkm = 0;
  let toUmk = 0;
  let toLocal = 0;
  const sellers = new Set<number>();
  for (const t of txs) {
    const s = party(v, t.seller_id);
    total += t.amount;
    if (isLocalUmkm(v, s)) {
      toLocalUmkm += t.amount;
      sellers.add(s.id);
    }
    if (isUmk(s)) toUmk += t.amount;
    if (isLocal(v, s)) toLocal += t.amount;
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
    target: target(v, 'LOCAL_UMKM_SHARE', year, agencyId)?.share ?? null,
    umkTarget: target(v, 'UMK_SHARE', year, agencyId)?.share ?? null,
  };
}

/** The one agency of a scope's agency list, which picks its own targets; else null. */
export const singleAgency = (scope: Scope) => (scope.agencyIds?.length === 1 ? (scope.agencyIds[0] as number) : null);

export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
