/**
 * Okabe & Ito's colour-blind-safe palette. Series take colours in this order; the darker tones
 * (blue, vermillion, bluish green) go first because they also contrast with white text and the page.
 */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
  grey: '#6B6B6B',
} as const;

export const SERIES = [
  PALETTE.blue,
  PALETTE.orange,
  PALETTE.green,
  PALETTE.vermillion,
  PALETTE.sky,
  PALETTE.purple,
  PALETTE.yellow,
  PALETTE.grey,
] as const;

export function seriesColor(index: number): string {
  return SERIES[index % SERIES.length]!;
}

/** Whether charts should skip their entry animation (tests, screenshots, `?static=1`, reduced motion). */
export function staticCharts(): boolean {
  if ((globalThis as { __JEJARING_STATIC__?: boolean }).__JEJARING_STATIC__) return true;
  if (typeof window === 'undefined') return true;
  if (new URLSearchParams(window.location.search).has('static')) return true;
  if (import.meta.env?.VITE_STATIC_CHARTS === '1') return true;
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
