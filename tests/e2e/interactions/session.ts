import type { Browser, BrowserContext } from 'playwright-core';
import { beforeAll } from 'vitest';
import { type DemoServer, settle, useDashboardSession, watchPage } from '../support.ts';

/*
 * The session the interaction tests share (one demo server, one browser): set by
 * useInteractionSession's beforeAll; read these live bindings inside tests, not at import.
 */

export let server: DemoServer;
export let browser: Browser;
export let context: BrowserContext;
export let pages: Array<{ name: string; path: string }>;
export let year: number;

export const PAGE_SIZE = 25; // the registry's page (useEnterprises / useCooperatives)
export const A4_PRINTABLE = Math.floor(((210 - 2 * 12) / 25.4) * 96); // px: A4 less the @page margins (dashboard/src/styles/responsive-print.css)

/** Whitespace-free, for finding a phrase in text whose runs were split at font changes. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/** Starts the demo server and the browser for the enclosing describe. */
export function useInteractionSession(): void {
  const session = useDashboardSession();
  beforeAll(() => {
    ({ server, browser, context, pages, year } = session);
  });
}

/** Opens a page of the dashboard and waits until it settles. */
export async function open(pathname: string, on: BrowserContext = context) {
  const page = await on.newPage();
  const watch = watchPage(page);
  await page.goto(`${server.url}${pathname}`);
  await settle(page);
  return { page, watch };
}
