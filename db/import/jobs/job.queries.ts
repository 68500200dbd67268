import { type Kysely, sql } from 'kysely';
import type { Database, ImportJobStatus } from '../../src/database.ts';
import { bilingual } from '../../src/errors.ts';
import type { Reason } from '../../src/rules/failure.ts';

export interface ImportJobRow {
  readonly id: number;
  readonly status: ImportJobStatus;
  readonly file_name: string;
  readonly format: string;
  readonly size_bytes: number;
  readonly file_path: string | null;
  readonly all_or_nothing: boolean;
  readonly progress: unknown;
  readonly report: unknown;
  readonly error_code: string | null;
  readonly error_message: string | null;
  /** The reason of error_message in each language; null on rows written before it was kept. */
  readonly error_reason: Reason | null;
  /** The agency an operator's job writes for; null for an administrator's. */
  readonly agency_id: number | null;
  readonly created_at: Date;
  readonly updated_at: Date;
}

const COLUMNS = [
  'id',
  'status',
  'file_name',
  'format',
  'size_bytes',
  'file_path',
  'all_or_nothing',
  'progress',
  'report',
  'error_code',
  'error_message',
  'error_reason',
  'agency_id',
  'created_at',
  'updated_at',
] as const;

export async function insertImportJob(
  db: Kysely<Database>,
  tenantId: string,
  job: {
    fileName: string;
    format: string;
    sizeBytes: number;
    filePath: string;
    createdBy: number | null;
    agencyId: number | null;
  },
): Promise<ImportJobRow> {
  const row = await db
    .insertInto('import_job')
    .values({
      tenant_id: tenantId,
      status: 'UPLOADED',
      file_name: job.fileName,
      format: job.format,
      size_bytes: job.sizeBytes,
      file_path: job.filePath,
      created_by: job.createdBy,
      agency_id: job.agencyId,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return normalise(row);
}

export async function findImportJob(db: Kysely<Database>, tenantId: string, id: number): Promise<ImportJobRow | null> {
  const row = await db
    .selectFrom('import_job')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? normalise(row) : null;
}

/**
 * Moves a job from one of `from` to `to` in one statement, so two requests cannot both start it;
 * null when the job is not in one of those states (or does not exist).
 */
export async function claimImportJob(
  db: Kysely<Database>,
  tenantId: string,
  id: number,
  from: readonly ImportJobStatus[],
  to: ImportJobStatus,
  set: { allOrNothing?: boolean } = {},
): Promise<ImportJobRow | null> {
  const row = await db
    .updateTable('import_job')
    .set({
      status: to,
      progress: null,
      error_code: null,
      error_message: null,
      updated_at: sql`now()`,
      ...(set.allOrNothing === undefined ? {} : { all_or_nothing: set.allOrNothing }),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', 'in', from)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? normalise(row) : null;
}

export async function finishImportJob(
  db: Kysely<Database>,
  tenantId: string,
  id: number,
  outcome: {
    status: ImportJobStatus;
    report?: unknown;
    progress?: unknown;
    errorCode?: string | null;
    errorReason?: Reason | null;
    dropFile?: boolean;
  },
): Promise<void> {
  await db
    .updateTable('import_job')
    .set({
      status: outcome.status,
      ...(outcome.report === undefined ? {} : { report: JSON.stringify(outcome.report) }),
      ...(outcome.progress === undefined ? {} : { progress: JSON.stringify(outcome.progress) }),
      error_code: outcome.errorCode ?? null,
      error_message: outcome.errorReason ? bilingual(outcome.errorReason) : null,
      error_reason: outcome.errorReason ? JSON.stringify(outcome.errorReason) : null,
      ...(outcome.dropFile ? { file_path: null } : {}),
      updated_at: sql`now()`,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

const INTERRUPTED: Reason = {
  id: 'server berhenti saat pekerjaan ini berjalan; tidak ada yang disimpan: mulai lagi',
  en: 'the server stopped while this job ran; nothing of it was stored: start it again',
};

/** Jobs left CHECKING or COMMITTING by a process that stopped: their transaction rolled back. */
export async function failInterruptedImportJobs(db: Kysely<Database>, tenantId: string): Promise<number> {
  const result = await db
    .updateTable('import_job')
    .set({
      status: 'FAILED',
      error_code: 'INTERRUPTED',
      error_message: bilingual(INTERRUPTED),
      error_reason: JSON.stringify(INTERRUPTED),
      updated_at: sql`now()`,
    })
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['CHECKING', 'COMMITTING'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function normalise<T extends { id: number | string; size_bytes: number | string }>(row: T): T & ImportJobRow {
  return { ...row, id: Number(row.id), size_bytes: Number(row.size_bytes) } as T & ImportJobRow;
}
