import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useI18n } from '../../i18n/i18n.tsx';
import * as fx from '../../test/entry-fixtures.ts';
import { type Answers, renderWithApi } from '../../test/render.tsx';
import { ImportReport } from './ImportReport.tsx';
import UploadPage, { UploadPanel } from './UploadPage.tsx';
import { UploadError, type uploadFile } from './upload.ts';

/*
 * The upload page (/pendataan/unggah): upload with progress, the dry run polled, its report
 * (counts per file, rejections a page of 25 at a time, warnings), then Save and the final report.
 * The sender is a stub that reports progress when told; the API is stubbed urql.
 */

type Upload = typeof uploadFile;

/** An upload that reports half the bytes, then waits until `finish` is called. */
function controlledUpload() {
  const calls: string[] = [];
  let finish: () => void = () => {};
  const upload: Upload = (file, onProgress) => {
    calls.push(file.name);
    onProgress(5_120, 10_240);
    return new Promise((resolve) => {
      finish = () => resolve({ id: '7', status: 'UPLOADED', fileName: file.name, format: 'zip', sizeBytes: 10_240 });
    });
  };
  return { upload, calls, finish: () => finish() };
}

function answers(): Answers {
  return {
    StartImport: { startImport: { id: '7', status: 'CHECKING' } },
    CommitImport: { commitImport: { id: '7', status: 'COMMITTING' } },
    GetImportJobProgress: fx.progressRunning,
    GetImportJobReport: fx.reportChecked,
  };
}

function choose(name = 'bundel.zip') {
  const input = screen.getByLabelText('Berkas') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['x'.repeat(10_240)], name)] } });
}

describe('UploadPanel', () => {
  it('uploads with a progress bar, polls the dry run, and reports the counts a page of rejections at a time', async () => {
    const api = answers();
    const sender = controlledUpload();
    const view = renderWithApi(<UploadPanel upload={sender.upload} pollMs={20} />, api);
    expect((screen.getByRole('button', { name: 'Unggah dan periksa' }) as HTMLButtonElement).disabled).toBe(true);
    choose();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unggah dan periksa' })));
    expect(sender.calls).toEqual(['bundel.zip']);
    expect(screen.getByLabelText('Mengunggah bundel.zip').getAttribute('value')).toBe('5120');
    expect(screen.getByText('50 %')).toBeTruthy();
    await act(async () => sender.finish());
    expect(view.calls.find((c) => c.name === 'StartImport')?.variables).toEqual({ id: '7', allOrNothing: false });
    expect(await screen.findByText('transactions.csv: 120 dari 240 baris')).toBeTruthy();
    expect(screen.getByLabelText('Memeriksa (uji coba)').getAttribute('max')).toBe('240');
    api.GetImportJobProgress = fx.progressStatus('CHECKED');
    // 3 + 1 accepted of parties.csv, 200 + 10 of transactions.csv; 30 rejected; 4 + 240 rows.
    expect(await screen.findByText('214 baris diterima, 30 ditolak, dari 244 baris.')).toBeTruthy();
    expect(screen.getByText('Uji coba bundel.zip: belum ada yang disimpan')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Baris yang ditolak (30)' })).toBeTruthy();
    const rows = () => screen.getAllByText(/^amount harus rupiah bulat/).map((cell) => cell.textContent);
    expect(rows()).toHaveLength(25);
    expect(rows()[0]).toBe('amount harus rupiah bulat (angka saja); tertulis "1.500.0"');
    expect(screen.getByTestId('rejections-range').textContent).toBe('1-25 dari 30');
    fireEvent.click(screen.getByRole('button', { name: 'Halaman berikutnya' }));
    expect(rows()).toHaveLength(5);
    expect(screen.getByTestId('rejections-range').textContent).toBe('26-30 dari 30');
    expect(screen.getByText(/kolom catatan tidak dikenal: diabaikan/)).toBeTruthy();
  });

  it('saves after the dry run and shows the final report, without a second Save', async () => {
    const api: Answers = { ...answers(), GetImportJobProgress: fx.progressStatus('CHECKED') };
    const sender = controlledUpload();
    const view = renderWithApi(<UploadPanel upload={sender.upload} pollMs={20} />, api);
    choose();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unggah dan periksa' })));
    await act(async () => sender.finish());
    await screen.findByTestId('import-checked');
    api.GetImportJobProgress = fx.progressStatus('COMMITTING');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Simpan' })));
    expect(view.calls.find((c) => c.name === 'CommitImport')?.variables).toEqual({ id: '7' });
    api.GetImportJobReport = fx.reportCommitted;
    api.GetImportJobProgress = fx.progressStatus('COMMITTED');
    expect(await screen.findByText('bundel.zip tersimpan')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Simpan' })).toBeNull();
    expect(view.calls.filter((c) => c.name === 'GetImportJobReport')).toHaveLength(2);
  });

  it('sends all-or-nothing when it is ticked', async () => {
    const sender = controlledUpload();
    const view = renderWithApi(<UploadPanel upload={sender.upload} pollMs={20} />, answers());
    choose();
    fireEvent.click(screen.getByLabelText(/Semua atau tidak sama sekali/));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unggah dan periksa' })));
    await act(async () => sender.finish());
    expect(view.calls.find((c) => c.name === 'StartImport')?.variables).toEqual({ id: '7', allOrNothing: true });
  });

  it("says why an upload was refused (the endpoint's 413) and offers the form again", async () => {
    const refuse: Upload = () =>
      Promise.reject(new UploadError('The file is larger than 1048576 bytes.', 413, 'PAYLOAD_TOO_LARGE'));
    const view = renderWithApi(<UploadPanel upload={refuse} pollMs={20} />, answers());
    choose();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unggah dan periksa' })));
    expect(screen.getByRole('alert').textContent).toBe('Unggahan gagal: The file is larger than 1048576 bytes.');
    expect(screen.getByLabelText('Berkas')).toBeTruthy();
    expect(view.calls.filter((c) => c.name === 'StartImport')).toEqual([]);
  });

  it('shows a failed job with its error code, in English when English is chosen', async () => {
    const api = {
      ...answers(),
      GetImportJobProgress: fx.progressStatus('FAILED'),
      GetImportJobReport: fx.reportFailed,
    };
    const sender = controlledUpload();
    renderWithApi(<UploadPanel upload={sender.upload} pollMs={20} />, api, { locale: 'en' });
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [new File(['x'], 'evil.zip')] } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Upload and check' })));
    await act(async () => sender.finish());
    expect((await screen.findByTestId('import-failed')).textContent).toBe(
      'The import failed (ZIP_SLIP): entry ../x.csv leaves the folder',
    );
  });

  it('shows a failed job in Indonesian by default, without the English reason', async () => {
    const api = {
      ...answers(),
      GetImportJobProgress: fx.progressStatus('FAILED'),
      GetImportJobReport: fx.reportFailed,
    };
    const sender = controlledUpload();
    renderWithApi(<UploadPanel upload={sender.upload} pollMs={20} />, api);
    fireEvent.change(screen.getByLabelText('Berkas'), { target: { files: [new File(['x'], 'evil.zip')] } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unggah dan periksa' })));
    await act(async () => sender.finish());
    expect((await screen.findByTestId('import-failed')).textContent).toBe(
      'Impor gagal (ZIP_SLIP): entri ../x.csv keluar dari foldernya',
    );
  });
});

/** The language switch, as the header offers it. */
function Switch() {
  const { setLocale } = useI18n();
  return (
    <button type="button" onClick={() => setLocale('en')}>
      English
    </button>
  );
}

describe('ImportReport', () => {
  it('shows each rejection and warning in Indonesian by default and in English after the switch', () => {
    const report = fx.reportChecked.importJob?.report;
    if (!report) throw new Error('fixture without a report');
    renderWithApi(
      <>
        <Switch />
        <ImportReport report={report} />
      </>,
      {},
    );
    expect(screen.getByText('amount harus rupiah bulat (angka saja); tertulis "1.500.0"')).toBeTruthy();
    expect(screen.getByText(/— kolom catatan tidak dikenal: diabaikan$/)).toBeTruthy();
    expect(screen.queryByText(/must be whole rupiah/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByText('amount must be whole rupiah (digits only); got "1.500.0"')).toBeTruthy();
    expect(screen.getByText(/— unknown column catatan: ignored$/)).toBeTruthy();
    expect(screen.queryByText(/harus rupiah bulat/)).toBeNull();
  });
});

describe('UploadPage', () => {
  it("shows an operator the form with what its import is confined to, offering no JSON (an administrator's)", async () => {
    renderWithApi(<UploadPage />, { GetViewer: fx.viewerDiskop });
    expect((await screen.findByRole('note')).textContent).toMatch(/^Impor Anda dibatasi pada SKPD Anda/);
    expect(screen.getByLabelText('Berkas').getAttribute('accept')).toBe('.zip,.xlsx,.csv');
    expect(screen.getByRole('link', { name: 'Unggah data' }).getAttribute('href')).toBe('/pendataan/unggah');
  });

  it('shows an administrator the form for every format, without the note', async () => {
    renderWithApi(<UploadPage />, { GetViewer: fx.viewerAdmin });
    await waitFor(() => expect(screen.getByLabelText('Berkas')).toBeTruthy());
    expect(screen.getByLabelText('Berkas').getAttribute('accept')).toBe('.zip,.xlsx,.csv,.json');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('shows readers a note and no form', async () => {
    renderWithApi(<UploadPage />, { GetViewer: { me: { role: 'ANALYST', user: null } } });
    expect((await screen.findByRole('note')).textContent).toMatch(/^Formulir pendataan hanya untuk admin/);
    expect(screen.queryByLabelText('Berkas')).toBeNull();
  });
});
