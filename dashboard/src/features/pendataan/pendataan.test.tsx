import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as entry from '../../test/entry-fixtures.ts';
import * as fx from '../../test/fixtures.ts';
import { type Answers, renderWithApi } from '../../test/render.tsx';
import PendataanPage from './PendataanPage.tsx';

/*
 * The Pendataan page: drafts awaiting verification (an operator's own agency's) with Verify and
 * Reject (a reason asked for), likely duplicates with Merge for administrators (a confirm dialog),
 * and the progress per kecamatan against the collection target. Counts follow the fixtures:
 * 3 drafts shown of 5, 2 pairs, 2 kecamatan.
 */

function answers(viewer: Answers[string], keep: Answers = {}): Answers {
  return {
    GetViewer: viewer,
    GetAbout: fx.about,
    ListAgencies: entry.agenciesWithOwn,
    ListDrafts: entry.drafts,
    GetLikelyDuplicates: entry.duplicates,
    GetDataCollectionProgress: fx.progress,
    VerifyEnterprise: {
      verifyEnterprise: {
        enterprise: { id: 'RW50ZXJwcmlzZTo5Mg', name: 'Tenun Ikat Bu Mar', verification: 'VERIFIED' },
      },
    },
    RejectEnterprise: {
      rejectEnterprise: {
        enterprise: { id: 'RW50ZXJwcmlzZTo5MQ', name: 'Bengkel Las Jaya', verification: 'REJECTED' },
      },
    },
    MergeParties: {
      mergeParties: {
        survivor: { __typename: 'Enterprise', id: 'RW50ZXJwcmlzZToxMw', name: 'Hortikultura Pancaroba' },
        moved: { transactions: 3, voidedTransactions: 0, products: 1, memberships: 0, assistance: 0, snapshots: 2 },
      },
    },
    ...keep,
  };
}

const table = (testId: string) => within(screen.getByTestId(testId));
const bodyRows = (testId: string) => table(testId).getAllByRole('row').slice(1);

describe('PendataanPage', () => {
  it("lists an operator's own drafts (3 of 5), the 2 likely pairs without Merge, and 2 kecamatan against target", async () => {
    const view = renderWithApi(<PendataanPage />, answers(entry.viewerDiskop));
    await screen.findByTestId('drafts');
    expect(view.calls.find((c) => c.name === 'ListDrafts')?.variables).toEqual({
      filter: { verifications: ['DRAFT'], registeringAgencyIds: [entry.OWN_AGENCY] },
      first: 20,
      after: null,
    });
    expect(screen.getByRole('heading', { name: 'Menunggu verifikasi (5)' })).toBeTruthy();
    expect(bodyRows('drafts')).toHaveLength(3);
    expect(screen.getAllByRole('button', { name: /^Verifikasi: / })).toHaveLength(3);
    await screen.findByTestId('duplicates');
    expect(screen.getByRole('heading', { name: 'Kemungkinan data ganda (2)' })).toBeTruthy();
    expect(bodyRows('duplicates').map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      '100 %',
      '81 %',
    ]);
    expect(screen.queryByRole('button', { name: /^Gabungkan/ })).toBeNull();
    expect(screen.getByText(/Penggabungan hanya dapat dilakukan admin\./)).toBeTruthy();
    await screen.findByTestId('collection-progress');
    expect(bodyRows('collection-progress').map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Batu Ampar',
      'Sungai Raya',
    ]);
    expect(within(bodyRows('collection-progress')[0]!).getByText('90 %')).toBeTruthy();
    expect(view.calls.find((c) => c.name === 'GetDataCollectionProgress')?.variables).toEqual({ year: 2024 });
    expect(screen.getByRole('link', { name: 'Unggah data' }).getAttribute('href')).toBe('/pendataan/unggah');
  });

  it('verifies a draft with one click and says so', async () => {
    const view = renderWithApi(<PendataanPage />, answers(entry.viewerDiskop));
    await screen.findByTestId('drafts');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Verifikasi: Tenun Ikat Bu Mar' })));
    expect(view.calls.find((c) => c.name === 'VerifyEnterprise')?.variables).toEqual({ id: 'RW50ZXJwcmlzZTo5Mg' });
    expect((await screen.findByRole('status')).textContent).toBe('Tenun Ikat Bu Mar terverifikasi.');
  });

  it('asks for a reason before rejecting, and sends it', async () => {
    const view = renderWithApi(<PendataanPage />, answers(entry.viewerDiskop));
    await screen.findByTestId('drafts');
    fireEvent.click(screen.getByRole('button', { name: 'Tolak: Bengkel Las Jaya' }));
    const dialog = screen.getByRole('dialog', { name: 'Tolak Bengkel Las Jaya' });
    const submit = within(dialog).getByRole('button', { name: 'Tolak' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Alasan penolakan'));
    fireEvent.change(within(dialog).getByLabelText('Alasan penolakan'), { target: { value: ' usaha sudah tutup ' } });
    await act(async () => fireEvent.click(submit));
    expect(view.calls.find((c) => c.name === 'RejectEnterprise')?.variables).toEqual({
      id: 'RW50ZXJwcmlzZTo5MQ',
      reason: 'usaha sudah tutup',
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await screen.findByRole('status')).textContent).toBe('Bengkel Las Jaya ditolak.');
  });

  it('closes the reject dialog on Escape without rejecting', async () => {
    const view = renderWithApi(<PendataanPage />, answers(entry.viewerDiskop));
    await screen.findByTestId('drafts');
    fireEvent.click(screen.getByRole('button', { name: 'Tolak: Bengkel Las Jaya' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(view.calls.filter((c) => c.name === 'RejectEnterprise')).toEqual([]);
  });

  it('lets an administrator merge a pair, keeping the verified record by default, after confirming', async () => {
    const view = renderWithApi(<PendataanPage />, answers(entry.viewerAdmin));
    await screen.findByTestId('duplicates');
    const drafts = view.calls.find((c) => c.name === 'ListDrafts')?.variables as { filter: unknown };
    expect(drafts.filter).toEqual({ verifications: ['DRAFT'] }); // every agency's drafts
    const merges = screen.getAllByRole('button', { name: /^Gabungkan: / });
    expect(merges).toHaveLength(2);
    fireEvent.click(merges[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Gabungkan dua data usaha' });
    const radios = within(dialog).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['earlier', false],
      ['later', true],
    ]);
    // Both are named alike: each is told apart by its NIB, else its registration date.
    expect(within(dialog).getByRole('note').textContent).toBe(
      'Semua transaksi, produk, keanggotaan koperasi, bantuan dan survei bulanan Hortikultura Pancaroba (1 Maret 2024) dipindahkan ke Hortikultura Pancaroba (NIB 9120000000013), lalu Hortikultura Pancaroba (1 Maret 2024) dihapus. Penggabungan tidak dapat dibatalkan.',
    );
    expect(view.calls.filter((c) => c.name === 'MergeParties')).toEqual([]);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Gabungkan' })));
    expect(view.calls.find((c) => c.name === 'MergeParties')?.variables).toEqual({
      survivorId: 'RW50ZXJwcmlzZToxMw',
      duplicateId: 'RW50ZXJwcmlzZToxMg',
    });
    expect((await screen.findByRole('status')).textContent).toBe(
      'Hortikultura Pancaroba dipertahankan: 3 transaksi dan 1 produk dipindahkan.',
    );
  });

  it('merges the other way when the administrator chooses the record stored first', async () => {
    const view = renderWithApi(<PendataanPage />, answers(entry.viewerAdmin));
    await screen.findByTestId('duplicates');
    fireEvent.click(screen.getAllByRole('button', { name: /^Gabungkan: / })[1]!);
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getAllByRole('radio')[1]!); // keep "Keripik Pisang Ibu Sari"
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Gabungkan' })));
    expect(view.calls.find((c) => c.name === 'MergeParties')?.variables).toEqual({
      survivorId: 'RW50ZXJwcmlzZToyMQ',
      duplicateId: 'RW50ZXJwcmlzZToyMA',
    });
  });

  it('says when nothing awaits verification and no pair is alike', async () => {
    renderWithApi(
      <PendataanPage />,
      answers(entry.viewerAdmin, { ListDrafts: entry.draftsEmpty, GetLikelyDuplicates: entry.duplicatesEmpty }),
    );
    expect(await screen.findByText('Tidak ada data usaha yang menunggu verifikasi.')).toBeTruthy();
    expect(await screen.findByText('Tidak ada kemungkinan data ganda.')).toBeTruthy();
  });

  it('shows readers a note instead of the lists, and asks for none of them', async () => {
    const view = renderWithApi(<PendataanPage />, answers(fx.viewerAnalyst));
    await waitFor(() => expect(screen.getByRole('note').textContent).toMatch(/^Formulir pendataan hanya untuk admin/));
    expect(view.calls.map((c) => c.name)).not.toContain('ListDrafts');
    expect(view.calls.map((c) => c.name)).not.toContain('GetLikelyDuplicates');
  });

  it('speaks English when English is chosen', async () => {
    renderWithApi(<PendataanPage />, answers(entry.viewerAdmin), { locale: 'en' });
    expect(await screen.findByRole('heading', { name: 'Awaiting verification (5)' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Likely duplicates (2)' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Data-collection progress per district, 2024' })).toBeTruthy();
  });
});
