/// <reference lib="dom" />
/**
 * The dashboard's promises beyond rendering, in real headless Chromium against the real server on
 * the demo data: a chart's PNG download is a real picture of the chart; the UMKM & Koperasi
 * registry searches and pages exactly as the API does and opens an entry's detail; a failed request
 * shows the error with "Coba lagi" and retrying shows the data; the filter bar works from the
 * keyboard alone; no page overflows a 768 px tablet; the DPRD report prints to A4 stating its filters.
 * Only the error test intercepts a request (the app's own, to make it fail); everything else is real.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatRupiahFull, formatRupiahShort } from '../../dashboard/src/format/format.ts';
import { ProductCategory } from '../../dashboard/src/graphql/generated/enums.ts';
import {
  GetProgramOutcomesDocument,
  type GetProgramOutcomesQuery,
  GetRegistryEntryDocument,
  type GetRegistryEntryQuery,
  GetSpendSummaryDocument,
  type GetSpendSummaryQuery,
  GetSpendTrendDocument,
  type GetSpendTrendQuery,
  ListAgenciesDocument,
  type ListAgenciesQuery,
  ListCooperativesDocument,
  type ListCooperativesQuery,
  ListEnterprisesDocument,
  type ListEnterprisesQuery,
  ListGovernmentOrdersDocument,
  type ListGovernmentOrdersQuery,
} from '../../dashboard/src/graphql/generated/graphql.ts';
import { id as ID } from '../../dashboard/src/i18n/id.ts';
import { pdfText, readPng } from './files.ts';
import { type DemoServer, PAGE_NAMES, settle, useDashboardSession, watchPage } from './support.ts';

const PAGE_SIZE = 25; // the registry's page (useEnterprises / useCooperatives)
const A4_PRINTABLE = Math.floor(((210 - 2 * 12) / 25.4) * 96); // px: A4 less the @page margins of styles.css

/** Whitespace-free, for finding a phrase in text whose runs were split at font changes. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('the dashboard in Chromium: downloads, registry, errors, keyboard, tablet, print', () => {
  const session = useDashboardSession();
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let pages: Array<{ name: string; path: string }>;
  let year: number;
  beforeAll(() => {
    ({ server, browser, context, pages, year } = session);
  });

  async function open(pathname: string, on: BrowserContext = context) {
    const page = await on.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}${pathname}`);
    await settle(page);
    return { page, watch };
  }

  describe('PNG download', () => {
    /**
     * Decoded by the browser itself: the share of non-white pixels, the distinct colours, and how many
     * pixels of the local-share line's vermillion lie in the right quarter (the last months).
     */
    async function inkOf(page: Page, png: Buffer) {
      return page.evaluate(async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let ink = 0;
        let lateVermillion = 0;
        const colours = new Set<number>();
        for (let k = 0; k < data.length; k += 4) {
          const [r, g, b] = [data[k]!, data[k + 1]!, data[k + 2]!];
          if (r < 240 || g < 240 || b < 240) ink++;
          colours.add((r << 16) | (g << 8) | b);
          const x = (k / 4) % canvas.width;
          if (x > canvas.width * 0.75 && Math.abs(r - 0xd5) + Math.abs(g - 0x5e) + Math.abs(b - 0x00) < 40)
            lateVermillion++;
        }
        return { share: ink / (data.length / 4), colours: colours.size, lateVermillion };
      }, png.toString('base64'));
    }

    it.each([
      ['/', ['tren-bulanan', 'skpd-terbaik', 'skpd-terendah']],
      ['/umkm', ['indeks-pemulihan', 'efek-akses-pasar', 'kemajuan-pendataan']],
    ])('every chart on %s downloads as a real PNG of the chart, named after it', async (pathname, charts) => {
      const { page, watch } = await open(`${pathname}?tahun=${year}`);
      const buttons = page.locator('main [data-download="png"]');
      expect(await buttons.count()).toBe(charts.length);
      for (const chart of charts) {
        const card = page.locator(`[data-chart="${chart}"]`);
        const title = (await card.locator('h2').textContent()) ?? '';
        // The chart's own SVG (recharts draws each legend icon as a small svg.recharts-surface too).
        const box = await card.locator('.recharts-wrapper > svg.recharts-surface').boundingBox();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: `${ID['chart.downloadPng']}: ${title}`, exact: true }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`${chart}.png`);
        const file = fs.readFileSync(await download.path());
        const png = readPng(file);
        // Drawn at twice the chart's size, with the title above it.
        expect(png.width).toBeGreaterThan(300);
        expect(png.height).toBeGreaterThan(150);
        expect(png.width).toBe(2 * Math.round(box!.width));
        expect(png.height).toBeGreaterThanOrEqual(2 * Math.round(box!.height));
        const ink = await inkOf(page, file);
        expect(ink.share, `${chart}: ink`).toBeGreaterThan(0.02);
        expect(ink.colours, `${chart}: colours`).toBeGreaterThan(16);
        // The picture is the chart as finally drawn, not a frame of its entry animation: the local
        // share line runs on to December (line segments, not only the month dots).
        if (chart === 'tren-bulanan') expect(ink.lateVermillion, 'share line, last quarter').toBeGreaterThan(800);
      }
      expect(watch.errors).toEqual([]);
      expect(watch.failed).toEqual([]);
      await page.close();
    });
  });

  describe('the UMKM & Koperasi registry', () => {
    type Row = { id: string; name: string };
    type Connection = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: Row }>;
    };

    async function rowsOf(page: Page, chart: string): Promise<Row[]> {
      return page.locator(`[data-chart="${chart}"] tbody tr`).evaluateAll((trs) =>
        trs.map((tr) => {
          const a = tr.querySelector('a')!;
          return { id: decodeURIComponent(a.getAttribute('href')!.replace(/^\/umkm\//, '')), name: a.textContent! };
        }),
      );
    }

    const pagerText = (page: Page, chart: string) =>
      page.locator(`[data-chart="${chart}"] [data-testid="registry-total"]`).textContent();

    async function waitForPage(page: Page, chart: string, n: number) {
      await page.waitForFunction(
        ([c, text]) =>
          document.querySelector(`[data-chart="${c}"] [data-testid="registry-page"]`)?.textContent === text,
        [chart, ID['umkm.page'].replace('{n}', String(n))] as const,
        { timeout: 60_000 },
      );
      await settle(page);
    }

    it.each([
      { tab: ID['umkm.enterprises'], chart: 'register-umkm', field: 'enterprises', term: 'kopi' },
      { tab: ID['umkm.cooperatives'], chart: 'register-koperasi', field: 'cooperatives', term: 'tani' },
    ] as const)(
      '$tab: searching by name narrows the rows, and paging forward and back shows every API row once',
      async ({ tab, chart, field, term }) => {
        const list = async (variables: Record<string, unknown>): Promise<Connection> => {
          const source = field === 'enterprises' ? ListEnterprisesDocument : ListCooperativesDocument;
          const data = await server.gql<ListEnterprisesQuery & ListCooperativesQuery>(source, variables);
          return data[field] as unknown as Connection;
        };
        const { page, watch } = await open('/umkm');
        if (field === 'cooperatives') {
          await page.getByRole('tab', { name: tab }).click();
          await page.waitForSelector(`[data-chart="${chart}"] tbody tr`, { timeout: 60_000 });
          await settle(page);
        }
        const everything = await list({ first: PAGE_SIZE });
        expect(await pagerText(page, chart)).toBe(
          ID['umkm.total'].replace('{n}', formatNumber(everything.totalCount, 'id')),
        );
        expect((await rowsOf(page, chart)).map((r) => r.id)).toEqual(everything.edges.map((e) => e.node.id));

        // Search: the URL keeps it, the rows narrow to the API's for the same filter.
        const filter = { search: term };
        const all = await list({ filter, first: 500 });
        expect(all.totalCount).toBeGreaterThan(PAGE_SIZE); // more than a page, so paging is exercised
        expect(all.totalCount).toBeLessThan(everything.totalCount);
        expect(all.edges.length).toBe(all.totalCount);
        const search = page.locator(`[data-chart="${chart}"] input[type="search"]`);
        await search.fill(term);
        await search.press('Enter');
        await page.waitForURL(new RegExp(`cari=${term}`));
        await page.waitForFunction(
          ([c, text]) =>
            document.querySelector(`[data-chart="${c}"] [data-testid="registry-total"]`)?.textContent === text,
          [chart, ID['umkm.total'].replace('{n}', formatNumber(all.totalCount, 'id'))] as const,
          { timeout: 60_000 },
        );
        await settle(page);

        // Forward to the last page, comparing each page with the API's page after the same cursor.
        const seen: Row[][] = [];
        let after: string | null = null;
        for (let n = 1; ; n++) {
          const api: Connection = await list({ filter, first: PAGE_SIZE, after });
          const shown = await rowsOf(page, chart);
          expect(shown.map((r) => r.id)).toEqual(api.edges.map((e) => e.node.id));
          for (const r of shown) expect(r.name.toLowerCase()).toContain(term);
          seen.push(shown);
          const next = page.getByRole('button', { name: ID['umkm.nextPage'], exact: true });
          expect(await next.isDisabled()).toBe(!api.pageInfo.hasNextPage);
          if (!api.pageInfo.hasNextPage) break;
          after = api.pageInfo.endCursor;
          await next.click();
          await waitForPage(page, chart, n + 1);
        }
        expect(seen.length).toBe(Math.ceil(all.totalCount / PAGE_SIZE));
        // None lost, none repeated: the pages together are the API's whole list, in its order.
        const ids = seen.flat().map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(all.edges.map((e) => e.node.id));

        // Back across the page boundaries: each page shows again what it showed going forward.
        for (let n = seen.length - 1; n >= 1; n--) {
          await page.getByRole('button', { name: ID['umkm.previousPage'], exact: true }).click();
          await waitForPage(page, chart, n);
          expect(await rowsOf(page, chart)).toEqual(seen[n - 1]);
        }
        expect(await page.getByRole('button', { name: ID['umkm.previousPage'], exact: true }).isDisabled()).toBe(true);
        expect(watch.errors).toEqual([]);
        expect(watch.failed).toEqual([]);
        await page.close();
      },
    );

    it('a row opens its detail page with the products, government orders and survey snapshots of the API', async () => {
      // An enterprise with products, snapshots and government orders: the seller of large agency purchases.
      const sellers = await server.gql<ListGovernmentOrdersQuery>(ListGovernmentOrdersDocument, {
        filter: { buyerKinds: ['AGENCY'], sellerKinds: ['ENTERPRISE'], fiscalYear: year },
        first: 50,
      });
      type Entry = Extract<NonNullable<GetRegistryEntryQuery['node']>, { __typename: 'Enterprise' }>;
      let entry: Entry | null = null;
      for (const edge of sellers.transactions.edges) {
        const node = (await server.gql<GetRegistryEntryQuery>(GetRegistryEntryDocument, { id: edge.node.seller.id }))
          .node;
        if (node?.__typename === 'Enterprise' && node.products.totalCount > 0 && node.snapshots.totalCount > 1) {
          entry = node as Entry;
          break;
        }
      }
      expect(entry).not.toBeNull();
      const e = entry!;
      const orders = await server.gql<ListGovernmentOrdersQuery>(ListGovernmentOrdersDocument, {
        filter: { sellerIds: [e.id], buyerKinds: ['AGENCY', 'NETWORK_UNIT'] },
        first: 20,
      });
      expect(orders.transactions.edges.length).toBeGreaterThan(0);

      const { page, watch } = await open('/umkm');
      const search = page.locator('[data-chart="register-umkm"] input[type="search"]');
      await search.fill(e.name);
      await search.press('Enter');
      const link = page.locator(`[data-chart="register-umkm"] tbody a[href="/umkm/${encodeURIComponent(e.id)}"]`);
      await link.waitFor({ timeout: 60_000 });
      await link.click();
      await page.waitForURL(`**/umkm/${encodeURIComponent(e.id)}`);
      await settle(page);
      await page.waitForSelector('[data-chart="pesanan-pemerintah"] tbody tr', { timeout: 60_000 });

      expect(await page.locator('h1').textContent()).toBe(e.name);
      // Products: the API's, in its order, with the API's prices.
      const products = await page
        .locator('[data-chart="produk"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
      expect(products.map((p) => p[0])).toEqual(e.products.edges.map((x) => x.node.name));
      expect(products.map((p) => p[3])).toEqual(e.products.edges.map((x) => formatRupiahFull(x.node.unitPrice, 'id')));
      // Government orders: the API's largest first, same amounts.
      const amounts = await page
        .locator('[data-chart="pesanan-pemerintah"] tbody tr td:last-child')
        .evaluateAll((tds) => tds.map((td) => td.textContent));
      expect(amounts).toEqual(orders.transactions.edges.map((x) => formatRupiahFull(x.node.amount, 'id')));
      // Snapshots: one point of the revenue line per survey.
      const line = await page
        .locator('[data-chart="survei-berkala"] svg.recharts-surface path.recharts-line-curve')
        .getAttribute('d');
      expect(line?.match(/[ML]/g)?.length).toBe(e.snapshots.edges.filter((s) => s.node.revenue !== null).length);
      expect(watch.errors).toEqual([]);
      expect(watch.failed).toEqual([]);
      await page.close();
    });
  });

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

  describe('print', () => {
    it('the Program report prints to A4 stating its filters, with the nav and controls hidden', async () => {
      const agencies = await server.gql<ListAgenciesQuery>(ListAgenciesDocument, { first: 200 });
      const outcomes = async (agencyId: string | null) =>
        (
          await server.gql<GetProgramOutcomesQuery>(GetProgramOutcomesDocument, {
            fiscalYear: year - 1,
            agencyId,
          })
        ).programOutcomes;
      // An agency with a few programs, in the year before the latest (not the default year).
      let chosen: ListAgenciesQuery['agencies']['edges'][number]['node'] | undefined;
      for (const { node } of agencies.agencies.edges) {
        const n = (await outcomes(node.id)).length;
        if (n >= 3 && n <= 12) {
          chosen = node;
          break;
        }
      }
      if (!chosen) throw new Error('no agency with 3 to 12 programs in the demo data');
      const rows = await outcomes(chosen.id);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      const { page, watch } = await open(
        `/program/cetak?tahun=${year - 1}&skpd=${encodeURIComponent(chosen.id)}&kategori=SNACKS&jejaring=1`,
      );
      await page.waitForFunction(
        (name) => document.querySelector('[data-testid="report-filters"]')?.textContent?.includes(name),
        chosen.shortName ?? chosen.name,
        { timeout: 30_000 },
      );

      await page.emulateMedia({ media: 'print' });
      const visible = (selector: string) => page.locator(selector).first().isVisible();
      // What the paper shows…
      for (const selector of [
        '.report-header h1',
        '[data-testid="report-filters"]',
        '[data-chart="laporan-program"] svg.recharts-surface',
        '[data-chart="tabel-program"] table',
        '.report-footer',
        '[data-testid="demo-banner"]',
      ])
        expect(await visible(selector), selector).toBe(true);
      // …and what it leaves out: navigation, the language switch, the toolbar, downloads.
      for (const selector of ['.app-header', 'nav', '.lang-switch', '.report-toolbar', '.card-actions', '.skip-link'])
        expect(await visible(selector), selector).toBe(false);

      const pdf = pdfText(await page.pdf({ format: 'A4' }));
      expect(pdf.pages.length).toBeGreaterThanOrEqual(1);
      for (const box of pdf.mediaBoxes) {
        expect(box[2]).toBeCloseTo(595.92, 0); // 210 mm
        expect(box[3]).toBeCloseTo(842.88, 0); // 297 mm
      }
      const text = pdf.pages.join('\n');
      const all = squash(text);
      // The filters it was made with: the fiscal year and the agency (programs have no category filter).
      const stated = `Filter: ${ID['filter.fiscalYear']} ${year - 1} · ${ID['filter.agencies']}: ${chosen.shortName ?? chosen.name}`;
      expect(all).toContain(squash(stated));
      expect(all).toContain(squash(ID['program.reportTitle'].replace('{year}', String(year - 1))));
      expect(all).not.toContain(squash(ID['cat.SNACKS']));
      // No screen chrome on paper.
      for (const chrome of [ID['nav.explorer'], ID['program.back'], 'English', ID['app.skip']])
        expect(all).not.toContain(squash(chrome));
      // Every column fits on the page, and every program of the API is there with its numbers.
      for (const header of [
        ID['program.code'],
        ID['program.budget'],
        ID['program.realized'],
        ID['program.share'],
        ID['program.target'],
        ID['program.reached'],
        ID['program.assisted'],
        ID['program.status'],
      ])
        expect(all, header).toContain(squash(header));
      for (const r of rows) {
        const line = [
          r.program.code,
          r.program.name,
          r.program.agency.shortName ?? r.program.agency.name,
          formatRupiahShort(r.budget, 'id'),
          formatRupiahShort(r.realized, 'id'),
          formatPercent(r.realizationRate, 'id'),
          formatPercent(r.localUmkmShare, 'id'),
          formatPercent(r.target, 'id', 0),
          formatNumber(r.umkmReached, 'id'),
          formatNumber(r.enterprisesAssisted, 'id'),
        ].join('');
        // The status follows, after its mark (✓, !, ·, ○).
        const literal = (t: string) => squash(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(all, r.program.name).toMatch(new RegExp(`${literal(line)}.?${literal(ID[`status.${r.status}`])}`));
      }
      // The chart fits the page too: every program of the chart has its label on the first page.
      for (const r of rows.slice(0, 12))
        expect(squash(pdf.pages[0]!), r.program.code).toContain(squash(r.program.code));

      // At the printable width of A4 with the report's @page margins (210 − 2 × 12 mm at 96 dpi) the
      // report fits, this one and the one of every agency: the printer neither cuts columns off nor
      // has to shrink the page.
      await page.setViewportSize({ width: A4_PRINTABLE, height: 1060 });
      for (const report of [page.url(), `${server.url}/program/cetak?tahun=${year - 1}`]) {
        if (report !== page.url()) await page.goto(report);
        await settle(page);
        const [scrollWidth, clientWidth] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.clientWidth,
        ]);
        expect(scrollWidth, `${report}: printed wider than A4`).toBeLessThanOrEqual(clientWidth!);
      }

      // The filter bar of the other pages is not printed either.
      await page.goto(`${server.url}/program?tahun=${year - 1}`);
      await settle(page);
      expect(await page.locator('.filter-bar').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      expect(await page.locator('.filter-bar').isVisible()).toBe(true);
      expect(watch.errors).toEqual([]);
      expect(watch.failed).toEqual([]);
      await page.close();
    });
  });
});
