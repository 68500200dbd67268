import type { AgencyType, AssistanceKind, FundingSource, UnitType } from '../src/database.ts';
import type { Category } from './catalog.ts';

/*
 * The regency's perangkat daerah (SKPD) in the demo: real-style names, short names and SIPD-style
 * codes (urusan, second urusan, OPD number), what they buy, their programs and their networks.
 * Spend figures are recorded goods-and-services purchases in 2019 at scale 1, in miliar rupiah.
 */

export type Mix = Partial<Record<Category, number>>;

export interface ProgramSpec {
  readonly name: string;
  /** Categories of the agency's purchases this program is charged with. */
  readonly categories: readonly Category[];
  readonly from?: number;
  readonly to?: number;
  /** The program's own local-UMKM target (local_target_share) from a year on. */
  readonly target?: { readonly from: number; readonly share: number };
  /** Local-UMKM share the program actually reaches, by year (fixes its categories' share). */
  readonly localShare?: Readonly<Record<number, number>>;
  /** Extra weight in the agency's category mix while the program runs (it re-shapes, not grows, spend). */
  readonly boost?: Mix;
  /** Assistance records (to enterprises) carried by this program. */
  readonly assistance?: readonly AssistanceKind[];
  /** A program with a budget but no goods-and-services purchases (grants): shows as NO_SPEND. */
  readonly noPurchases?: boolean;
  /** Special sellers: farmer cooperatives for rice. */
  readonly sellers?: 'FARMER_COOPERATIVES';
}

export interface NetworkSpec {
  readonly unitType: UnitType;
  readonly isGovernment: boolean;
  readonly mix: Mix;
  readonly funding: FundingSource;
  /** Relative size of one unit's purchases. */
  readonly weight: number;
}

export interface AgencySpec {
  readonly key: string;
  readonly name: string;
  readonly shortName: string;
  readonly code: string;
  readonly type: AgencyType;
  /** 2019 goods-and-services purchases at scale 1, miliar rupiah. */
  readonly spend: number;
  readonly mix: Mix;
  readonly programs: readonly ProgramSpec[];
  /**
   * Fixed position in the local-UMKM league (logit offset); agencies without one get a seeded
   * slot from the evenly spaced rest, so every scorecard grade appears.
   */
  readonly localOffset?: number;
  /** Some agencies set themselves a higher target than the regulation. */
  readonly ownTarget?: { readonly from: number; readonly share: number };
  /** Funding sources other than APBD and their weights. */
  readonly funding?: Partial<Record<FundingSource, number>>;
  /** District number (01…09) for kecamatan offices. */
  readonly district?: number;
}

const OFFICE: Mix = {
  PRINTING_STATIONERY: 24,
  SNACKS: 12,
  CATERING: 18,
  SERVICES: 22,
  OTHER: 14,
  SOUVENIRS: 3,
  GARMENTS: 3,
  CONSTRUCTION_MATERIALS: 4,
};
const PENUNJANG = 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota';

const mix = (extra: Mix): Mix => {
  const out: Mix = { ...OFFICE };
  for (const [key, value] of Object.entries(extra) as Array<[Category, number]>) out[key] = (out[key] ?? 0) + value;
  return out;
};

export const PENUNJANG_PROGRAM = PENUNJANG;

const BASE_AGENCIES: readonly AgencySpec[] = [
  {
    key: 'DISDIKBUD',
    name: 'Dinas Pendidikan dan Kebudayaan',
    shortName: 'Disdikbud',
    code: '1.01.2.22.0.00.01.0000',
    type: 'DINAS',
    spend: 14,
    mix: mix({ PRINTING_STATIONERY: 30, CONSTRUCTION_MATERIALS: 20, GARMENTS: 6, SNACKS: 6 }),
    localOffset: 0.35,
    ownTarget: { from: 2023, share: 0.5 },
    funding: { DAK: 0.25 },
    programs: [
      {
        name: 'Program Pengelolaan Pendidikan',
        categories: ['CONSTRUCTION_MATERIALS', 'PRINTING_STATIONERY', 'OTHER'],
      },
      { name: 'Program Pengembangan Kebudayaan', categories: ['SOUVENIRS', 'CATERING'] },
      {
        name: 'Pengadaan Seragam Sekolah Gratis dari Konveksi Lokal',
        categories: ['GARMENTS'],
        from: 2021,
        target: { from: 2021, share: 0.8 },
        localShare: { 2021: 0.72, 2022: 0.83, 2023: 0.86, 2024: 0.88, 2025: 0.9 },
        boost: { GARMENTS: 45 },
      },
    ],
  },
  {
    key: 'DINKES',
    name: 'Dinas Kesehatan',
    shortName: 'Dinkes',
    code: '1.02.0.00.0.00.01.0000',
    type: 'DINAS',
    spend: 9,
    mix: mix({ OTHER: 30, PROTECTIVE_GEAR: 10, FOOD_STAPLES: 6 }),
    localOffset: 0.2,
    ownTarget: { from: 2022, share: 0.45 },
    funding: { DAK: 0.3, APBN: 0.05 },
    programs: [
      {
        name: 'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat',
        categories: ['OTHER', 'SERVICES', 'PROTECTIVE_GEAR'],
      },
      {
        name: 'Pengadaan Masker dan Alat Pelindung Diri untuk Puskesmas',
        categories: ['PROTECTIVE_GEAR'],
        from: 2020,
        to: 2022,
        target: { from: 2020, share: 0.5 },
        localShare: { 2020: 0.42, 2021: 0.58, 2022: 0.62 },
        boost: { PROTECTIVE_GEAR: 30 },
      },
      {
        name: 'Pemberian Makanan Tambahan Bergizi bagi Balita dan Ibu Hamil',
        categories: ['FOOD_STAPLES', 'SNACKS'],
        target: { from: 2021, share: 0.7 },
        localShare: { 2019: 0.3, 2020: 0.34, 2021: 0.66, 2022: 0.74, 2023: 0.78, 2024: 0.8, 2025: 0.82 },
        boost: { FOOD_STAPLES: 8, SNACKS: 6 },
      },
    ],
  },
  {
    key: 'RSUD',
    name: 'RSUD Syarif Idrus Alaydrus',
    shortName: 'RSUD SIA',
    code: '1.02.0.00.0.00.02.0000',
    type: 'RSUD',
    spend: 7,
    mix: { OTHER: 40, CATERING: 18, PROTECTIVE_GEAR: 14, SERVICES: 14, PRINTING_STATIONERY: 8, FOOD_STAPLES: 6 },
    localOffset: -0.8,
    funding: { DAK: 0.1, OWN: 0.2 },
    programs: [
      {
        name: 'Program Pemenuhan Upaya Kesehatan Perorangan',
        categories: ['OTHER', 'PROTECTIVE_GEAR', 'CATERING', 'FOOD_STAPLES'],
      },
    ],
  },
  {
    key: 'PUPR',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    shortName: 'DPUPR',
    code: '1.03.0.00.0.00.01.0000',
    type: 'DINAS',
    spend: 8,
    mix: { CONSTRUCTION_MATERIALS: 55, SERVICES: 20, OTHER: 12, PRINTING_STATIONERY: 6, CATERING: 4, SNACKS: 3 },
    localOffset: -1.0,
    funding: { DAK: 0.3 },
    programs: [
      { name: 'Program Penyelenggaraan Jalan', categories: ['CONSTRUCTION_MATERIALS'] },
      { name: 'Program Pengelolaan Sumber Daya Air', categories: ['SERVICES', 'OTHER'] },
    ],
  },
  {
    key: 'DPRKPLH',
    name: 'Dinas Perumahan Rakyat, Kawasan Permukiman dan Lingkungan Hidup',
    shortName: 'DPRKPLH',
    code: '1.04.2.11.0.00.01.0000',
    type: 'DINAS',
    spend: 2.5,
    mix: mix({ CONSTRUCTION_MATERIALS: 25, SERVICES: 15 }),
    programs: [
      { name: 'Program Kawasan Permukiman', categories: ['CONSTRUCTION_MATERIALS'] },
      { name: 'Program Pengelolaan Persampahan', categories: ['SERVICES', 'OTHER'] },
    ],
  },
  {
    key: 'SATPOLPP',
    name: 'Satuan Polisi Pamong Praja',
    shortName: 'Satpol PP',
    code: '1.05.0.00.0.00.01.0000',
    type: 'SATPOL_PP',
    spend: 1.2,
    mix: mix({ GARMENTS: 15, OTHER: 8 }),
    programs: [
      { name: 'Program Peningkatan Ketenteraman dan Ketertiban Umum', categories: ['GARMENTS', 'OTHER', 'SERVICES'] },
    ],
  },
  {
    key: 'BPBD',
    name: 'Badan Penanggulangan Bencana Daerah',
    shortName: 'BPBD',
    code: '1.05.0.00.0.00.02.0000',
    type: 'BADAN',
    spend: 1.5,
    mix: mix({ FOOD_STAPLES: 25, PROTECTIVE_GEAR: 8, OTHER: 10 }),
    programs: [{ name: 'Program Penanggulangan Bencana', categories: ['FOOD_STAPLES', 'PROTECTIVE_GEAR', 'OTHER'] }],
  },
  {
    key: 'DINSOS',
    name: 'Dinas Sosial',
    shortName: 'Dinsos',
    code: '1.06.0.00.0.00.01.0000',
    type: 'DINAS',
    spend: 2,
    mix: mix({ FOOD_STAPLES: 30, GARMENTS: 5 }),
    programs: [
      { name: 'Program Rehabilitasi Sosial', categories: ['FOOD_STAPLES', 'GARMENTS'] },
      { name: 'Program Perlindungan dan Jaminan Sosial', categories: ['SERVICES'] },
    ],
  },
  {
    key: 'DP3AP2KB',
    name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
    shortName: 'DP3AP2KB',
    code: '2.08.2.14.0.00.01.0000',
    type: 'DINAS',
    spend: 1.1,
    mix: mix({ SNACKS: 5 }),
    programs: [{ name: 'Program Pemberdayaan Perempuan', categories: ['SNACKS', 'CATERING', 'SOUVENIRS'] }],
  },
  {
    key: 'DKP',
    name: 'Dinas Ketahanan Pangan',
    shortName: 'DKP',
    code: '2.09.0.00.0.00.01.0000',
    type: 'DINAS',
    spend: 1.6,
    mix: mix({ FOOD_STAPLES: 20 }),
    localOffset: 0.5,
    ownTarget: { from: 2022, share: 0.55 },
    programs: [
      { name: 'Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat', categories: ['FOOD_STAPLES'] },
      {
        name: 'Pembelian Beras Petani Lokal melalui Koperasi Tani untuk Cadangan Pangan',
        categories: ['FOOD_STAPLES'],
        from: 2021,
        target: { from: 2021, share: 0.9 },
        localShare: { 2021: 0.88, 2022: 0.92, 2023: 0.94, 2024: 0.95, 2025: 0.95 },
        boost: { FOOD_STAPLES: 90 },
        sellers: 'FARMER_COOPERATIVES',
      },
    ],
  },
  {
    key: 'DISDUKCAPIL',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    shortName: 'Disdukcapil',
    code: '2.12.0.00.0.00.01.0000',
    type: 'DINAS',
    spend: 1.2,
    mix: mix({ PRINTING_STATIONERY: 25, OTHER: 10 }),
    programs: [{ name: 'Program Pendaftaran Penduduk', categories: ['PRINTING_STATIONERY', 'OTHER'] }],
  },
  {
    key: 'DPMD',
    name: 'Dinas Pemberdayaan Masyarakat dan Desa',
    shortName: 'DPMD',
    code: '2.13.0.00.0.00.01.0000',
    type: 'DINAS',
    spend: 1.5,
    mix: mix({ CATERING: 8 }),
    programs: [
      { name: 'Program Administrasi Pemerintahan Desa', categories: ['PRINTING_STATIONERY'] },
      {
        name: 'Program Pemberdayaan Lembaga Kemasyarakatan, Lembaga Adat dan Masyarakat Hukum Adat',
        categories: ['CATERING', 'SNACKS'],
      },
    ],
  },
  {
    key: 'DISHUB',
    name: 'Dinas Perhubungan',
    shortName: 'Dishub',
    code: '2.15.0.00.0.00.01.0000',
    type: 'DINAS',
    spend: 1.2,
    mix: mix({ OTHER: 20, CONSTRUCTION_MATERIALS: 10 }),
    localOffset: -0.9,
    programs: [
      {
        name: 'Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan',
        categories: ['OTHER', 'CONSTRUCTION_MATERIALS'],
      },
    ],
  },
  {
    key: 'DISKOMINFO',
    name: 'Dinas Komunikasi dan Informatika',
    shortName: 'Diskominfo',
    code: '2.16.2.20.2.21.01.0000',
    type: 'DINAS',
    spend: 1.5,
    mix: mix({ SERVICES: 20, PRINTING_STATIONERY: 10 }),
    programs: [{ name: 'Program Informasi dan Komunikasi Publik', categories: ['SERVICES', 'PRINTING_STATIONERY'] }],
  },
  {
    key: 'DISKOPUKMDAG',
    name: 'Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan',
    shortName: 'Diskopukmdag',
    code: '2.17.3.30.0.00.01.0000',
    type: 'DINAS',
    spend: 2.2,
    mix: mix({ SOUVENIRS: 10, SNACKS: 8, CATERING: 6 }),
    localOffset: 0.6,
    ownTarget: { from: 2022, share: 0.6 },
    programs: [
      {
        name: 'Pelatihan dan Pendampingan Usaha Mikro',
        categories: ['CATERING', 'SERVICES'],
        target: { from: 2021, share: 0.7 },
        assistance: ['TRAINING', 'MENTORING'],
      },
      {
        name: 'Fasilitasi Pemasaran, Pameran dan Kurasi Produk UMKM',
        categories: ['SOUVENIRS', 'SNACKS'],
        from: 2021,
        target: { from: 2021, share: 0.85 },
        localShare: { 2021: 0.82, 2022: 0.88, 2023: 0.9, 2024: 0.92, 2025: 0.92 },
        boost: { SOUVENIRS: 12, SNACKS: 6 },
        assistance: ['MARKET_ACCESS'],
      },
      {
        name: 'Fasilitasi Sertifikasi Halal dan Izin Edar PIRT',
        categories: [],
        from: 2021,
        noPurchases: true,
        assistance: ['CERTIFICATION'],
      },
      {
        name: 'Bantuan Modal Usaha Mikro',
        categories: [],
        from: 2021,
        to: 2024,
        noPurchases: true,
        assistance: ['CAPITAL'],
      },
      { name: 'Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting', categories: ['FOOD_STAPLES'] },
    ],
  },
  {
    key: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    shortName: 'DPMPTSP',
    code: '2.18.0.00.0.00.01.0000',
    type: 'DINAS',
    spend: 0.8,
    mix: OFFICE,
    programs: [{ name: 'Program Pelayanan Penanaman Modal', categories: ['PRINTING_STATIONERY', 'SERVICES'] }],
  },
  {
    key: 'DISPARPORA',
    name: 'Dinas Pariwisata, Pemuda dan Olahraga',
    shortName: 'Disparpora',
    code: '2.19.3.26.0.00.01.0000',
    type: 'DINAS',
    spend: 1.5,
    mix: mix({ SOUVENIRS: 12, CATERING: 8, GARMENTS: 6 }),
    localOffset: 0.45,
    programs: [
      { name: 'Program Peningkatan Daya Tarik Destinasi Pariwisata', categories: ['SOUVENIRS', 'CATERING'] },
      { name: 'Program Pengembangan Kapasitas Daya Saing Kepemudaan dan Keolahragaan', categories: ['GARMENTS'] },
    ],
  },
  {
    key: 'DISKAN',
    name: 'Dinas Perikanan',
    shortName: 'Diskan',
    code: '3.25.0.00.0.00.01.0000',
    type: 'DINAS',
    spend: 1.2,
    mix: mix({ OTHER: 15, FOOD_STAPLES: 10 }),
    programs: [{ name: 'Program Pengelolaan Perikanan Budidaya', categories: ['OTHER', 'FOOD_STAPLES'] }],
  },
  {
    key: 'DISTAN',
    name: 'Dinas Pertanian',
    shortName: 'Distan',
    code: '3.27.0.00.0.00.01.0000',
    type: 'DINAS',
    spend: 3,
    mix: mix({ OTHER: 25, FOOD_STAPLES: 12 }),
    funding: { DAK: 0.2, APBN: 0.05 },
    programs: [
      { name: 'Program Penyediaan dan Pengembangan Sarana Pertanian', categories: ['OTHER', 'FOOD_STAPLES'] },
      { name: 'Program Penyuluhan Pertanian', categories: ['CATERING', 'SNACKS'] },
    ],
  },
  {
    key: 'SETDA',
    name: 'Sekretariat Daerah',
    shortName: 'Setda',
    code: '4.01.0.00.0.00.01.0000',
    type: 'SEKRETARIAT',
    spend: 6,
    mix: mix({ CATERING: 12, SOUVENIRS: 4, SERVICES: 6 }),
    programs: [
      { name: 'Program Pemerintahan dan Kesejahteraan Rakyat', categories: ['SERVICES'] },
      { name: 'Program Perekonomian dan Pembangunan', categories: ['PRINTING_STATIONERY'] },
      {
        name: 'Penyediaan Cenderamata dan Jamuan untuk Tamu Resmi Pemerintah Daerah',
        categories: ['SOUVENIRS', 'CATERING'],
        target: { from: 2021, share: 0.75 },
        localShare: { 2019: 0.3, 2020: 0.32, 2021: 0.6, 2022: 0.72, 2023: 0.78, 2024: 0.82, 2025: 0.85 },
        boost: { SOUVENIRS: 4 },
      },
    ],
  },
  {
    key: 'SETWAN',
    name: 'Sekretariat DPRD',
    shortName: 'Setwan',
    code: '4.02.0.00.0.00.01.0000',
    type: 'SEKRETARIAT',
    spend: 4,
    mix: mix({ CATERING: 15, SNACKS: 8 }),
    programs: [
      { name: 'Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD', categories: ['CATERING', 'SNACKS', 'SERVICES'] },
    ],
  },
  {
    key: 'BAPPEDA',
    name: 'Badan Perencanaan Pembangunan Daerah',
    shortName: 'Bappeda',
    code: '5.01.5.05.0.00.01.0000',
    type: 'BADAN',
    spend: 1.5,
    mix: mix({ PRINTING_STATIONERY: 10, SERVICES: 12 }),
    programs: [
      {
        name: 'Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah',
        categories: ['PRINTING_STATIONERY', 'SERVICES'],
      },
    ],
  },
  {
    key: 'BPKAD',
    name: 'Badan Pengelolaan Keuangan dan Aset Daerah',
    shortName: 'BPKAD',
    code: '5.02.0.00.0.00.01.0000',
    type: 'BADAN',
    spend: 2,
    mix: mix({ SERVICES: 12, OTHER: 8 }),
    localOffset: -0.6,
    programs: [
      { name: 'Program Pengelolaan Keuangan Daerah', categories: ['PRINTING_STATIONERY', 'SERVICES'] },
      { name: 'Program Pengelolaan Barang Milik Daerah', categories: ['OTHER'] },
    ],
  },
  {
    key: 'BAPENDA',
    name: 'Badan Pendapatan Daerah',
    shortName: 'Bapenda',
    code: '5.02.0.00.0.00.02.0000',
    type: 'BADAN',
    spend: 1.5,
    mix: mix({ PRINTING_STATIONERY: 15 }),
    programs: [{ name: 'Program Pengelolaan Pendapatan Daerah', categories: ['PRINTING_STATIONERY', 'SERVICES'] }],
  },
  {
    key: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    shortName: 'BKPSDM',
    code: '5.03.5.04.0.00.01.0000',
    type: 'BADAN',
    spend: 1.5,
    mix: mix({ CATERING: 10, SNACKS: 5 }),
    programs: [
      { name: 'Program Kepegawaian Daerah', categories: ['PRINTING_STATIONERY'] },
      { name: 'Program Pengembangan Sumber Daya Manusia', categories: ['CATERING', 'SNACKS', 'SERVICES'] },
    ],
  },
  {
    key: 'INSPEKTORAT',
    name: 'Inspektorat Daerah',
    shortName: 'Inspektorat',
    code: '6.01.0.00.0.00.01.0000',
    type: 'INSPEKTORAT',
    spend: 0.8,
    mix: OFFICE,
    programs: [{ name: 'Program Penyelenggaraan Pengawasan', categories: ['PRINTING_STATIONERY', 'SERVICES'] }],
  },
  {
    key: 'KESBANGPOL',
    name: 'Badan Kesatuan Bangsa dan Politik',
    shortName: 'Kesbangpol',
    code: '8.01.0.00.0.00.01.0000',
    type: 'BADAN',
    spend: 0.8,
    mix: mix({ CATERING: 6 }),
    programs: [
      { name: 'Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan', categories: ['CATERING', 'SNACKS'] },
    ],
  },
];

const DISTRICT_NAMES = [
  'Sungai Raya',
  'Kuala Mandor B',
  'Sungai Ambawang',
  'Terentang',
  'Batu Ampar',
  'Kubu',
  'Rasau Jaya',
  'Teluk Pakedai',
  'Sungai Kakap',
];

const KECAMATAN: readonly AgencySpec[] = DISTRICT_NAMES.map((district, i) => ({
  key: `KEC${String(i + 1).padStart(2, '0')}`,
  name: `Kecamatan ${district}`,
  shortName: `Kec. ${district}`,
  code: `7.01.0.00.0.00.${String(i + 1).padStart(2, '0')}.0000`,
  type: 'KECAMATAN' as const,
  spend: i === 0 ? 0.8 : 0.45,
  mix: mix({ CATERING: 6 }),
  district: i + 1,
  programs: [
    {
      name: 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik',
      categories: ['PRINTING_STATIONERY', 'SERVICES'],
    },
    { name: 'Program Pemberdayaan Masyarakat Desa dan Kelurahan', categories: ['CATERING', 'SNACKS'] },
  ],
}));

export const AGENCIES: readonly AgencySpec[] = [...BASE_AGENCIES, ...KECAMATAN];

/** What kinds of network units hang under which agency (keys of AGENCIES; KECAMATAN means each office). */
export const NETWORKS = {
  SCHOOL: {
    unitType: 'SCHOOL',
    isGovernment: true,
    mix: {
      PRINTING_STATIONERY: 30,
      SNACKS: 14,
      CATERING: 10,
      SERVICES: 14,
      CONSTRUCTION_MATERIALS: 14,
      OTHER: 10,
      GARMENTS: 8,
    },
    funding: 'BOS',
    weight: 1,
  },
  SCHOOL_COMMITTEE: {
    unitType: 'OTHER',
    isGovernment: false,
    mix: { SNACKS: 35, CATERING: 30, GARMENTS: 20, SOUVENIRS: 15 },
    funding: 'OWN',
    weight: 0.25,
  },
  PUSKESMAS: {
    unitType: 'HEALTH_CENTER',
    isGovernment: true,
    mix: { PROTECTIVE_GEAR: 22, FOOD_STAPLES: 16, SNACKS: 10, PRINTING_STATIONERY: 14, SERVICES: 14, OTHER: 24 },
    funding: 'DAK',
    weight: 4,
  },
  PUSTU: {
    unitType: 'HEALTH_CENTER',
    isGovernment: true,
    mix: { PROTECTIVE_GEAR: 25, FOOD_STAPLES: 25, SNACKS: 15, PRINTING_STATIONERY: 15, OTHER: 20 },
    funding: 'APBD',
    weight: 0.8,
  },
  VILLAGE: {
    unitType: 'VILLAGE_GOVERNMENT',
    isGovernment: true,
    mix: {
      CONSTRUCTION_MATERIALS: 34,
      FOOD_STAPLES: 10,
      SNACKS: 10,
      CATERING: 10,
      PRINTING_STATIONERY: 14,
      SERVICES: 10,
      GARMENTS: 6,
      OTHER: 6,
    },
    funding: 'DANA_DESA',
    weight: 1,
  },
  BUMDES: {
    unitType: 'BUMDES',
    isGovernment: false,
    mix: { FOOD_STAPLES: 50, CONSTRUCTION_MATERIALS: 20, OTHER: 15, SERVICES: 15 },
    funding: 'OWN',
    weight: 0.5,
  },
  UPT: {
    unitType: 'TECHNICAL_UNIT',
    isGovernment: true,
    mix: { PRINTING_STATIONERY: 25, SERVICES: 25, OTHER: 20, SNACKS: 15, FOOD_STAPLES: 15 },
    funding: 'APBD',
    weight: 1,
  },
  ASN_ASSOCIATION: {
    unitType: 'ASN_ASSOCIATION',
    isGovernment: false,
    mix: { GARMENTS: 30, SOUVENIRS: 20, CATERING: 25, SNACKS: 15, PRINTING_STATIONERY: 10 },
    funding: 'OWN',
    weight: 1,
  },
  PKK: {
    unitType: 'OTHER',
    isGovernment: false,
    mix: { SNACKS: 30, CATERING: 30, SOUVENIRS: 20, GARMENTS: 20 },
    funding: 'OWN',
    weight: 1,
  },
} as const satisfies Record<string, NetworkSpec>;

export type NetworkKind = keyof typeof NETWORKS;

/** Technical units (UPT) and associations by agency key: [name, network kind]. */
export const FIXED_UNITS: Readonly<Record<string, ReadonlyArray<readonly [string, NetworkKind]>>> = {
  DISKOPUKMDAG: [
    ['UPT Pusat Layanan Usaha Terpadu Koperasi dan UMKM', 'UPT'],
    ['UPT Pasar Rakyat Sungai Raya', 'UPT'],
  ],
  DPRKPLH: [['UPT Pengelolaan Persampahan', 'UPT']],
  DISHUB: [['UPT Pengujian Kendaraan Bermotor', 'UPT']],
  BKPSDM: [['Dewan Pengurus KORPRI Kabupaten Kubu Raya', 'ASN_ASSOCIATION']],
  DP3AP2KB: [
    ['Dharma Wanita Persatuan Kabupaten Kubu Raya', 'ASN_ASSOCIATION'],
    ['Tim Penggerak PKK Kabupaten Kubu Raya', 'PKK'],
  ],
};

export { DISTRICT_NAMES };
