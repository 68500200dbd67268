/** KBLI 2020 sections (= ISIC Rev. 4 sections), with Indonesian and English names. */
export const KBLI_SECTIONS = [
  {
    section: 'A',
    nameId: 'Pertanian, Kehutanan dan Perikanan',
    nameEn: 'Agriculture, forestry and fishing',
    divisions: [1, 3],
  },
  { section: 'B', nameId: 'Pertambangan dan Penggalian', nameEn: 'Mining and quarrying', divisions: [5, 9] },
  { section: 'C', nameId: 'Industri Pengolahan', nameEn: 'Manufacturing', divisions: [10, 33] },
  {
    section: 'D',
    nameId: 'Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin',
    nameEn: 'Electricity, gas, steam and air conditioning supply',
    divisions: [35, 35],
  },
  {
    section: 'E',
    nameId: 'Treatment Air, Limbah, Daur Ulang Sampah dan Remediasi',
    nameEn: 'Water supply, sewerage, waste management and remediation',
    divisions: [36, 39],
  },
  { section: 'F', nameId: 'Konstruksi', nameEn: 'Construction', divisions: [41, 43] },
  {
    section: 'G',
    nameId: 'Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor',
    nameEn: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
    divisions: [45, 47],
  },
  { section: 'H', nameId: 'Pengangkutan dan Pergudangan', nameEn: 'Transportation and storage', divisions: [49, 53] },
  {
    section: 'I',
    nameId: 'Penyediaan Akomodasi dan Makan Minum',
    nameEn: 'Accommodation and food service activities',
    divisions: [55, 56],
  },
  { section: 'J', nameId: 'Informasi dan Komunikasi', nameEn: 'Information and communication', divisions: [58, 63] },
  {
    section: 'K',
    nameId: 'Aktivitas Keuangan dan Asuransi',
    nameEn: 'Financial and insurance activities',
    divisions: [64, 66],
  },
  { section: 'L', nameId: 'Real Estat', nameEn: 'Real estate activities', divisions: [68, 68] },
  {
    section: 'M',
    nameId: 'Aktivitas Profesional, Ilmiah dan Teknis',
    nameEn: 'Professional, scientific and technical activities',
    divisions: [69, 75],
  },
  {
    section: 'N',
    nameId: 'Aktivitas Penyewaan dan Sewa Guna Usaha, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha Lainnya',
    nameEn: 'Administrative and support service activities',
    divisions: [77, 82],
  },
  {
    section: 'O',
    nameId: 'Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib',
    nameEn: 'Public administration and defence; compulsory social security',
    divisions: [84, 84],
  },
  { section: 'P', nameId: 'Pendidikan', nameEn: 'Education', divisions: [85, 85] },
  {
    section: 'Q',
    nameId: 'Aktivitas Kesehatan Manusia dan Aktivitas Sosial',
    nameEn: 'Human health and social work activities',
    divisions: [86, 88],
  },
  {
    section: 'R',
    nameId: 'Kesenian, Hiburan dan Rekreasi',
    nameEn: 'Arts, entertainment and recreation',
    divisions: [90, 93],
  },
  { section: 'S', nameId: 'Aktivitas Jasa Lainnya', nameEn: 'Other service activities', divisions: [94, 96] },
  {
    section: 'T',
    nameId: 'Aktivitas Rumah Tangga sebagai Pemberi Kerja',
    nameEn: 'Activities of households as employers',
    divisions: [97, 98],
  },
  {
    section: 'U',
    nameId: 'Aktivitas Badan Internasional dan Badan Ekstra Internasional Lainnya',
    nameEn: 'Activities of extraterritorial organizations and bodies',
    divisions: [99, 99],
  },
] as const;

/** The two-digit divisions in use and their section (divisions between the ranges do not exist). */
export const KBLI_DIVISIONS: ReadonlyArray<{ division: string; section: string }> = KBLI_SECTIONS.flatMap(
  ({ section, divisions: [from, to] }) =>
    Array.from({ length: to - from + 1 }, (_, i) => ({ division: String(from + i).padStart(2, '0'), section })),
);

const SECTION_BY_DIVISION = new Map(KBLI_DIVISIONS.map((d) => [d.division, d.section]));

/** The KBLI section (A…U) of a five-digit KBLI code, or null when its division does not exist. */
export function kbliSection(kbliCode: string): string | null {
  if (!/^[0-9]{5}$/.test(kbliCode)) return null;
  return SECTION_BY_DIVISION.get(kbliCode.slice(0, 2)) ?? null;
}
