import { classifySize } from '../reference/size.ts';
import { DAYS, MONTH_FIRST_DAY, monthIndex } from './calendar.ts';
import { CATEGORIES, type Category, cat, SECTOR_INDEX, SECTORS } from './catalog.ts';
import { businessName, fillPattern, person, vendorName } from './names.ts';
import { Random } from './random.ts';
import { type Build, type District, Enterprises, type OtherSeller, SIZE_CODES, type Village } from './registry.ts';
import { COUNTS, panelShare, RESPEND_LOCAL, RESPEND_OUTSIDE } from './story.ts';

/*
 * Firms: the local enterprises (UMKM and a few large ones) with their registry data, the shaping of
 * their verification per district (so data-collection progress lands at 60-95 % of target by
 * 2025), and the sellers outside the UMKM registry: outside enterprises (Pontianak, Mempawah,
 * Singkawang) and vendors (outside the regency, and a few local ones).
 */

const LARGE = 4;
export const OUTSIDE_REGIONS: ReadonlyArray<readonly [string, number, string]> = [
  ['61.71', 45, 'Pontianak'],
  ['61.02', 6, 'Mempawah'],
  ['61.72', 6, 'Singkawang'],
  ['31.71', 8, 'Jakarta'],
  ['31.73', 5, 'Jakarta'],
  ['31.74', 6, 'Jakarta'],
  ['31.75', 4, 'Jakarta'],
  ['35.78', 7, 'Surabaya'],
  ['32.73', 4, 'Bandung'],
  ['33.74', 3, 'Semarang'],
  ['36.71', 3, 'Tangerang'],
  ['64.72', 2, 'Samarinda'],
];
export const NEARBY_REGIONS = OUTSIDE_REGIONS.slice(0, 3);

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
const logUniform = (rng: Random, lo: number, hi: number) => Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));
const roundTo = (value: number, unit: number) => Math.round(value / unit) * unit;

/** A unique-looking 13-digit NIB from a serial number (an affine bijection on 11 digits). */
export function nibFor(serial: number): string {
  const mixed = (serial * 1_234_567_891 + 40_961) % 100_000_000_000;
  return `91${pad(mixed, 11)}`;
}

/** A 16-digit NIK: region (6 digits), birth date DDMMYY (day + 40 for women), 4-digit serial. */
export function nikFor(regionDigits: string, gender: 'F' | 'M', rng: Random, serial: number): string {
  const year = rng.int(1956, 2002);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28) + (gender === 'F' ? 40 : 0);
  return `${regionDigits}${pad(day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad((serial % 9999) + 1, 4)}`;
}

/** Declared capital/revenue for a size class: both known, one known, or neither (unknown). */
export function sizeFigures(
  rng: Random,
  size: number,
): { capital: number | null; revenue: number; declaredRevenue: number | null } {
  let capital: number;
  let revenue: number;
  switch (size) {
    case 2:
      capital = logUniform(rng, 1.05e9, 4.9e9);
      revenue = logUniform(rng, 2.1e9, 14e9);
      break;
    case 3:
      capital = logUniform(rng, 5.1e9, 9.8e9);
      revenue = logUniform(rng, 15.5e9, 48e9);
      break;
    case LARGE:
      capital = logUniform(rng, 12e9, 80e9);
      revenue = logUniform(rng, 60e9, 300e9);
      break;
    default:
      capital = Math.min(0.98e9, Math.max(3e6, rng.logNormal(45e6, 0.9)));
      revenue = Math.min(1.95e9, Math.max(18e6, rng.logNormal(130e6, 0.75)));
  }
  capital = roundTo(capital, 100_000);
  revenue = roundTo(revenue, 100_000);
  if (size === 0) return { capital: null, revenue, declaredRevenue: null };
  const form = rng.float();
  if (form < 0.65) return { capital, revenue, declaredRevenue: revenue };
  if (form < 0.85) return { capital, revenue, declaredRevenue: null };
  return { capital: null, revenue, declaredRevenue: revenue };
}

export function employeesFor(rng: Random, size: number): number {
  switch (size) {
    case 2:
      return rng.int(5, 19);
    case 3:
      return rng.int(20, 99);
    case LARGE:
      return rng.int(100, 600);
    default:
      return rng.weighted([1, 2, 3, 4, 5], [30, 35, 18, 10, 7]);
  }
}

/** Registration day: spread over 2019-2025 with the data-collection push from 2021, never before founding. */
export function registrationDay(rng: Random, foundedMonth: number): number {
  const yearWeights = [12, 7, 20, 20, 17, 14, 10];
  let month = monthIndex(2019 + rng.weightedIndex(yearWeights), rng.int(0, 11));
  if (month < foundedMonth) month = Math.min(83, foundedMonth + rng.int(0, 8));
  const first = MONTH_FIRST_DAY[month] as number;
  const next = month < 83 ? (MONTH_FIRST_DAY[month + 1] as number) : DAYS.length;
  return rng.int(first, next - 1);
}

export function foundedYearFor(rng: Random): number {
  if (rng.chance(0.2)) return rng.int(2019, 2024);
  return Math.min(2018, Math.round(2018 - Math.abs(rng.normal()) * 9));
}

export function buildEnterprises(b: Build): Enterprises {
  const nUmkm = b.count(COUNTS.enterprises);
  const nLarge = b.count(COUNTS.largeLocal);
  const enterprises = new Enterprises(nUmkm + nLarge, b.nextId);
  b.nextId += enterprises.count;
  const sectorWeights = SECTORS.map((s) => s.weight);
  const panel = panelShare(b.scale);
  const largeSectors = ['building', 'rice', 'retail', 'catering'].map((k) => SECTOR_INDEX.get(k) as number);
  for (let e = 0; e < enterprises.count; e++) {
    const r = new Random(b.seed, 'enterprise', e);
    const large = e >= nUmkm;
    const sectorIndex = large ? (largeSectors[e % largeSectors.length] as number) : r.weightedIndex(sectorWeights);
    const sector = SECTORS[sectorIndex] as (typeof SECTORS)[number];
    const village = r.weightedIndex(b.villageWeights);
    const place = (b.villages[village] as Village).name;
    const district = b.districts[(b.villages[village] as Village).district] as District;
    const owner = person(r);
    const size = large ? LARGE : r.weighted([1, 2, 3, 0], [82, 8, 2.2, 7.8]);
    const figures = sizeFigures(r, size);
    const classified = classifySize(figures.capital, figures.declaredRevenue);
    const sizeCode = classified.sizeClass ? SIZE_CODES.indexOf(classified.sizeClass) : 0;
    enterprises.village[e] = village;
    enterprises.sector[e] = sectorIndex;
    enterprises.primary[e] = cat(sector.primary);
    if (sector.secondary && r.chance(sector.secondary.share)) enterprises.secondary[e] = cat(sector.secondary.category);
    enterprises.size[e] = sizeCode;
    enterprises.capital[e] = figures.capital ?? Number.NaN;
    enterprises.declaredRevenue[e] = figures.declaredRevenue ?? Number.NaN;
    enterprises.baseRevenue[e] = figures.revenue;
    enterprises.employees[e] = employeesFor(r, sizeCode);
    const foundedYear = large ? r.int(1995, 2015) : foundedYearFor(r);
    enterprises.foundedYear[e] = foundedYear;
    const foundedMonth = foundedYear >= 2019 ? monthIndex(foundedYear, r.int(0, 11)) : 0;
    enterprises.foundedMonth[e] = foundedMonth;
    enterprises.registeredDay[e] = registrationDay(r, foundedMonth);
    enterprises.panel[e] = !large && r.chance(panel) ? 1 : 0;
    enterprises.respendLocal[e] = r.uniform(RESPEND_LOCAL[0], RESPEND_LOCAL[1]);
    enterprises.respendOutside[e] = r.uniform(RESPEND_OUTSIDE[0], RESPEND_OUTSIDE[1]);
    enterprises.trend[e] = 0.02 * r.normal();
    const hasNib = large || sizeCode >= 2 ? r.chance(0.97) : r.chance(sizeCode === 0 ? 0.6 : 0.87);
    enterprises.nib.push(hasNib ? nibFor(b.nibSerial++) : null);
    enterprises.kbli.push(r.pick(sector.kbli));
    enterprises.ownerName.push(owner.name);
    enterprises.ownerGender.push(owner.gender);
    enterprises.ownerNik.push(
      nikFor(`${b.regency.replace('.', '')}${pad(district.number, 2)}`, owner.gender, r, b.nikSerial++),
    );
    enterprises.name.push(
      large
        ? `PT ${fillPattern(r, '{adj}', place)} ${r.pick(['Kubu Raya', place, 'Khatulistiwa'])} ${['Beton', 'Agro Pangan', 'Swalayan', 'Hotel dan Resto'][e % 4]}`
        : businessName(r, r.pick(sector.names), owner, place),
    );
  }
  return enterprises;
}

/** What the cooperatives' verification and the collection targets need from the enterprises' pass. */
export interface Collection {
  readonly rng: Random;
  readonly progress: readonly number[];
  readonly enterpriseTargets: readonly number[];
  readonly ramp: Readonly<Record<number, number>>;
}

export function shapeVerification(b: Build, enterprises: Enterprises): Collection {
  // Verification shaped per district: verified = 60-95 % of the district's collection target by 2025.
  const targetRng = new Random(b.seed, 'collection');
  const villagesTotal = b.villages.length;
  const ramp: Readonly<Record<number, number>> = { 2021: 0.45, 2022: 0.6, 2023: 0.75, 2024: 0.88, 2025: 1 };
  const enterpriseTarget = Math.round(0.7 * enterprises.count);
  const byDistrict: number[][] = b.districts.map(() => []);
  for (let e = 0; e < enterprises.count; e++)
    byDistrict[(b.villages[enterprises.village[e]!] as Village).district]!.push(e);
  const districtProgress = b.districts.map(() => targetRng.uniform(0.6, 0.95));
  const districtTargets = b.districts.map((d) => Math.round((enterpriseTarget * d.villages.length) / villagesTotal));
  byDistrict.forEach((list, d) => {
    const target = districtTargets[d] as number;
    const verified = Math.min(Math.round((districtProgress[d] as number) * target), Math.floor(list.length * 0.92));
    // Earlier registrations are more likely verified by now.
    const order = list
      .map((e) => ({ e, key: enterprises.registeredDay[e]! + 900 * targetRng.float() }))
      .sort((a, b) => a.key - b.key);
    order.forEach(({ e }, rank) => {
      if (rank < verified) enterprises.verification[e] = 1;
      else enterprises.verification[e] = targetRng.chance(0.06) ? 2 : 0;
    });
  });
  return { rng: targetRng, progress: districtProgress, enterpriseTargets: districtTargets, ramp };
}

export function buildOthers(b: Build): OtherSeller[] {
  const others: OtherSeller[] = [];
  const outsideSectors = ['garments', 'snacks', 'printing', 'crafts', 'catering', 'stationery', 'building'].map(
    (k) => SECTOR_INDEX.get(k) as number,
  );
  const nOutsideEnterprises = b.count(COUNTS.outsideEnterprises);
  for (let i = 0; i < nOutsideEnterprises; i++) {
    const r = new Random(b.seed, 'outside-enterprise', i);
    const [code, , city] = r.weighted(NEARBY_REGIONS, [70, 15, 15]);
    const sector = SECTORS[r.pick(outsideSectors)] as (typeof SECTORS)[number];
    const owner = person(r);
    const size = r.weighted([1, 2, 3], [55, 38, 7]);
    const figures = sizeFigures(r, size);
    const classified = classifySize(figures.capital, figures.declaredRevenue);
    const foundedYear = foundedYearFor(r);
    others.push({
      id: b.nextId++,
      ref: `OUT-${pad(i + 1, 5)}`,
      name: businessName(r, r.pick(sector.names), owner, city),
      kind: 'ENTERPRISE',
      regionCode: code,
      local: false,
      sizeClass: classified.sizeClass,
      categories: [cat(sector.primary)],
      registeredDay: registrationDay(r, 0),
      weight: 0.6,
      profile: {
        nib: nibFor(b.nibSerial++),
        kbli: r.pick(sector.kbli),
        ownerName: owner.name,
        ownerNik: nikFor(`${code.replace('.', '')}${pad(r.int(1, 6), 2)}`, owner.gender, r, b.nikSerial++),
        ownerGender: owner.gender,
        foundedYear: Math.min(foundedYear, 2019),
        employees: employeesFor(r, size),
        capital: figures.capital,
        revenue: figures.declaredRevenue,
        basis: classified.basis,
      },
    });
  }
  const vendorCategoryWeights: Readonly<Record<Category, number>> = {
    FOOD_STAPLES: 8,
    SNACKS: 3,
    SOUVENIRS: 3,
    GARMENTS: 7,
    PROTECTIVE_GEAR: 10,
    CATERING: 4,
    PRINTING_STATIONERY: 15,
    CONSTRUCTION_MATERIALS: 18,
    SERVICES: 12,
    OTHER: 20,
  };
  const categoryWeights = CATEGORIES.map((c) => vendorCategoryWeights[c]);
  const nVendors = b.count(COUNTS.outsideVendors);
  const nLocalVendors = b.count(COUNTS.localVendors);
  for (let i = 0; i < nVendors + nLocalVendors; i++) {
    const local = i >= nVendors;
    const r = new Random(b.seed, 'vendor', i);
    const primary = r.weightedIndex(categoryWeights);
    const categories = [primary];
    if (r.chance(0.3)) {
      const second = r.weightedIndex(categoryWeights);
      if (second !== primary) categories.push(second);
    }
    const sizeClass = r.weighted(
      ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'] as const,
      local ? [40, 50, 10, 0] : [30, 35, 25, 10],
    );
    const region = local
      ? (b.villages[r.weightedIndex(b.villageWeights)] as Village).code
      : (r.weighted(
          OUTSIDE_REGIONS,
          OUTSIDE_REGIONS.map((o) => o[1]),
        )[0] as string);
    const baseName = vendorName(r, CATEGORIES[primary] as string, sizeClass === 'LARGE');
    others.push({
      id: b.nextId++,
      ref: `${local ? 'LV' : 'VND'}-${pad(i + 1, 5)}`,
      name: local ? `${baseName} Cabang ${(b.villages.find((v) => v.code === region) as Village).name}` : baseName,
      kind: 'VENDOR',
      regionCode: region,
      local,
      sizeClass,
      categories,
      registeredDay: r.int(0, MONTH_FIRST_DAY[48] as number),
      weight: sizeClass === 'LARGE' ? 2 : sizeClass === 'MEDIUM' ? 1.4 : 1,
    });
  }
  return others;
}
