/// <reference lib="dom" />
/**
 * The Content-Security-Policy the server sends (docs/limits.md) in real Chromium: every page of
 * the dashboard and the GraphiQL explorer (its editor, web workers and an example query) work
 * under it, and the browser reports no violation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runExplorerExample, settle, useDashboardSession, watchPage } from './support.ts';

const session = useDashboardSession();

/** Collects the page's CSP violations (the `securitypolicyviolation` events) from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations ?? []);
}

describe('Content-Security-Policy', () => {
  it('is sent with the dashboard and the explorer', async () => {
    for (const path of ['/', '/explorer']) {
      const response = await fetch(`${session.server.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('lets every dashboard page render with no violation', async () => {
    const page = await session.context.newPage();
    const watch = watchPage(page);
    const violations = await watchViolations(page);
    for (const { path } of session.pages) {
      await page.goto(`${session.server.url}${path}`);
      await settle(page);
      expect(await violations(), path).toEqual([]);
    }
    expect(watch.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await page.close();
  });

  it('lets the explorer load its editor and workers and run a query with no violation', async () => {
    const page = await session.context.newPage();
    const watch = watchPage(page);
    const violations = await watchViolations(page);
    await page.goto(`${session.server.url}/explorer`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    const response = await runExplorerExample(page);
    expect(response).not.toContain('"errors"');
    expect(await violations()).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
