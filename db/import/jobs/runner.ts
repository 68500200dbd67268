import fs from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { isStorageFull } from '../../src/connection-errors.ts';
import type { Database } from '../../src/database.ts';
import type { Reason } from '../../src/rules/failure.ts';
import { BundleError, type ImportReport } from '../csv-import.ts';
import { ImportSourceError, importFromPath } from '../sources/index.ts';
import { claimImportJob, finishImportJob, type ImportJobRow } from './job.queries.ts';

/** Where a running job is: the file (stage) being stored and its rows done out of total. */
export interface JobProgress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

/** A stored report keeps at most this many rejections (the count says how many there were). */
export const STORED_REJECTIONS = 5_000;

/** Thrown inside an import being cancelled (at its next progress report): its transaction rolls back. */
class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
}

const STORAGE_FULL: Reason = {
  id: 'penyimpanan server penuh; tidak ada yang disimpan: kosongkan ruang disk lalu mulai lagi',
  en: "the server's storage is full; nothing was stored: free disk space, then start it again",
};

/** What a cancelled job says (errorCode CANCELLED), to the administrator who polls it. */
const ROLLED_BACK_MESSAGE: Reason = {
  id: 'ada baris yang ditolak dan pekerjaan ini semua-atau-tidak-sama-sekali: tidak ada yang disimpan',
  en: 'rows were rejected and the job is all-or-nothing: nothing stored',
};

const FAILED_MESSAGE: Reason = {
  id: 'impor gagal karena kesalahan yang tidak terduga; tidak ada yang disimpan',
  en: 'the import failed unexpectedly; nothing was stored',
};

const CANCELLED_MESSAGE: Reason = {
  id: 'server dihentikan saat pekerjaan ini berjalan; tidak ada yang disimpan: mulai lagi',
  en: 'the server was stopped while this job ran; nothing of it was stored: start it again',
};

interface Running {
  job: ImportJobRow;
  progress: JobProgress;
  readonly cancel: AbortController;
  readonly finished: Promise<void>;
}

/**
 * The jobs running in this process and their progress, kept in memory: on PGlite the import's
 * transaction holds the only connection, so progress written to the table could not be read until
 * the import ends.
 */
const running = new Map<string, Running>();
const key = (tenantId: string, id: number) => `${tenantId}/${id}`;

/**
 * A job running in this process, as claimed, with its progress: read without the database, so
 * polling works on PGlite while the import holds its connection.
 */
export function runningJob(tenantId: string, id: number): { job: ImportJobRow; progress: JobProgress } | undefined {
  return running.get(key(tenantId, id));
}

/**
 * Cancels every job running in this process (the server is stopping): each stops at its next
 * progress report (about every 2 % of a file), its transaction rolls back and it is marked
 * CANCELLED. Resolves with how many were running once all of them have ended, or after `deadlineMs`
 * with those that had not (a job stuck in one long statement: its transaction dies with the
 * process, and the next start marks it FAILED / INTERRUPTED).
 */
export async function cancelRunningImportJobs(deadlineMs: number): Promise<{ cancelled: number; unfinished: number }> {
  const jobs = [...running.values()];
  for (const job of jobs) job.cancel.abort();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deadlineMs);
  });
  await Promise.race([Promise.all(jobs.map((job) => job.finished)), deadline]);
  clearTimeout(timer);
  return { cancelled: jobs.length, unfinished: [...running.values()].filter((job) => jobs.includes(job)).length };
}

/** The report as stored on the job: rejections capped, with their total. */
export function storedReport(report: ImportReport): ImportReport {
  return { ...report, rejected: report.rejected.slice(0, STORED_REJECTIONS) };
}

/**
 * Runs a job's dry run (`check`) or its commit, from a status claimed atomically, and records the
 * outcome: CHECKED or COMMITTED with the report, or FAILED with a code. Resolves when done; the
 * API starts it without waiting. Returns null when the job was not in a state to run this step.
 * The upload is removed from disk once committed.
 */
export async function runImportJob(
  db: Kysely<Database>,
  tenantId: string,
  id: number,
  step: 'check' | 'commit',
  options: {
    allOrNothing?: boolean;
    onClaimed?: (job: ImportJobRow) => void;
    /** Called at each progress report, after the check for a cancel (logs, tests). */
    onProgress?: (progress: JobProgress) => void;
  } = {},
): Promise<ImportJobRow | null> {
  const job =
    step === 'check'
      ? await claimImportJob(db, tenantId, id, ['UPLOADED', 'CHECKED', 'FAILED', 'CANCELLED'], 'CHECKING', {
          allOrNothing: options.allOrNothing,
        })
      : await claimImportJob(db, tenantId, id, ['CHECKED'], 'COMMITTING');
  if (!job) return null;
  options.onClaimed?.(job);
  const k = key(tenantId, id);
  const cancel = new AbortController();
  let finish = () => {};
  const entry: Running = {
    job,
    progress: { stage: 'reading', done: 0, total: 0 },
    cancel,
    finished: new Promise<void>((resolve) => {
      finish = resolve;
    }),
  };
  running.set(k, entry);
  try {
    if (!job.file_path)
      throw new ImportSourceError('NOT_FOUND', {
        id: 'berkas unggahan sudah tidak ada: unggah lagi',
        en: 'the uploaded file is gone: upload it again',
      });
    const report = await importFromPath(db, tenantId, job.file_path, job.file_name, {
      dryRun: step === 'check',
      allOrNothing: job.all_or_nothing,
      // An operator's job: confined to its agency, and its new enterprises registered by it.
      registeringAgencyId: job.agency_id,
      onProgress: (stage, done, total) => {
        // Thrown inside the import's transaction, so it rolls back (db/import/csv-import.ts).
        if (cancel.signal.aborted) throw new ImportCancelled();
        entry.progress = { stage, done, total };
        options.onProgress?.(entry.progress);
      },
    });
    // A cancel that came after the last progress report is too late: the import ran to its end
    // (committed, for a commit step) and the job says so.
    const committed = step === 'commit' && report.committed;
    await finishImportJob(db, tenantId, id, {
      status: step === 'check' ? 'CHECKED' : committed ? 'COMMITTED' : 'FAILED',
      report: storedReport(report),
      progress: entry.progress,
      ...(step === 'commit' && !committed ? { errorCode: 'ROLLED_BACK', errorReason: ROLLED_BACK_MESSAGE } : {}),
      dropFile: committed,
    });
    if (committed) await fs.rm(job.file_path, { force: true });
  } catch (error) {
    if (error instanceof ImportCancelled) {
      await finishImportJob(db, tenantId, id, {
        status: 'CANCELLED',
        progress: entry.progress,
        errorCode: 'CANCELLED',
        errorReason: CANCELLED_MESSAGE,
      });
      return job;
    }
    if (isStorageFull(error)) {
      await finishImportJob(db, tenantId, id, {
        status: 'FAILED',
        errorCode: 'STORAGE_FULL',
        errorReason: STORAGE_FULL,
      });
      return job;
    }
    const known = error instanceof BundleError;
    await finishImportJob(db, tenantId, id, {
      status: 'FAILED',
      errorCode: error instanceof ImportSourceError ? error.code : known ? 'BAD_BUNDLE' : 'INTERNAL',
      // An unexpected error's text may quote data; the log has it, the job says only that it failed.
      errorReason: known ? (error as BundleError).reason : FAILED_MESSAGE,
    });
    if (!known) throw error;
  } finally {
    running.delete(k);
    finish();
  }
  return job;
}
