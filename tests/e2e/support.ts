/// <reference lib="dom" />
/**
 * Shared by the browser end-to-end tests, the screenshots script and the dashboard benchmark: the
 * built dashboard, the real server on the demo data (PGlite), headless Chromium, and the API.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest } from '@jejaring/db';
import { loadDemo } from '@jejaring/db/demo';
import { loadServerConfig } from '@jejaring/server/config';
import { createLogger } from '@jejaring/server/logger';
import { type Running, startServer } from '@jejaring/server/start';
import { type DocumentNode, print } from 'graphql';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loginToken } from '../support/login.ts';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
export const DASHBOARD = path.join(ROOT, 'dashboard');
export const DIST = path.join(DASHBOARD, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

/** Builds the dashboard when dist/ is missing or older than its sources (dashboard/scripts/ensure-built.mjs). */
export function ensureDashboardBuilt(): void {
  execFileSync(process.execPath, [path.join(DASHBOARD, 'scripts/ensure-built.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * A PGlite directory with the demo data, reused between runs while the demo generator and the
 * migrations are unchanged (loading the demo takes a minute; the tests only read).
 */
function demoDirectory(): string {
  const hash = createHash('sha256');
  for (const dir of ['db/demo', 'db/migrations', 'db/reference']) {
    const full = path.join(ROOT, dir);
    if (!fs.existsSync(full)) continue;
    for (const file of fs.readdirSync(full, { recursive: true }).map(String).sort()) {
      const f = path.join(full, file);
      if (fs.statSync(f).isFile()) hash.update(file).update(fs.readFileSync(f));
    }
  }
  return path.join(os.tmpdir(), `jejaring-e2e-${hash.digest('hex').slice(0, 12)}`);
}

/** The demo accounts' password (README: demo credentials, for the synthetic demo data only). */
export const DEMO_PASSWORD = 'demo-jejaring-2026';

/**
 * A browser context signed in as a demo user (the session cookie set by a login request made
 * through the context, as the /masuk form would); `options` override the context's (1440×900).
 */
export async function signedInContext(
  browser: Browser,
  server: DemoServer,
  username: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  const response = await context.request.post(`${server.url}/graphql`, {
    headers: { 'content-type': 'application/json' },
    data: {
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: username, p: DEMO_PASSWORD },
    },
  });
  if (!response.ok()) throw new Error(`sign-in as ${username} failed: HTTP ${response.status()}`);
  return context;
}

export interface DemoServer {
  url: string;
  running: Running;
  /** Runs a query given as text or as a (generated) document, signed in as analyst.demo (transaction lists included). */
  gql<T>(source: string | DocumentNode, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

function demoConfig(dir: string) {
  return loadServerConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    PGLITE_DIR: dir,
    DEMO_DATA: 'auto',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    DASHBOARD_DIR: DIST,
    // A browser test clicks through every page faster than a person: no rate limit for loopback;
    // and the embedded database may take tens of seconds on a cold cascade (see settle below).
    RATE_LIMIT_EXEMPT: '127.0.0.1,::1,::ffff:127.0.0.1',
    REQUEST_TIMEOUT_MS: '180000',
  });
}

/**
 * The real server (startServer) on PGlite with the demo data, serving the built dashboard.
 * `writable`: on a copy of the cached demo directory, removed at stop, for a test that writes
 * (the cache stays the demo as generated).
 */
export async function startDemoServer(options: { writable?: boolean } = {}): Promise<DemoServer> {
  const cached = process.env.E2E_PGLITE_DIR ?? demoDirectory();
  const ready = path.join(cached, '.jejaring-demo-ready');
  if (fs.existsSync(cached) && !fs.existsSync(ready)) fs.rmSync(cached, { recursive: true, force: true });
  let dir = cached;
  if (options.writable) {
    if (!fs.existsSync(ready)) {
      // Load the demo into the cache first (the server does on an empty directory).
      const loader = await startServer(demoConfig(cached), createLogger('silent'));
      fs.writeFileSync(ready, new Date().toISOString());
      await loader.stop();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-e2e-writable-'));
    fs.cpSync(cached, dir, { recursive: true });
  }
  const config = demoConfig(dir);
  const running = await startServer(config, createLogger(config.logLevel));
  if (!options.writable) fs.writeFileSync(ready, new Date().toISOString());
  const url = running.url;
  let session: Promise<string> | undefined;
  return {
    url,
    running,
    async gql<T>(source: string | DocumentNode, variables: Record<string, unknown> = {}): Promise<T> {
      session ??= loginToken(url, 'analyst.demo', DEMO_PASSWORD);
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await session}` },
        body: JSON.stringify({ query: typeof source === 'string' ? source : print(source), variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data as T;
    },
    async stop() {
      await running.stop();
      if (options.writable) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Adds a second regency to a writable demo server: migrated, with the demo dataset drawn from
 * another seed and placed in that regency (db/demo/load.ts), so its figures differ from Kubu Raya's.
 */
export async function addDemoRegency(server: DemoServer, regency: string, seed = 2): Promise<void> {
  const { db } = server.running.database;
  await migrateToLatest(db, regency);
  await loadDemo(db, regency, { seed, scale: 1 });
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Console errors and failed requests of a page, collected from the moment it is opened. */
export function watchPage(page: Page): { errors: string[]; failed: string[] } {
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A navigation away cancels requests in flight: that is not a failure of the page.
    if (!reason.includes('ERR_ABORTED')) failed.push(`${request.method()} ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  return { errors, failed };
}

/** Waits until no skeleton is left and every chart has drawn. */
// Generous: the embedded database answers one query at a time, and the domino cascade of a page
// visited just before can hold it for tens of seconds on a busy machine.
export async function settle(page: Page, timeout = 150_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('main') !== null &&
      document.querySelectorAll('[data-state="loading"]').length === 0 &&
      document.querySelectorAll('main .card').length > 0,
    undefined,
    { timeout },
  );
  await page.waitForTimeout(150);
}

/** The pages of the dashboard, with an id from the demo data where a page needs one. */
export async function dashboardPages(server: DemoServer): Promise<Array<{ name: string; path: string }>> {
  const year = await latestYear(server);
  const data = await server.gql<{
    agencyScorecard: Array<{ agency: { id: string } }>;
    programOutcomes: Array<{ program: { id: string } }>;
    enterprises: {
      edges: Array<{ node: { id: string; products: { totalCount: number }; snapshots: { totalCount: number } } }>;
    };
  }>(
    `query Pages($filter: SpendFilter, $year: Int!) {
      agencyScorecard(filter: $filter) { agency { id } }
      programOutcomes(fiscalYear: $year) { program { id } }
      enterprises(first: 100, filter: { verifications: [VERIFIED] }) {
        edges { node { id products(first: 1) { totalCount } snapshots(first: 1) { totalCount } } }
      }
    }`,
    { filter: { fiscalYear: year }, year },
  );
  // A verified enterprise with products and monthly surveys, so its page shows every part.
  const entry =
    data.enterprises.edges.find((e) => e.node.products.totalCount > 0 && e.node.snapshots.totalCount > 1) ??
    data.enterprises.edges[0]!;
  return [
    { name: 'ringkasan', path: '/' },
    { name: 'skpd', path: '/skpd' },
    { name: 'skpd-detail', path: `/skpd/${encodeURIComponent(data.agencyScorecard[0]!.agency.id)}` },
    { name: 'efek-domino', path: '/efek-domino' },
    { name: 'program', path: '/program' },
    { name: 'program-detail', path: `/program/${encodeURIComponent(data.programOutcomes[0]!.program.id)}` },
    { name: 'program-cetak', path: '/program/cetak' },
    { name: 'umkm', path: '/umkm' },
    { name: 'umkm-detail', path: `/umkm/${encodeURIComponent(entry.node.id)}` },
    { name: 'metodologi', path: '/metodologi' },
  ];
}

export async function latestYear(server: DemoServer): Promise<number> {
  const about = await server.gql<{ about: { lastTransactionOn: string | null } }>('{ about { lastTransactionOn } }');
  return Number(about.about.lastTransactionOn?.slice(0, 4));
}

export const AXE_SOURCE = () => fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What a browser test file shares: the demo server, one browser and context, the pages and the latest year. */
export interface DashboardSession {
  server: DemoServer;
  browser: Browser;
  context: BrowserContext;
  pages: Array<{ name: string; path: string }>;
  year: number;
}

/**
 * Registers the file's beforeAll (build the dashboard if needed, start the demo server, launch
 * Chromium with a 1440×900 context accepting downloads) and afterAll; the fields are set once
 * beforeAll has run.
 */
export function useDashboardSession(): DashboardSession {
  const session = {} as DashboardSession;
  beforeAll(async () => {
    ensureDashboardBuilt();
    session.server = await startDemoServer();
    session.browser = await launchBrowser();
    session.context = await session.browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    session.pages = await dashboardPages(session.server);
    session.year = await latestYear(session.server);
  });
  afterAll(async () => {
    await session.context?.close();
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

/** The dashboard's pages by the names dashboardPages() gives them. */
export const PAGE_NAMES = [
  'ringkasan',
  'skpd',
  'skpd-detail',
  'efek-domino',
  'program',
  'program-detail',
  'program-cetak',
  'umkm',
  'umkm-detail',
  'metodologi',
] as const;

/** Runs the explorer's first example operation and waits for its response; returns the response text. */
export async function runExplorerExample(page: Page): Promise<string> {
  await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 30_000 });
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(
    () => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('"data"'),
    undefined,
    { timeout: 30_000 },
  );
  return (await page.locator('.graphiql-response').textContent()) ?? '';
}
