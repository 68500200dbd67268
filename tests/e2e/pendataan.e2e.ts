/// <reference lib="dom" />
/**
 * Data entry end to end, in Chromium, on a writable copy of the demo data: operator.demo (Dinas
 * Koperasi, UKM dan Perdagangan) reads its agency's local UMKM share for 2025 on the dashboard,
 * registers an enterprise, records a purchase from it, uploads a small CSV bundle (a zip) on the
 * upload page, reads the dry run's report and saves it (an operator's import is confined to its
 * agency: docs/imports.md "Access"; this bundle stays inside it), then, back on the dashboard
 * without reloading, sees the agency's share move to the value computed by hand from the amounts
 * entered. The Pendataan page lists the two new drafts.
 *
 * Amounts (all in 2025, bought by the agency itself):
 *   the purchase recorded in the form        Rp150,000,000 from the new local micro enterprise
 *   the bundle's purchase from a local UMKM   Rp50,000,000
 *   the bundle's purchase from a Jakarta firm Rp100,000,000 (not local)
 *   the bundle's third row, amount "1.500.000": rejected (not whole rupiah digits)
 * so the agency's total grows by Rp300,000,000 and its spending at local UMKM by Rp200,000,000.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readImportSource, writeExport } from '@jejaring/db/import-jobs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent } from '../../dashboard/src/format/format.ts';
import {
  AXE_SOURCE,
  type DemoServer,
  ensureDashboardBuilt,
  launchBrowser,
  settle,
  signedInContext,
  startDemoServer,
  watchPage,
} from './support.ts';

const AGENCY_REF = 'AGENCY-DISKOPUKMDAG';
const FORM_PURCHASE = 150_000_000;
const BUNDLE_LOCAL = 50_000_000;
const BUNDLE_OUTSIDE = 100_000_000;
const NAME = 'Kerupuk Ikan Uji Jejaring';

let server: DemoServer;
let browser: Browser;
let operator: BrowserContext;
let tmp: string;
let agencyId = '';

interface Summary {
  total: number;
  toLocalUmkm: number;
  localUmkmShare: number;
}

async function summary(): Promise<Summary> {
  const data = await server.gql<{ spendSummary: Summary }>(
    'query($f: SpendFilter) { spendSummary(filter: $f) { total toLocalUmkm localUmkmShare } }',
    { f: { fiscalYear: 2025, agencyIds: [agencyId] } },
  );
  return data.spendSummary;
}

/** The bundle: a folder of CSV files written into one zip by the project's own export writer. */
async function writeBundle(): Promise<string> {
  const dir = path.join(tmp, 'bundle');
  fs.mkdirSync(dir);
  fs.writeFileSync(
    path.join(dir, 'parties.csv'),
    [
      'ref,kind,name,region_code,capital,registered_on',
      'E2E-UMKM-1,ENTERPRISE,Dodol Nanas Uji Jejaring,61.12.02.2001,40000000,2025-02-03',
      'E2E-VENDOR-1,VENDOR,PT Pemasok Ibu Kota,31.71,,',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'transactions.csv'),
    [
      'ref,buyer_ref,seller_ref,category,amount,occurred_on',
      `E2E-TX-1,${AGENCY_REF},E2E-UMKM-1,SNACKS,${BUNDLE_LOCAL},2025-07-01`,
      `E2E-TX-2,${AGENCY_REF},E2E-VENDOR-1,PRINTING_STATIONERY,${BUNDLE_OUTSIDE},2025-07-02`,
      `E2E-TX-3,${AGENCY_REF},E2E-UMKM-1,SNACKS,1.500.000,2025-07-03`,
    ].join('\n'),
  );
  const zip = path.join(tmp, 'bundel-uji.zip');
  await writeExport(zip, (await readImportSource(dir)).files);
  return zip;
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE());
  return page.evaluate(async () => {
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
}

/** The agency's KPI card on the overview: the raw figures and the share as shown. */
async function kpi(page: Page) {
  await settle(page);
  const card = page.locator('[data-kpi="toLocalUmkm"]');
  return {
    total: Number(await page.locator('[data-kpi="total"]').getAttribute('data-value')),
    toLocalUmkm: Number(await card.getAttribute('data-value')),
    detail: (await card.locator('.kpi-detail').textContent()) ?? '',
  };
}

beforeAll(async () => {
  ensureDashboardBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-e2e-pendataan-'));
  server = await startDemoServer({ writable: true });
  browser = await launchBrowser();
  operator = await signedInContext(browser, server, 'operator.demo');
  const agency = await server.gql<{ agencies: { nodes: Array<{ id: string }> } }>(
    '{ agencies(filter: { search: "Diskopukmdag" }) { nodes { id } } }',
  );
  agencyId = agency.agencies.nodes[0]!.id;
});
afterAll(async () => {
  await operator?.close();
  await browser?.close();
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('data entry, from the forms and an upload to the dashboard', () => {
  it("moves the agency's local UMKM share to the hand-computed value", async () => {
    const page = await operator.newPage();
    const watch = watchPage(page);
    const dashboard = `/?tahun=2025&skpd=${encodeURIComponent(agencyId)}`;

    // Before: the API's figures, and the same on the dashboard.
    const before = await summary();
    await page.goto(`${server.url}${dashboard}`);
    const shown = await kpi(page);
    expect([shown.total, shown.toLocalUmkm]).toEqual([before.total, before.toLocalUmkm]);
    expect(shown.detail).toContain(formatPercent(before.localUmkmShare, 'id'));

    // The operator registers an enterprise (a draft of its agency)…
    await page.click('nav a[href^="/pendataan"]');
    await page.waitForSelector('[data-testid="drafts"]', { timeout: 60_000 });
    await page.click('.entry-nav a[href="/pendataan/usaha/baru"]');
    await page.fill('#field-name', NAME);
    await page.fill('#field-regionCode', '61.12.01.2003');
    await page.fill('#field-capital', 'Rp50.000.000');
    await page.click('.entry-form button[type="submit"]');
    await page.waitForSelector(`text=${NAME} terdaftar sebagai draf.`, { timeout: 60_000 });

    // …and records a purchase from it for its agency.
    await page.click('.entry-nav a[href="/pendataan/belanja/baru"]');
    await page.fill('#field-sellerId', 'Uji Jejaring');
    await page.locator('.seller-results li', { hasText: NAME }).getByRole('button').click({ timeout: 60_000 });
    await page.fill('#field-amount', 'Rp150.000.000');
    await page.fill('#field-occurredOn', '2025-06-15');
    await page.selectOption('#field-category', 'SNACKS');
    await page.click('.entry-form button[type="submit"]');
    await page.waitForSelector('text=Belanja Rp150.000.000 tercatat.', { timeout: 60_000 });

    // …and uploads the bundle: upload, dry run, report, save.
    await page.click('.entry-nav a[href="/pendataan/unggah"]');
    await page.setInputFiles('input[type="file"]', await writeBundle());
    await page.click('[data-testid="upload-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="import-checked"]', { timeout: 120_000 });
    // parties.csv: 2 new; transactions.csv: 2 new, 1 rejected.
    expect(await page.locator('[data-testid="import-summary"]').textContent()).toBe(
      '4 baris diterima, 1 ditolak, dari 5 baris.',
    );
    const rejection = page.locator('[data-testid="import-report"] table').nth(1).locator('tbody tr');
    expect(await rejection.locator('td').allTextContents()).toEqual([
      'transactions.csv',
      '4',
      'amount',
      expect.stringContaining('1.500.000'),
    ]);
    expect((await summary()).total).toBe(before.total + FORM_PURCHASE); // a dry run stores nothing
    await page.click('[data-testid="import-commit"]');
    await page.waitForSelector('[data-testid="import-committed"]', { timeout: 120_000 });

    // The API's figures moved by exactly what was entered.
    const after = await summary();
    expect(after.total).toBe(before.total + FORM_PURCHASE + BUNDLE_LOCAL + BUNDLE_OUTSIDE);
    expect(after.toLocalUmkm).toBe(before.toLocalUmkm + FORM_PURCHASE + BUNDLE_LOCAL);
    const expectedShare = (before.toLocalUmkm + 200_000_000) / (before.total + 300_000_000);
    expect(after.localUmkmShare).toBeCloseTo(expectedShare, 12);

    // Back on the dashboard without reloading (answers cached before the writes are asked again),
    // the new share.
    await page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new Event('jejaring:navigate'));
    }, dashboard);
    const now = await kpi(page);
    expect([now.total, now.toLocalUmkm]).toEqual([after.total, after.toLocalUmkm]);
    expect(now.detail).toContain(formatPercent(expectedShare, 'id'));
    expect(formatPercent(expectedShare, 'id')).not.toBe(formatPercent(before.localUmkmShare, 'id'));

    // The Pendataan page lists the agency's drafts newest first: the enterprise the import created
    // (an operator's import registers it with the agency), then the one registered in the form.
    await page.click('nav a[href^="/pendataan"]');
    const names = page.locator('[data-testid="drafts"] tbody tr td:first-child');
    await names.first().waitFor({ timeout: 60_000 });
    expect((await names.allTextContents()).slice(0, 2)).toEqual(['Dodol Nanas Uji Jejaring', NAME]);

    expect([...watch.errors, ...watch.failed]).toEqual([]);
    await page.close();
  });

  it('has no serious or critical accessibility violation on the Pendataan and upload pages, dialogs open (axe-core)', async () => {
    const admin = await signedInContext(browser, server, 'admin.demo');
    const page = await admin.newPage();
    await page.goto(`${server.url}/pendataan`);
    await page.waitForSelector('[data-testid="collection-progress"]', { timeout: 150_000 });
    await settle(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-testid="duplicates"] button').first().click();
    await page.waitForSelector('[role="dialog"]');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="drafts"] button', { hasText: 'Tolak' }).first().click();
    await page.waitForSelector('[role="dialog"]');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/pendataan/unggah`);
    await page.waitForSelector('[data-testid="upload-form"]');
    expect(await seriousViolations(page)).toEqual([]);
    await admin.close();
  });
});
