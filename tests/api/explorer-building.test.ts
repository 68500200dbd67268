import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * `pnpm start` builds the API explorer's page after the dashboard, while the server already
 * answers (server/scripts/start.mjs): /explorer must say so until the page is there, then serve it.
 */
describe('/explorer while its page is being built', () => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>dashboard shell</title>');
    server = await startTestServer({ env: { DASHBOARD_DIR: dist } });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('answers 503, to retry in 5 s, with a page in Indonesian and English that reloads itself', async () => {
    const response = await fetch(`${server.url}/explorer`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await response.text();
    expect(page).toContain('<meta http-equiv="refresh" content="5">');
    expect(page).toContain('Explorer API sedang disiapkan');
    expect(page).toContain('The API explorer is being built');
    expect(page).not.toContain('<script');
  });

  it('serves the dashboard meanwhile', async () => {
    const response = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('dashboard shell');
  });

  it('serves the explorer once its page is built, without a restart', async () => {
    fs.writeFileSync(path.join(dist, 'explorer.html'), '<!doctype html><title>explorer page</title>');
    const response = await fetch(`${server.url}/explorer`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('explorer page');
  });
});
