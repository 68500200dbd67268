/// <reference lib="dom" />
/**
 * Signing in and the admin page in real Chromium, on the demo data: a wrong password is refused,
 * admin.demo signs in through /masuk (the HttpOnly cookie is set, the header shows the role),
 * sees the accounts and creates an API key shown once (which then works against the API), revokes
 * it (refused from the next request), and signs out (back to PUBLIC: the admin page refuses).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settle, useDashboardSession, watchPage } from './support.ts';

const session = useDashboardSession();
const SHOTS = process.env.E2E_SHOTS_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-auth-shots-'));

async function me(key: string): Promise<{ status: number; role?: string }> {
  const response = await fetch(`${session.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
    body: JSON.stringify({ query: '{ me { role } }' }),
  });
  const body = (await response.json()) as { data?: { me: { role: string } } };
  return { status: response.status, role: body.data?.me.role };
}

describe('signing in and the admin page', () => {
  it('refuses a wrong password on /masuk and says so', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${session.server.url}/masuk`);
    await page.waitForSelector('[data-testid="login-form"]');
    await page.screenshot({ path: path.join(SHOTS, 'masuk.png') });
    await page.fill('input[name="username"]', 'admin.demo');
    await page.fill('input[name="password"]', 'bukan-kata-sandinya');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await expect
      .poll(() => page.locator('[role="alert"]').textContent(), { timeout: 30_000 })
      .toBe('Nama pengguna atau kata sandi salah.');
    expect((await context.cookies()).map((c) => c.name)).not.toContain('jejaring_session');
    await context.close();
  });

  it('signs admin.demo in, shows the admin page, creates and revokes an API key, and signs out', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${session.server.url}/masuk`);
    await page.fill('input[name="username"]', 'admin.demo');
    await page.fill('input[name="password"]', 'demo-jejaring-2026');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.waitForURL(`${session.server.url}/`);
    await expect.poll(() => page.locator('[data-testid="user-role"]').textContent(), { timeout: 60_000 }).toBe('Admin');
    const cookie = (await context.cookies()).find((c) => c.name === 'jejaring_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    await page.click('nav a[href^="/admin"]');
    await page.waitForSelector('[data-testid="admin-users"] tbody tr');
    await settle(page);
    const usernames = await page
      .locator('[data-testid="admin-users"] tbody tr td:first-child')
      .evaluateAll((tds) => tds.map((td) => td.textContent));
    expect(usernames).toEqual(['admin.demo', 'analyst.demo', 'dprd.demo', 'operator.demo', 'policymaker.demo']);

    await page.selectOption('[data-testid="create-key-form"] select', 'analyst.demo');
    const keyName = `e2e ${Date.now()}`;
    await page.fill('[data-testid="create-key-form"] input', keyName);
    await page.click('[data-testid="create-key-form"] button[type="submit"]');
    const key = (await page.locator('[data-testid="new-key"] code').textContent({ timeout: 30_000 })) ?? '';
    expect(key).toMatch(/^jjk_[A-Za-z0-9_-]{43}$/);
    expect(await me(key)).toEqual({ status: 200, role: 'ANALYST' });
    const row = page.locator('[data-testid="admin-keys"] tbody tr', { hasText: keyName }).first();
    await expect.poll(() => row.locator('td').nth(1).textContent(), { timeout: 30_000 }).toBe(`${key.slice(0, 10)}…`);
    await page.screenshot({ path: path.join(SHOTS, 'admin.png'), fullPage: true });
    await row.locator('button').click();
    await expect.poll(() => row.locator('td').last().textContent(), { timeout: 30_000 }).toMatch(/^Dicabut /);
    expect((await me(key)).status).toBe(401);

    await page.click('[data-testid="user-menu"] button');
    await page.waitForURL(`${session.server.url}/`);
    await expect
      .poll(() => page.locator('[data-testid="user-menu"] a').textContent(), { timeout: 60_000 })
      .toBe('Masuk');
    await page.goto(`${session.server.url}/admin`);
    await page.waitForSelector('[data-testid="admin-forbidden"]', { timeout: 60_000 });
    expect(watch.errors).toEqual([]);
    expect(watch.failed).toEqual([]);
    await context.close();
  });
});
