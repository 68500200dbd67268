import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ListSatkerMappingsQuery } from '../../graphql/generated/graphql.ts';
import { viewerAdmin } from '../../test/entry-fixtures.ts';
import * as fx from '../../test/fixtures.ts';
import { type Answers, renderWithApi } from '../../test/render.tsx';
import ScorecardPage from '../agencies/ScorecardPage.tsx';
import AdminPage from '../auth/AdminPage.tsx';

/*
 * Plans vs realisation on the SKPD page (the API's numbers as they are: the dashboard never
 * recomputes the measure) and the work-unit mapping on the Administrasi page.
 */

const card = () => screen.getByRole('region', { name: 'Rencana vs realisasi untuk usaha kecil' });
const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('the SKPD page: planned vs realised for small businesses', () => {
  it("asks for the filter's year, agencies and network and shows the API's rows, amounts and rate as given", async () => {
    const view = renderWithApi(<ScorecardPage />, { ...fx.success }, { path: '/skpd?tahun=2024&jejaring=1' });
    await waitFor(() => expect(within(card()).getByRole('table')).toBeTruthy());
    expect(view.calls.find((c) => c.name === 'GetPlannedVsRealised')?.variables).toEqual({
      fiscalYear: 2024,
      agencyIds: null,
      includeNetwork: true,
    });
    const rows = bodyRows(within(card()).getByRole('table'));
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Dinas Kesehatan',
      'Dinas Pendidikan',
    ]);
    const first = within(rows[0] as HTMLElement).getAllByRole('cell');
    expect(first[1]?.textContent).toBe('12 (5)');
    expect(first[3]?.querySelector('[title]')?.getAttribute('title')).toBe('Rp2.000.000.000');
    expect(first[4]?.querySelector('[title]')?.getAttribute('title')).toBe('Rp1.500.000.000');
    // The rate is the API's realisationRate (0.75), formatted; a null rate shows a dash.
    expect(first[6]?.textContent).toBe('75 %');
    expect(within(rows[1] as HTMLElement).getAllByRole('cell')[6]?.textContent).toBe('–');
    const definition = within(card()).getByRole('link', {
      name: 'Definisi: Rencana vs realisasi untuk usaha kecil',
    });
    expect(definition.getAttribute('href')).toBe('/metodologi#plannedVsRealised');
  });

  it('asks nothing and says to choose a year when the date range spans two years', async () => {
    const view = renderWithApi(
      <ScorecardPage />,
      { ...fx.success },
      { path: '/skpd?dari=2023-07-01&sampai=2024-06-30' },
    );
    await screen.findByText('Pilih satu tahun anggaran untuk membandingkan rencana dengan realisasi.');
    expect(view.calls.some((c) => c.name === 'GetPlannedVsRealised')).toBe(false);
  });

  it('speaks English when switched', async () => {
    renderWithApi(<ScorecardPage />, { ...fx.success }, { path: '/skpd?tahun=2024', locale: 'en' });
    const heading = await screen.findByRole('heading', { name: 'Planned vs realised for small businesses' });
    expect(heading).toBeTruthy();
    expect(await screen.findByRole('columnheader', { name: /Paid ÷ planned/ })).toBeTruthy();
  });
});

const MAPPINGS: ListSatkerMappingsQuery = {
  satkerMappings: [
    {
      kdSatker: '201901',
      kdSatkerStr: '1.01.0.00.0.00.01.0000',
      namaSatker: 'Dinas Pendidikan dan Kebudayaan',
      source: 'SEEDED',
      updatedAt: '2026-12-05T04:00:00.000Z',
      agency: { id: 'QWdlbmN5OjE', code: '1.01.01', name: 'Dinas Pendidikan' },
    },
    {
      kdSatker: '201903',
      kdSatkerStr: '2.17.0.00.0.00.01.0000',
      namaSatker: 'Dinas Koperasi, UKM dan Perdagangan',
      source: 'EDITED',
      updatedAt: '2026-12-05T05:00:00.000Z',
      agency: { id: 'QWdlbmN5OjI', code: '1.02.01', name: 'Dinas Kesehatan' },
    },
  ],
};

function adminAnswers(keep: Answers = {}): Answers {
  return {
    GetViewer: viewerAdmin,
    GetAbout: fx.about,
    ListAgencies: fx.agencies,
    ListAccounts: { users: [], apiKeys: [] },
    ListSatkerMappings: MAPPINGS,
    MapSatker: {
      mapSatker: {
        kdSatker: '201903',
        source: 'EDITED',
        updatedAt: '2026-12-05T06:00:00.000Z',
        agency: { id: 'QWdlbmN5OjE', code: '1.01.01', name: 'Dinas Pendidikan' },
      },
    },
    ...keep,
  };
}

describe('the Administrasi page: LKPP work units → agencies', () => {
  it('lists each work unit with its agency and who set it', async () => {
    renderWithApi(<AdminPage />, adminAnswers());
    const table = await screen.findByTestId('satker-mappings');
    const rows = bodyRows(table).map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['201901', '1.01.0.00.0.00.01.0000', 'Dari impor ISB'],
      ['201903', '2.17.0.00.0.00.01.0000', 'Diubah admin'],
    ]);
    const select = screen.getByRole('combobox', { name: 'SKPD untuk satker 201903' }) as HTMLSelectElement;
    expect(select.value).toBe('QWdlbmN5OjI');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Dinas Pendidikan (1.01.01)',
      'Dinas Kesehatan (1.02.01)',
      'Sekretariat Daerah (4.01.01)',
    ]);
  });

  it('maps a work unit to the agency chosen, and says so', async () => {
    const view = renderWithApi(<AdminPage />, adminAnswers());
    const select = await screen.findByRole('combobox', { name: 'SKPD untuk satker 201903' });
    await act(async () => fireEvent.change(select, { target: { value: 'QWdlbmN5OjE' } }));
    expect(view.calls.find((c) => c.name === 'MapSatker')?.variables).toEqual({
      kdSatker: '201903',
      agencyId: 'QWdlbmN5OjE',
    });
    expect((await screen.findByRole('status')).textContent).toBe(
      'Satker 201903 kini dicatat atas nama Dinas Pendidikan.',
    );
  });

  it("shows the API's refusal", async () => {
    const refused = new CombinedError({
      graphQLErrors: [new GraphQLError('Akses ditolak: Mutation.mapSatker is for ADMIN. / Forbidden.')],
    });
    renderWithApi(<AdminPage />, adminAnswers({ MapSatker: refused }));
    const select = await screen.findByRole('combobox', { name: 'SKPD untuk satker 201901' });
    await act(async () => fireEvent.change(select, { target: { value: 'QWdlbmN5OjI' } }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Gagal: Akses ditolak: Mutation.mapSatker is for ADMIN. / Forbidden.',
    );
  });
});
