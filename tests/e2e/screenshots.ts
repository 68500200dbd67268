/// <reference lib="dom" />
/**
 * Screenshots of every dashboard page at 1440×900 (desktop) and 768×1024 (tablet) into
 * docs/screenshots/, on the demo data, and of data entry (screenshots-entry.ts). Run:
 * `pnpm screenshots` (tsx; builds the dashboard when stale); `pnpm screenshots pendataan` for the
 * data-entry pictures alone, `pnpm screenshots wilayah` for the regency switcher and province page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { entryScreenshots } from './screenshots-entry.ts';
import { regencyScreenshots } from './screenshots-regency.ts';
import {
  type DemoServer,
  dashboardPages,
  ensureDashboardBuilt,
  latestYear,
  launchBrowser,
  runExplorerExample,
  SCREENSHOTS,
  settle,
  startDemoServer,
  watchPage,
} from './support.ts';

const VIEWPORTS = [
  { suffix: '1440', width: 1440, height: 900 },
  { suffix: '768', width: 768, height: 1024 },
];

/** The DPRD report as printed, the English overview and Metodologi pages, and the explorer. */
async function fixedPictures(server: DemoServer, browser: Browser, year: number) {
  // The DPRD report as printed: print stylesheet, the printable width of A4 (210 mm less the 12 mm
  // @page margins each side, at 96 dpi), and the PDF itself.
  {
    const context = await browser.newContext({ viewport: { width: 703, height: 1060 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}/program/cetak?tahun=${year}`);
    await settle(page);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'program-cetak-a4.png'), fullPage: true });
    await page.pdf({ path: path.join(SCREENSHOTS, 'program-cetak-a4.pdf'), format: 'A4', printBackground: false });
    await context.close();
  }
  // The English overview, to show the language switch.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${server.url}/?lang=en&tahun=${year}`);
  await settle(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'overview-en-1440.png'), fullPage: true });
  // The Metodologi page in English (the Indonesian one is metodologi-1440.png), opened at a measure.
  await page.goto(`${server.url}/metodologi?lang=en#agencyScorecard`);
  await settle(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'metodologi-en-1440.png') });
  // The explorer after running its first example operation (offline: everything is bundled).
  await page.goto(`${server.url}/explorer`);
  await runExplorerExample(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer.png') });
  await context.close();
}

async function main() {
  ensureDashboardBuilt();
  // A writable copy of the demo: the data-entry pictures run a dry run (an import job is stored).
  const server = await startDemoServer({ writable: true });
  const browser = await launchBrowser();
  const only = process.argv.slice(2);
  // `pendataan`, `wilayah`: those pictures alone.
  const groupsOnly = only.length > 0 && only.every((o) => o === 'pendataan' || o === 'wilayah');
  try {
    const year = await latestYear(server);
    const pages = (await dashboardPages(server)).filter((p) => !only.length || only.includes(p.name));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const viewport of VIEWPORTS) {
      // Reduced motion: charts draw without their entry animation, so the picture is final.
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        reducedMotion: 'reduce',
      });
      for (const p of pages) {
        const page = await context.newPage();
        const watch = watchPage(page);
        const sep = p.path.includes('?') ? '&' : '?';
        await page.goto(`${server.url}${p.path}${p.path.startsWith('/umkm') ? '' : `${sep}tahun=${year}`}`);
        await settle(page);
        const file = path.join(SCREENSHOTS, `${p.name}-${viewport.suffix}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const problems = [...watch.errors, ...watch.failed];
        process.stdout.write(
          `${path.relative(process.cwd(), file)}${problems.length ? `  ⚠ ${problems.join(' | ')}` : ''}\n`,
        );
        await page.close();
      }
      await context.close();
    }
    if (!groupsOnly) await fixedPictures(server, browser, year);
    if (!only.length || only.includes('pendataan')) await entryScreenshots(server, browser);
    // Last: the regencies it adds would put the switcher into every other picture.
    if (!only.length || only.includes('wilayah')) await regencyScreenshots(server, browser, year);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
