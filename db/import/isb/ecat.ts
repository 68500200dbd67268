import { FUNDING_SOURCES } from '../../src/enums.ts';
import { accountCode, day, type IsbRow, type IsbRows, npwpRef, rupiah, text } from './rows.ts';
import type { SatkerMap } from './satker.ts';

/**
 * Ecat-PaketEPurchasing with Ecat-PenyediaDetail: e-Katalog purchase packages, from `satker_id` to
 * the provider `kd_penyedia` (identified by its NPWP in the provider file; ENTERPRISE when
 * `penyedia_ukm` is Y, else VENDOR), `total_harga` on the package's date. Only finished packages
 * (`Paket Selesai`) are purchases; the account code is the end of `kode_anggaran`.
 */
export function mapEcat(
  file: string,
  data: readonly IsbRow[],
  providers: ReadonlyMap<string, IsbRow>,
  rows: IsbRows,
  satker: SatkerMap,
): void {
  data.forEach((row, i) => {
    const line = i + 1;
    const id = text(row.kd_paket);
    const status = text(row.paket_status_str);
    if (status !== 'Paket Selesai') {
      rows.warn(file, {
        id: 'paket dengan paket_status_str selain "Paket Selesai" (batal, sedang berjalan) bukan pembelian: dilewati',
        en: 'packages whose paket_status_str is not "Paket Selesai" (cancelled, in progress) are not purchases: skipped',
      });
      return;
    }
    const buyer = satker.buyer(row, 'satker_id', file, line);
    const provider = providers.get(text(row.kd_penyedia) ?? '');
    const seller = provider ? npwpRef(provider.npwp_16, provider.npwp_penyedia) : null;
    const name = provider ? text(provider.nama_penyedia) : null;
    const amount = rupiah(row.total_harga);
    const date = day(row.tanggal_buat_paket);
    if (!id)
      rows.reject(file, line, 'kd_paket', {
        id: 'kd_paket kosong: paket tidak dapat dicocokkan saat impor ulang',
        en: 'kd_paket is empty: the package cannot be matched on re-import',
      });
    if (!provider)
      rows.reject(file, line, 'kd_penyedia', {
        id: `penyedia ${text(row.kd_penyedia) ?? '(kosong)'} tidak ada di Ecat-PenyediaDetail`,
        en: `provider ${text(row.kd_penyedia) ?? '(empty)'} is not in Ecat-PenyediaDetail`,
      });
    else if (!seller)
      rows.reject(file, line, 'kd_penyedia', {
        id: 'penyedia tidak mempunyai NPWP: penyedia tidak dapat dikenali',
        en: 'the provider has no NPWP: it cannot be identified',
      });
    else if ('reason' in seller)
      rows.reject(file, line, 'kd_penyedia', {
        id: `NPWP penyedia: ${seller.reason.id}`,
        en: `the provider's NPWP: ${seller.reason.en}`,
      });
    if (amount === null)
      rows.reject(file, line, 'total_harga', {
        id: 'total_harga harus jumlah yang positif',
        en: 'total_harga must be a positive amount',
      });
    if (!date)
      rows.reject(file, line, 'tanggal_buat_paket', {
        id: 'tanggal_buat_paket harus tanggal',
        en: 'tanggal_buat_paket must be a date',
      });
    if (!id || !buyer || !seller || 'reason' in seller || !name || amount === null || !date) return;
    const kind = text(provider?.penyedia_ukm) === 'Y' ? 'ENTERPRISE' : 'VENDOR';
    rows.party({ ref: seller.ref, kind, name, agency_code: '', file, line });
    const funding = text(row.nama_sumber_dana)?.toUpperCase() ?? '';
    if (funding && !(FUNDING_SOURCES as readonly string[]).includes(funding)) {
      rows.warn(
        file,
        {
          id: `nama_sumber_dana ${funding} bukan sumber dana yang dikenal: dikosongkan`,
          en: `nama_sumber_dana ${funding} is not a known funding source: left empty`,
        },
        'nama_sumber_dana',
      );
    }
    rows.transactions.push({
      ref: id,
      source: 'ISB-ECAT',
      buyer_ref: buyer,
      seller_ref: seller.ref,
      account_code: accountCode(row.kode_anggaran) ?? '',
      funding_source: (FUNDING_SOURCES as readonly string[]).includes(funding) ? funding : '',
      amount: String(amount),
      occurred_on: date,
      file,
      line,
    });
  });
}
