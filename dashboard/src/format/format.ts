/**
 * Numbers, money and dates the Indonesian way (and the English way), so every label reads alike.
 * Pure functions of (value, locale); the UI never formats by hand.
 *
 * @example
 * formatRupiahShort(1_234_000_000, 'id') // 'Rp 1,2 M'
 * formatRupiahShort(1_234_000_000, 'en') // 'Rp 1.2 B'
 * formatRupiahFull(1_234_567, 'id')      // 'Rp1.234.567'
 * formatPercent(0.453, 'id')             // '45,3 %'
 * formatMonth('2021-01-01', 'id')        // 'Januari 2021'
 */
export type Locale = 'id' | 'en';

/** What an absent value (a share with a zero denominator, a missing target) is shown as. */
export const NONE = '–';

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** A number with the locale's separators and at most `digits` fraction digits (trailing zeros dropped). */
export function formatNumber(value: number | null | undefined, locale: Locale, digits = 0, keepZeros = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  const { group, decimal } = SEPARATORS[locale];
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(digits);
  let [whole = '0', fraction = ''] = fixed.split('.');
  if (!keepZeros) fraction = fraction.replace(/0+$/, '');
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const text = fraction ? `${whole}${decimal}${fraction}` : whole;
  return negative && Number(fixed) !== 0 ? `-${text}` : text;
}

const UNITS: Record<Locale, Array<[number, string]>> = {
  id: [
    [1e12, 'T'],
    [1e9, 'M'],
    [1e6, 'jt'],
    [1e3, 'rb'],
  ],
  en: [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ],
};

/** Rupiah in short form: `Rp 1,2 M` (miliar), `Rp 350 jt` (juta), `Rp 12,5 rb` (ribu); three significant digits. */
export function formatRupiahShort(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const units = UNITS[locale];
  for (let i = 0; i < units.length; i++) {
    const [size, suffix] = units[i]!;
    if (abs < size) continue;
    const scaled = abs / size;
    const digits = scaled < 100 ? 1 : 0;
    const rounded = Number(scaled.toFixed(digits));
    // 999,96 jt rounds to 1.000 jt: say 1 M instead.
    if (rounded >= 1000 && i > 0) {
      const [biggerSize, biggerSuffix] = units[i - 1]!;
      return `${sign}Rp ${formatNumber(abs / biggerSize, locale, 1)} ${biggerSuffix}`;
    }
    return `${sign}Rp ${formatNumber(scaled, locale, digits)} ${suffix}`;
  }
  const rounded = Math.round(abs);
  if (rounded >= 1000) return `${sign}Rp ${formatNumber(1, locale)} ${units[units.length - 1]![1]}`;
  return `${sign}Rp ${formatNumber(rounded, locale)}`;
}

/** Rupiah in full, whole rupiah: `Rp1.234.567` (id), `Rp1,234,567` (en). */
export function formatRupiahFull(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  const text = formatNumber(Math.round(Math.abs(value)), locale);
  return `${value < 0 ? '-' : ''}Rp${text}`;
}

/** A share (a fraction in [0, 1]) as a percentage: `45,3 %` (id), `45.3%` (en). Null shows as `–`. */
export function formatPercent(share: number | null | undefined, locale: Locale, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return NONE;
  const text = formatNumber(share * 100, locale, digits, true);
  return locale === 'id' ? `${text} %` : `${text}%`;
}

/** A multiplier: `1,30×`. */
export function formatMultiplier(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return `${formatNumber(value, locale, 2, true)}×`;
}

export const MONTHS: Record<Locale, readonly string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

function parts(date: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
}

/** A month: `Januari 2021`. Accepts `YYYY-MM` or `YYYY-MM-DD`. */
export function formatMonth(date: string | null | undefined, locale: Locale): string {
  const p = date ? parts(date) : null;
  if (!p) return NONE;
  return `${MONTHS[locale][p[1] - 1]} ${p[0]}`;
}

/** A month, short, for chart axes: `Jan 2021` (id `Agu`, en `Aug`). */
export function formatMonthShort(date: string | null | undefined, locale: Locale): string {
  const p = date ? parts(date) : null;
  if (!p) return NONE;
  const name = MONTHS[locale][p[1] - 1]!;
  const short = locale === 'id' && p[1] === 8 ? 'Agu' : name.slice(0, 3);
  return `${short} ${p[0]}`;
}

/** A day: `5 Januari 2021` (id), `5 January 2021` (en). */
export function formatDate(date: string | null | undefined, locale: Locale): string {
  const p = date ? parts(date) : null;
  if (!p) return NONE;
  return `${p[2]} ${MONTHS[locale][p[1] - 1]} ${p[0]}`;
}

/** A quarter: `Triwulan I 2021` (id), `Q1 2021` (en). */
export function formatQuarter(date: string | null | undefined, locale: Locale): string {
  const p = date ? parts(date) : null;
  if (!p) return NONE;
  const q = Math.floor((p[1] - 1) / 3) + 1;
  return locale === 'id' ? `Triwulan ${['I', 'II', 'III', 'IV'][q - 1]} ${p[0]}` : `Q${q} ${p[0]}`;
}
