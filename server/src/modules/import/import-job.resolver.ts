import { bilingual } from '@jejaring/db';
import { findImportJob, type ImportJobRow, runImportJob, runningJob } from '@jejaring/db/import-jobs';
import type { Reason } from '@jejaring/db/rules';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { AppError, badInput } from '../../errors.ts';
import { outsideRequest } from '../../http/deadline.ts';
import { ImportJob, type ImportReport } from './import-job.types.ts';

function jobId(id: string): number {
  const n = Number(id);
  if (!/^[1-9][0-9]{0,15}$/.test(id) || !Number.isSafeInteger(n))
    throw badInput('id', {
      id: `id harus nomor pekerjaan impor, tertulis "${id}"`,
      en: `id must be an import job number, got "${id}"`,
    });
  return n;
}

/** A stored reason: { id, en } (a report stored before reasons were bilingual holds the English text alone). */
function storedReason(value: Reason | string): Reason {
  return typeof value === 'string' ? { id: value, en: value } : value;
}

/** A report as the import job stored it (db/import/report.ts). */
type StoredReport = Omit<ImportReport, 'rejected' | 'warnings'> & {
  rejected: Array<Omit<ImportReport['rejected'][number], 'reason' | 'reasonText'> & { reason: Reason | string }>;
  warnings: Array<
    Omit<ImportReport['warnings'][number], 'line' | 'message' | 'messageText'> & {
      line?: number;
      message: Reason | string;
    }
  >;
};

/** The stored report as the API gives it: each reason as "id / en" and as { id, en }. */
function toReport(report: StoredReport): ImportReport {
  return {
    ...report,
    rejected: report.rejected.map((r) => {
      const reason = storedReason(r.reason);
      return { ...r, reason: bilingual(reason), reasonText: reason };
    }),
    warnings: report.warnings.map((w) => {
      const message = storedReason(w.message);
      return { ...w, line: w.line ?? null, message: bilingual(message), messageText: message };
    }),
  };
}

export function toImportJob(row: ImportJobRow, live?: ImportJob['progress']): ImportJob {
  const progress = (live ?? row.progress ?? null) as ImportJob['progress'];
  const report = row.report as StoredReport | null;
  return {
    id: String(row.id),
    status: row.status,
    fileName: row.file_name,
    format: row.format,
    sizeBytes: row.size_bytes,
    allOrNothing: row.all_or_nothing,
    progress,
    report: report ? toReport(report) : null,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    // Rows older than error_reason hold the combined message alone: both languages show it.
    errorText: row.error_reason ?? (row.error_message === null ? null : storedReason(row.error_message)),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * Whose jobs a caller sees: an administrator every job, an operator the jobs of its own agency
 * (another's is as if it did not exist).
 */
function visible(ctx: Context, row: ImportJobRow): boolean {
  return ctx.actor.role === 'ADMIN' || (row.agency_id !== null && row.agency_id === ctx.actor.agencyId);
}

async function jobOrThrow(ctx: Context, id: number): Promise<ImportJobRow> {
  const row = await findImportJob(ctx.db, ctx.tenantId, id);
  if (!row || !visible(ctx, row))
    throw new AppError('NOT_FOUND', `pekerjaan impor ${id} tidak ada / import job ${id} not found`, { field: 'id' });
  return row;
}

/**
 * Starts a step in the background, outside the request (it outlives it), and answers with the job
 * as claimed; CONFLICT when the job is not in a state for this step.
 */
async function start(ctx: Context, id: number, step: 'check' | 'commit', allOrNothing?: boolean): Promise<ImportJob> {
  const current = await jobOrThrow(ctx, id);
  const claimed = await outsideRequest(
    () =>
      new Promise<ImportJobRow | null>((resolve, reject) => {
        let stage: string | null = null;
        runImportJob(ctx.db, ctx.tenantId, id, step, {
          allOrNothing,
          onClaimed: (job) => {
            ctx.logger.info({ importJob: id, step }, 'import job started');
            resolve(job);
          },
          // One line per file as it starts (after its first batch), not one per report.
          onProgress: (progress) => {
            if (progress.stage === stage) return;
            stage = progress.stage;
            ctx.logger.info({ importJob: id, step, ...progress }, 'import job progress');
          },
        })
          .then((job) => {
            if (!job) resolve(null);
          })
          .catch((error: unknown) => {
            ctx.logger.error({ err: error, importJob: id }, 'import job failed');
            reject(error);
          });
      }),
  );
  if (!claimed) {
    const needed = step === 'check' ? 'UPLOADED, CHECKED, FAILED or CANCELLED' : 'CHECKED (after a dry run)';
    throw new AppError(
      'CONFLICT',
      `pekerjaan impor ${id} berstatus ${current.status}; harus ${needed} / import job ${id} is ${current.status}; it must be ${needed}`,
      { field: 'id' },
    );
  }
  return toImportJob(claimed);
}

@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Authorized<ActorRole>(['ADMIN', 'OPERATOR'])
  @Query(() => ImportJob, {
    nullable: true,
    description: "An import job: status, progress, report (ADMIN: any; OPERATOR: its own agency's).",
  })
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ImportJob | null> {
    const n = jobId(id);
    const live = runningJob(ctx.tenantId, n);
    if (live) return visible(ctx, live.job) ? toImportJob(live.job, live.progress) : null;
    const row = await findImportJob(ctx.db, ctx.tenantId, n);
    return row && visible(ctx, row) ? toImportJob(row) : null;
  }

  @Authorized<ActorRole>(['ADMIN', 'OPERATOR'])
  @Mutation(() => ImportJob, {
    description:
      "ADMIN, or the OPERATOR of the agency that uploaded it (an operator's import is confined to its agency, its network and the enterprises it registered): checks an uploaded file by a dry run: every row is validated against the stored data and the report is kept on the job; nothing is stored. Runs in the background: poll importJob(id).",
  })
  async startImport(
    @Arg('id', () => ID) id: string,
    @Arg('allOrNothing', () => Boolean, {
      defaultValue: false,
      description: 'Store nothing at commit when any row is rejected.',
    })
    allOrNothing: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportJob> {
    return start(ctx, jobId(id), 'check', allOrNothing);
  }

  @Authorized<ActorRole>(['ADMIN', 'OPERATOR'])
  @Mutation(() => ImportJob, {
    description:
      'ADMIN, or the OPERATOR of the agency that uploaded it: stores a checked job (status CHECKED) in one transaction: the accepted rows, or nothing when it is all-or-nothing and a row is rejected. Runs in the background: poll importJob(id).',
  })
  async commitImport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ImportJob> {
    return start(ctx, jobId(id), 'commit');
  }
}
