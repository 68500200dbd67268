/// <reference lib="dom" />
/**
 * Screenshots of several regencies for docs/screenshots/ (called last by screenshots.ts, on its
 * writable copy of the demo; `pnpm screenshots wilayah` makes these alone): Kota Pontianak (61.71)
 * and Kota Singkawang (61.72) are added (the demo drawn from other seeds, placed there), then the
 * header's switcher after switching to Pontianak, and the province page in both languages and at
 * 768 px.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { addDemoRegency, type DemoServer, SCREENSHOTS, settle, watchPage } from './support.ts';

export async function regencyScreenshots(server: DemoServer, browser: Browser, year: number): Promise<void> {
  await addDemoRegency(server, '61.71', 2);
  await addDemoRegency(server, '61.72', 3);
  const shots: Array<{ file: string; path: string; width: number; height: number; fullPage: boolean }> = [
    // The switcher in the header, after switching the overview to Pontianak (the year stays).
    { file: 'wilayah-1440.png', path: `/?tahun=${year}&wilayah=61.71`, width: 1440, height: 900, fullPage: false },
    {
      file: 'provinsi-1440.png',
      path: `/provinsi?tahun=${year}&wilayah=61.71`,
      width: 1440,
      height: 900,
      fullPage: true,
    },
    {
      file: 'provinsi-en-1440.png',
      path: `/provinsi?tahun=${year}&wilayah=61.12&lang=en`,
      width: 1440,
      height: 900,
      fullPage: true,
    },
    {
      file: 'provinsi-768.png',
      path: `/provinsi?tahun=${year}&wilayah=61.72`,
      width: 768,
      height: 1024,
      fullPage: true,
    },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}${shot.path}`);
    await settle(page);
    if (shot.file.startsWith('wilayah')) await page.getByTestId('regency-switch').focus();
    const file = path.join(SCREENSHOTS, shot.file);
    await page.screenshot({ path: file, fullPage: shot.fullPage });
    const problems = [...watch.errors, ...watch.failed];
    process.stdout.write(
      `${path.relative(process.cwd(), file)}${problems.length ? `  ⚠ ${problems.join(' | ')}` : ''}\n`,
    );
    await context.close();
  }
}
