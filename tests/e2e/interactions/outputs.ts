import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatRupiahShort } from '../../../dashboard/src/format/format.ts';
import {
  GetProgramOutcomesDocument,
  type GetProgramOutcomesQuery,
  ListAgenciesDocument,
  type ListAgenciesQuery,
} from '../../../dashboard/src/graphql/generated/graphql.ts';
import { id as ID } from '../../../dashboard/src/i18n/id.ts';
import { pdfText, readPng } from '../files.ts';
import { settle } from '../support.ts';
import { A4_PRINTABLE, open, server, squash, year } from './session.ts';

/* What leaves the browser: a chart as PNG, the DPRD report on A4 paper. */

/** A chart's PNG download is a real picture of the chart. */
export function pngDownload(): void {
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
}

/** The Program report prints to A4 stating its filters. */
export function print(): void {
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
}
