/// <reference lib="dom" />
/**
 * `pnpm bench:dashboard`: the dashboard in headless Chromium against the real server on the demo
 * data. Measures (1) the JavaScript the first route (Ringkasan) loads before its charts are drawn,
 * gzip-compressed (level 9), and (2) the time from navigation to the first chart painted, median of
 * 10 cold loads (a new browser context each time). Prints a table; writes bench-results/dashboard.json.
 * Targets: ≤ 300 KB gzip initial JS, ≤ 1.5 s to the first chart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureDashboardBuilt, launchBrowser, ROOT, startDemoServer } from '../e2e/support.ts';

const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const TARGET_KB = 300;
const TARGET_MS = 1500;

// In the page before any script: the moment the first chart has drawn its marks.
const FIRST_CHART = `
  window.__firstChart = null;
  new MutationObserver((_, observer) => {
    if (window.__firstChart === null && document.querySelector('svg.recharts-surface .recharts-bar-rectangle, svg.recharts-surface .recharts-line-curve')) {
      requestAnimationFrame(() => { window.__firstChart = performance.now(); });
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function main() {
  ensureDashboardBuilt();
  const server = await startDemoServer();
  const browser = await launchBrowser();
  try {
    const url = `${server.url}/`;
    // Warm the server's own caches once (PGlite pages, query plans): the benchmark is of the page.
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('svg.recharts-surface', { timeout: 60_000 });
      await page.waitForLoadState('networkidle', { timeout: 180_000 }).catch(() => {});
      await context.close();
    }

    const scripts = new Map<string, number>();
    const times: number[] = [];
    for (let k = 0; k < LOADS; k++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(FIRST_CHART);
      if (k === 0) {
        page.on('response', async (response) => {
          if (response.request().resourceType() !== 'script') return;
          try {
            scripts.set(new URL(response.url()).pathname, gzipSync(await response.body(), { level: 9 }).length);
          } catch {
            // a body that could not be read (navigation) is not counted
          }
        });
      }
      await page.goto(url);
      await page.waitForFunction(
        () => (window as unknown as { __firstChart: number | null }).__firstChart !== null,
        undefined,
        {
          timeout: 60_000,
        },
      );
      times.push(await page.evaluate(() => (window as unknown as { __firstChart: number }).__firstChart));
      // Let the page's remaining queries finish, so the next load starts with an idle server.
      await page.waitForLoadState('networkidle', { timeout: 180_000 }).catch(() => {});
      await context.close();
    }

    const initialBytes = [...scripts.values()].reduce((a, b) => a + b, 0);
    const result = {
      date: new Date().toISOString(),
      route: '/',
      loads: LOADS,
      initialJsGzipKB: Math.round((initialBytes / 1024) * 10) / 10,
      initialJsFiles: Object.fromEntries([...scripts.entries()].map(([p, b]) => [p, Math.round((b / 1024) * 10) / 10])),
      firstChartMs: {
        median: Math.round(median(times)),
        min: Math.round(Math.min(...times)),
        max: Math.round(Math.max(...times)),
        all: times.map((t) => Math.round(t)),
      },
      targets: { initialJsGzipKB: TARGET_KB, firstChartMs: TARGET_MS },
      pass: initialBytes / 1024 <= TARGET_KB && median(times) <= TARGET_MS,
    };
    const out = path.join(ROOT, 'bench-results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'dashboard.json'), `${JSON.stringify(result, null, 2)}\n`);

    const rows = [
      ['measure', 'value', 'target', ''],
      [
        'initial JS of / (gzip)',
        `${result.initialJsGzipKB} KB in ${scripts.size} files`,
        `≤ ${TARGET_KB} KB`,
        result.initialJsGzipKB <= TARGET_KB ? 'ok' : 'OVER',
      ],
      [
        `first chart painted (median of ${LOADS})`,
        `${result.firstChartMs.median} ms (min ${result.firstChartMs.min}, max ${result.firstChartMs.max})`,
        `≤ ${TARGET_MS} ms`,
        result.firstChartMs.median <= TARGET_MS ? 'ok' : 'OVER',
      ],
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const r of rows) process.stdout.write(`${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}\n`);
    process.stdout.write(`\nwritten: ${path.relative(process.cwd(), path.join(out, 'dashboard.json'))}\n`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
