import { type FormEvent, useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, Skeleton } from '../../components/States.tsx';
import { useViewer } from '../../data.ts';
import {
  CommitImportDocument,
  GetImportJobProgressDocument,
  GetImportJobReportDocument,
  StartImportDocument,
} from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EntryNav } from './EntryNav.tsx';
import { ImportReport } from './ImportReport.tsx';
import { OPERATOR_ACCEPT, UPLOAD_ACCEPT, UploadError, uploadFile } from './upload.ts';

/** How often a running step is asked about. */
export const POLL_MS = 1000;

type Phase =
  | { step: 'choose' }
  | { step: 'uploading'; name: string; loaded: number; total: number }
  | { step: 'running'; id: string; commit: boolean }
  | { step: 'done'; id: string }
  | { step: 'failed'; message: string };

const RUNNING = new Set(['UPLOADED', 'CHECKING', 'COMMITTING']);

/** A bar with its label and a figure (a share of bytes or of rows). */
function ProgressBar({ label, value, max, text }: { label: string; value: number; max: number; text: string }) {
  const id = useId();
  return (
    <div className="import-progress" data-testid="import-progress">
      <label htmlFor={id}>{label}</label>
      <progress id={id} value={value} max={Math.max(max, 1)} />
      <span className="small">{text}</span>
    </div>
  );
}

/** A step running on the server (dry run or commit): its stage and rows, asked again every `pollMs`. */
function Running({ id, commit, pollMs, onEnd }: { id: string; commit: boolean; pollMs: number; onEnd(): void }) {
  const i = useI18n();
  const [result, reexecute] = useQuery({
    query: GetImportJobProgressDocument,
    variables: { id },
    requestPolicy: 'network-only',
  });
  useEffect(() => {
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), pollMs);
    return () => clearInterval(timer);
  }, [reexecute, pollMs]);
  const job = result.data?.importJob;
  useEffect(() => {
    if (job && !RUNNING.has(job.status)) onEnd();
  }, [job, onEnd]);
  const progress = job?.progress;
  const stage = progress
    ? progress.stage === 'reading'
      ? i.t('upload.reading')
      : progress.stage
    : i.t('upload.reading');
  return (
    <ProgressBar
      label={i.t(commit ? 'upload.committing' : 'upload.checking')}
      value={progress?.done ?? 0}
      max={progress?.total ?? 0}
      text={i.t('upload.stage', { stage, done: i.num(progress?.done ?? 0), total: i.num(progress?.total ?? 0) })}
    />
  );
}

/** The finished step: its report, then Save (after a dry run) or another file. */
function Finished({ id, onCommit, onAgain }: { id: string; onCommit(): void; onAgain(): void }) {
  const i = useI18n();
  const [result, reexecute] = useQuery({
    query: GetImportJobReportDocument,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const job = result.data?.importJob;
  if (result.error && !job)
    return <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} detail={result.error.message} />;
  if (!job) return <Skeleton height={200} />;
  const another = (
    <button type="button" className="button button-quiet" onClick={onAgain}>
      {i.t('upload.another')}
    </button>
  );
  if (job.status === 'FAILED' || job.status === 'CANCELLED') {
    return (
      <div className="import-result">
        <p className="form-error" role="alert" data-testid="import-failed">
          {i.t('upload.failed', { code: job.errorCode ?? job.status, message: job.errorText?.[i.locale] ?? '' })}
        </p>
        {job.report ? <ImportReport report={job.report} /> : null}
        <div className="form-actions">{another}</div>
      </div>
    );
  }
  const committed = job.status === 'COMMITTED';
  return (
    <div className="import-result" data-testid={committed ? 'import-committed' : 'import-checked'}>
      <h2>{i.t(committed ? 'upload.committedTitle' : 'upload.dryRunTitle', { name: job.fileName })}</h2>
      {job.report ? <ImportReport report={job.report} /> : null}
      <p className="note" role="note">
        {i.t(committed ? 'upload.committedNote' : 'upload.dryRunNote')}
      </p>
      <div className="form-actions">
        {committed ? null : (
          <button type="button" className="button" onClick={onCommit} data-testid="import-commit">
            {i.t('upload.commit')}
          </button>
        )}
        {another}
      </div>
    </div>
  );
}

/**
 * Choose a file, upload it (progress of the bytes), check it by a dry run (progress of the rows),
 * read the report, then save it and read the final report. `upload` is the sender and `pollMs`
 * how often a running step is asked about (tests give their own).
 */
export function UploadPanel({
  upload = uploadFile,
  pollMs = POLL_MS,
  accept = UPLOAD_ACCEPT,
}: {
  upload?: typeof uploadFile;
  pollMs?: number;
  /** The file types offered (an operator's: no JSON). */
  accept?: string;
}) {
  const i = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [, startImport] = useMutation(StartImportDocument);
  const [, commitImport] = useMutation(CommitImportDocument);
  const fileId = useId();
  const checkId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setPhase({ step: 'uploading', name: file.name, loaded: 0, total: file.size });
    try {
      const job = await upload(file, (loaded, total) =>
        setPhase({ step: 'uploading', name: file.name, loaded, total }),
      );
      const started = await startImport({ id: job.id, allOrNothing });
      if (started.error) throw new UploadError(started.error.message, 0, null);
      setPhase({ step: 'running', id: job.id, commit: false });
    } catch (error) {
      setPhase({ step: 'failed', message: i.t('upload.uploadFailed', { message: (error as Error).message }) });
    }
  }

  async function commit(id: string) {
    const started = await commitImport({ id });
    if (started.error) setPhase({ step: 'failed', message: started.error.message });
    else setPhase({ step: 'running', id, commit: true });
  }

  const again = () => {
    setFile(null);
    setPhase({ step: 'choose' });
  };

  if (phase.step === 'uploading') {
    const share = phase.total > 0 ? phase.loaded / phase.total : 0;
    return (
      <ProgressBar
        label={i.t('upload.uploading', { name: phase.name })}
        value={phase.loaded}
        max={phase.total}
        text={i.pct(share, 0)}
      />
    );
  }
  if (phase.step === 'running') {
    return (
      <Running
        key={`${phase.id}-${phase.commit}`}
        id={phase.id}
        commit={phase.commit}
        pollMs={pollMs}
        onEnd={() => setPhase({ step: 'done', id: phase.id })}
      />
    );
  }
  if (phase.step === 'done') return <Finished id={phase.id} onCommit={() => commit(phase.id)} onAgain={again} />;
  return (
    <form className="entry-form" onSubmit={submit} data-testid="upload-form">
      {phase.step === 'failed' ? (
        <p className="form-error" role="alert">
          {phase.message}
        </p>
      ) : null}
      <div className="form-field">
        <label htmlFor={fileId}>{i.t('upload.file')}</label>
        <input
          id={fileId}
          type="file"
          accept={accept}
          aria-describedby={`${fileId}-hint`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <span id={`${fileId}-hint`} className="field-hint">
          {i.t('upload.fileHint')}
        </span>
      </div>
      <div className="form-check">
        <input
          id={checkId}
          type="checkbox"
          checked={allOrNothing}
          onChange={(e) => setAllOrNothing(e.target.checked)}
        />
        <label htmlFor={checkId}>
          {i.t('upload.allOrNothing')} <span className="field-hint">({i.t('upload.allOrNothingHint')})</span>
        </label>
      </div>
      <button type="submit" className="button" disabled={!file}>
        {i.t('upload.start')}
      </button>
    </form>
  );
}

/**
 * /pendataan/unggah: for administrators and operators (the API's rule). An operator's import is
 * confined to its agency (docs/imports.md, "Access"), and JSON files are an administrator's.
 */
export default function UploadPage() {
  const i = useI18n();
  const viewer = useViewer();
  let body = <Skeleton height={200} />;
  if (viewer.ready && !viewer.canWrite) body = <p role="note">{i.t('entry.writersOnly')}</p>;
  else if (viewer.ready && viewer.isAdmin) body = <UploadPanel />;
  else if (viewer.ready) {
    body = (
      <>
        <p className="note upload-note" role="note">
          {i.t('upload.operatorNote')}
        </p>
        <UploadPanel accept={OPERATOR_ACCEPT} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={i.t('upload.title')} lead={i.t('upload.lead')} actions={<EntryNav />} />
      <section className="card" data-testid="upload-card">
        <div className="card-body">{body}</div>
      </section>
    </>
  );
}
