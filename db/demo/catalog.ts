import { PRODUCT_CATEGORIES, type ProductCategory } from '../src/database.ts';

/*
 * What the demo's sellers make and sell: goods categories, local UMKM sectors (with KBLI 2020
 * codes consistent with what they sell), product templates with units and prices, and the budget
 * account codes (Permendagri 90/2019 style, goods and services under 5.1.02) buyers book them on.
 */

/** The product categories, in the schema's order (indices below refer to it). */
export const CATEGORIES = PRODUCT_CATEGORIES;

export type Category = ProductCategory;
export const CATEGORY_COUNT = CATEGORIES.length;
export const cat = (name: Category): number => CATEGORIES.indexOf(name);
/** "No category" in Uint8 columns. */
export const NO_CATEGORY = 255;

/**
 * How readily each category is bought from local UMKM (relative weights: the per-agency solver in
 * plan.ts scales them to hit the agency's share). Snacks and souvenirs are home-industry goods;
 * construction materials and "other" (electrical parts, medical consumables) mostly come from outside.
 */
export const LOCALNESS: Readonly<Record<Category, number>> = {
  FOOD_STAPLES: 1.3,
  SNACKS: 1.7,
  SOUVENIRS: 1.6,
  GARMENTS: 1.3,
  PROTECTIVE_GEAR: 0.9,
  CATERING: 1.5,
  PRINTING_STATIONERY: 0.7,
  CONSTRUCTION_MATERIALS: 0.55,
  SERVICES: 0.8,
  OTHER: 0.35,
};

/** Median purchase size (rupiah) by category for an agency; network units buy ~35 % of that. */
export const MEDIAN_AMOUNT: Readonly<Record<Category, number>> = {
  FOOD_STAPLES: 28_000_000,
  SNACKS: 5_500_000,
  SOUVENIRS: 10_000_000,
  GARMENTS: 38_000_000,
  PROTECTIVE_GEAR: 17_000_000,
  CATERING: 14_000_000,
  PRINTING_STATIONERY: 8_500_000,
  CONSTRUCTION_MATERIALS: 48_000_000,
  SERVICES: 15_000_000,
  OTHER: 12_500_000,
};
/** Log-space standard deviation of purchase sizes. */
export const AMOUNT_SIGMA = 0.75;
/** E[lognormal] / median = exp(sigma² / 2): turns a spend budget into an expected count. */
export const MEAN_OVER_MEDIAN = Math.exp((AMOUNT_SIGMA * AMOUNT_SIGMA) / 2);

/** Account codes (5.1.02 = belanja barang dan jasa) a government buyer books each category on. */
export const ACCOUNT_CODES: Readonly<Record<Category, readonly string[]>> = {
  FOOD_STAPLES: ['5.1.02.01.01.0055', '5.1.02.05.01.0001'],
  SNACKS: ['5.1.02.01.01.0052'],
  SOUVENIRS: ['5.1.02.01.01.0053', '5.1.02.05.01.0001'],
  GARMENTS: ['5.1.02.01.01.0064', '5.1.02.05.01.0001'],
  PROTECTIVE_GEAR: ['5.1.02.01.01.0031', '5.1.02.01.01.0029'],
  CATERING: ['5.1.02.01.01.0052', '5.1.02.01.01.0053'],
  PRINTING_STATIONERY: ['5.1.02.01.01.0024', '5.1.02.01.01.0025', '5.1.02.01.01.0026'],
  CONSTRUCTION_MATERIALS: ['5.1.02.01.01.0004'],
  SERVICES: ['5.1.02.02.01.0029', '5.1.02.02.01.0026', '5.1.02.03.02.0035'],
  OTHER: ['5.1.02.01.01.0036', '5.1.02.01.01.0013'],
};

/** A product a seller lists: name, unit and a typical unit price in rupiah. */
export interface ProductTemplate {
  readonly name: string;
  readonly unit: string;
  readonly price: number;
}

/** Recovery groups: how fast a sector's revenue came back after 2020 (story.ts has the curves). */
export type RecoveryGroup = 'FOOD' | 'SOUVENIR' | 'GARMENT' | 'OTHER';

/** A local UMKM sector: its KBLI codes, what it sells, its share of the registry and its names. */
export interface Sector {
  readonly key: string;
  readonly kbli: readonly string[];
  readonly weight: number;
  readonly primary: Category;
  /** A second category some of its firms also sell in (share of firms that do). */
  readonly secondary?: { readonly category: Category; readonly share: number };
  readonly recovery: RecoveryGroup;
  /** Business name patterns: {owner} (e.g. "Bu Siti"), {adj} (e.g. "Maju Bersama"), {place} (village). */
  readonly names: readonly string[];
  readonly products: readonly ProductTemplate[];
  readonly secondaryProducts?: readonly ProductTemplate[];
  /** Sectors it buys supplies from (keys), for UMKM-to-UMKM purchases. */
  readonly suppliers: readonly string[];
}

export const SECTORS: readonly Sector[] = [
  {
    key: 'snacks',
    kbli: ['10794', '10710', '10793'],
    weight: 15,
    primary: 'SNACKS',
    recovery: 'FOOD',
    names: [
      'Kerupuk Basah {owner}',
      'Keripik Nanas {place}',
      'Amplang {adj}',
      'Kue Bingke {owner}',
      'Rumah Kue {owner}',
      'Dapur Kue {adj}',
      'Kerupuk Ikan {place}',
      'Lempok Durian {owner}',
      'Kue Lapis {adj}',
    ],
    products: [
      { name: 'Kerupuk basah ikan', unit: 'kg', price: 60_000 },
      { name: 'Keripik nanas', unit: 'bungkus', price: 25_000 },
      { name: 'Amplang ikan tenggiri', unit: 'bungkus', price: 30_000 },
      { name: 'Kue bingke', unit: 'loyang', price: 45_000 },
      { name: 'Snack box rapat', unit: 'kotak', price: 15_000 },
      { name: 'Kue lapis legit', unit: 'loyang', price: 120_000 },
      { name: 'Lempok durian', unit: 'bungkus', price: 50_000 },
    ],
    suppliers: ['rice', 'fishery', 'farm', 'retail'],
  },
  {
    key: 'rice',
    kbli: ['10611', '01121'],
    weight: 9,
    primary: 'FOOD_STAPLES',
    recovery: 'FOOD',
    names: [
      'Beras Organik Tani {adj}',
      'Penggilingan Padi {adj}',
      'UD Beras {place}',
      'Sawah {owner}',
      'Beras Lokal {place}',
      'Usaha Tani {owner}',
    ],
    products: [
      { name: 'Beras premium lokal', unit: 'kg', price: 13_500 },
      { name: 'Beras medium', unit: 'kg', price: 11_500 },
      { name: 'Beras organik', unit: 'kg', price: 18_000 },
      { name: 'Gabah kering giling', unit: 'kg', price: 6_500 },
    ],
    suppliers: ['retail', 'services'],
  },
  {
    key: 'farm',
    kbli: ['01220', '01132', '01135', '01131'],
    weight: 7,
    primary: 'FOOD_STAPLES',
    recovery: 'FOOD',
    names: [
      'Kebun Nanas {owner}',
      'Kebun Sayur {owner}',
      'Tani {adj}',
      'Hortikultura {place}',
      'Kebun Lidah Buaya {owner}',
    ],
    products: [
      { name: 'Nanas segar', unit: 'buah', price: 8_000 },
      { name: 'Sayur mayur', unit: 'kg', price: 12_000 },
      { name: 'Cabai rawit', unit: 'kg', price: 45_000 },
      { name: 'Jagung manis', unit: 'kg', price: 9_000 },
      { name: 'Lidah buaya', unit: 'kg', price: 7_000 },
    ],
    suppliers: ['retail', 'services'],
  },
  {
    key: 'fishery',
    kbli: ['10213', '03221', '03111'],
    weight: 5,
    primary: 'FOOD_STAPLES',
    secondary: { category: 'SNACKS', share: 0.3 },
    recovery: 'FOOD',
    names: [
      'Ikan Asin {place}',
      'Tambak Udang {owner}',
      'Nelayan {adj}',
      'Ebi dan Udang Kering {owner}',
      'Kolam Ikan {owner}',
    ],
    products: [
      { name: 'Ikan asin', unit: 'kg', price: 55_000 },
      { name: 'Udang segar', unit: 'kg', price: 85_000 },
      { name: 'Ikan nila', unit: 'kg', price: 32_000 },
      { name: 'Ebi', unit: 'kg', price: 150_000 },
    ],
    secondaryProducts: [{ name: 'Kerupuk udang', unit: 'bungkus', price: 20_000 }],
    suppliers: ['retail', 'services'],
  },
  {
    key: 'catering',
    kbli: ['56210', '56101', '56102'],
    weight: 13,
    primary: 'CATERING',
    secondary: { category: 'SNACKS', share: 0.5 },
    recovery: 'FOOD',
    names: [
      'Catering {owner}',
      'Warung Makan {owner}',
      'Rumah Makan {adj}',
      'Dapur Sehat {owner}',
      'Katering {adj}',
      'Nasi Kotak {owner}',
    ],
    products: [
      { name: 'Nasi kotak', unit: 'kotak', price: 35_000 },
      { name: 'Prasmanan rapat', unit: 'porsi', price: 55_000 },
      { name: 'Makanan tambahan bergizi', unit: 'paket', price: 25_000 },
      { name: 'Konsumsi pelatihan', unit: 'paket', price: 45_000 },
    ],
    secondaryProducts: [{ name: 'Snack box', unit: 'kotak', price: 15_000 }],
    suppliers: ['rice', 'farm', 'fishery', 'snacks', 'retail'],
  },
  {
    key: 'garments',
    kbli: ['14111', '14112', '13134'],
    weight: 9,
    primary: 'GARMENTS',
    secondary: { category: 'PROTECTIVE_GEAR', share: 0.55 },
    recovery: 'GARMENT',
    names: [
      'Konveksi {adj} Bersama',
      'Konveksi {owner}',
      'Penjahit {owner}',
      'Tenun Corak Insang {owner}',
      'Seragam {adj}',
      'Batik Khas {place}',
    ],
    products: [
      { name: 'Seragam sekolah SD', unit: 'stel', price: 150_000 },
      { name: 'Seragam sekolah SMP', unit: 'stel', price: 175_000 },
      { name: 'Pakaian dinas harian', unit: 'stel', price: 250_000 },
      { name: 'Kain tenun corak insang', unit: 'lembar', price: 450_000 },
      { name: 'Kaos kegiatan', unit: 'potong', price: 65_000 },
    ],
    secondaryProducts: [
      { name: 'Masker kain 3 lapis', unit: 'lembar', price: 7_500 },
      { name: 'Baju hazmat', unit: 'potong', price: 120_000 },
    ],
    suppliers: ['printing', 'retail'],
  },
  {
    key: 'crafts',
    kbli: ['32909', '16292', '32902'],
    weight: 6,
    primary: 'SOUVENIRS',
    recovery: 'SOUVENIR',
    names: [
      'Kerajinan Anyaman {place}',
      'Tikar Pandan {owner}',
      'Souvenir Khas Kubu Raya {adj}',
      'Ukiran Kayu {owner}',
      'Oleh-oleh {place}',
      'Kerajinan Manik {owner}',
    ],
    products: [
      { name: 'Tas anyaman pandan', unit: 'buah', price: 85_000 },
      { name: 'Tikar pandan', unit: 'lembar', price: 120_000 },
      { name: 'Cenderamata ukiran kayu', unit: 'buah', price: 250_000 },
      { name: 'Kerajinan manik-manik', unit: 'buah', price: 75_000 },
      { name: 'Paket cenderamata tamu', unit: 'paket', price: 350_000 },
    ],
    suppliers: ['retail', 'printing'],
  },
  {
    key: 'processed',
    kbli: ['10392', '11040', '10761'],
    weight: 4,
    primary: 'SNACKS',
    secondary: { category: 'SOUVENIRS', share: 0.5 },
    recovery: 'SOUVENIR',
    names: ['Dodol Nanas {owner}', 'Selai Nanas {adj}', 'Kopi {place}', 'Minuman Lidah Buaya {adj}', 'Sirup {owner}'],
    products: [
      { name: 'Dodol nanas', unit: 'kotak', price: 35_000 },
      { name: 'Selai nanas', unit: 'botol', price: 30_000 },
      { name: 'Kopi bubuk lokal', unit: 'bungkus', price: 40_000 },
      { name: 'Minuman lidah buaya', unit: 'dus', price: 60_000 },
    ],
    secondaryProducts: [{ name: 'Parsel oleh-oleh khas', unit: 'paket', price: 250_000 }],
    suppliers: ['farm', 'retail', 'printing'],
  },
  {
    key: 'printing',
    kbli: ['18111', '18120', '82190'],
    weight: 4,
    primary: 'PRINTING_STATIONERY',
    recovery: 'OTHER',
    names: ['Percetakan {adj}', 'Sablon {owner}', 'Digital Printing {adj}', 'Fotokopi {adj}', 'Grafika {place}'],
    products: [
      { name: 'Cetak spanduk', unit: 'm2', price: 35_000 },
      { name: 'Cetak buku dan laporan', unit: 'eksemplar', price: 45_000 },
      { name: 'Fotokopi dan jilid', unit: 'paket', price: 150_000 },
      { name: 'Cetak blanko dan formulir', unit: 'rim', price: 250_000 },
    ],
    suppliers: ['retail'],
  },
  {
    key: 'retail',
    kbli: ['47111', '47112', '47612', '47521'],
    weight: 17,
    primary: 'FOOD_STAPLES',
    recovery: 'OTHER',
    names: [
      'Toko {adj}',
      'Toko Sembako {owner}',
      'Kios {owner}',
      'UD {adj}',
      'Toko Kelontong {owner}',
      'Warung {owner}',
    ],
    products: [
      { name: 'Sembako paket', unit: 'paket', price: 150_000 },
      { name: 'Gula pasir', unit: 'kg', price: 15_000 },
      { name: 'Minyak goreng', unit: 'liter', price: 17_000 },
      { name: 'Air mineral', unit: 'dus', price: 45_000 },
    ],
    suppliers: ['rice', 'snacks', 'farm', 'processed'],
  },
  {
    key: 'stationery',
    kbli: ['47612', '47611'],
    weight: 4,
    primary: 'PRINTING_STATIONERY',
    recovery: 'OTHER',
    names: ['Toko ATK {adj}', 'Toko Buku {adj}', 'Alat Tulis {place}'],
    products: [
      { name: 'Kertas HVS A4', unit: 'rim', price: 55_000 },
      { name: 'Alat tulis kantor paket', unit: 'paket', price: 350_000 },
      { name: 'Tinta printer', unit: 'botol', price: 85_000 },
      { name: 'Map dan ordner', unit: 'buah', price: 25_000 },
    ],
    suppliers: ['printing', 'retail'],
  },
  {
    key: 'building',
    kbli: ['23951', '23921', '16101', '47521'],
    weight: 4,
    primary: 'CONSTRUCTION_MATERIALS',
    recovery: 'OTHER',
    names: ['Batako {adj}', 'Panglong Kayu {owner}', 'Bata Merah {place}', 'Toko Bangunan {adj}'],
    products: [
      { name: 'Batako', unit: 'buah', price: 4_500 },
      { name: 'Bata merah', unit: 'buah', price: 1_200 },
      { name: 'Kayu belian', unit: 'm3', price: 9_500_000 },
      { name: 'Kayu meranti', unit: 'm3', price: 4_200_000 },
      { name: 'Semen', unit: 'sak', price: 72_000 },
    ],
    suppliers: ['retail', 'services'],
  },
  {
    key: 'services',
    kbli: ['95220', '96200', '45407', '81210'],
    weight: 6,
    primary: 'SERVICES',
    secondary: { category: 'OTHER', share: 0.3 },
    recovery: 'OTHER',
    names: [
      'Bengkel {owner}',
      'Laundry {adj}',
      'Servis AC {owner}',
      'Jasa Kebersihan {adj}',
      'Servis Elektronik {owner}',
    ],
    products: [
      { name: 'Servis kendaraan dinas', unit: 'kali', price: 750_000 },
      { name: 'Servis AC', unit: 'unit', price: 250_000 },
      { name: 'Jasa kebersihan kantor', unit: 'bulan', price: 3_500_000 },
      { name: 'Laundry linen', unit: 'kg', price: 9_000 },
    ],
    secondaryProducts: [{ name: 'Suku cadang', unit: 'paket', price: 450_000 }],
    suppliers: ['retail', 'building'],
  },
];

export const SECTOR_INDEX: ReadonlyMap<string, number> = new Map(SECTORS.map((s, i) => [s.key, i]));

/** Products of outside vendors and of local vendors / large firms, per category. */
export const VENDOR_PRODUCTS: Readonly<Record<Category, readonly ProductTemplate[]>> = {
  FOOD_STAPLES: [
    { name: 'Beras kemasan 25 kg', unit: 'karung', price: 330_000 },
    { name: 'Bahan pangan pokok', unit: 'paket', price: 250_000 },
  ],
  SNACKS: [{ name: 'Makanan ringan kemasan', unit: 'dus', price: 180_000 }],
  SOUVENIRS: [{ name: 'Plakat dan trofi', unit: 'buah', price: 450_000 }],
  GARMENTS: [
    { name: 'Seragam pabrikan', unit: 'stel', price: 210_000 },
    { name: 'Kain seragam', unit: 'meter', price: 45_000 },
  ],
  PROTECTIVE_GEAR: [
    { name: 'Masker medis', unit: 'box', price: 65_000 },
    { name: 'Sarung tangan medis', unit: 'box', price: 90_000 },
    { name: 'Alat pelindung diri lengkap', unit: 'set', price: 350_000 },
  ],
  CATERING: [{ name: 'Jasa boga hotel', unit: 'porsi', price: 95_000 }],
  PRINTING_STATIONERY: [
    { name: 'Kertas HVS A4', unit: 'rim', price: 52_000 },
    { name: 'Toner printer', unit: 'buah', price: 950_000 },
    { name: 'Cetak buku', unit: 'eksemplar', price: 55_000 },
  ],
  CONSTRUCTION_MATERIALS: [
    { name: 'Semen', unit: 'sak', price: 70_000 },
    { name: 'Besi beton', unit: 'batang', price: 95_000 },
    { name: 'Aspal', unit: 'drum', price: 1_900_000 },
  ],
  SERVICES: [
    { name: 'Jasa konsultansi', unit: 'paket', price: 25_000_000 },
    { name: 'Sewa kendaraan', unit: 'hari', price: 750_000 },
  ],
  OTHER: [
    { name: 'Bahan habis pakai medis', unit: 'paket', price: 1_500_000 },
    { name: 'Alat listrik', unit: 'paket', price: 850_000 },
    { name: 'Bahan bakar minyak', unit: 'liter', price: 10_000 },
  ],
};

/** KBLI codes of vendors by their main category. */
export const VENDOR_KBLI: Readonly<Record<Category, string>> = {
  FOOD_STAPLES: '46311',
  SNACKS: '46319',
  SOUVENIRS: '46499',
  GARMENTS: '46412',
  PROTECTIVE_GEAR: '46693',
  CATERING: '56210',
  PRINTING_STATIONERY: '46497',
  CONSTRUCTION_MATERIALS: '46638',
  SERVICES: '70209',
  OTHER: '46599',
};
