/*
 * Labels for the keys analytics return, in Indonesian (the UI's default language). Keys are the
 * stable part; a client localises from the key when it wants another language.
 */

export const BUYER_KIND_LABELS: Record<string, string> = {
  AGENCY: 'Perangkat daerah',
  SCHOOL: 'Sekolah',
  HEALTH_CENTER: 'Puskesmas',
  VILLAGE_GOVERNMENT: 'Pemerintah desa',
  TECHNICAL_UNIT: 'UPT/UPTD',
  ASN_ASSOCIATION: 'Organisasi ASN',
  BUMDES: 'BUMDes',
  OTHER: 'Unit lainnya',
};

export const CATEGORY_LABELS: Record<string, string> = {
  FOOD_STAPLES: 'Beras & pangan',
  SNACKS: 'Penganan',
  SOUVENIRS: 'Oleh-oleh & kerajinan',
  GARMENTS: 'Konveksi & seragam',
  PROTECTIVE_GEAR: 'Masker & APD',
  CATERING: 'Makan minum',
  PRINTING_STATIONERY: 'Cetak & ATK',
  CONSTRUCTION_MATERIALS: 'Bahan bangunan',
  SERVICES: 'Jasa',
  OTHER: 'Lainnya',
};

export const SELLER_CLASS_LABELS: Record<string, string> = {
  LOCAL_UMKM: 'UMKM & koperasi lokal',
  LOCAL_OTHER: 'Penyedia lokal lainnya',
  OUTSIDE_UMK: 'Usaha mikro & kecil luar daerah',
  OUTSIDE_OTHER: 'Penyedia luar daerah lainnya',
};

export const SIZE_CLASS_LABELS: Record<string, string> = {
  MICRO: 'Mikro',
  SMALL: 'Kecil',
  MEDIUM: 'Menengah',
  LARGE: 'Besar',
  UNKNOWN: 'Skala tidak diketahui',
};

export const OUTSIDE_LABEL = 'Luar daerah';
export const UNKNOWN_DISTRICT_LABEL = 'Kecamatan tidak diketahui';
export const UNKNOWN_SECTOR_LABEL = 'Sektor tidak diketahui';
export const ALL_LABEL = 'Semua usaha';
