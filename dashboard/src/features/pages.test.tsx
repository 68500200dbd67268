import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { type ComponentType, Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import * as fx from '../test/fixtures.ts';
import { type Answers, renderWithApi } from '../test/render.tsx';
import AgencyPage from './agencies/AgencyPage.tsx';
import ScorecardPage from './agencies/ScorecardPage.tsx';
import DominoPage from './domino/DominoPage.tsx';
import OverviewPage from './overview/OverviewPage.tsx';
import ProgramPage from './programs/ProgramPage.tsx';
import ProgramReportPage from './programs/ProgramReportPage.tsx';
import ProgramsPage from './programs/ProgramsPage.tsx';
import ProvincePage from './province/ProvincePage.tsx';
import RegistryEntryPage from './umkm/RegistryEntryPage.tsx';
import UmkmPage from './umkm/UmkmPage.tsx';

// biome-ignore lint/suspicious/noExplicitAny: pages take their route params
type Page = [string, ComponentType<any>, Record<string, string>, string];
const pages: Page[] = [
  ['Ringkasan', OverviewPage, {}, '/?tahun=2024'],
  ['SKPD', ScorecardPage, {}, '/skpd?tahun=2024'],
  ['SKPD page', AgencyPage, { id: 'QWdlbmN5OjE' }, '/skpd/QWdlbmN5OjE?tahun=2024'],
  ['Efek Domino', DominoPage, {}, '/efek-domino?tahun=2024'],
  ['Program', ProgramsPage, {}, '/program?tahun=2024'],
  ['Program page', ProgramPage, { id: 'UHJvZ3JhbTox' }, '/program/UHJvZ3JhbTox'],
  ['Program report', ProgramReportPage, {}, '/program/cetak?tahun=2024'],
  ['UMKM & Koperasi', UmkmPage, {}, '/umkm'],
  ['UMKM entry', RegistryEntryPage, { id: 'RW50ZXJwcmlzZToxMDA' }, '/umkm/RW50ZXJwcmlzZToxMDA'],
  ['Provinsi', ProvincePage, {}, '/provinsi?tahun=2024'],
];

/**
 * Every operation answers `answer`, except the page's own context (about, agencies, headers, and a
 * signed-in analyst as the viewer, so that every card of the page, transaction lists included, asks).
 */
function all(answer: unknown, keep: Answers = {}): Answers {
  const out: Answers = {};
  for (const name of Object.keys(fx.success)) out[name] = answer;
  return {
    ...out,
    GetAbout: fx.about,
    ListAgencies: fx.agencies,
    GetProgram: fx.program,
    GetAgency: fx.agency,
    GetRegistryEntry: fx.entry,
    GetViewer: fx.viewerAnalyst,
    ...keep,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: pages take their route params
function mount(Page: ComponentType<any>, props: Record<string, string>, path: string, answers: Answers) {
  return renderWithApi(
    <Suspense fallback="…">
      <Page {...props} />
    </Suspense>,
    answers,
    { path },
  );
}

const states = (c: HTMLElement, s: string) => c.querySelectorAll(`[data-state="${s}"]`).length;

describe.each(pages)('%s page', (_name, Page, props, path) => {
  it('shows skeletons while loading', () => {
    const { container } = mount(Page, props, path, all('loading'));
    expect(states(container, 'loading')).toBeGreaterThan(0);
    expect(states(container, 'error')).toBe(0);
  });

  it('shows an error with a retry that asks the API again', async () => {
    const answers = all(new Error('connection refused'));
    const { container, executeQuery } = mount(Page, props, path, answers);
    await waitFor(() => expect(states(container, 'error')).toBeGreaterThan(0));
    const before = executeQuery.mock.calls.length;
    Object.assign(answers, fx.success);
    const retry = screen.getAllByRole('button', { name: 'Coba lagi' })[0]!;
    await act(async () => fireEvent.click(retry));
    await waitFor(() => expect(executeQuery.mock.calls.length).toBeGreaterThan(before));
  });

  it('says so when the filter matches nothing: every chart and table shows its empty state', async () => {
    const { container } = mount(Page, props, path, { ...fx.empty, GetViewer: fx.viewerAnalyst });
    const cards = () => [...container.querySelectorAll('section.card[data-chart]')];
    // The Efek Domino page asks its three queries one after the other: allow for a slow machine.
    await waitFor(
      () => {
        expect(states(container, 'loading')).toBe(0);
        expect(cards().length).toBeGreaterThan(0);
      },
      { timeout: 10_000 },
    );
    // A registry entry's own rows (its products, its surveys) are the page's subject, not the filter's;
    // its government orders are the filter's and say so in their own words.
    const subject = _name === 'UMKM entry' ? ['produk', 'survei-berkala'] : [];
    const shown = cards().map((card) => ({
      card: card.getAttribute('data-chart'),
      empty: card.querySelector('[data-state="empty"]')?.textContent ?? null,
      charts: card.querySelectorAll('svg.recharts-surface, table').length,
    }));
    expect(shown.filter((c) => !subject.includes(c.card as string))).toEqual(
      shown
        .filter((c) => !subject.includes(c.card as string))
        .map((c) => ({
          card: c.card,
          empty: c.card === 'pesanan-pemerintah' ? 'Belum ada pesanan pemerintah.' : 'Tidak ada data untuk filter ini.',
          charts: 0,
        })),
    );
    expect(shown.filter((c) => !subject.includes(c.card as string)).length).toBeGreaterThan(0);
    expect(states(container, 'error')).toBe(0);
  }, 20_000);

  it('renders its charts and tables from the API', async () => {
    const { container } = mount(Page, props, path, { ...fx.success });
    await waitFor(() => expect(states(container, 'loading')).toBe(0));
    expect(states(container, 'error')).toBe(0);
    // The success fixture has data for every card: each draws its chart or table, none is empty.
    const cards = [...container.querySelectorAll('section.card[data-chart]')];
    expect(cards.length).toBeGreaterThan(0);
    const bare = cards
      .filter(
        (card) => card.querySelector('[data-state="empty"]') || !card.querySelector('svg.recharts-surface, table'),
      )
      .map((card) => card.getAttribute('data-chart'));
    expect(bare).toEqual([]);
  });
});

describe('page details', () => {
  it("the province page asks for the shown regency's province and year, and shows the API's ranking as it is", async () => {
    const { calls, container } = mount(ProvincePage, {}, '/provinsi?tahun=2023&wilayah=61.12', { ...fx.success });
    await waitFor(() => expect(container.querySelectorAll('tbody tr').length).toBe(3));
    expect(calls.find((c) => c.name === 'GetProvinceOverview')?.variables).toEqual({
      province: '61',
      fiscalYear: 2023,
    });
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s/g, ' ')),
    );
    // 900 of 2,000 million = 45,0 %; the API's order; no rank and no share for a regency without spending.
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['1', 'Kota Pontianak', '45,0 %'],
      ['2', 'Kabupaten Kubu Raya', '30,0 %'],
      ['–', 'Kota Singkawang', '–'],
    ]);
    expect(screen.getByTestId('province-total').textContent?.replace(/\s/g, ' ')).toContain('(40,0 %)');
    // A regency's name opens its overview, in that regency, for the same year.
    const link = screen.getByRole('link', { name: 'Kota Pontianak' });
    expect(link.getAttribute('href')).toBe('/?tahun=2023&wilayah=61.71');
  });

  it('the report states the filters it was made with, and only those that apply to programs', async () => {
    // Program outcomes are filtered by fiscal year and agency only: a category in the URL is not claimed.
    mount(ProgramReportPage, {}, '/program/cetak?tahun=2024&kategori=SNACKS&jejaring=1', { ...fx.success });
    await waitFor(() =>
      expect(screen.getByTestId('report-filters').textContent).toBe('Filter: Tahun anggaran 2024 · Semua SKPD'),
    );
  });

  it('the Ringkasan asks the API for the filter in the URL', async () => {
    const { calls } = mount(OverviewPage, {}, '/?tahun=2023&skpd=QWdlbmN5OjE&jejaring=1', { ...fx.success });
    await waitFor(() => expect(calls.some((c) => c.name === 'GetSpendSummary')).toBe(true));
    const call = calls.find((c) => c.name === 'GetSpendSummary');
    expect(call?.variables).toEqual({ filter: { fiscalYear: 2023, agencyIds: ['QWdlbmN5OjE'], includeNetwork: true } });
  });

  it('without a year in the URL, the latest year with data applies', async () => {
    const { calls } = mount(OverviewPage, {}, '/', { ...fx.success });
    await waitFor(() => expect(calls.some((c) => c.name === 'GetSpendSummary')).toBe(true));
    expect(calls.find((c) => c.name === 'GetSpendSummary')?.variables).toEqual({ filter: { fiscalYear: 2024 } });
  });

  it('a registry entry without products, orders or surveys says so instead of drawing bare axes', async () => {
    const bare = {
      node: {
        ...fx.entry.node,
        products: { totalCount: 0, edges: [] },
        snapshots: { totalCount: 0, edges: [] },
      },
    } as typeof fx.entry;
    const { container } = mount(RegistryEntryPage, { id: 'RW50ZXJwcmlzZToxMDA' }, '/umkm/x', {
      ...fx.success,
      GetRegistryEntry: bare,
      ListGovernmentOrders: fx.ordersEmpty,
      GetViewer: fx.viewerAnalyst,
    });
    await waitFor(() => expect(states(container, 'empty')).toBe(3));
    expect(container.textContent).toContain('Belum ada produk terdaftar.');
    expect(container.textContent).toContain('Belum ada pesanan pemerintah.');
    expect(container.textContent).toContain('Belum ada survei berkala.');
    expect(container.querySelectorAll('svg.recharts-surface').length).toBe(0);
  });

  it('the registry entry lists its products and, for a signed-in reader, the government orders it received', async () => {
    const { container } = mount(RegistryEntryPage, { id: 'RW50ZXJwcmlzZToxMDA' }, '/umkm/x', {
      ...fx.success,
      GetViewer: fx.viewerAnalyst,
    });
    await waitFor(() => expect(container.textContent).toContain('Keripik pisang 250 g'));
    expect(container.textContent).toContain('Dinas Kesehatan');
    expect(container.textContent).toContain('Rp4.500.000');
  });

  it('PUBLIC sees a sign-in note instead of transaction lists, and the lists are never asked for', async () => {
    const entry = mount(RegistryEntryPage, { id: 'RW50ZXJwcmlzZToxMDA' }, '/umkm/x', { ...fx.success });
    await waitFor(() => expect(entry.container.textContent).toContain('Keripik pisang 250 g'));
    const entryNote = entry.container.querySelector('[data-signed-in-only="pesanan-pemerintah"]');
    expect(entryNote?.textContent).toContain('hanya untuk pengguna yang masuk');
    expect(entryNote?.querySelector('a')?.getAttribute('href')).toBe('/masuk');
    expect(entry.container.textContent).not.toContain('Rp4.500.000');
    const asked = (e: typeof entry) => e.calls.map((c) => c.name);
    expect(asked(entry)).not.toContain('ListGovernmentOrders');
    entry.unmount();

    const agency = mount(AgencyPage, { id: 'QWdlbmN5OjE' }, '/skpd/QWdlbmN5OjE?tahun=2024', { ...fx.success });
    await waitFor(() =>
      expect(agency.container.querySelector('[data-signed-in-only="pembelian-terbesar"]')).not.toBeNull(),
    );
    expect(asked(agency)).not.toContain('ListGovernmentOrders');
  });
});
