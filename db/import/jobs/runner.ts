import fs from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/database.ts';
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

/**
 * The jobs running in this process and their progress, kept in memory: on PGlite the import's
 * transaction holds the only connection, so progress written to the table could not be read until
 * the import ends.
 */
const running = new Map<string, { job: ImportJobRow; progress: JobProgress }>();
const key = (tenantId: string, id: number) => `${tenantId}/${id}`;

/**
 * A job running in this process, as claimed, with its progress: read without the database, so
 * polling works on PGlite while the import holds its connection.
 */
export function runningJob(tenantId: string, id: number): { job: ImportJobRow; progress: JobProgress } | undefined {
  return running.get(key(tenantId, id));
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
  options: { allOrNothing?: boolean; onClaimed?: (job: ImportJobRow) => void } = {},
): Promise<ImportJobRow | null> {
  const job =
    step === 'check'
      ? await claimImportJob(db, tenantId, id, ['UPLOADED', 'CHECKED', 'FAILED'], 'CHECKING', {
          allOrNothing: options.allOrNothing,
        })
      : await claimImportJob(db, tenantId, id, ['CHECKED'], 'COMMITTING');
  if (!job) return null;
  options.onClaimed?.(job);
  const k = key(tenantId, id);
  running.set(k, { job, progress: { stage: 'reading', done: 0, total: 0 } });
  try {
    if (!job.file_path) throw new ImportSourceError('NOT_FOUND', 'the uploaded file is gone: upload it again');
    const report = await importFromPath(db, tenantId, job.file_path, job.file_name, {
      dryRun: step === 'check',
      allOrNothing: job.all_or_nothing,
      onProgress: (stage, done, total) => running.set(k, { job, progress: { stage, done, total } }),
    });
    const committed = step === 'commit' && report.committed;
    await finishImportJob(db, tenantId, id, {
      status: step === 'check' ? 'CHECKED' : committed ? 'COMMITTED' : 'FAILED',
      report: storedReport(report),
      progress: running.get(k)?.progress,
      ...(step === 'commit' && !committed
        ? { errorCode: 'ROLLED_BACK', errorMessage: 'rows were rejected and the job is all-or-nothing: nothing stored' }
        : {}),
      dropFile: committed,
    });
    if (committed) await fs.rm(job.file_path, { force: true });
  } catch (error) {
    const known = error instanceof BundleError;
    await finishImportJob(db, tenantId, id, {
      status: 'FAILED',
      errorCode: error instanceof ImportSourceError ? error.code : known ? 'BAD_BUNDLE' : 'INTERNAL',
      // An unexpected error's text may quote data; the log has it, the job says only that it failed.
      errorMessage: known ? (error as Error).message : 'the import failed unexpectedly; nothing was stored',
    });
    if (!known) throw error;
  } finally {
    running.delete(k);
  }
  return job;
}
