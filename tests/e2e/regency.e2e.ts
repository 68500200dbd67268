/// <reference lib="dom" />
/**
 * Several regencies in the browser: a writable copy of the demo (Kubu Raya, 61.12) with Kota
 * Pontianak (61.71) added (the demo drawn from another seed, placed there). Switching the regency
 * in the header keeps the page and the year, puts the regency into the URL, and shows Pontianak's
 * numbers (the API's for that regency); the province page ranks both as the API does.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDemoRegency,
  CHROMIUM,
  type DemoServer,
  ensureDashboardBuilt,
  latestYear,
  launchBrowser,
  settle,
  startDemoServer,
  watchPage,
} from './support.ts';

if (!fs.existsSync(CHROMIUM)) {
  throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
}

describe('the regency switcher and the province page in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let year: number;

  beforeAll(async () => {
    ensureDashboardBuilt();
    server = await startDemoServer({ writable: true });
    await addDemoRegency(server, '61.71');
    browser = await launchBrowser();
    year = await latestYear(server);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The API's spending total of `regency` for the year with the networks (as PUBLIC, as the page below asks: jejaring=1). */
  async function apiTotal(regency: string): Promise<number> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'jejaring-regency': regency },
      body: JSON.stringify({
        query: `{ spendSummary(filter: { fiscalYear: ${year}, includeNetwork: true }) { total } }`,
      }),
    });
    return ((await response.json()) as { data: { spendSummary: { total: number } } }).data.spendSummary.total;
  }

  const total = (page: Page) => page.locator('[data-kpi="total"]').getAttribute('data-value');

  it('switching the regency changes the URL, the header and the figures, and keeps the page and year', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}/?tahun=${year}&jejaring=1`);
    await settle(page);
    const kubuRaya = await apiTotal('61.12');
    const pontianak = await apiTotal('61.71');
    expect(pontianak).not.toBe(kubuRaya);
    expect(await total(page)).toBe(String(kubuRaya));
    await page.getByTestId('regency-switch').selectOption('61.71');
    await page.waitForURL(/wilayah=61\.71/);
    await settle(page);
    await page.waitForFunction(
      (want) => document.querySelector('[data-kpi="total"]')?.getAttribute('data-value') === want,
      String(pontianak),
    );
    const url = new URL(page.url());
    expect(url.pathname).toBe('/');
    expect(Object.fromEntries(url.searchParams)).toEqual({ tahun: String(year), jejaring: '1', wilayah: '61.71' });
    expect(await page.getByTestId('regency-name').textContent()).toContain('Kota Pontianak');
    // The link is shareable: opened afresh, it shows Pontianak.
    const again = await context.newPage();
    await again.goto(page.url());
    await settle(again);
    expect(await total(again)).toBe(String(pontianak));
    expect([...watch.errors, ...watch.failed]).toEqual([]);
    await context.close();
  });

  it('the province page lists both regencies as the API ranks them', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/provinsi?tahun=${year}`);
    await settle(page);
    await page.waitForSelector('#province-table ~ * tbody tr, section.card tbody tr');
    const names = await page.locator('section.card tbody tr td:nth-child(2)').allTextContents();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ provinceOverview(province: "61", fiscalYear: ${year}) { regencies { regency { name } } } }`,
      }),
    });
    const api = (await response.json()) as {
      data: { provinceOverview: { regencies: Array<{ regency: { name: string } }> } };
    };
    expect(names).toEqual(api.data.provinceOverview.regencies.map((r) => r.regency.name));
    expect(names).toHaveLength(2);
    await context.close();
  });
});
