/** Indonesian words of the procurement parts: plans vs realisation (SKPD) and the satker mapping (Administrasi). */
export const procurementId = {
  'plan.title': 'Rencana vs realisasi untuk usaha kecil',
  'plan.lead':
    'Pagu paket SiRUP aktif yang direncanakan untuk usaha kecil (UKM) tahun {year}, dibandingkan dengan belanja yang dibayarkan kepada usaha mikro, usaha kecil dan koperasi pada tahun itu.',
  'plan.noYear': 'Pilih satu tahun anggaran untuk membandingkan rencana dengan realisasi.',
  'plan.agency': 'SKPD',
  'plan.packages': 'Paket (untuk usaha kecil)',
  'plan.plannedTotal': 'Pagu seluruh paket',
  'plan.plannedForSmall': 'Direncanakan untuk usaha kecil',
  'plan.realisedToSmall': 'Dibayarkan ke usaha kecil',
  'plan.realisedTotal': 'Seluruh belanja',
  'plan.rate': 'Dibayar ÷ direncanakan',
  'plan.count': '{n} SKPD',
  'satker.title': 'Satker LKPP → SKPD',
  'satker.lead':
    'Impor data ISB LKPP mencatat belanja dan rencana setiap satker (kd_satker) atas nama SKPD yang dipilih di sini. Perubahan berlaku mulai impor berikutnya.',
  'satker.kd': 'Kode satker',
  'satker.code': 'Kode SIPD',
  'satker.name': 'Nama satker',
  'satker.agency': 'SKPD',
  'satker.source': 'Ditetapkan oleh',
  'satker.updated': 'Diubah',
  'satker.empty': 'Belum ada satker: impor data ISB LKPP terlebih dahulu.',
  'satker.chooseFor': 'SKPD untuk satker {kd}',
  'satker.saved': 'Satker {kd} kini dicatat atas nama {agency}.',
  'satker.failed': 'Gagal: {message}',
} as const;
