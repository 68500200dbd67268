import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useApi } from '../../api.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import {
  type DuplicateSideFragment,
  GetLikelyDuplicatesDocument,
  type GetLikelyDuplicatesQuery,
  MergePartiesDocument,
} from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';

type Pair = GetLikelyDuplicatesQuery['likelyDuplicates']['pairs'][number];

/** Pairs listed (the most similar). */
export const PAIRS_SHOWN = 20;

/** The record kept by default: a verified one over a draft, else the one stored first. */
function defaultSurvivor(pair: Pair): 'earlier' | 'later' {
  return pair.later.verification === 'VERIFIED' && pair.earlier.verification !== 'VERIFIED' ? 'later' : 'earlier';
}

function Side({ side }: { side: DuplicateSideFragment }) {
  const i = useI18n();
  return (
    <span className="duplicate-side">
      <Link to={`/umkm/${side.id}`}>{side.name}</Link>
      <span className="muted small">
        {[side.nib ? `NIB ${side.nib}` : null, i.label('verif', side.verification), i.date(side.registeredOn)]
          .filter(Boolean)
          .join(' · ')}
      </span>
    </span>
  );
}

/** Which record to keep, what a merge does, then mergeParties. */
function MergeDialog({ pair, onDone, onClose }: { pair: Pair; onDone(message: string): void; onClose(): void }) {
  const i = useI18n();
  const [keep, setKeep] = useState<'earlier' | 'later'>(defaultSurvivor(pair));
  const [error, setError] = useState<string | null>(null);
  const [state, merge] = useMutation(MergePartiesDocument);
  // The two often share a name: each is named with what tells it apart (its NIB, else its date).
  const known = (side: DuplicateSideFragment) =>
    `${side.name} (${side.nib ? `NIB ${side.nib}` : i.date(side.registeredOn)})`;
  const survivor = pair[keep];
  const duplicate = pair[keep === 'earlier' ? 'later' : 'earlier'];
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await merge({ survivorId: survivor.id, duplicateId: duplicate.id });
    const moved = result.data?.mergeParties.moved;
    if (result.error || !moved) setError(i.t('pendataan.failed', { message: result.error?.message ?? '' }));
    else {
      onDone(
        i.t('pendataan.merged', {
          survivor: survivor.name,
          transactions: i.num(moved.transactions),
          products: i.num(moved.products),
        }),
      );
    }
  }
  return (
    <Dialog title={i.t('pendataan.mergeTitle')} onClose={onClose}>
      <form onSubmit={submit} className="dialog-form" data-testid="merge-form">
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <fieldset>
          <legend>{i.t('pendataan.keep')}</legend>
          {(['earlier', 'later'] as const).map((which) => (
            <label key={which} className="form-check">
              <input
                type="radio"
                name="survivor"
                value={which}
                checked={keep === which}
                onChange={() => setKeep(which)}
              />
              <Side side={pair[which]} />
            </label>
          ))}
        </fieldset>
        <p className="form-warning" role="note">
          {i.t('pendataan.mergeExplain', { survivor: known(survivor), duplicate: known(duplicate) })}
        </p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={state.fetching}>
            {i.t('pendataan.merge')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {i.t('pendataan.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Likely duplicates (likelyDuplicates): the most similar pairs, with Merge for administrators. */
export function Duplicates({ canMerge }: { canMerge: boolean }) {
  const i = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const [merging, setMerging] = useState<Pair | null>(null);
  const pairs = useApi(
    GetLikelyDuplicatesDocument,
    { first: PAIRS_SHOWN },
    { isEmpty: (d) => d.likelyDuplicates.totalCount === 0 },
  );
  const columns: Column<Pair>[] = [
    {
      id: 'similarity',
      header: i.t('pendataan.similarity'),
      cell: (p) => i.pct(p.similarity, 0),
      align: 'right',
    },
    { id: 'earlier', header: i.t('pendataan.earlier'), cell: (p) => <Side side={p.earlier} /> },
    { id: 'later', header: i.t('pendataan.later'), cell: (p) => <Side side={p.later} /> },
    { id: 'village', header: i.t('pendataan.village'), cell: (p) => p.earlier.region?.name ?? '–' },
    ...(canMerge
      ? [
          {
            id: 'merge',
            header: i.t('pendataan.actions'),
            cell: (p: Pair) => (
              <button
                type="button"
                className="button button-small"
                onClick={() => setMerging(p)}
                aria-label={`${i.t('pendataan.merge')}: ${p.earlier.name} / ${p.later.name}`}
              >
                {i.t('pendataan.merge')}
              </button>
            ),
          },
        ]
      : []),
  ];
  const total = pairs.data?.likelyDuplicates.totalCount;
  return (
    <>
      <ChartCard
        id="kemungkinan-ganda"
        title={i.t('pendataan.duplicates', { n: total === undefined ? '…' : i.num(total) })}
        description={
          <>
            {i.t('pendataan.duplicatesNote', { shown: PAIRS_SHOWN })}
            {canMerge ? null : ` ${i.t('pendataan.mergeAdmins')}`}
          </>
        }
        result={pairs}
        png={false}
        height={200}
        empty={i.t('pendataan.noDuplicates')}
        controls={
          notice ? (
            <p className="note" role="status">
              {notice}
            </p>
          ) : undefined
        }
      >
        {(d) => (
          <div data-testid="duplicates">
            <DataTable
              rows={d.likelyDuplicates.pairs}
              columns={columns}
              rowKey={(p) => `${p.earlier.id}-${p.later.id}`}
            />
          </div>
        )}
      </ChartCard>
      {merging ? (
        <MergeDialog
          pair={merging}
          onClose={() => setMerging(null)}
          onDone={(message) => {
            setMerging(null);
            setNotice(message);
          }}
        />
      ) : null}
    </>
  );
}
