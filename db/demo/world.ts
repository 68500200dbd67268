import { classifySize } from '../reference/size.ts';
import type { CoopType, SizeClass, Verification } from '../src/database.ts';
import { readRegions } from '../src/reference.ts';
import { AGENCIES, type AgencySpec, FIXED_UNITS, NETWORKS, type NetworkKind, type NetworkSpec } from './agencies.ts';
import { DAYS, MONTH_FIRST_DAY, monthIndex, monthOfDay, NEVER } from './calendar.ts';
import {
  CATEGORIES,
  CATEGORY_COUNT,
  type Category,
  cat,
  NO_CATEGORY,
  type ProductTemplate,
  SECTOR_INDEX,
  SECTORS,
  VENDOR_KBLI,
  VENDOR_PRODUCTS,
} from './catalog.ts';
import { businessName, COOPERATIVE_NAMES, fillPattern, person, vendorName } from './names.ts';
import { Random } from './random.ts';
import { COUNTS, panelShare, RESPEND_LOCAL, RESPEND_OUTSIDE } from './story.ts';

/*
 * The static registry of the demo: regions, agencies, network units, local enterprises (UMKM and a
 * few large firms), cooperatives, outside enterprises and vendors, and their products. Enterprise
 * attributes live in typed arrays (hundreds of thousands at scale 100); the rest are small objects.
 */

export interface Village {
  readonly code: string;
  readonly name: string;
  readonly district: number;
}

export interface District {
  readonly code: string;
  readonly name: string;
  /** 1…9, the last two digits of the code. */
  readonly number: number;
  readonly villages: readonly number[];
}

export interface AgencyInfo {
  readonly index: number;
  readonly id: number;
  readonly ref: string;
  readonly spec: AgencySpec;
  readonly village: number;
  /** Every unit in the agency's network (all levels), as indices into World.units. */
  readonly units: number[];
}

export interface UnitInfo {
  readonly index: number;
  readonly id: number;
  readonly ref: string;
  readonly name: string;
  readonly kind: NetworkKind;
  readonly spec: NetworkSpec;
  readonly agency: number;
  readonly parentId: number;
  readonly village: number;
  readonly members: number;
  readonly weight: number;
}

export type CoopSubtype = 'FARMER' | 'FISHER' | 'CRAFT' | CoopType;

export interface CoopInfo {
  readonly index: number;
  readonly id: number;
  readonly ref: string;
  readonly name: string;
  readonly village: number;
  readonly type: CoopType;
  readonly subtype: CoopSubtype;
  readonly registrationNo: string;
  readonly membersCount: number;
  verification: Verification;
  readonly registeredDay: number;
  readonly status: 'ACTIVE' | 'DORMANT' | 'CLOSED';
  readonly sizeClass: SizeClass;
  /** Category it sells in, or NO_CATEGORY (savings and loan). */
  readonly category: number;
  readonly members: number[];
  readonly joinedDays: number[];
  readonly passOn: number;
}

/** Outside enterprises and all vendors: sellers that are not local UMKM (or are, outside the regency). */
export interface OtherSeller {
  readonly id: number;
  readonly ref: string;
  readonly name: string;
  readonly kind: 'VENDOR' | 'ENTERPRISE';
  readonly regionCode: string;
  readonly local: boolean;
  readonly sizeClass: SizeClass | null;
  readonly categories: readonly number[];
  readonly registeredDay: number;
  readonly weight: number;
  readonly profile?: {
    readonly nib: string | null;
    readonly kbli: string;
    readonly ownerName: string;
    readonly ownerNik: string;
    readonly ownerGender: 'F' | 'M';
    readonly foundedYear: number;
    readonly employees: number;
    readonly capital: number | null;
    readonly revenue: number | null;
    readonly basis: 'CAPITAL' | 'REVENUE' | null;
  };
}

export const SIZE_CODES: readonly (SizeClass | null)[] = [null, 'MICRO', 'SMALL', 'MEDIUM', 'LARGE'];
export const VERIFICATION_CODES: readonly Verification[] = ['DRAFT', 'VERIFIED', 'REJECTED'];
const LARGE = 4;

/** Local enterprises (UMKM and the few large firms) as columns. */
export class Enterprises {
  readonly firstId: number;
  readonly name: string[] = [];
  readonly ownerName: string[] = [];
  readonly ownerNik: string[] = [];
  readonly ownerGender: ('F' | 'M')[] = [];
  readonly nib: (string | null)[] = [];
  readonly kbli: string[] = [];
  readonly village: Uint16Array;
  readonly sector: Uint8Array;
  readonly primary: Uint8Array;
  readonly secondary: Uint8Array;
  /** Index into SIZE_CODES. */
  readonly size: Uint8Array;
  /** Declared capital / annual revenue (NaN when not declared). */
  readonly capital: Float64Array;
  readonly declaredRevenue: Float64Array;
  /** 2019-level annual revenue that drives snapshots and purchases. */
  readonly baseRevenue: Float64Array;
  readonly employees: Uint16Array;
  readonly foundedYear: Uint16Array;
  /** First month index the firm trades in (0 for firms older than 2019). */
  readonly foundedMonth: Int16Array;
  readonly registeredDay: Int16Array;
  /** Index into VERIFICATION_CODES. */
  readonly verification: Uint8Array;
  readonly panel: Uint8Array;
  readonly respendLocal: Float32Array;
  readonly respendOutside: Float32Array;
  /** Yearly log-growth of the firm's own revenue trend. */
  readonly trend: Float32Array;
  /** Filled by life.ts. */
  readonly dormantFrom: Int16Array;
  readonly closedFrom: Int16Array;
  /** A dormant firm that starts trading again (then stays active). */
  readonly revivedFrom: Int16Array;
  /** Bit (year - 2019) set when the firm is a government supplier that year. */
  readonly govYears: Uint8Array;
  /** A panel partner it trades with both ways (a purchase cycle), or -1. */
  readonly partner: Int32Array;

  constructor(
    readonly count: number,
    firstId: number,
  ) {
    this.firstId = firstId;
    this.village = new Uint16Array(count);
    this.sector = new Uint8Array(count);
    this.primary = new Uint8Array(count);
    this.secondary = new Uint8Array(count).fill(NO_CATEGORY);
    this.size = new Uint8Array(count);
    this.capital = new Float64Array(count).fill(Number.NaN);
    this.declaredRevenue = new Float64Array(count).fill(Number.NaN);
    this.baseRevenue = new Float64Array(count);
    this.employees = new Uint16Array(count);
    this.foundedYear = new Uint16Array(count);
    this.foundedMonth = new Int16Array(count);
    this.registeredDay = new Int16Array(count);
    this.verification = new Uint8Array(count);
    this.panel = new Uint8Array(count);
    this.respendLocal = new Float32Array(count);
    this.respendOutside = new Float32Array(count);
    this.trend = new Float32Array(count);
    this.dormantFrom = new Int16Array(count).fill(NEVER);
    this.closedFrom = new Int16Array(count).fill(NEVER);
    this.revivedFrom = new Int16Array(count).fill(NEVER);
    this.govYears = new Uint8Array(count);
    this.partner = new Int32Array(count).fill(-1);
  }

  isUmkm(e: number): boolean {
    return this.size[e] !== LARGE;
  }

  activeAt(e: number, month: number): boolean {
    return this.foundedMonth[e]! <= month && (this.dormantFrom[e]! > month || this.revivedFrom[e]! <= month);
  }

  sells(e: number, category: number): boolean {
    return this.primary[e] === category || this.secondary[e] === category;
  }
}

/** Products of every seller, as columns; a seller's products are contiguous. */
export class Products {
  readonly seller: number[] = [];
  readonly name: string[] = [];
  readonly category: number[] = [];
  readonly unit: string[] = [];
  readonly price: number[] = [];
  readonly kbli: (string | null)[] = [];
  /** Party id → index of its first product; count per party id. */
  private readonly first = new Map<number, number>();
  private readonly counts = new Map<number, number>();

  add(sellerId: number, template: ProductTemplate, category: number, kbli: string | null, rng: Random): void {
    if (!this.first.has(sellerId)) this.first.set(sellerId, this.seller.length);
    this.counts.set(sellerId, (this.counts.get(sellerId) ?? 0) + 1);
    this.seller.push(sellerId);
    this.name.push(template.name);
    this.category.push(category);
    this.unit.push(template.unit);
    this.price.push(Math.max(500, Math.round((template.price * rng.uniform(0.85, 1.25)) / 500) * 500));
    this.kbli.push(kbli);
  }

  get size(): number {
    return this.seller.length;
  }

  /** A product (index) of the seller in the category, or -1. */
  find(sellerId: number, category: number, rng: Random): number {
    const first = this.first.get(sellerId);
    if (first === undefined) return -1;
    const count = this.counts.get(sellerId) as number;
    const start = rng.int(0, count - 1);
    for (let k = 0; k < count; k++) {
      const p = first + ((start + k) % count);
      if (this.category[p] === category) return p;
    }
    return -1;
  }
}

export interface World {
  readonly seed: number;
  readonly scale: number;
  /** Test-only shrink factor of the registry and the money (1 outside tests). */
  readonly fraction: number;
  readonly regency: string;
  readonly districts: readonly District[];
  readonly villages: readonly Village[];
  readonly agencies: readonly AgencyInfo[];
  readonly units: readonly UnitInfo[];
  readonly enterprises: Enterprises;
  readonly cooperatives: readonly CoopInfo[];
  /** Outside enterprises, outside vendors and local vendors. */
  readonly others: readonly OtherSeller[];
  readonly products: Products;
  /** Collection targets per district (index) and year: [enterprises, cooperatives]. */
  readonly collectionTargets: ReadonlyArray<{
    district: number;
    year: number;
    enterprises: number;
    cooperatives: number;
  }>;
  readonly partyCount: number;
}

const OUTSIDE_REGIONS: ReadonlyArray<readonly [string, number, string]> = [
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
const NEARBY_REGIONS = OUTSIDE_REGIONS.slice(0, 3);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
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
function sizeFigures(
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

function employeesFor(rng: Random, size: number): number {
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
function registrationDay(rng: Random, foundedMonth: number): number {
  const yearWeights = [12, 7, 20, 20, 17, 14, 10];
  let month = monthIndex(2019 + rng.weightedIndex(yearWeights), rng.int(0, 11));
  if (month < foundedMonth) month = Math.min(83, foundedMonth + rng.int(0, 8));
  const first = MONTH_FIRST_DAY[month] as number;
  const next = month < 83 ? (MONTH_FIRST_DAY[month + 1] as number) : DAYS.length;
  return rng.int(first, next - 1);
}

function foundedYearFor(rng: Random): number {
  if (rng.chance(0.2)) return rng.int(2019, 2024);
  return Math.min(2018, Math.round(2018 - Math.abs(rng.normal()) * 9));
}

export function buildWorld(seed: number, scale: number, fraction = 1, regency = '61.12'): World {
  const size = scale * fraction;
  const count = (n: number) => Math.max(1, Math.round(n * size));
  const regions = readRegions();
  const districtRows = regions.filter((r) => r.level === 3 && r.parent_code === regency);
  if (districtRows.length === 0) {
    throw new Error(`The demo dataset needs the districts and villages of ${regency}; the shipped regions have none.`);
  }
  const villages: Village[] = [];
  const districts: District[] = districtRows.map((d, i) => {
    const own = regions.filter((r) => r.level === 4 && r.parent_code === d.code);
    const indices = own.map((v) => {
      villages.push({ code: v.code, name: v.name, district: i });
      return villages.length - 1;
    });
    return { code: d.code, name: d.name, number: Number(d.code.slice(-2)), villages: indices };
  });
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  for (const [code] of OUTSIDE_REGIONS) {
    if (!regionName.has(code)) throw new Error(`region ${code} missing from the shipped regions`);
  }

  let nextId = 1;
  const rng = new Random(seed, 'world');

  // ── Agencies ──────────────────────────────────────────────────────────────────────────────────
  const villageByCode = new Map(villages.map((v, i) => [v.code, i]));
  const capitalVillages = [`${regency}.01.2001`, `${regency}.01.2016`, `${regency}.01.2003`]
    .map((code) => villageByCode.get(code))
    .filter((v): v is number => v !== undefined);
  const agencies: AgencyInfo[] = AGENCIES.filter((spec) => !spec.district || spec.district <= districts.length).map(
    (spec, index) => {
      const village =
        spec.district !== undefined
          ? ((districts[spec.district - 1] as District).villages[0] as number)
          : rng.weighted(
              capitalVillages.length ? capitalVillages : [0],
              [6, 2, 1].slice(0, Math.max(1, capitalVillages.length)),
            );
      return { index, id: nextId++, ref: `AGENCY-${spec.key}`, spec, village, units: [] };
    },
  );
  const agencyByKey = new Map(agencies.map((a) => [a.spec.key, a]));

  // ── Network units (first level, then their children) ─────────────────────────────────────────
  const units: UnitInfo[] = [];
  const pendingChildren: Array<() => void> = [];
  const unitRng = new Random(seed, 'units');
  const addUnit = (
    agency: AgencyInfo,
    kind: NetworkKind,
    name: string,
    village: number,
    parentId: number,
    members: number,
    weight: number,
  ) => {
    const unit: UnitInfo = {
      index: units.length,
      id: nextId++,
      ref: `UNIT-${pad(units.length + 1, 5)}`,
      name,
      kind,
      spec: NETWORKS[kind],
      agency: agency.index,
      parentId,
      village,
      members,
      weight: NETWORKS[kind].weight * weight,
    };
    units.push(unit);
    agency.units.push(unit.index);
    return unit;
  };
  const disdik = agencyByKey.get('DISDIKBUD');
  const dinkes = agencyByKey.get('DINKES');
  const distan = agencyByKey.get('DISTAN');
  for (const district of districts) {
    // Schools: SD negeri in every village (more in the peri-urban districts), SMP negeri per ~3 villages.
    if (disdik) {
      let sd = 0;
      let smp = 0;
      for (const v of district.villages) {
        const count = district.number === 1 ? unitRng.int(2, 4) : unitRng.int(1, 2);
        for (let k = 0; k < count; k++) {
          const students = unitRng.int(90, 420);
          const school = addUnit(
            disdik,
            'SCHOOL',
            `SD Negeri ${++sd} ${district.name}`,
            v,
            disdik.id,
            students,
            students / 220,
          );
          if (unitRng.chance(0.18)) {
            pendingChildren.push(() =>
              addUnit(disdik, 'SCHOOL_COMMITTEE', `Komite ${school.name}`, v, school.id, unitRng.int(5, 12), 1),
            );
          }
        }
      }
      const smpCount = Math.max(2, Math.ceil(district.villages.length / 3));
      for (let k = 0; k < smpCount; k++) {
        const v = unitRng.pick(district.villages);
        const students = unitRng.int(180, 720);
        const school = addUnit(
          disdik,
          'SCHOOL',
          `SMP Negeri ${++smp} ${district.name}`,
          v,
          disdik.id,
          students,
          students / 220,
        );
        if (unitRng.chance(0.25)) {
          pendingChildren.push(() =>
            addUnit(disdik, 'SCHOOL_COMMITTEE', `Komite ${school.name}`, v, school.id, unitRng.int(5, 12), 1),
          );
        }
      }
    }
    // Puskesmas (two per district, three in Sungai Raya), each with a puskesmas pembantu.
    if (dinkes) {
      const count = district.number === 1 ? 3 : 2;
      const chosen = unitRng.shuffle([...district.villages]).slice(0, count * 2);
      for (let k = 0; k < count; k++) {
        const v = chosen[k] as number;
        const pkm = addUnit(
          dinkes,
          'PUSKESMAS',
          `Puskesmas ${(villages[v] as Village).name}`,
          v,
          dinkes.id,
          unitRng.int(18, 60),
          1,
        );
        const pustuVillage = chosen[count + k];
        if (pustuVillage !== undefined) {
          pendingChildren.push(() =>
            addUnit(
              dinkes,
              'PUSTU',
              `Puskesmas Pembantu ${(villages[pustuVillage] as Village).name}`,
              pustuVillage,
              pkm.id,
              unitRng.int(3, 8),
              1,
            ),
          );
        }
      }
    }
    if (distan) {
      addUnit(
        distan,
        'UPT',
        `UPT Balai Penyuluhan Pertanian Kecamatan ${district.name}`,
        district.villages[0] as number,
        distan.id,
        unitRng.int(6, 20),
        1,
      );
    }
    // Village governments under their kecamatan office; BUMDes under about half of them.
    const kecamatan = agencies.find((a) => a.spec.district === district.number);
    if (kecamatan) {
      for (const v of district.villages) {
        const name = (villages[v] as Village).name;
        const village = addUnit(
          kecamatan,
          'VILLAGE',
          `Pemerintah Desa ${name}`,
          v,
          kecamatan.id,
          unitRng.int(1500, 9000),
          1,
        );
        if (unitRng.chance(0.55)) {
          const bumdes = `BUMDes ${fillPattern(unitRng, '{adj}', name)} Desa ${name}`;
          pendingChildren.push(() => addUnit(kecamatan, 'BUMDES', bumdes, v, village.id, unitRng.int(3, 12), 1));
        }
      }
    }
  }
  for (const [key, list] of Object.entries(FIXED_UNITS)) {
    const agency = agencyByKey.get(key);
    if (!agency) continue;
    for (const [name, kind] of list) {
      const members = kind === 'ASN_ASSOCIATION' ? unitRng.int(1500, 7000) : unitRng.int(8, 30);
      addUnit(agency, kind, name, agency.village, agency.id, members, 1);
    }
  }
  for (const addChild of pendingChildren) addChild();

  // ── Local enterprises ─────────────────────────────────────────────────────────────────────────
  const nUmkm = count(COUNTS.enterprises);
  const nLarge = count(COUNTS.largeLocal);
  const enterprises = new Enterprises(nUmkm + nLarge, nextId);
  nextId += enterprises.count;
  const villageWeights = villages.map((v, vi) => {
    const district = (districts[v.district] as District).number;
    const base = district === 1 ? 1.45 : district === 3 || district === 9 || district === 7 ? 1.1 : 0.85;
    return base * (0.6 + 0.8 * new Random(seed, 'village-weight', vi).float());
  });
  const sectorWeights = SECTORS.map((s) => s.weight);
  const panel = panelShare(scale);
  let nibSerial = 0;
  let nikSerial = 0;
  const largeSectors = ['building', 'rice', 'retail', 'catering'].map((k) => SECTOR_INDEX.get(k) as number);
  for (let e = 0; e < enterprises.count; e++) {
    const r = new Random(seed, 'enterprise', e);
    const large = e >= nUmkm;
    const sectorIndex = large ? (largeSectors[e % largeSectors.length] as number) : r.weightedIndex(sectorWeights);
    const sector = SECTORS[sectorIndex] as (typeof SECTORS)[number];
    const village = r.weightedIndex(villageWeights);
    const place = (villages[village] as Village).name;
    const district = districts[(villages[village] as Village).district] as District;
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
    enterprises.nib.push(hasNib ? nibFor(nibSerial++) : null);
    enterprises.kbli.push(r.pick(sector.kbli));
    enterprises.ownerName.push(owner.name);
    enterprises.ownerGender.push(owner.gender);
    enterprises.ownerNik.push(
      nikFor(`${regency.replace('.', '')}${pad(district.number, 2)}`, owner.gender, r, nikSerial++),
    );
    enterprises.name.push(
      large
        ? `PT ${fillPattern(r, '{adj}', place)} ${r.pick(['Kubu Raya', place, 'Khatulistiwa'])} ${['Beton', 'Agro Pangan', 'Swalayan', 'Hotel dan Resto'][e % 4]}`
        : businessName(r, r.pick(sector.names), owner, place),
    );
  }

  // Verification shaped per district: verified = 60-95 % of the district's collection target by 2025.
  const targetRng = new Random(seed, 'collection');
  const villagesTotal = villages.length;
  const ramp: Readonly<Record<number, number>> = { 2021: 0.45, 2022: 0.6, 2023: 0.75, 2024: 0.88, 2025: 1 };
  const enterpriseTarget = Math.round(0.7 * enterprises.count);
  const byDistrict: number[][] = districts.map(() => []);
  for (let e = 0; e < enterprises.count; e++)
    byDistrict[(villages[enterprises.village[e]!] as Village).district]!.push(e);
  const collectionTargets: Array<{ district: number; year: number; enterprises: number; cooperatives: number }> = [];
  const districtProgress = districts.map(() => targetRng.uniform(0.6, 0.95));
  const districtTargets = districts.map((d) => Math.round((enterpriseTarget * d.villages.length) / villagesTotal));
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

  // ── Cooperatives ──────────────────────────────────────────────────────────────────────────────
  const farmSectors = new Set(['rice', 'farm'].map((k) => SECTOR_INDEX.get(k)));
  const fishSector = SECTOR_INDEX.get('fishery');
  const craftSectors = new Set(['crafts', 'processed'].map((k) => SECTOR_INDEX.get(k)));
  const snackSector = SECTOR_INDEX.get('snacks');
  type MemberGroup = 'farm' | 'fish' | 'craft' | 'all';
  const groupOf = (sector: number): MemberGroup[] =>
    farmSectors.has(sector)
      ? ['farm', 'all']
      : sector === fishSector
        ? ['fish', 'all']
        : craftSectors.has(sector) || sector === snackSector
          ? ['craft', 'all']
          : ['all'];
  // Candidate members per district and kind of cooperative (and regency-wide, for thin districts).
  const candidatesBy = new Map<string, number[]>();
  for (let e = 0; e < enterprises.count; e++) {
    if (!enterprises.isUmkm(e)) continue;
    const district = (villages[enterprises.village[e]!] as Village).district;
    for (const g of groupOf(enterprises.sector[e]!)) {
      for (const key of [`${district}:${g}`, `*:${g}`]) {
        const list = candidatesBy.get(key);
        if (list) list.push(e);
        else candidatesBy.set(key, [e]);
      }
    }
  }
  const nCoops = count(COUNTS.cooperatives);
  const cooperatives: CoopInfo[] = [];
  const coopSubtypes: CoopSubtype[] = [
    'FARMER',
    'FISHER',
    'CRAFT',
    'SAVINGS_LOAN',
    'CONSUMER',
    'MARKETING',
    'SERVICES',
    'OTHER',
  ];
  const coopSubtypeWeights = [30, 6, 6, 24, 14, 10, 5, 5];
  for (let i = 0; i < nCoops; i++) {
    const r = new Random(seed, 'cooperative', i);
    const village = r.weightedIndex(villageWeights);
    const v = villages[village] as Village;
    const subtype = r.weighted(coopSubtypes, coopSubtypeWeights);
    const type: CoopType = subtype === 'FARMER' || subtype === 'FISHER' || subtype === 'CRAFT' ? 'PRODUCER' : subtype;
    const name = fillPattern(
      r,
      r.pick(COOPERATIVE_NAMES[subtype] ?? COOPERATIVE_NAMES.OTHER ?? ['Koperasi {adj}']),
      v.name,
    );
    const foundedYear = r.int(1998, 2023);
    const registrationNo =
      foundedYear < 2016
        ? `${pad(100 + i, 4)}/BH/KUKM.${pad((districts[v.district] as District).number, 2)}/${foundedYear}`
        : `AHU-${pad((i * 7919 + 1021) % 10_000_000, 7)}.AH.01.26.TAHUN ${foundedYear}`;
    const category =
      subtype === 'FARMER'
        ? cat('FOOD_STAPLES')
        : subtype === 'FISHER'
          ? cat('FOOD_STAPLES')
          : subtype === 'CRAFT'
            ? cat('SOUVENIRS')
            : subtype === 'CONSUMER'
              ? r.pick([cat('FOOD_STAPLES'), cat('PRINTING_STATIONERY')])
              : subtype === 'MARKETING'
                ? r.pick([cat('SNACKS'), cat('SOUVENIRS')])
                : subtype === 'SERVICES'
                  ? cat('SERVICES')
                  : subtype === 'OTHER'
                    ? cat('OTHER')
                    : NO_CATEGORY;
    const group: MemberGroup =
      subtype === 'FARMER'
        ? 'farm'
        : subtype === 'FISHER'
          ? 'fish'
          : subtype === 'CRAFT' || subtype === 'MARKETING'
            ? 'craft'
            : 'all';
    let candidates = candidatesBy.get(`${v.district}:${group}`) ?? [];
    if (candidates.length < 3) candidates = candidatesBy.get(`*:${group}`) ?? [];
    const memberCount = Math.min(candidates.length, type === 'PRODUCER' ? r.int(5, 25) : r.int(2, 12));
    const chosen = new Set<number>();
    while (chosen.size < memberCount) chosen.add(candidates[r.int(0, candidates.length - 1)] as number);
    const members = [...chosen].sort((a, b) => a - b);
    const registeredDay = registrationDay(r, 0);
    cooperatives.push({
      index: i,
      id: nextId++,
      ref: `KOP-${pad(i + 1, 5)}`,
      name,
      village,
      type,
      subtype,
      registrationNo,
      membersCount: memberCount + r.int(15, type === 'SAVINGS_LOAN' ? 900 : 250),
      verification: 'DRAFT',
      registeredDay,
      status: r.weighted(['ACTIVE', 'DORMANT', 'CLOSED'] as const, [92, 6, 2]),
      sizeClass: r.weighted(['MICRO', 'SMALL', 'MEDIUM'] as const, [50, 40, 10]),
      category,
      members,
      joinedDays: members.map(() => r.int(0, Math.max(0, registeredDay))),
      passOn: r.uniform(0.5, 0.7),
    });
  }
  const coopTarget = Math.round(0.75 * nCoops);
  districts.forEach((d, index) => {
    const list = cooperatives.filter((c) => (villages[c.village] as Village).district === index);
    const target = Math.round((coopTarget * d.villages.length) / villagesTotal);
    const verified = Math.min(Math.round((districtProgress[index] as number) * target), Math.floor(list.length * 0.95));
    list
      .map((c) => ({ c, key: c.registeredDay + 900 * targetRng.float() }))
      .sort((a, b) => a.key - b.key)
      .forEach(({ c }, rank) => {
        c.verification = rank < verified ? 'VERIFIED' : targetRng.chance(0.05) ? 'REJECTED' : 'DRAFT';
      });
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      const share = ramp[year] as number;
      collectionTargets.push({
        district: index,
        year,
        enterprises: Math.round((districtTargets[index] as number) * share),
        cooperatives: Math.max(1, Math.round(target * share)),
      });
    }
  });

  // ── Outside enterprises and vendors ───────────────────────────────────────────────────────────
  const others: OtherSeller[] = [];
  const outsideSectors = ['garments', 'snacks', 'printing', 'crafts', 'catering', 'stationery', 'building'].map(
    (k) => SECTOR_INDEX.get(k) as number,
  );
  const nOutsideEnterprises = count(COUNTS.outsideEnterprises);
  for (let i = 0; i < nOutsideEnterprises; i++) {
    const r = new Random(seed, 'outside-enterprise', i);
    const [code, , city] = r.weighted(NEARBY_REGIONS, [70, 15, 15]);
    const sector = SECTORS[r.pick(outsideSectors)] as (typeof SECTORS)[number];
    const owner = person(r);
    const size = r.weighted([1, 2, 3], [55, 38, 7]);
    const figures = sizeFigures(r, size);
    const classified = classifySize(figures.capital, figures.declaredRevenue);
    const foundedYear = foundedYearFor(r);
    others.push({
      id: nextId++,
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
        nib: nibFor(nibSerial++),
        kbli: r.pick(sector.kbli),
        ownerName: owner.name,
        ownerNik: nikFor(`${code.replace('.', '')}${pad(r.int(1, 6), 2)}`, owner.gender, r, nikSerial++),
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
  const nVendors = count(COUNTS.outsideVendors);
  const nLocalVendors = count(COUNTS.localVendors);
  for (let i = 0; i < nVendors + nLocalVendors; i++) {
    const local = i >= nVendors;
    const r = new Random(seed, 'vendor', i);
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
      ? (villages[r.weightedIndex(villageWeights)] as Village).code
      : (r.weighted(
          OUTSIDE_REGIONS,
          OUTSIDE_REGIONS.map((o) => o[1]),
        )[0] as string);
    const baseName = vendorName(r, CATEGORIES[primary] as string, sizeClass === 'LARGE');
    others.push({
      id: nextId++,
      ref: `${local ? 'LV' : 'VND'}-${pad(i + 1, 5)}`,
      name: local ? `${baseName} Cabang ${(villages.find((v) => v.code === region) as Village).name}` : baseName,
      kind: 'VENDOR',
      regionCode: region,
      local,
      sizeClass,
      categories,
      registeredDay: r.int(0, MONTH_FIRST_DAY[48] as number),
      weight: sizeClass === 'LARGE' ? 2 : sizeClass === 'MEDIUM' ? 1.4 : 1,
    });
  }

  // ── Products ──────────────────────────────────────────────────────────────────────────────────
  const products = new Products();
  for (let e = 0; e < enterprises.count; e++) {
    const r = new Random(seed, 'products', e);
    const sector = SECTORS[enterprises.sector[e]!] as (typeof SECTORS)[number];
    const id = enterprises.firstId + e;
    const count = Math.min(sector.products.length, r.int(1, 3));
    for (const template of r.shuffle([...sector.products]).slice(0, count)) {
      products.add(id, template, enterprises.primary[e]!, enterprises.kbli[e] as string, r);
    }
    if (enterprises.secondary[e] !== NO_CATEGORY && sector.secondaryProducts) {
      products.add(id, r.pick(sector.secondaryProducts), enterprises.secondary[e]!, enterprises.kbli[e] as string, r);
    }
  }
  for (const coop of cooperatives) {
    if (coop.category === NO_CATEGORY) continue;
    const r = new Random(seed, 'coop-products', coop.index);
    const category = CATEGORIES[coop.category] as Category;
    const templates: readonly ProductTemplate[] =
      coop.subtype === 'FARMER'
        ? (SECTORS[SECTOR_INDEX.get('rice') as number]?.products ?? [])
        : coop.subtype === 'FISHER'
          ? (SECTORS[SECTOR_INDEX.get('fishery') as number]?.products ?? [])
          : VENDOR_PRODUCTS[category];
    for (const template of r.shuffle([...templates]).slice(0, r.int(1, 2))) {
      products.add(coop.id, template, coop.category, null, r);
    }
  }
  for (const seller of others) {
    const r = new Random(seed, 'vendor-products', seller.id);
    for (const c of seller.categories) {
      const category = CATEGORIES[c] as Category;
      const templates =
        seller.kind === 'ENTERPRISE'
          ? (SECTORS.find((s) => s.primary === category)?.products ?? VENDOR_PRODUCTS[category])
          : VENDOR_PRODUCTS[category];
      for (const template of r.shuffle([...templates]).slice(0, r.int(1, 2))) {
        products.add(seller.id, template, c, seller.profile?.kbli ?? VENDOR_KBLI[category], r);
      }
    }
  }

  // A few explicit two-way trading pairs in the panel (snack makers and grocers supply each other).
  const pairRng = new Random(seed, 'pairs');
  const snacks = SECTOR_INDEX.get('snacks');
  const retail = SECTOR_INDEX.get('retail');
  const panelOf = (sector: number | undefined) => {
    const list: number[] = [];
    for (let e = 0; e < enterprises.count; e++)
      if (enterprises.panel[e] && enterprises.sector[e] === sector && enterprises.foundedMonth[e] === 0) list.push(e);
    return pairRng.shuffle(list);
  };
  const a = panelOf(snacks);
  const b = panelOf(retail);
  const pairs = Math.min(a.length, b.length, Math.max(3, Math.round(enterprises.count * 0.006)));
  for (let k = 0; k < pairs; k++) {
    enterprises.partner[a[k] as number] = b[k] as number;
    enterprises.partner[b[k] as number] = a[k] as number;
  }

  return {
    seed,
    scale,
    fraction,
    regency,
    districts,
    villages,
    agencies,
    units,
    enterprises,
    cooperatives,
    others,
    products,
    collectionTargets,
    partyCount: nextId - 1,
  };
}

export { CATEGORY_COUNT, monthOfDay };
