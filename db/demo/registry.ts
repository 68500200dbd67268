import type { CoopType, SizeClass, Verification } from '../src/database.ts';
import type { AgencySpec, NetworkKind, NetworkSpec } from './agencies.ts';
import { NEVER } from './calendar.ts';
import { NO_CATEGORY, type ProductTemplate } from './catalog.ts';
import { Random } from './random.ts';

/*
 * The static registry of the demo: regions, agencies, network units, local enterprises (UMKM and a
 * few large firms), cooperatives, outside enterprises and vendors, and their products. Enterprise
 * attributes live in typed arrays (hundreds of thousands at scale 100); the rest are small objects.
 * The builders live in network.ts, firms.ts, cooperatives.ts and products.ts; buildWorld runs them
 * in a fixed order (ids are assigned as they go).
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

export interface CollectionTarget {
  readonly district: number;
  readonly year: number;
  readonly enterprises: number;
  readonly cooperatives: number;
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
  /** Collection targets per district (index) and year. */
  readonly collectionTargets: readonly CollectionTarget[];
  readonly partyCount: number;
}

/** Registry-wide state shared by the builders (network.ts, firms.ts, cooperatives.ts, products.ts). */
export interface Build {
  readonly seed: number;
  readonly scale: number;
  readonly regency: string;
  readonly villages: readonly Village[];
  readonly districts: readonly District[];
  /** Relative weight of each village as a business location (the peri-urban districts more). */
  readonly villageWeights: readonly number[];
  /** A scale-1 count at this scale (and test fraction). */
  count(n: number): number;
  /** The next party id, and serials for NIB and NIK. */
  nextId: number;
  nibSerial: number;
  nikSerial: number;
}
