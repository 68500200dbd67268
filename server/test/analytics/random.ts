import type { PartyKind, ProductCategory, SizeClass, UnitType } from '@jejaring/db';
import { mulberry32 } from '@jejaring/db/testing';
import type { SpendFilter } from '../../src/analytics/spend-filter.input.ts';
import type { Fixture, FixtureParty } from './fixtures.ts';

/** Helpers over mulberry32 (a seeded PRNG; plenty for test data). */
export function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number) => next() < p;
  const subset = <T>(items: readonly T[], p = 0.5): T[] => items.filter(() => chance(p));
  return { next, int, pick, chance, subset };
}
export type Rng = ReturnType<typeof prng>;

const REGIONS_LOCAL = ['61.12', '61.12.01', '61.12.01.2001', '61.12.03', '61.12.05.2001', '61.12.09'];
const REGIONS_OUTSIDE = ['61.71', '31.71', '61.01'];
const KBLI = ['10710', '56101', '14111', '46100', '01120', '47111', null];
const SIZES: Array<SizeClass | null> = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE', null];
const UNIT_TYPES: UnitType[] = [
  'SCHOOL',
  'HEALTH_CENTER',
  'VILLAGE_GOVERNMENT',
  'TECHNICAL_UNIT',
  'ASN_ASSOCIATION',
  'BUMDES',
];
export const CATEGORIES: ProductCategory[] = ['FOOD_STAPLES', 'SNACKS', 'GARMENTS', 'CATERING', 'OTHER'];
const ACCOUNTS = ['5.1.02.01', '5.1.02.02', '5.1.021', '5.2.02', null];
const YEARS = [2021, 2022, 2023];

const day = (rng: Rng, year = rng.pick(YEARS)) =>
  `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
const month = (rng: Rng, years: number[]) => `${rng.pick(years)}-${String(rng.int(1, 12)).padStart(2, '0')}`;

/**
 * A random small dataset: agencies with networks (random depth, sometimes a parent cycle), sellers
 * of every class, purchases among everyone (so re-spending chains and cycles occur), programs,
 * snapshots, assistance and targets.
 */
export function randomFixture(seed: number): Fixture {
  const rng = prng(seed);
  const parties: FixtureParty[] = [];
  const agencies = Array.from({ length: rng.int(2, 4) }, (_, i) => `A${i}`);
  agencies.forEach((ref, i) => {
    parties.push({ ref, kind: 'AGENCY', name: rng.pick(['Dinas X', 'Badan Y', 'Dinas Z', `Dinas ${i}`]) });
  });
  const units: string[] = [];
  for (let i = 0; i < rng.int(0, 7); i++) {
    const ref = `N${i}`;
    const parent = units.length && rng.chance(0.4) ? rng.pick(units) : rng.pick(agencies);
    const unitType = rng.pick(UNIT_TYPES);
    parties.push({
      ref,
      kind: 'NETWORK_UNIT',
      parent_ref: parent,
      unit_type: unitType,
      is_government: unitType !== 'ASN_ASSOCIATION' && unitType !== 'BUMDES' ? rng.chance(0.9) : false,
      region_code: rng.pick(REGIONS_LOCAL),
    });
    units.push(ref);
  }
  const cycle = rng.chance(0.3);
  if (cycle) {
    parties.push({ ref: 'CY1', kind: 'NETWORK_UNIT', parent_ref: 'CY2', unit_type: 'SCHOOL', is_government: true });
    parties.push({ ref: 'CY2', kind: 'NETWORK_UNIT', parent_ref: 'CY1', unit_type: 'OTHER', is_government: true });
  }
  const sellers: string[] = [];
  const enterprises: string[] = [];
  for (let i = 0; i < rng.int(3, 12); i++) {
    const ref = `E${i}`;
    parties.push({
      ref,
      kind: 'ENTERPRISE',
      region_code: rng.chance(0.75) ? rng.pick(REGIONS_LOCAL) : rng.chance(0.8) ? rng.pick(REGIONS_OUTSIDE) : null,
      size_class: rng.pick(SIZES),
      kbli_code: rng.pick(KBLI),
      registered_on: rng.chance(0.85) ? day(rng, rng.pick([2020, 2021, 2022, 2023])) : null,
      verification: rng.pick(['DRAFT', 'VERIFIED', 'VERIFIED', 'REJECTED'] as const),
    });
    sellers.push(ref);
    enterprises.push(ref);
  }
  for (let i = 0; i < rng.int(0, 3); i++) {
    const ref = `K${i}`;
    parties.push({
      ref,
      kind: 'COOPERATIVE',
      region_code: rng.chance(0.8) ? rng.pick(REGIONS_LOCAL) : rng.pick(REGIONS_OUTSIDE),
      registered_on: day(rng, rng.pick([2020, 2022])),
      verification: rng.pick(['DRAFT', 'VERIFIED'] as const),
    });
    sellers.push(ref);
  }
  for (let i = 0; i < rng.int(1, 3); i++) {
    const ref = `V${i}`;
    parties.push({
      ref,
      kind: 'VENDOR' as PartyKind,
      region_code: rng.chance(0.3) ? '61.12' : rng.pick(REGIONS_OUTSIDE),
    });
    sellers.push(ref);
  }
  const programs = Array.from({ length: rng.int(0, 4) }, (_, i) => ({
    ref: `P${i}`,
    agency_ref: rng.pick(agencies),
    code: `PR.${i}`,
    fiscal_year: rng.pick([2022, 2023]),
    budget: rng.chance(0.15) ? 0 : rng.int(1, 50) * 1000,
    local_target_share: rng.chance(0.5) ? rng.pick([0, 0.2, 0.25, 0.4, 0.3333, 0.123456789]) : null,
  }));
  const buyers = [...agencies, ...agencies, ...units, ...(cycle ? ['CY1'] : []), ...sellers];
  const transactions = [];
  for (let i = 0; i < rng.int(10, 70); i++) {
    const buyer = rng.pick(buyers);
    let seller = rng.pick(sellers);
    if (seller === buyer) seller = sellers.find((s) => s !== buyer) as string;
    if (!seller || seller === buyer) continue;
    transactions.push({
      ref: `T${i}`,
      buyer_ref: buyer,
      seller_ref: seller,
      program_ref: programs.length && rng.chance(0.3) ? rng.pick(programs).ref : null,
      category: rng.pick(CATEGORIES),
      account_code: rng.pick(ACCOUNTS),
      amount: rng.chance(0.05)
        ? 0
        : rng.chance(0.1)
          ? rng.int(1, 9) * 1_000_000_000_000 + rng.int(0, 999)
          : rng.int(1, 5000),
      occurred_on: day(rng),
    });
  }
  const snapshots = [];
  const seen = new Set<string>();
  for (const e of enterprises) {
    for (let i = 0; i < rng.int(0, 8); i++) {
      const period = month(rng, [2019, 2019, 2020, 2021, 2022, 2023]);
      if (seen.has(`${e}|${period}`)) continue;
      seen.add(`${e}|${period}`);
      snapshots.push({
        party_ref: e,
        period,
        revenue: rng.chance(0.1) ? null : rng.chance(0.05) ? 0 : rng.int(1, 3000),
        status: rng.pick(['ACTIVE', 'ACTIVE', 'DORMANT', 'CLOSED'] as const),
      });
    }
  }
  const assistance = [];
  for (const e of enterprises) {
    if (rng.chance(0.5)) {
      assistance.push({
        party_ref: e,
        program_ref: programs.length && rng.chance(0.6) ? rng.pick(programs).ref : null,
        kind: rng.pick(['TRAINING', 'TRAINING', 'MENTORING'] as const),
        occurred_on: day(rng, rng.pick([2021, 2022])),
      });
    }
  }
  const targets = [];
  for (const metric of ['LOCAL_UMKM_SHARE', 'UMK_SHARE'] as const) {
    for (const year of YEARS) {
      if (rng.chance(0.6))
        targets.push({ metric, fiscal_year: year, target_share: rng.pick([0.25, 0.3, 0.4, 0.123456789]) });
      for (const a of agencies) {
        if (rng.chance(0.2))
          targets.push({ metric, fiscal_year: year, target_share: rng.pick([0, 0.2, 0.35, 0.5]), agency_ref: a });
      }
    }
  }
  const collection_targets = ['61.12.01', '61.12.03', '61.12.05']
    .filter(() => rng.chance(0.6))
    .map((region_code) => ({
      region_code,
      year: rng.pick([2022, 2023]),
      enterprises: rng.int(0, 5),
      cooperatives: rng.int(0, 2),
    }));
  return { parties, programs, transactions, snapshots, assistance, targets, collection_targets };
}

/** A random filter over the dataset of the same seed; agency refs are resolved by the caller. */
export function randomFilter(rng: Rng, agencies: string[]): SpendFilter & { agencies?: string[] } {
  const f: SpendFilter & { agencies?: string[] } = {};
  const dates = () => {
    const a = day(rng);
    const b = day(rng);
    return a <= b ? [a, b] : [b, a];
  };
  const range = rng.int(0, 7);
  if (range === 1) f.fiscalYear = rng.pick(YEARS);
  else if (range === 2) [f.from, f.to] = dates() as [string, string];
  else if (range === 3) f.from = day(rng);
  else if (range === 4) f.to = day(rng);
  else if (range === 6) {
    // Aligned on months and years: whole years, whole months and partial months mixed.
    const a = `${rng.pick(YEARS)}-${rng.pick(['01', '03', '07'])}-${rng.pick(['01', '01', '16'])}`;
    const bMonth = rng.pick(['02', '06', '12']);
    const bYear = rng.pick(YEARS);
    const lastDay = new Date(Date.UTC(bYear, Number(bMonth), 0)).getUTCDate();
    const b = `${bYear}-${bMonth}-${rng.pick([String(lastDay), '28', '10'])}`;
    [f.from, f.to] = a <= b ? [a, b] : [`${b.slice(0, 8)}01`, `${a.slice(0, 8)}28`];
  } else if (range === 7) {
    if (rng.chance(0.5)) f.from = `${rng.pick(YEARS)}-01-01`;
    else f.to = `${rng.pick(YEARS)}-12-31`;
  } else if (range === 5) {
    f.fiscalYear = rng.pick(YEARS);
    f.from = `${f.fiscalYear}-${String(rng.int(1, 6)).padStart(2, '0')}-15`;
  }
  if (rng.chance(0.4)) {
    const some = rng.subset(agencies);
    // Now and then an agency twice: the filter counts it once.
    if (some.length) f.agencies = rng.chance(0.3) ? [...some, some[0] as string] : some;
  }
  if (rng.chance(0.3)) f.categories = rng.subset(CATEGORIES, 0.5).concat('OTHER');
  if (rng.chance(0.2)) f.accountPrefix = rng.pick(['5.1.02', '5.1.02.0', '5', '5.2']);
  if (rng.chance(0.5)) f.includeNetwork = true;
  return f;
}
