import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatRupiahFull } from '../../../dashboard/src/format/format.ts';
import {
  GetRegistryEntryDocument,
  type GetRegistryEntryQuery,
  ListCooperativesDocument,
  type ListCooperativesQuery,
  ListEnterprisesDocument,
  type ListEnterprisesQuery,
  ListGovernmentOrdersDocument,
  type ListGovernmentOrdersQuery,
} from '../../../dashboard/src/graphql/generated/graphql.ts';
import { id as ID } from '../../../dashboard/src/i18n/id.ts';
import { settle, signedInContext } from '../support.ts';
import { browser, open, PAGE_SIZE, server, year } from './session.ts';

/* The UMKM & Koperasi registry: search and paging exactly as the API does, and the detail. */

/** The registry searches and pages as the API does and opens an entry's detail. */
export function registry(): void {
  describe('the UMKM & Koperasi registry', () => {
    type Row = { id: string; name: string };
    type Connection = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: Row }>;
    };

    async function rowsOf(page: Page, chart: string): Promise<Row[]> {
      return page.locator(`[data-chart="${chart}"] tbody tr`).evaluateAll((trs) =>
        trs.map((tr) => {
          const a = tr.querySelector('a')!;
          return { id: decodeURIComponent(a.getAttribute('href')!.replace(/^\/umkm\//, '')), name: a.textContent! };
        }),
      );
    }

    const pagerText = (page: Page, chart: string) =>
      page.locator(`[data-chart="${chart}"] [data-testid="registry-total"]`).textContent();

    async function waitForPage(page: Page, chart: string, n: number) {
      await page.waitForFunction(
        ([c, text]) =>
          document.querySelector(`[data-chart="${c}"] [data-testid="registry-page"]`)?.textContent === text,
        [chart, ID['umkm.page'].replace('{n}', String(n))] as const,
        { timeout: 60_000 },
      );
      await settle(page);
    }

    it.each([
      { tab: ID['umkm.enterprises'], chart: 'register-umkm', field: 'enterprises', term: 'kopi' },
      { tab: ID['umkm.cooperatives'], chart: 'register-koperasi', field: 'cooperatives', term: 'tani' },
    ] as const)(
      '$tab: searching by name narrows the rows, and paging forward and back shows every API row once',
      async ({ tab, chart, field, term }) => {
        const list = async (variables: Record<string, unknown>): Promise<Connection> => {
          const source = field === 'enterprises' ? ListEnterprisesDocument : ListCooperativesDocument;
          const data = await server.gql<ListEnterprisesQuery & ListCooperativesQuery>(source, variables);
          return data[field] as unknown as Connection;
        };
        const { page, watch } = await open('/umkm');
        if (field === 'cooperatives') {
          await page.getByRole('tab', { name: tab }).click();
          await page.waitForSelector(`[data-chart="${chart}"] tbody tr`, { timeout: 60_000 });
          await settle(page);
        }
        const everything = await list({ first: PAGE_SIZE });
        expect(await pagerText(page, chart)).toBe(
          ID['umkm.total'].replace('{n}', formatNumber(everything.totalCount, 'id')),
        );
        expect((await rowsOf(page, chart)).map((r) => r.id)).toEqual(everything.edges.map((e) => e.node.id));

        // Search: the URL keeps it, the rows narrow to the API's for the same filter.
        const filter = { search: term };
        const all = await list({ filter, first: 500 });
        expect(all.totalCount).toBeGreaterThan(PAGE_SIZE); // more than a page, so paging is exercised
        expect(all.totalCount).toBeLessThan(everything.totalCount);
        expect(all.edges.length).toBe(all.totalCount);
        const search = page.locator(`[data-chart="${chart}"] input[type="search"]`);
        await search.fill(term);
        await search.press('Enter');
        await page.waitForURL(new RegExp(`cari=${term}`));
        await page.waitForFunction(
          ([c, text]) =>
            document.querySelector(`[data-chart="${c}"] [data-testid="registry-total"]`)?.textContent === text,
          [chart, ID['umkm.total'].replace('{n}', formatNumber(all.totalCount, 'id'))] as const,
          { timeout: 60_000 },
        );
        await settle(page);

        // Forward to the last page, comparing each page with the API's page after the same cursor.
        const seen: Row[][] = [];
        let after: string | null = null;
        for (let n = 1; ; n++) {
          const api: Connection = await list({ filter, first: PAGE_SIZE, after });
          const shown = await rowsOf(page, chart);
          expect(shown.map((r) => r.id)).toEqual(api.edges.map((e) => e.node.id));
          for (const r of shown) expect(r.name.toLowerCase()).toContain(term);
          seen.push(shown);
          const next = page.getByRole('button', { name: ID['umkm.nextPage'], exact: true });
          expect(await next.isDisabled()).toBe(!api.pageInfo.hasNextPage);
          if (!api.pageInfo.hasNextPage) break;
          after = api.pageInfo.endCursor;
          await next.click();
          await waitForPage(page, chart, n + 1);
        }
        expect(seen.length).toBe(Math.ceil(all.totalCount / PAGE_SIZE));
        // None lost, none repeated: the pages together are the API's whole list, in its order.
        const ids = seen.flat().map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(all.edges.map((e) => e.node.id));

        // Back across the page boundaries: each page shows again what it showed going forward.
        for (let n = seen.length - 1; n >= 1; n--) {
          await page.getByRole('button', { name: ID['umkm.previousPage'], exact: true }).click();
          await waitForPage(page, chart, n);
          expect(await rowsOf(page, chart)).toEqual(seen[n - 1]);
        }
        expect(await page.getByRole('button', { name: ID['umkm.previousPage'], exact: true }).isDisabled()).toBe(true);
        expect(watch.errors).toEqual([]);
        expect(watch.failed).toEqual([]);
        await page.close();
      },
    );

    it('a row opens its detail page with the products, government orders and survey snapshots of the API', async () => {
      // An enterprise with products, snapshots and government orders: the seller of large agency purchases.
      const sellers = await server.gql<ListGovernmentOrdersQuery>(ListGovernmentOrdersDocument, {
        filter: { buyerKinds: ['AGENCY'], sellerKinds: ['ENTERPRISE'], fiscalYear: year },
        first: 50,
      });
      type Entry = Extract<NonNullable<GetRegistryEntryQuery['node']>, { __typename: 'Enterprise' }>;
      let entry: Entry | null = null;
      for (const edge of sellers.transactions.edges) {
        const node = (await server.gql<GetRegistryEntryQuery>(GetRegistryEntryDocument, { id: edge.node.seller.id }))
          .node;
        if (node?.__typename === 'Enterprise' && node.products.totalCount > 0 && node.snapshots.totalCount > 1) {
          entry = node as Entry;
          break;
        }
      }
      expect(entry).not.toBeNull();
      const e = entry!;
      const orders = await server.gql<ListGovernmentOrdersQuery>(ListGovernmentOrdersDocument, {
        filter: { sellerIds: [e.id], buyerKinds: ['AGENCY', 'NETWORK_UNIT'] },
        first: 20,
      });
      expect(orders.transactions.edges.length).toBeGreaterThan(0);

      // Government orders are a transaction list: for signed-in readers (an analyst here).
      const analyst = await signedInContext(browser, server, 'analyst.demo');
      const { page, watch } = await open('/umkm', analyst);
      const search = page.locator('[data-chart="register-umkm"] input[type="search"]');
      await search.fill(e.name);
      await search.press('Enter');
      const link = page.locator(`[data-chart="register-umkm"] tbody a[href="/umkm/${encodeURIComponent(e.id)}"]`);
      await link.waitFor({ timeout: 60_000 });
      await link.click();
      await page.waitForURL(`**/umkm/${encodeURIComponent(e.id)}`);
      await settle(page);
      await page.waitForSelector('[data-chart="pesanan-pemerintah"] tbody tr', { timeout: 60_000 });

      expect(await page.locator('h1').textContent()).toBe(e.name);
      // Products: the API's, in its order, with the API's prices.
      const products = await page
        .locator('[data-chart="produk"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
      expect(products.map((p) => p[0])).toEqual(e.products.edges.map((x) => x.node.name));
      expect(products.map((p) => p[3])).toEqual(e.products.edges.map((x) => formatRupiahFull(x.node.unitPrice, 'id')));
      // Government orders: the API's largest first, same amounts.
      const amounts = await page
        .locator('[data-chart="pesanan-pemerintah"] tbody tr td:last-child')
        .evaluateAll((tds) => tds.map((td) => td.textContent));
      expect(amounts).toEqual(orders.transactions.edges.map((x) => formatRupiahFull(x.node.amount, 'id')));
      // Snapshots: one point of the revenue line per survey.
      const line = await page
        .locator('[data-chart="survei-berkala"] svg.recharts-surface path.recharts-line-curve')
        .getAttribute('d');
      expect(line?.match(/[ML]/g)?.length).toBe(e.snapshots.edges.filter((s) => s.node.revenue !== null).length);
      expect(watch.errors).toEqual([]);
      expect(watch.failed).toEqual([]);
      await page.close();
      await analyst.close();
    });
  });
}
