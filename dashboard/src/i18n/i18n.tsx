import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import * as f from '../format/format.ts';
import { en } from './en.ts';
import { id, type MessageKey } from './id.ts';

export type { MessageKey };
export type Locale = f.Locale;

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { id, en };
const STORAGE_KEY = 'jejaring.lang';

/** The language: `?lang=en` in the URL wins, then the saved choice, then Indonesian. */
export function initialLocale(): Locale {
  if (typeof window === 'undefined') return 'id';
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'id') return fromUrl;
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'id') return saved;
  } catch {
    // storage blocked: fall back to the default
  }
  return 'id';
}

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Rupiah, short: `Rp 1,2 M`. */
  rp(value: number | null | undefined): string;
  /** Rupiah, full: `Rp1.234.567` (tooltips, tables). */
  rpFull(value: number | null | undefined): string;
  pct(share: number | null | undefined, digits?: number): string;
  num(value: number | null | undefined, digits?: number): string;
  month(date: string | null | undefined): string;
  monthShort(date: string | null | undefined): string;
  date(date: string | null | undefined): string;
  multiplier(value: number | null | undefined): string;
  /** A label for an enum value (`cat.FOOD_STAPLES`), or the raw value when there is none. */
  label(prefix: string, value: string | null | undefined): string;
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = MESSAGES[locale][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function makeI18n(locale: Locale, setLocale: (l: Locale) => void = () => {}): I18n {
  return {
    locale,
    setLocale,
    t: (key, params) => translate(locale, key, params),
    rp: (v) => f.formatRupiahShort(v, locale),
    rpFull: (v) => f.formatRupiahFull(v, locale),
    pct: (v, digits) => f.formatPercent(v, locale, digits),
    num: (v, digits) => f.formatNumber(v, locale, digits),
    month: (d) => f.formatMonth(d, locale),
    monthShort: (d) => f.formatMonthShort(d, locale),
    date: (d) => f.formatDate(d, locale),
    multiplier: (v) => f.formatMultiplier(v, locale),
    label: (prefix, value) => {
      if (value === null || value === undefined) return f.NONE;
      const key = `${prefix}.${value}` as MessageKey;
      return key in MESSAGES[locale] ? MESSAGES[locale][key] : value;
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('id'));

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage blocked: the choice lasts for this page only
    }
    document.documentElement.lang = next;
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', next);
      window.history.replaceState(window.history.state, '', url);
    }
  }, []);
  const value = useMemo(() => makeI18n(locale, setLocale), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
