import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRupiahShort } from '../../../dashboard/src/format/format.ts';
import { ProductCategory } from '../../../dashboard/src/graphql/generated/enums.ts';
import {
  GetSpendSummaryDocument,
  type GetSpendSummaryQuery,
  GetSpendTrendDocument,
  type GetSpendTrendQuery,
} from '../../../dashboard/src/graphql/generated/graphql.ts';
import { id as ID } from '../../../dashboard/src/i18n/id.ts';
import { PAGE_NAMES, settle, watchPage } from '../support.ts';
import { browser, context, open, pages, server, year } from './session.ts';

/* Errors and retry, the keyboard alone, a 768 px tablet. */

/** A failed request shows the error with "Coba lagi"; retrying shows the data. */
export function errors(): void {
  describe('errors', () => {
    it('a view whose request fails shows the error with "Coba lagi"; retrying shows the data', async () => {
      const page = await context.newPage();
      const watch = watchPage(page);
      let trendRequests = 0;
      // The trend's own request fails (the server is unreachable for it); every other request is real.
      await page.route('**/graphql', (route) => {
        const body = route.request().postData() ?? '';
        if (!body.includes('GetSpendTrend')) return route.continue();
        trendRequests++;
        return route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' });
      });
      await page.goto(`${server.url}/?tahun=${year}`);
      await settle(page);
      const card = page.locator('[data-chart="tren-bulanan"]');
      await expect(card.locator('[data-state="error"]').textContent()).resolves.toContain(ID['state.error']);
      const retry = card.getByRole('button', { name: ID['state.retry'], exact: true });
      expect(await retry.isVisible()).toBe(true);
      expect(await card.locator('svg.recharts-surface').count()).toBe(0);
      expect(await card.locator('[data-download="csv"]').isDisabled()).toBe(true);
      expect(trendRequests).toBe(1);
      // Only that view failed: the KPI cards and rankings still show the API's numbers.
      const summary = await server.gql<GetSpendSummaryQuery>(GetSpendSummaryDocument, { filter: { fiscalYear: year } });
      expect(await page.locator('[data-kpi="total"]').getAttribute('data-value')).toBe(
        String(summary.spendSummary.total),
      );
      expect(await page.locator('[data-chart="skpd-terbaik"] svg.recharts-surface').count()).toBe(1);

      await page.unroute('**/graphql');
      await retry.click();
      await page.waitForSelector('[data-chart="tren-bulanan"] svg.recharts-surface', { timeout: 60_000 });
      await settle(page);
      expect(await card.locator('[data-state="error"]').count()).toBe(0);
      // The data is the API's: one bar per month for spending, as many as the API's points.
      const trend = await server.gql<GetSpendTrendQuery>(GetSpendTrendDocument, {
        filter: { fiscalYear: year },
        interval: 'MONTH',
      });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card.locator('[data-download="csv"]').click(),
      ]);
      const csv = fs
        .readFileSync(await download.path(), 'utf8')
        .trim()
        .split(/\r?\n/);
      expect(csv.length - 1).toBe(trend.spendTrend.length);
      expect(await card.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(trend.spendTrend.length);
      // The failed request is the only problem the page had.
      expect(watch.failed.every((f) => f.startsWith('503 '))).toBe(true);
      expect(watch.failed.length).toBe(1);
      expect(watch.errors.every((m) => /503/.test(m))).toBe(true);
      await page.close();
    });
  });
}

/** The filter bar works from the keyboard alone. */
export function keyboard(): void {
  describe('keyboard', () => {
    const focused = (page: Page) =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return '';
        const details = el.closest('details');
        return `${el.tagName.toLowerCase()}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${details ? `@${details.dataset.filter}` : ''}`;
      });

    async function tabTo(page: Page, target: string, limit = 60) {
      for (let k = 0; k < limit; k++) {
        if ((await focused(page)) === target) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${target} (last: ${await focused(page)})`);
    }

    it('the filter bar works by keyboard alone: year, a category, networks; the URL and the numbers follow', async () => {
      const { page, watch } = await open(`/?tahun=${year}`);
      await page.locator('body').focus();
      // Fiscal year: Tab to the period select, one year earlier with the arrow key (newest first).
      await tabTo(page, 'select[name=period]');
      await page.keyboard.press('ArrowDown');
      await page.waitForURL(new RegExp(`tahun=${year - 1}`));
      await settle(page);
      // A category: Tab to the picker, open it with Enter, Tab into it, tick the first with Space.
      await tabTo(page, 'summary@categories');
      await page.keyboard.press('Enter');
      expect(await page.locator('details[data-filter="categories"]').getAttribute('open')).not.toBeNull();
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('input[name=categories]@categories');
      await page.keyboard.press('Space');
      const category = Object.values(ProductCategory)[0]!;
      await page.waitForURL(new RegExp(`kategori=${category}`));
      await settle(page);
      // Escape closes the picker and gives the focus back to it.
      await page.keyboard.press('Escape');
      expect(await page.locator('details[data-filter="categories"]').getAttribute('open')).toBeNull();
      expect(await focused(page)).toBe('summary@categories');
      // Networks: Tab to the checkbox, Space.
      await tabTo(page, 'input[name=includeNetwork]');
      await page.keyboard.press('Space');
      await page.waitForURL(/jejaring=1/);
      await settle(page);
      const api = await server.gql<GetSpendSummaryQuery>(GetSpendSummaryDocument, {
        filter: { fiscalYear: year - 1, categories: [category], includeNetwork: true },
      });
      expect(await page.locator('[data-kpi="total"]').getAttribute('data-value')).toBe(String(api.spendSummary.total));
      expect(await page.locator('[data-kpi="total"] .kpi-value').textContent()).toBe(
        formatRupiahShort(api.spendSummary.total, 'id'),
      );
      expect(watch.errors).toEqual([]);
      expect(watch.failed).toEqual([]);
      await page.close();
    });
  });
}

/** No page overflows a 768 px tablet. */
export function tablet(): void {
  describe('tablet (768×1024)', () => {
    let tablet: BrowserContext;
    beforeAll(async () => {
      tablet = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    });
    afterAll(async () => {
      await tablet?.close();
    });

    it.each(PAGE_NAMES)('%s has no horizontal overflow', async (name) => {
      const path = pages.find((p) => p.name === name)!.path;
      const { page } = await open(path, tablet);
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        const wide = Array.from(document.querySelectorAll('body *'))
          .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
          .filter((el) => !el.closest('.table-wrap, .card-body'))
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
      });
      expect(overflow.scrollWidth, overflow.wide.join(', ')).toBeLessThanOrEqual(overflow.clientWidth);
      await page.close();
    });
  });
}
