import {
  CATEGORIES,
  type Category,
  NO_CATEGORY,
  type ProductTemplate,
  SECTOR_INDEX,
  SECTORS,
  VENDOR_KBLI,
  VENDOR_PRODUCTS,
} from './catalog.ts';
import { Random } from './random.ts';
import { type Build, type CoopInfo, type Enterprises, type OtherSeller, Products } from './registry.ts';

/*
 * What every seller lists (product table), and a few explicit two-way trading partners in the
 * survey panel (snack makers and grocers supply each other: purchase cycles).
 */

export function buildProducts(
  b: Build,
  enterprises: Enterprises,
  cooperatives: readonly CoopInfo[],
  others: readonly OtherSeller[],
): Products {
  const products = new Products();
  for (let e = 0; e < enterprises.count; e++) {
    const r = new Random(b.seed, 'products', e);
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
    const r = new Random(b.seed, 'coop-products', coop.index);
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
    const r = new Random(b.seed, 'vendor-products', seller.id);
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
  return products;
}

export function pairPartners(b: Build, enterprises: Enterprises): void {
  // A few explicit two-way trading pairs in the panel (snack makers and grocers supply each other).
  const pairRng = new Random(b.seed, 'pairs');
  const snacks = SECTOR_INDEX.get('snacks');
  const retail = SECTOR_INDEX.get('retail');
  const panelOf = (sector: number | undefined) => {
    const list: number[] = [];
    for (let e = 0; e < enterprises.count; e++)
      if (enterprises.panel[e] && enterprises.sector[e] === sector && enterprises.foundedMonth[e] === 0) list.push(e);
    return pairRng.shuffle(list);
  };
  const snackMakers = panelOf(snacks);
  const grocers = panelOf(retail);
  const pairs = Math.min(snackMakers.length, grocers.length, Math.max(3, Math.round(enterprises.count * 0.006)));
  for (let k = 0; k < pairs; k++) {
    enterprises.partner[snackMakers[k] as number] = grocers[k] as number;
    enterprises.partner[grocers[k] as number] = snackMakers[k] as number;
  }
}
