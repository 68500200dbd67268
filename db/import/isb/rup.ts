import type { PlanStatus } from '../../src/enums.ts';
import { accountCode, type IsbRow, type IsbRows, rupiah, text } from './rows.ts';
import type { SatkerMap } from './satker.ts';

const POSITIVE_PAGU = { id: 'pagu harus jumlah yang positif', en: 'pagu must be a positive amount' };

/*
 * SiRUP (Sistem Informasi Rencana Umum Pengadaan): the packages an agency announces it plans to
 * procure through providers, and their budget lines. A package is a plan with a budget ceiling
 * (pagu), never a purchase: plans go to procurement_plan and no spending measure reads them.
 */

/** tahun_anggaran as a fiscal year 2000-2100 (the schema's range), else null. */
function fiscalYear(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[0-9]{4}\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
}

/** A JSON boolean (true/false, "true"/"false", 1/0), else null. */
function flag(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  return s === 'true' ? true : s === 'false' ? false : null;
}

/**
 * status_ukm: "UKM" (planned for small businesses and cooperatives) → true, "Non UKM" → false;
 * UMK and "usaha kecil" are read the same way, case and separators ignored. Anything else → null.
 */
export function smallBusinessFlag(v: unknown): boolean | null {
  const s = (text(v) ?? '').toUpperCase().replace(/[\s_-]+/g, ' ');
  if (/^(UKM|UMK|USAHA KECIL)$/.test(s)) return true;
  if (/^NON ?(UKM|UMK|USAHA KECIL)$/.test(s)) return false;
  return null;
}

/**
 * The package's status from SiRUP's two flags: status_delete_rup true → CANCELLED (the package
 * was deleted); else status_aktif_rup false → INACTIVE (withdrawn, or replaced by a revision under
 * another kd_rup); else ACTIVE. Null when either flag is missing or not a boolean.
 */
export function planStatus(row: IsbRow): PlanStatus | null {
  const active = flag(row.status_aktif_rup);
  const deleted = flag(row.status_delete_rup);
  if (active === null || deleted === null) return null;
  return deleted ? 'CANCELLED' : active ? 'ACTIVE' : 'INACTIVE';
}

/**
 * RUP-PaketPenyedia-Terumumkan: one plan per package, keyed by kd_rup (a revision that keeps its
 * kd_rup updates the stored plan on re-import): `pagu` on `tahun_anggaran` for the agency of
 * `kd_satker`, with `metode_pengadaan`, `jenis_pengadaan`, status_ukm as the small-business flag
 * (and `alasan_non_ukm`), and the status. A row without a key, name, pagu, year or status is
 * rejected; an unreadable status_ukm or an empty method is stored as unknown, with a warning.
 */
export function mapRupPackages(file: string, data: readonly IsbRow[], rows: IsbRows, satker: SatkerMap): void {
  const seen = new Map<string, number>();
  let unknownFlag = 0;
  let unknownMethod = 0;
  data.forEach((row, i) => {
    const line = i + 1;
    const kdRup = text(row.kd_rup);
    if (!kdRup) {
      rows.reject(file, line, 'kd_rup', {
        id: 'kd_rup kosong: paket tidak dapat dicocokkan saat impor ulang',
        en: 'kd_rup is empty: the package cannot be matched on re-import',
      });
      return;
    }
    const first = seen.get(kdRup);
    if (first !== undefined) {
      rows.reject(file, line, 'kd_rup', {
        id: `kd_rup ${kdRup} ganda: baris ${first} sudah memuatnya`,
        en: `duplicate kd_rup ${kdRup}: row ${first} already has it`,
      });
      return;
    }
    seen.set(kdRup, line);
    const name = text(row.nama_paket);
    const pagu = rupiah(row.pagu);
    const year = fiscalYear(row.tahun_anggaran);
    const status = planStatus(row);
    const agency = satker.buyer(row, 'kd_satker', file, line);
    if (!name)
      rows.reject(file, line, 'nama_paket', {
        id: 'nama_paket kosong: paket tidak mempunyai nama',
        en: 'nama_paket is empty: the package has no name',
      });
    if (pagu === null) rows.reject(file, line, 'pagu', POSITIVE_PAGU);
    if (year === null)
      rows.reject(file, line, 'tahun_anggaran', {
        id: 'tahun_anggaran harus tahun 2000 sampai 2100',
        en: 'tahun_anggaran must be a year from 2000 to 2100',
      });
    if (status === null) {
      rows.reject(file, line, flag(row.status_aktif_rup) === null ? 'status_aktif_rup' : 'status_delete_rup', {
        id: 'status_aktif_rup dan status_delete_rup harus true atau false: status paket tidak disebutkan',
        en: 'status_aktif_rup and status_delete_rup must be true or false: the package status is not given',
      });
    }
    if (!name || pagu === null || year === null || status === null || !agency) return;
    const small = smallBusinessFlag(row.status_ukm);
    if (small === null) unknownFlag++;
    const method = text(row.metode_pengadaan);
    if (!method) unknownMethod++;
    rows.plans.push({
      kd_rup: kdRup,
      name,
      fiscal_year: year,
      kd_satker: text(row.kd_satker) as string,
      agency_ref: agency,
      pagu,
      method,
      procurement_type: text(row.jenis_pengadaan),
      for_small_business: small,
      non_small_reason: text(row.alasan_non_ukm),
      status,
      file,
      line,
    });
  });
  if (unknownFlag > 0) {
    rows.warn(
      file,
      {
        id: `${unknownFlag} paket dengan status_ukm selain "UKM" atau "Non UKM": disimpan sebagai tidak diketahui apakah direncanakan untuk usaha kecil`,
        en: `${unknownFlag} package(s) with a status_ukm other than "UKM" or "Non UKM": stored as not known to be planned for small businesses`,
      },
      'status_ukm',
    );
  }
  if (unknownMethod > 0) {
    rows.warn(
      file,
      {
        id: `${unknownMethod} paket tanpa metode_pengadaan: metode disimpan sebagai tidak diketahui`,
        en: `${unknownMethod} package(s) without metode_pengadaan: method stored as unknown`,
      },
      'metode_pengadaan',
    );
  }
}

/**
 * RUP-PaketAnggaranPenyedia: the budget lines of each package (kd_rup): `mak` (sub-activity code
 * followed by the account code, which is taken from its end), `sumber_dana` as given, `pagu`. The
 * lines a file gives for a package replace the stored ones.
 */
export function mapRupBudgetLines(file: string, data: readonly IsbRow[], rows: IsbRows): void {
  let withoutAccount = 0;
  data.forEach((row, i) => {
    const line = i + 1;
    const kdRup = text(row.kd_rup);
    const mak = text(row.mak);
    const pagu = rupiah(row.pagu);
    if (!kdRup)
      rows.reject(file, line, 'kd_rup', {
        id: 'kd_rup kosong: baris anggaran ini tidak termasuk paket mana pun',
        en: 'kd_rup is empty: the line belongs to no package',
      });
    if (!mak)
      rows.reject(file, line, 'mak', {
        id: 'mak kosong: baris anggaran tidak mempunyai rekening',
        en: 'mak is empty: the budget line has no account',
      });
    if (pagu === null) rows.reject(file, line, 'pagu', POSITIVE_PAGU);
    if (!kdRup || !mak || pagu === null) return;
    const account = accountCode(mak);
    if (!account) withoutAccount++;
    rows.planLines.push({
      kd_rup: kdRup,
      mak,
      account_code: account,
      funding_source: text(row.sumber_dana),
      pagu,
      file,
      line,
    });
  });
  if (withoutAccount > 0) {
    rows.warn(
      file,
      {
        id: `${withoutAccount} baris yang mak-nya tidak diakhiri kode rekening (5.…): disimpan tanpa kode rekening`,
        en: `${withoutAccount} line(s) whose mak ends with no account code (5.…): stored without one`,
      },
      'mak',
    );
  }
}
