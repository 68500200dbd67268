import type { Oracle } from './tables.ts';
import {
  addMonths,
  decimal,
  districtOf,
  isLocalUmkm,
  party,
  type RParty,
  ratio,
  sectorOf,
  target,
  viewOf,
} from './terms.ts';

/*
 * Program outcomes, recovery, market access and data collection of docs/metrics-outcomes.md, computed
 * naively from the oracle (see terms.ts).
 */

export function refProgramOutcomes(o: Oracle, fiscalYear: number, agencyId: number | null) {
  const v = viewOf(o);
  return v.o.programs
    .filter((p) => p.fiscal_year === fiscalYear && (agencyId === null || p.agency_id === agencyId))
    .map((p) => {
      const txs = v.o.transactions.filter((t) => t.program_id === p.id);
      const realized = txs.reduce((s, t) => s + t.amount, 0);
      const local = txs.filter((t) => isLocalUmkm(v, party(v, t.seller_id)));
      const toLocalUmkm = local.reduce((s, t) => s + t.amount, 0);
      const inherited = target(v, 'LOCAL_UMKM_SHARE', fiscalYear, p.agency_id);
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
        agencyName: party(v, p.agency_id).name,
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
        enterprisesAssisted: new Set(v.o.assistance.filter((a) => a.program_id === p.id).map((a) => a.enterprise_id))
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
  o: Oracle,
  group: 'NONE' | 'SECTOR' | 'DISTRICT' | 'SIZE_CLASS',
  from: string | null,
  to: string | null,
  baselineYear: number,
) {
  const v = viewOf(o);
  const periods = v.o.snapshots.map((s) => s.period).sort();
  const first = from ?? periods[0] ?? to;
  const last = to ?? periods[periods.length - 1] ?? from;
  if (!first || !last || first > last) return [];
  const keyOf = (p: RParty) =>
    group === 'NONE'
      ? 'ALL'
      : group === 'SECTOR'
        ? sectorOf(v, p)
        : group === 'DISTRICT'
          ? districtOf(v, p)
          : (p.size_class ?? 'UNKNOWN');
  const baseline = new Map<number, number>();
  const enterprises = [...v.parties.values()].filter((p) => p.kind === 'ENTERPRISE');
  for (const e of enterprises) {
    const base = v.o.snapshots.filter(
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
      const panel = v.o.snapshots.filter((s) => {
        const e = party(v, s.enterprise_id);
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

export function refMarketAccess(o: Oracle, cohortYear: number) {
  const v = viewOf(o);
  const y = String(cohortYear);
  const next = String(cohortYear + 1);
  const cohort = [
    ...new Set(
      v.o.assistance
        .filter((a) => a.kind === 'TRAINING' && a.occurred_on.startsWith(`${y}-`))
        .map((a) => a.enterprise_id),
    ),
  ];
  const withMarket = (e: number) =>
    v.o.transactions.some(
      (t) =>
        t.seller_id === e &&
        party(v, t.buyer_id).is_government &&
        (t.occurred_on.startsWith(`${y}-`) || t.occurred_on.startsWith(`${next}-`)),
    );
  const status = (e: number) => {
    const snaps = v.o.snapshots
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
  const trained = group(cohort.filter((e) => !withMarket(e)));
  return {
    cohortYear,
    cohortSize: cohort.length,
    withMarket: w,
    trainedOnly: trained,
    difference: w.survivalRate === null || trained.survivalRate === null ? null : w.survivalRate - trained.survivalRate,
  };
}

export function refDataCollection(o: Oracle, year: number) {
  const v = viewOf(o);
  const end = `${year}-12-31`;
  return v.districts.map((d) => {
    const located = [...v.parties.values()].filter(
      (p) =>
        p.region_code !== null &&
        (p.region_code === d.code || p.region_code.startsWith(`${d.code}.`)) &&
        p.registered_on !== null &&
        p.registered_on <= end,
    );
    // A party without its profile row counts as DRAFT.
    const count = (kind: string, verification: (p: RParty) => string | null) => {
      const members = located.filter((p) => p.kind === kind && (verification(p) ?? 'DRAFT') !== 'REJECTED');
      return [members.length, members.filter((p) => verification(p) === 'VERIFIED').length] as const;
    };
    const [eReg, eVer] = count('ENTERPRISE', (p) => p.e_verification);
    const [cReg, cVer] = count('COOPERATIVE', (p) => p.c_verification);
    const t = v.o.collectionTargets.find((x) => x.region_code === d.code && x.year === year);
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
