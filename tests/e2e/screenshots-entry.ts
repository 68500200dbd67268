/// <reference lib="dom" />
/**
 * Screenshots of data entry for docs/screenshots/ (called by screenshots.ts, on a writable copy of
 * the demo): the Pendataan page as an administrator in Indonesian and English and with the merge
 * dialog open, the upload page as an operator with the report of a dry run (a small bundle with
 * rejected rows and an unknown column; nothing is stored), and the two forms as an operator.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readImportSource, writeExport } from '@jejaring/db/import-jobs';
import type { Browser, Page } from 'playwright-core';
import { type DemoServer, SCREENSHOTS, settle, signedInContext, watchPage } from './support.ts';

/** A bundle whose dry run has something to report: 2 rows rejected, an unknown column. */
async function sampleBundle(dir: string): Promise<string> {
  const files = path.join(dir, 'bundel-contoh');
  fs.mkdirSync(files, { recursive: true });
  fs.writeFileSync(
    path.join(files, 'parties.csv'),
    [
      'ref,kind,name,region_code,nib,capital,catatan',
      'CONTOH-1,ENTERPRISE,Amplang Ikan Tenggiri Bu Yati,61.12.02.2001,9120000777001,35000000,',
      'CONTOH-2,ENTERPRISE,Anyaman Purun Teluk Pakedai,61.12.05.2003,12345,20000000,NIB salah ketik',
      'CONTOH-3,ENTERPRISE,Madu Kelulut Rasau Jaya,61.12.07.2002,9120000777003,15000000,',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(files, 'transactions.csv'),
    [
      'ref,buyer_ref,seller_ref,category,amount,occurred_on',
      'CONTOH-TX-1,AGENCY-DISKOPUKMDAG,CONTOH-1,SNACKS,12500000,2025-08-04',
      'CONTOH-TX-2,AGENCY-DISKOPUKMDAG,CONTOH-3,FOOD_STAPLES,7800000,2025-08-11',
      'CONTOH-TX-3,AGENCY-DISKOPUKMDAG,CONTOH-1,SNACKS,Rp4.500.000,2025-08-18',
    ].join('\n'),
  );
  const zip = path.join(dir, 'bundel-contoh.zip');
  await writeExport(zip, (await readImportSource(files)).files);
  return zip;
}

async function shoot(page: Page, name: string, watch: ReturnType<typeof watchPage>, fullPage = true) {
  // No focus ring on the picture (a dialog keeps its focus: the focused field is part of it).
  if (!(await page.locator('[role="dialog"]').count())) {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  const problems = [...watch.errors, ...watch.failed];
  process.stdout.write(
    `${path.relative(process.cwd(), file)}${problems.length ? `  ⚠ ${problems.join(' | ')}` : ''}\n`,
  );
}

export async function entryScreenshots(server: DemoServer, browser: Browser): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-shots-entry-'));
  // Dates in inputs follow the browser's locale: Indonesian pictures with id-ID, English with en-GB.
  const options = (lang: string) => ({ reducedMotion: 'reduce' as const, locale: lang === 'id' ? 'id-ID' : 'en-GB' });
  const contexts = {
    id: await signedInContext(browser, server, 'admin.demo', options('id')),
    en: await signedInContext(browser, server, 'admin.demo', options('en')),
  };
  try {
    for (const lang of ['id', 'en'] as const) {
      const page = await contexts[lang].newPage();
      const watch = watchPage(page);
      await page.goto(`${server.url}/pendataan?lang=${lang}`);
      await page.waitForSelector('[data-testid="collection-progress"]', { timeout: 150_000 });
      await settle(page);
      await shoot(page, lang === 'id' ? 'pendataan-1440' : 'pendataan-en-1440', watch);
      if (lang === 'id') {
        await page.locator('[data-testid="duplicates"] button').first().click();
        await page.waitForSelector('[role="dialog"]');
        await shoot(page, 'pendataan-gabung-1440', watch, false);
        await page.keyboard.press('Escape');
        await page.setViewportSize({ width: 768, height: 1024 });
        await settle(page);
        await shoot(page, 'pendataan-768', watch);
      }
      await page.close();
    }
    const zip = await sampleBundle(tmp);
    // As an operator: the page says what an operator's import is confined to.
    for (const lang of ['id', 'en'] as const) {
      const context = await signedInContext(browser, server, 'operator.demo', options(lang));
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(`${server.url}/pendataan/unggah?lang=${lang}`);
      await page.setInputFiles('input[type="file"]', zip);
      await page.click('[data-testid="upload-form"] button[type="submit"]');
      await page.waitForSelector('[data-testid="import-checked"]', { timeout: 150_000 });
      await shoot(page, lang === 'id' ? 'unggah-1440' : 'unggah-en-1440', watch);
      await context.close();
    }
  } finally {
    await contexts.id.close();
    await contexts.en.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const operator = await signedInContext(browser, server, 'operator.demo', options('id'));
  try {
    const page = await operator.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}/pendataan/usaha/baru`);
    await page.waitForSelector('.entry-form');
    await page.fill('#field-name', 'Keripik Pisang Ibu Sari');
    await page.fill('#field-nib', '912000012');
    await page.fill('#field-capital', 'Rp6.000.000.000');
    await page.selectOption('#field-sizeClass', 'SMALL');
    await page.click('.entry-form button[type="submit"]');
    await shoot(page, 'usaha-baru-1440', watch);
    await page.goto(`${server.url}/pendataan/belanja/baru`);
    await page.waitForSelector('.entry-form');
    await page.fill('#field-sellerId', 'Keripik');
    await page.waitForSelector('.seller-results li', { timeout: 60_000 });
    await page.locator('.seller-results li button').first().click();
    await page.fill('#field-amount', 'Rp1.500.000');
    await page.selectOption('#field-category', 'SNACKS');
    await shoot(page, 'belanja-baru-1440', watch);
    await page.close();
  } finally {
    await operator.close();
  }
}
