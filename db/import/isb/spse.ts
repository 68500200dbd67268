import { accountCode, day, type IsbRow, type IsbRows, npwpRef, rupiah, text } from './rows.ts';
import type { SatkerMap } from './satker.ts';

/**
 * SPSE-NonTenderEkontrak-Kontrak: signed contracts of direct procurements, each a purchase from
 * `kd_satker` to the seller named by NPWP, `nilai_kontrak` on `tgl_kontrak`. An amended contract
 * appears once per version (same kd_nontender, higher versi_addendum): only the latest counts.
 * Sellers are stored as VENDOR (the contract does not say whether the seller is a small business).
 */
export function mapSpse(file: string, data: readonly IsbRow[], rows: IsbRows, satker: SatkerMap): void {
  const latest = new Map<string, { row: IsbRow; line: number; version: number }>();
  data.forEach((row, i) => {
    const id = text(row.kd_nontender);
    if (!id) {
      rows.reject(file, i + 1, 'kd_nontender', {
        id: 'kd_nontender kosong: kontrak tidak dapat dicocokkan saat impor ulang',
        en: 'kd_nontender is empty: the contract cannot be matched on re-import',
      });
      return;
    }
    const version = Number(row.versi_addendum ?? 0) || 0;
    const seen = latest.get(id);
    if (!seen || version > seen.version) latest.set(id, { row, line: i + 1, version });
  });
  if (latest.size < data.length)
    rows.warn(file, {
      id: 'kontrak yang diadendum: hanya versi_addendum terakhir dari tiap kd_nontender yang diimpor',
      en: 'amended contracts: only the latest versi_addendum of each kd_nontender is imported',
    });
  for (const [id, { row, line }] of latest) {
    const status = text(row.status_kontrak)?.toLowerCase();
    if (status && status !== 'aktif' && status !== 'selesai') {
      rows.warn(file, {
        id: 'kontrak dengan status_kontrak selain aktif atau selesai bukan pembelian: dilewati',
        en: 'contracts with status_kontrak other than aktif or selesai are not purchases: skipped',
      });
      continue;
    }
    const buyer = satker.buyer(row, 'kd_satker', file, line);
    const seller = npwpRef(row.npwp16_penyedia, row.npwp_penyedia);
    const name = text(row.nama_penyedia);
    const amount = rupiah(row.nilai_kontrak);
    const date = day(row.tgl_kontrak);
    if (!seller)
      rows.reject(file, line, 'npwp_penyedia', {
        id: 'tanpa NPWP: penjual tidak dapat dikenali',
        en: 'no NPWP: the seller cannot be identified',
      });
    else if ('reason' in seller) rows.reject(file, line, 'npwp_penyedia', seller.reason);
    if (!name)
      rows.reject(file, line, 'nama_penyedia', { id: 'penjual tidak mempunyai nama', en: 'the seller has no name' });
    if (amount === null)
      rows.reject(file, line, 'nilai_kontrak', {
        id: 'nilai_kontrak harus jumlah yang positif',
        en: 'nilai_kontrak must be a positive amount',
      });
    if (!date)
      rows.reject(file, line, 'tgl_kontrak', {
        id: 'tgl_kontrak harus tanggal YYYY-MM-DD',
        en: 'tgl_kontrak must be a date YYYY-MM-DD',
      });
    if (!buyer || !seller || 'reason' in seller || !name || amount === null || !date) continue;
    rows.party({ ref: seller.ref, kind: 'VENDOR', name, agency_code: '', file, line });
    rows.transactions.push({
      ref: id,
      source: 'ISB-SPSE',
      buyer_ref: buyer,
      seller_ref: seller.ref,
      account_code: accountCode(row.mak) ?? '',
      funding_source: '',
      amount: String(amount),
      occurred_on: date,
      file,
      line,
    });
  }
}
