import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { useApi } from '../../api.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import {
  ListDraftsDocument,
  type ListDraftsQuery,
  RejectEnterpriseDocument,
  VerifyEnterpriseDocument,
} from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';

type Draft = ListDraftsQuery['enterprises']['nodes'][number];

/** Drafts per page. */
export const DRAFTS_PER_PAGE = 20;

/** The reason asked for before a rejection (kept in the audit trail). */
function RejectDialog({ draft, onDone, onClose }: { draft: Draft; onDone(message: string): void; onClose(): void }) {
  const i = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [state, reject] = useMutation(RejectEnterpriseDocument);
  const id = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await reject({ id: draft.id, reason: reason.trim() });
    if (result.error) setError(i.t('pendataan.failed', { message: result.error.message }));
    else onDone(i.t('pendataan.rejected', { name: draft.name }));
  }
  return (
    <Dialog title={i.t('pendataan.rejectTitle', { name: draft.name })} onClose={onClose}>
      <form onSubmit={submit} className="dialog-form" data-testid="reject-form">
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-field">
          <label htmlFor={id}>{i.t('pendataan.rejectReason')}</label>
          <textarea
            id={id}
            rows={3}
            value={reason}
            required
            aria-describedby={`${id}-hint`}
            onChange={(e) => setReason(e.target.value)}
          />
          <span id={`${id}-hint`} className="field-hint">
            {i.t('pendataan.rejectHint')}
          </span>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={reason.trim() === '' || state.fetching}>
            {i.t('pendataan.reject')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {i.t('pendataan.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Registry entries awaiting verification, newest first, a page at a time, with Verify and Reject.
 * An operator sees the drafts its agency registered (`agencyId`): the ones it may change.
 */
export function Drafts({ agencyId }: { agencyId: string | null }) {
  const i = useI18n();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [notice, setNotice] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Draft | null>(null);
  const [verifying, verify] = useMutation(VerifyEnterpriseDocument);
  const filter = { verifications: ['DRAFT' as const], ...(agencyId ? { registeringAgencyIds: [agencyId] } : {}) };
  const drafts = useApi(
    ListDraftsDocument,
    { filter, first: DRAFTS_PER_PAGE, after: cursors[cursors.length - 1] ?? null },
    { isEmpty: (d) => d.enterprises.totalCount === 0 },
  );
  async function verifyDraft(draft: Draft) {
    const result = await verify({ id: draft.id });
    setNotice(
      result.error
        ? i.t('pendataan.failed', { message: result.error.message })
        : i.t('pendataan.verified', { name: draft.name }),
    );
  }
  const columns: Column<Draft>[] = [
    { id: 'name', header: i.t('pendataan.name'), cell: (d) => <Link to={`/umkm/${d.id}`}>{d.name}</Link> },
    { id: 'village', header: i.t('pendataan.village'), cell: (d) => d.region?.name ?? '–' },
    { id: 'nib', header: 'NIB', cell: (d) => d.nib ?? '–' },
    { id: 'registeredOn', header: i.t('pendataan.registeredOn'), cell: (d) => i.date(d.registeredOn) },
    {
      id: 'actions',
      header: i.t('pendataan.actions'),
      cell: (d) => (
        <span className="row-actions">
          <button
            type="button"
            className="button button-small"
            disabled={verifying.fetching}
            onClick={() => verifyDraft(d)}
            aria-label={`${i.t('pendataan.verify')}: ${d.name}`}
          >
            {i.t('pendataan.verify')}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => setRejecting(d)}
            aria-label={`${i.t('pendataan.reject')}: ${d.name}`}
          >
            {i.t('pendataan.reject')}
          </button>
        </span>
      ),
    },
  ];
  const total = drafts.data?.enterprises.totalCount;
  return (
    <>
      <ChartCard
        id="menunggu-verifikasi"
        title={i.t('pendataan.drafts', { n: total === undefined ? '…' : i.num(total) })}
        description={agencyId ? i.t('pendataan.draftsOwn') : undefined}
        result={drafts}
        png={false}
        height={200}
        empty={i.t('pendataan.noDrafts')}
        controls={
          notice ? (
            <p className="note" role="status">
              {notice}
            </p>
          ) : undefined
        }
      >
        {(d) => (
          <div data-testid="drafts">
            <DataTable rows={d.enterprises.nodes} columns={columns} rowKey={(r) => r.id} />
            <nav className="pager" aria-label={i.t('pendataan.drafts', { n: d.enterprises.totalCount })}>
              <button
                type="button"
                className="button button-small"
                disabled={cursors.length <= 1}
                onClick={() => setCursors(cursors.slice(0, -1))}
                aria-label={i.t('pendataan.previous')}
              >
                <span aria-hidden="true">←</span>
              </button>
              <span className="small">{i.t('pendataan.page', { n: cursors.length })}</span>
              <button
                type="button"
                className="button button-small"
                disabled={!d.enterprises.pageInfo.hasNextPage}
                onClick={() => setCursors([...cursors, d.enterprises.pageInfo.endCursor])}
                aria-label={i.t('pendataan.next')}
              >
                <span aria-hidden="true">→</span>
              </button>
            </nav>
          </div>
        )}
      </ChartCard>
      {rejecting ? (
        <RejectDialog
          draft={rejecting}
          onClose={() => setRejecting(null)}
          onDone={(message) => {
            setRejecting(null);
            setNotice(message);
          }}
        />
      ) : null}
    </>
  );
}
