/*
 * ─── The demo dataset: the story and its knobs ─────────────────────────────────────────────────
 *
 * Kabupaten Kubu Raya (61.12), 2019-2025, synthetic but shaped like this story:
 *
 *  1. 2019: ~36 agencies (SKPD) buy goods and services; only 15-20 % of their direct spending reaches
 *     local UMKM (local = a village of 61.12; UMKM = ENTERPRISE of size MICRO/SMALL/MEDIUM/unknown,
 *     or a COOPERATIVE). The rest goes to vendors in Pontianak, Jakarta, Surabaya…
 *  2. 2020: the pandemic. Budgets are refocused (-10 %); UMKM revenue falls to 60-70 % of 2019
 *     (souvenirs and catering worst); many micro firms go dormant. Local garment makers sew masks.
 *  3. 2021: the regent's regulation (Perbup) on UMKM products and markets sets a local-UMKM target
 *     of 25 % rising to 45 % in 2025; Perpres 12/2021 adds 40 % to micro/small firms and cooperatives.
 *     Recognisable programs start: school uniforms from local konveksi (Disdikbud), masks and
 *     nutritious food for puskesmas (Dinkes), rice bought from farmer cooperatives (DKP),
 *     souvenirs for official guests (Setda), training and market access (Diskopukmdag).
 *  4. 2021-2025: the local-UMKM share climbs 25 → 33 → 40 → 45 → 48 %, agencies spread from ~10 %
 *     to ~70 % (every scorecard grade appears); their networks (schools, puskesmas, village
 *     governments, UPT, KORPRI, Dharma Wanita, BUMDes) spend 30-50 % as much again (the domino
 *     effect: amplification 1.3-2.0); UMKM spend 15-30 % of their revenue at other local UMKM
 *     (re-spending multiplier LM3 ≈ 1.2-1.4); revenue recovers to ~85 % (2021), 100 % (2022) and
 *     105-115 % after; UMKM trained AND given orders stay active (~85-90 % a year later), trained-only
 *     ones often go dormant (~55-65 % active): "training without a market is not enough".
 *
 * How it is built (all deterministic from the seed, see random.ts):
 *  - world.ts: the static registry (agencies, network units, UMKM, cooperatives, vendors, products);
 *  - budget.ts: each agency's yearly spend by category and the local share per category, solved
 *    so the spend-weighted share hits LOCAL_UMKM_SHARE below; programs and their budgets;
 *  - life.ts: each enterprise's life: which years it wins government orders, trainings and other
 *    assistance, and the month it goes dormant/closes (hazards below);
 *  - snapshots.ts: monthly revenue/status for the survey panel;
 *  - transactions.ts: month by month, agencies and network units spend their budgets (local picks
 *    by error-feedback dithering so shares land within a point of the plan), UMKM re-spend locally;
 *  - generate.ts yields the rows table by table; load.ts bulk-loads them.
 *
 * `--scale K` multiplies the registry (UMKM, cooperatives, vendors) by K and the money and
 * government purchases by volumeFactor(K) (K up to 10, then 10·√(K/10): scale 100 ≈ 31.6×);
 * agencies and network units stay the regency's own; the survey panel grows with √K.
 */

export const YEAR_SPEND_INDEX: Readonly<Record<number, number>> = {
  2019: 1,
  2020: 0.9,
  2021: 1.05 ** 2,
  2022: 1.05 ** 3,
  2023: 1.05 ** 4,
  2024: 1.05 ** 5,
  2025: 1.05 ** 6,
};

/** Planned local-UMKM share of all agencies' direct spending, by year. */
export const LOCAL_UMKM_SHARE: Readonly<Record<number, number>> = {
  2019: 0.175,
  2020: 0.19,
  2021: 0.255,
  2022: 0.335,
  2023: 0.405,
  2024: 0.455,
  2025: 0.485,
};

/** The regent's regulation: LOCAL_UMKM_SHARE targets. */
export const REGULATION_TARGETS: Readonly<Record<number, number>> = {
  2021: 0.25,
  2022: 0.3,
  2023: 0.35,
  2024: 0.4,
  2025: 0.45,
};
export const REGULATION = {
  name: 'Target belanja produk UMKM lokal',
  legalBasis: 'Peraturan Bupati Kubu Raya tentang Penguatan Produk dan Pasar Usaha Mikro, Kecil dan Menengah (contoh)',
};
export const PERPRES = {
  name: 'Alokasi belanja untuk usaha mikro, usaha kecil dan koperasi',
  legalBasis:
    'Peraturan Presiden Nomor 12 Tahun 2021 tentang Perubahan atas Perpres 16/2018 tentang Pengadaan Barang/Jasa Pemerintah',
  share: 0.4,
  from: 2021,
};

/** Agencies' local-share league: logit offsets evenly spaced over this range. */
export const AGENCY_OFFSET_RANGE = [-2.6, 0.3] as const;

/** Network spend relative to the agency's own, and how much more local the network buys. */
export const NETWORK_RATIO = [0.32, 0.48] as const;
export const NETWORK_LOCAL_FACTOR = [1.0, 1.8] as const;
export const NETWORK_LOCAL_CAP = 0.9;
/** Network units' purchases are this fraction of an agency's purchase size. */
export const NETWORK_AMOUNT_FACTOR = 0.35;

/** 2019 recorded goods-and-services purchases of all agencies at scale 1 = Σ spec.spend × this. */
export const SPEND_UNIT = 1_000_000_000;

/** Local re-spending: share of revenue a UMKM spends at other local UMKM, and outside. */
export const RESPEND_LOCAL = [0.18, 0.32] as const;
export const RESPEND_OUTSIDE = [0.05, 0.2] as const;
/** Cooperatives pass this share of what they receive on to members (farmers' rice). */
export const COOPERATIVE_PASS_ON = [0.5, 0.7] as const;

/** Monthly weights of government purchases (January slow, December rush). */
export const GOV_SEASON = [0.45, 0.7, 0.9, 1.0, 1.0, 0.95, 1.0, 1.05, 1.05, 1.15, 1.3, 1.75] as const;
/** Monthly revenue seasonality of UMKM. */
export const REVENUE_SEASON = [0.93, 0.9, 0.97, 1.02, 1.05, 1.0, 0.98, 0.98, 0.98, 1.0, 1.02, 1.17] as const;

/**
 * Revenue of active firms relative to 2019, by recovery group: anchor points (month index from
 * 2019-01, factor), linearly interpolated. Dormant firms drag the panel index further down.
 */
export const RECOVERY_CURVES: Readonly<
  Record<'FOOD' | 'SOUVENIR' | 'GARMENT' | 'OTHER', ReadonlyArray<readonly [number, number]>>
> = {
  FOOD: [
    [0, 1],
    [14, 1],
    [16, 0.45],
    [23, 0.62],
    [29, 0.98],
    [35, 1.1],
    [47, 1.17],
    [59, 1.23],
    [71, 1.27],
    [83, 1.29],
  ],
  SOUVENIR: [
    [0, 1],
    [14, 1],
    [16, 0.3],
    [23, 0.42],
    [29, 0.7],
    [35, 0.86],
    [47, 0.98],
    [59, 1.03],
    [71, 1.06],
    [83, 1.08],
  ],
  GARMENT: [
    [0, 1],
    [14, 1],
    [16, 0.45],
    [23, 0.6],
    [29, 0.95],
    [35, 1.07],
    [47, 1.15],
    [59, 1.22],
    [71, 1.26],
    [83, 1.28],
  ],
  OTHER: [
    [0, 1],
    [14, 1],
    [16, 0.4],
    [23, 0.55],
    [29, 0.92],
    [35, 1.06],
    [47, 1.14],
    [59, 1.19],
    [71, 1.21],
    [83, 1.22],
  ],
};

/** Monthly hazard of going dormant, by period. */
export const HAZARD = {
  before2020: 0.0025,
  pandemic: { FOOD: 0.009, SOUVENIR: 0.018, GARMENT: 0.008, OTHER: 0.011 },
  after2020: 0.0025,
  /** Small and medium firms weather shocks better than micro ones. */
  largerFirmFactor: 0.4,
  /** Firms with government orders this year: no dormancy in January-June, then this factor. */
  withOrdersFactor: 0.4,
  /** Between training and the end of the next year. */
  trainedWithMarket: 0.013,
  trainedOnly: 0.03,
  /** Monthly chance that a dormant firm is recorded as closed, or (after a while) trades again. */
  closeAfterDormant: 0.02,
  revive: 0.035,
  reviveAfterMonths: 15,
};

/** Share of active UMKM trained per year (2021 on: about a fifth). */
export const TRAINING_SHARE: Readonly<Record<number, number>> = {
  2019: 0.05,
  2020: 0.04,
  2021: 0.2,
  2022: 0.2,
  2023: 0.2,
  2024: 0.2,
  2025: 0.2,
};

/** Government-supplier pool per (year, category) relative to the expected number of local purchases. */
export const SUPPLIER_POOL_RATIO = 0.25;
export const SUPPLIER_POOL_CAP = 0.6;

/** The registry at scale 1. */
export const COUNTS = {
  enterprises: 3000,
  largeLocal: 8,
  cooperatives: 100,
  outsideEnterprises: 60,
  outsideVendors: 120,
  localVendors: 12,
};

/** Share of UMKM in the monthly survey panel at scale 1 (shrinks as 1/√K so rows grow with √K). */
export const PANEL_SHARE = 0.5;

/** Money and government purchases grow linearly to scale 10, then with √(K/10). */
export function volumeFactor(scale: number): number {
  return scale <= 10 ? scale : 10 * Math.sqrt(scale / 10);
}

export function panelShare(scale: number): number {
  return PANEL_SHARE / Math.sqrt(Math.max(1, scale));
}
