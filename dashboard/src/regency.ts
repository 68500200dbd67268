import { useLocation } from './router.tsx';

/*
 * The regency (tenant) the dashboard shows, kept in the URL (`?wilayah=61.71`) so a link shows the
 * same regency to whoever opens it; absent, the server's default regency. The API client sends it
 * in the Jejaring-Regency header (urql.ts; docs/api.md "Regencies").
 */

export const REGENCY_PARAM = 'wilayah';
const CODE = /^\d{2}\.\d{2}$/;

/** The regency a query string names, or null (the server's default). */
export function regencyOf(search: string): string | null {
  const code = new URLSearchParams(search).get(REGENCY_PARAM);
  return code && CODE.test(code) ? code : null;
}

export function useRegency(): string | null {
  return regencyOf(useLocation().search);
}

/**
 * Where switching to regency `code` leads: the same page with the same filters, except what belongs
 * to one regency: the agencies chosen in the filter, and a record's own page (an agency, a program,
 * an enterprise), which gives way to its list.
 */
export function switchRegency(pathname: string, search: string, code: string): string {
  const q = new URLSearchParams(search);
  q.set(REGENCY_PARAM, code);
  q.delete('skpd');
  const parts = pathname.split('/').filter(Boolean);
  const record = parts.length === 2 && ['skpd', 'program', 'umkm'].includes(parts[0] ?? '') && parts[1] !== 'cetak';
  const path = record ? `/${parts[0]}` : pathname.startsWith('/pendataan/') ? '/pendataan' : pathname;
  return `${path}?${q.toString().replace(/%2C/g, ',')}`;
}
