import type { Random } from './random.ts';

/*
 * Plausible names for West Kalimantan: Malay, Javanese and Madurese (transmigrant villages such as
 * Rasau Jaya), Bugis, Dayak and Pontianak Chinese families. Invented combinations, no real people.
 */

interface NamePool {
  readonly weight: number;
  readonly male: readonly string[];
  readonly female: readonly string[];
  /** Second names / family names; empty strings mean a single-word name. */
  readonly last: readonly string[];
}

const POOLS: readonly NamePool[] = [
  {
    weight: 40,
    male: [
      'Ahmad',
      'Muhammad',
      'Abdullah',
      'Hasan',
      'Rahman',
      'Yusuf',
      'Zainal',
      'Saleh',
      'Hamdan',
      'Rusdi',
      'Usman',
      'Jumadi',
      'Syarifuddin',
      'Firdaus',
      'Ismail',
      'Ridwan',
      'Herman',
      'Iskandar',
      'Fauzi',
      'Udin',
    ],
    female: [
      'Siti',
      'Nurhayati',
      'Fatimah',
      'Rosnah',
      'Salmah',
      'Hasnah',
      'Juliana',
      'Rahmah',
      'Nurbaiti',
      'Aminah',
      'Zubaidah',
      'Rosmawati',
      'Yati',
      'Halimah',
      'Maimunah',
      'Nurlela',
      'Sarifah',
      'Rohani',
      'Mariam',
      'Asmah',
    ],
    last: [
      '',
      '',
      'Abdullah',
      'Hasan',
      'Ismail',
      'Ibrahim',
      'Saleh',
      'Rahman',
      'Yusuf',
      'Daud',
      'Zakaria',
      'Hamid',
      'Ali',
      'Mahmud',
    ],
  },
  {
    weight: 22,
    male: [
      'Sugeng',
      'Slamet',
      'Sutrisno',
      'Wagiman',
      'Purwanto',
      'Suparman',
      'Bambang',
      'Joko',
      'Agus',
      'Budi',
      'Heru',
      'Suyanto',
      'Marsuki',
      'Moh.',
      'Supriyadi',
      'Wahyudi',
    ],
    female: [
      'Sri',
      'Sumarni',
      'Suparti',
      'Tri',
      'Endang',
      'Wartini',
      'Sulastri',
      'Siti',
      'Ngatini',
      'Dewi',
      'Rini',
      'Yuliani',
      'Sunarti',
      'Kasmini',
      'Tutik',
      'Wahyuni',
    ],
    last: [
      '',
      'Wahyuni',
      'Handayani',
      'Santoso',
      'Prasetyo',
      'Widodo',
      'Susanto',
      'Holil',
      'Hariyanto',
      'Setiawan',
      'Lestari',
      'Rahayu',
      'Wibowo',
      'Hidayat',
    ],
  },
  {
    weight: 10,
    male: ['Andi', 'Baso', 'Syamsul', 'Muhlis', 'Arman', 'Haris', 'Jamaluddin', 'Nasrullah', 'Ambo'],
    female: ['Andi', 'Hasnawati', 'Nurjannah', 'Rosdiana', 'Sitti', 'Hartati', 'Nurbaya', 'Masniah'],
    last: ['Daeng', 'Baso', 'Upe', 'Tang', 'Sanre', 'Lolo', 'Rahim', 'Sulle'],
  },
  {
    weight: 14,
    male: [
      'Yohanes',
      'Markus',
      'Agustinus',
      'Paulus',
      'Stefanus',
      'Antonius',
      'Petrus',
      'Fransiskus',
      'Yakobus',
      'Sabinus',
      'Rudi',
      'Aloysius',
    ],
    female: [
      'Yosefa',
      'Maria',
      'Veronika',
      'Lusia',
      'Yuliana',
      'Agnes',
      'Martina',
      'Theresia',
      'Kristina',
      'Elisabeth',
      'Anastasia',
      'Margareta',
    ],
    last: ['Anyeq', 'Jalung', 'Ngadan', 'Ajun', 'Ason', 'Kayan', 'Enjuh', 'Urai', 'Tingang', 'Usat', 'Atok', 'Sudin'],
  },
  {
    weight: 14,
    male: [
      'Hendra',
      'Suryadi',
      'Acong',
      'Akiang',
      'Kim Fung',
      'Ah Kiong',
      'Sui Lie',
      'Budiman',
      'Tjhin Fat',
      'Jimmy',
      'Hartono',
      'Lie Chung',
    ],
    female: [
      'Lili',
      'Susanti',
      'Meliana',
      'Yanti',
      'Lim Siau Lan',
      'Siu Fa',
      'Erni',
      'Lina',
      'Mei Ling',
      'Yuliana',
      'Herlina',
      'Fenny',
    ],
    last: ['Tjhai', 'Lim', 'Bong', 'Ng', 'Lie', 'Tan', 'Phang', 'Chin', 'Kho', 'Liu', 'Tjong', 'Wong'],
  },
];

const POOL_WEIGHTS = POOLS.map((p) => p.weight);
const CHINESE = 4;

export interface Person {
  readonly name: string;
  /** How the owner is called in a shop name: "Bu Siti", "Pak Slamet", "Koh Hendra". */
  readonly callName: string;
  readonly gender: 'F' | 'M';
}

/** A plausible owner: full name, call name and gender. */
export function person(rng: Random, femaleShare = 0.52): Person {
  const poolIndex = rng.weightedIndex(POOL_WEIGHTS);
  const pool = POOLS[poolIndex] as NamePool;
  const gender: 'F' | 'M' = rng.chance(femaleShare) ? 'F' : 'M';
  const first = rng.pick(gender === 'F' ? pool.female : pool.male);
  const last = rng.pick(pool.last);
  let name: string;
  if (poolIndex === CHINESE && rng.chance(0.55)) name = `${last} ${first}`;
  else name = last && last !== first ? `${first} ${last}` : first;
  if (first === 'Moh.' && !last) name = `Moh. ${rng.pick(['Holil', 'Sahri', 'Toyib'])}`;
  const short = first === 'Moh.' ? name.split(' ')[1] : first.split(' ')[0];
  const title =
    poolIndex === CHINESE
      ? gender === 'F'
        ? rng.pick(['Cik', 'Bu'])
        : rng.pick(['Koh', 'Pak'])
      : gender === 'F'
        ? rng.pick(['Bu', 'Bu', 'Mak', 'Ibu'])
        : rng.pick(['Pak', 'Pak', 'Bang', 'Wak']);
  return { name, callName: `${title} ${short}`, gender };
}

export const ADJECTIVES: readonly string[] = [
  'Maju Bersama',
  'Jaya',
  'Sejahtera',
  'Makmur',
  'Berkah',
  'Barokah',
  'Mandiri',
  'Sentosa',
  'Sinar Harapan',
  'Karya Mandiri',
  'Usaha Baru',
  'Abadi',
  'Lestari',
  'Mulia',
  'Cahaya',
  'Indah',
  'Sumber Rezeki',
  'Rezeki Lancar',
  'Harapan Baru',
  'Bina Karya',
  'Tunas Muda',
  'Sri Rejeki',
  'Khatulistiwa',
  'Borneo',
  'Kapuas',
  'Tiga Saudara',
  'Dua Putri',
  'Bunda',
  'Amanah',
  'Tani Jaya',
  'Sinar Kubu',
  'Raya Mandiri',
  'Putra Daerah',
  'Bintang Timur',
  'Rumah Kita',
  'Citra Rasa',
  'Sehati',
  'Pelangi',
];

/** Fills a business-name pattern. */
export function businessName(rng: Random, pattern: string, owner: Person, place: string): string {
  return pattern.replace('{owner}', owner.callName).replace('{adj}', rng.pick(ADJECTIVES)).replace('{place}', place);
}

const VENDOR_WORDS_A = [
  'Sinar',
  'Cahaya',
  'Mitra',
  'Karya',
  'Graha',
  'Sarana',
  'Putra',
  'Surya',
  'Anugerah',
  'Bintang',
  'Prima',
  'Mega',
  'Citra',
  'Duta',
  'Indo',
];
const VENDOR_WORDS_B = [
  'Khatulistiwa',
  'Nusantara',
  'Borneo',
  'Kapuas',
  'Abadi',
  'Sejahtera',
  'Mandiri',
  'Utama',
  'Persada',
  'Lestari',
  'Sentosa',
  'Perkasa',
  'Jaya',
  'Makmur',
  'Gemilang',
];
const VENDOR_TRADE: Readonly<Record<string, readonly string[]>> = {
  FOOD_STAPLES: ['Pangan', 'Niaga', 'Logistik'],
  SNACKS: ['Distribusi', 'Niaga'],
  SOUVENIRS: ['Kreasi', 'Promosindo', 'Trofi'],
  GARMENTS: ['Tekstil', 'Garmen', 'Seragam'],
  PROTECTIVE_GEAR: ['Medika', 'Alkes', 'Farma'],
  CATERING: ['Boga', 'Hotel dan Resto'],
  PRINTING_STATIONERY: ['Grafika', 'Office Supplies', 'Percetakan'],
  CONSTRUCTION_MATERIALS: ['Konstruksi', 'Beton', 'Bangun Persada'],
  SERVICES: ['Konsultan', 'Teknik', 'Rental'],
  OTHER: ['Elektrindo', 'Teknika', 'Supplies'],
};

/** A company name for an outside vendor: "PT Sinar Khatulistiwa Medika", "CV Mitra Borneo Grafika". */
export function vendorName(rng: Random, category: string, large: boolean): string {
  const form = large ? 'PT' : rng.pick(['CV', 'CV', 'PT', 'UD']);
  const trade = rng.pick(VENDOR_TRADE[category] ?? ['Niaga']);
  return `${form} ${rng.pick(VENDOR_WORDS_A)} ${rng.pick(VENDOR_WORDS_B)} ${trade}`;
}

/** Cooperative names by type; {place} is a village, {adj} an adjective. */
export const COOPERATIVE_NAMES: Readonly<Record<string, readonly string[]>> = {
  FARMER: [
    'Koperasi Produsen Tani {adj} {place}',
    'KUD Karya Tani {place}',
    'Koperasi Tani Padi {adj}',
    'Koperasi Petani Nanas {place}',
  ],
  FISHER: ['Koperasi Nelayan Bahari {place}', 'Koperasi Perikanan {adj} {place}'],
  CRAFT: ['Koperasi Pengrajin {adj} {place}', 'Koperasi Wanita Anyaman {place}'],
  SAVINGS_LOAN: ['Koperasi Simpan Pinjam {adj}', 'KSP {adj} {place}', 'Koperasi Kredit {adj}'],
  CONSUMER: ['Koperasi Konsumen {adj} {place}', 'Koperasi Pegawai {adj}', 'Koperasi Pondok Pesantren {adj}'],
  MARKETING: ['Koperasi Pemasaran UMKM {adj}', 'Koperasi Produk Lokal {place}'],
  SERVICES: ['Koperasi Jasa {adj} {place}', 'Koperasi Angkutan {adj}'],
  OTHER: ['Koperasi Serba Usaha {adj} {place}', 'Koperasi Wanita {adj} {place}'],
};

export function fillPattern(rng: Random, pattern: string, place: string): string {
  return pattern.replace('{adj}', rng.pick(ADJECTIVES)).replace('{place}', place);
}
