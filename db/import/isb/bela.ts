import { day, type IsbRow, type IsbRows, rupiah, text } from './rows.ts';
import type { SatkerMap } from './satker.ts';

/**
 * Bela-TokoDaringRealisasi: orders in the online shops for government, a purchase from `kd_satker`
 * of `valuasi` on `tanggal_transaksi`. The seller is known only by `merchant_name` (no NPWP), so
 * it is its own party (ref BELA-<name>), never matched to an NPWP-identified one; it is stored as
 * ENTERPRISE because these shops are reserved for small businesses.
 */
export function mapBela(file: string, data: readonly IsbRow[], rows: IsbRows, satker: SatkerMap): void {
  data.forEach((row, i) => {
    const line = i + 1;
    const id = text(row.order_id);
    const merchant = text(row.merchant_name);
    const amount = rupiah(row.valuasi);
    const date = day(row.tanggal_transaksi);
    const buyer = satker.buyer(row, 'kd_satker', file, line);
    if (!id)
      rows.reject(file, line, 'order_id', {
        id: 'order_id kosong: pesanan tidak dapat dicocokkan saat impor ulang',
        en: 'order_id is empty: the order cannot be matched on re-import',
      });
    if (!merchant)
      rows.reject(file, line, 'merchant_name', {
        id: 'merchant_name kosong: penjual tidak disebutkan',
        en: 'merchant_name is empty: the seller is not given',
      });
    if (amount === null)
      rows.reject(file, line, 'valuasi', {
        id: 'valuasi harus jumlah yang positif',
        en: 'valuasi must be a positive amount',
      });
    if (!date)
      rows.reject(file, line, 'tanggal_transaksi', {
        id: 'tanggal_transaksi harus tanggal',
        en: 'tanggal_transaksi must be a date',
      });
    if (!id || !merchant || amount === null || !date || !buyer) return;
    const ref = `BELA-${merchant.toLowerCase().replace(/\s+/g, ' ')}`.slice(0, 100);
    rows.party({ ref, kind: 'ENTERPRISE', name: merchant, agency_code: '', file, line });
    rows.transactions.push({
      ref: id,
      source: 'ISB-BELA',
      buyer_ref: buyer,
      seller_ref: ref,
      account_code: '',
      funding_source: '',
      amount: String(amount),
      occurred_on: date,
      file,
      line,
    });
  });
}
