import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import * as fx from './test/fixtures.ts';
import { fakeClient } from './test/render.tsx';

function mountApp(path: string, answers = { ...fx.success }) {
  window.history.replaceState(null, '', path);
  const fake = fakeClient(answers);
  const view = render(
    <Provider value={fake.client}>
      <I18nProvider>
        <Suspense fallback="…">
          <App />
        </Suspense>
      </I18nProvider>
    </Provider>,
  );
  return { ...view, ...fake };
}

describe('the app shell', () => {
  it('shows the demo-data banner while the demo data is loaded', async () => {
    mountApp('/');
    expect(await screen.findByTestId('demo-banner')).toBeTruthy();
    expect(screen.getByTestId('demo-banner').textContent).toContain('Data contoh (sintetis)');
  });

  it('hides the banner for real data', async () => {
    const { container } = mountApp('/', { ...fx.success, GetAbout: { about: { ...fx.about.about, demoData: false } } });
    await waitFor(() => expect(container.querySelector('nav')).not.toBeNull());
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('demo-banner')).toBeNull();
  });

  it('switches to English, every label, and remembers it', async () => {
    mountApp('/');
    expect(await screen.findByRole('link', { name: 'Ringkasan' })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'English' })));
    expect(screen.getByRole('link', { name: 'Overview' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Domino effect' })).toBeTruthy();
    expect(localStorage.getItem('jejaring.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('offers the CSV and XLSX exports to a signed-in user, and no export to a visitor', async () => {
    mountApp('/', { ...fx.success, GetViewer: fx.viewerAnalyst });
    const exports = await screen.findByTestId('exports');
    expect([...exports.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['CSV', '/exports/bundle.zip'],
      ['XLSX', '/exports/bundle.xlsx'],
    ]);
    const visitor = mountApp('/');
    await visitor.findAllByRole('link', { name: 'Masuk' });
    expect(visitor.container.querySelector('[data-testid="exports"]')).toBeNull();
  });

  it('takes the language from the URL', async () => {
    mountApp('/?lang=en');
    expect(await screen.findByRole('link', { name: 'Programs' })).toBeTruthy();
  });

  it('marks the current page in the navigation and carries the filters to the next page', async () => {
    mountApp('/skpd?tahun=2023&jejaring=1');
    const link = await screen.findByRole('link', { name: 'SKPD' });
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Efek Domino' }).getAttribute('href')).toBe(
      '/efek-domino?tahun=2023&jejaring=1',
    );
  });

  it('switches the regency from the header: same page and filters, the regency in the URL and the header', async () => {
    mountApp('/efek-domino?tahun=2023&skpd=QWdlbmN5OjE&jejaring=1');
    expect((await screen.findByTestId('regency-name')).textContent).toContain('Kabupaten Kubu Raya');
    const select = (await screen.findByTestId('regency-switch')) as HTMLSelectElement;
    // Regencies with purchases only (Singkawang has none), the shown one chosen.
    expect([...select.options].map((o) => o.textContent)).toEqual(['Kabupaten Kubu Raya', 'Kota Pontianak']);
    expect(select.value).toBe('61.12');
    await act(async () => fireEvent.change(select, { target: { value: '61.71' } }));
    expect(window.location.pathname + window.location.search).toBe('/efek-domino?tahun=2023&jejaring=1&wilayah=61.71');
    // The links of the navigation carry the regency with the filters.
    expect(screen.getByRole('link', { name: 'Provinsi' }).getAttribute('href')).toBe(
      '/provinsi?tahun=2023&jejaring=1&wilayah=61.71',
    );
  });

  it('a filter change goes into the URL and into the query', async () => {
    const { calls } = mountApp('/?tahun=2024');
    const checkbox = await screen.findByRole('checkbox', { name: /Termasuk jejaring/ });
    await act(async () => fireEvent.click(checkbox));
    expect(window.location.search).toBe('?tahun=2024&jejaring=1');
    // A generous wait: on a loaded machine the re-render after the URL change took over a second.
    await waitFor(
      () =>
        expect(
          calls.some((c) => c.name === 'GetSpendSummary' && JSON.stringify(c.variables).includes('includeNetwork')),
        ).toBe(true),
      { timeout: 5_000 },
    );
  });

  it('links to the explorer as its own page', async () => {
    mountApp('/');
    expect((await screen.findByRole('link', { name: 'Explorer API' })).getAttribute('href')).toBe('/explorer');
  });

  it('shows Pendataan to an operator and to nobody who may not write', async () => {
    const reader = mountApp('/');
    await screen.findByRole('link', { name: 'Explorer API' });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('link', { name: 'Pendataan' })).toBeNull();
    reader.unmount();
    mountApp('/', { ...fx.success, GetViewer: fx.viewerOperator });
    expect((await screen.findByRole('link', { name: 'Pendataan' })).getAttribute('href')).toBe('/pendataan');
  });

  it('answers a reader who opens a form directly with a note instead of the form', async () => {
    mountApp('/pendataan/belanja/baru');
    expect(await screen.findByText(/hanya untuk admin dan operator SKPD/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Catat belanja' })).toBeNull();
  });
});
