/// <reference lib="dom" />
/**
 * The dashboard in real headless Chromium against the real server (`startServer`) on PGlite with
 * the demo data: every page renders its charts with no console error and no failed request, the
 * filters go through the URL into the numbers, the numbers and a CSV download equal the API's, the
 * language switch works, axe-core finds nothing serious, and the explorer runs a query offline.
 */
import fs from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMeasures } from '../../dashboard/src/features/methodology/measures.ts';
import { formatPercent, formatRupiahShort } from '../../dashboard/src/format/format.ts';
import {
  GetAgencyScorecardDocument,
  type GetAgencyScorecardQuery,
  GetSpendSummaryDocument,
  type GetSpendSummaryQuery,
} from '../../dashboard/src/graphql/generated/graphql.ts';
import {
  AXE_SOURCE,
  CHROMIUM,
  type DemoServer,
  PAGE_NAMES,
  runExplorerExample,
  settle,
  useDashboardSession,
  watchPage,
} from './support.ts';

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

// Chromium comes from Debian's package (CI installs it before `test:e2e`). The suite runs on the
// embedded PGlite, as `pnpm start` does; `pnpm test` (both engines) leaves it to `pnpm test:e2e`.
if (!fs.existsSync(CHROMIUM)) {
  throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
}

describe('the dashboard in Chromium', () => {
  const session = useDashboardSession();
  let server: DemoServer;
  let context: BrowserContext;
  let pages: Array<{ name: string; path: string }>;
  let year: number;
  beforeAll(() => {
    ({ server, context, pages, year } = session);
  });

  async function open(pathname: string) {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}${pathname}`);
    await settle(page);
    return { page, watch };
  }

  const pathOf = (name: string) => pages.find((p) => p.name === name)!.path;

  describe.each(PAGE_NAMES)('page %s', (name) => {
    it('renders its charts and tables with no console error and no failed request', async () => {
      const { page, watch } = await open(pathOf(name));
      expect(await page.locator('main svg.recharts-surface, main table').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-state="error"]').count()).toBe(0);
      expect(watch.errors).toEqual([]);
      expect(watch.failed).toEqual([]);
      await page.close();
    });

    it('has no serious or critical accessibility violation (axe-core)', async () => {
      const { page } = await open(pathOf(name));
      // Evaluated over the DevTools protocol, which the page's CSP (script-src 'self') does not
      // govern; an injected <script> tag would be blocked by it, as it should be.
      await page.evaluate(AXE_SOURCE());
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
          }
        ).axe;
        const result = await axe.run();
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
      await page.close();
    });
  });

  describe('the demo data', () => {
    it('shows the "data contoh" banner', async () => {
      const { page } = await open('/');
      await expect(page.getByTestId('demo-banner').textContent()).resolves.toContain('Data contoh (sintetis)');
      await page.close();
    });
  });

  describe('numbers', () => {
    const kpi = async (page: import('playwright-core').Page, id: string) => ({
      raw: await page.locator(`[data-kpi="${id}"]`).getAttribute('data-value'),
      text: await page.locator(`[data-kpi="${id}"] .kpi-value`).textContent(),
    });

    it('the KPI cards show the API numbers for the filter in the URL', async () => {
      const { page } = await open(`/?tahun=${year}`);
      const api = await server.gql<GetSpendSummaryQuery>(GetSpendSummaryDocument, { filter: { fiscalYear: year } });
      const s = api.spendSummary;
      expect(await kpi(page, 'total')).toEqual({ raw: String(s.total), text: formatRupiahShort(s.total, 'id') });
      expect(await kpi(page, 'toLocalUmkm')).toEqual({
        raw: String(s.toLocalUmkm),
        text: formatRupiahShort(s.toLocalUmkm, 'id'),
      });
      expect(await kpi(page, 'umkShare')).toEqual({ raw: String(s.umkShare), text: formatPercent(s.umkShare, 'id') });
      expect((await kpi(page, 'sellersReached')).raw).toBe(String(s.sellersReached));
      await page.close();
    });

    it('changing a filter changes the URL and the numbers, to the API numbers for the new filter', async () => {
      const { page } = await open(`/?tahun=${year}`);
      const before = await kpi(page, 'total');
      await page.getByLabel('Periode').selectOption(String(year - 1));
      await page.waitForURL(new RegExp(`tahun=${year - 1}`));
      await settle(page);
      await page.getByRole('checkbox', { name: /Termasuk jejaring/ }).check();
      await page.waitForURL(/jejaring=1/);
      await settle(page);
      const after = await kpi(page, 'total');
      expect(after.raw).not.toBe(before.raw);
      const api = await server.gql<GetSpendSummaryQuery>(GetSpendSummaryDocument, {
        filter: { fiscalYear: year - 1, includeNetwork: true },
      });
      expect(after).toEqual({
        raw: String(api.spendSummary.total),
        text: formatRupiahShort(api.spendSummary.total, 'id'),
      });
      // The URL is the whole state: opening it afresh shows the same numbers.
      const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
      expect(await kpi(again.page, 'total')).toEqual(after);
      await again.page.close();
      await page.close();
    });

    it('the scorecard CSV download has exactly the API rows and numbers', async () => {
      const { page } = await open(`/skpd?tahun=${year}`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /Unduh CSV: Rapor SKPD/ }).click(),
      ]);
      const file = await download.path();
      const [header = [], ...records] = parseCsv(fs.readFileSync(file, 'utf8'));
      const rows = records.map((r) => Object.fromEntries(r.map((v, k) => [header[k], v])));
      const api = await server.gql<GetAgencyScorecardQuery>(GetAgencyScorecardDocument, {
        filter: { fiscalYear: year },
      });
      expect(rows.length).toBe(api.agencyScorecard.length);
      api.agencyScorecard.forEach((r, k) => {
        expect(rows[k]!.rank).toBe(String(r.rank));
        expect(rows[k]!.agencyId).toBe(r.agency.id);
        expect(rows[k]!.total).toBe(String(r.total));
        expect(rows[k]!.toLocalUmkm).toBe(String(r.toLocalUmkm));
        expect(rows[k]!.localUmkmShare).toBe(r.localUmkmShare === null ? '' : String(r.localUmkmShare));
        expect(rows[k]!.grade).toBe(r.grade ?? '');
      });
      await page.close();
    });
  });

  describe('definitions', () => {
    const MEASURES = ['metrics.md', 'metrics-outcomes.md'].flatMap((doc) =>
      parseMeasures(fs.readFileSync(new URL(`../../docs/${doc}`, import.meta.url), 'utf8')),
    );
    // Every page with charts, each chart's "Definisi" link: a click lands on the Metodologi page with
    // that measure's section at the top of the window (or in view, when the page ends below it).
    it.each(PAGE_NAMES.filter((n) => n !== 'metodologi'))(
      "on %s, every chart's definition link lands on its measure",
      async (name) => {
        const { page } = await open(pathOf(name));
        const links = page.locator('main [data-definition]');
        const measures = await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-definition') ?? ''));
        const charts = await page.locator('main section.card[data-chart]').count();
        // Pages of registry rows (umkm-detail) show no measure; every other page has its links.
        if (name === 'umkm-detail') expect(measures).toEqual([]);
        else expect(measures.length).toBeGreaterThan(0);
        expect(measures.length).toBeLessThanOrEqual(charts);
        for (const [k, measure] of measures.entries()) {
          const measureDoc = MEASURES.find((m) => m.id === measure);
          expect(measureDoc, measure).toBeDefined();
          await page.locator('main [data-definition]').nth(k).click();
          await page.waitForURL(`**/metodologi#${measure}`);
          await page.waitForSelector(`section#${measure}`);
          await page.waitForTimeout(100);
          const landing = await page.evaluate((id) => {
            const section = document.getElementById(id)!;
            const heading = section.querySelector('h2')!.getBoundingClientRect();
            const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
            return {
              title: section.querySelector('h2')!.textContent,
              top: Math.round(section.getBoundingClientRect().top),
              headingInView: heading.top >= 0 && heading.bottom <= window.innerHeight,
              atBottom,
            };
          }, measure);
          expect(landing.title, measure).toBe(measureDoc!.title.id);
          expect(landing.headingInView, measure).toBe(true);
          if (!landing.atBottom) expect(Math.abs(landing.top - 16), `${measure} at ${landing.top}px`).toBeLessThan(4);
          await page.goBack();
          await page.waitForSelector('main [data-definition]');
        }
        await page.close();
      },
    );
  });

  describe('language', () => {
    it('switches every label to English and keeps it on the next visit', async () => {
      const { page } = await open('/');
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('link', { name: 'Overview' }).count()).resolves.toBe(1);
      await expect(page.locator('h1').textContent()).resolves.toBe('Overview');
      const total = await page.locator('[data-kpi="total"] .kpi-value').textContent();
      expect(total).toMatch(/^Rp [\d.]+ [BMKT]$/);
      await page.reload();
      await settle(page);
      await expect(page.locator('h1').textContent()).resolves.toBe('Overview');
      await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Ringkasan');
      await page.close();
    });
  });

  describe('explorer', () => {
    it('loads with the network blocked except localhost and runs an example query', async () => {
      const page = await context.newPage();
      const watch = watchPage(page);
      const outside: string[] = [];
      await page.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        if (host === '127.0.0.1' || host === 'localhost' || route.request().url().startsWith('data:'))
          return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      await page.goto(`${server.url}/explorer`);
      await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
      const response = await runExplorerExample(page);
      expect(response).not.toContain('"errors"');
      expect(outside).toEqual([]);
      expect(watch.failed).toEqual([]);
      await page.close();
    });
  });
});
