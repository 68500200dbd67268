import { PageHeader } from '../../components/PageHeader.tsx';
import { Skeleton } from '../../components/States.tsx';
import { useOwnAgencyId, useViewer } from '../../data.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EntryNav } from '../entry/EntryNav.tsx';
import { CollectionProgress } from './CollectionProgress.tsx';
import { Drafts } from './Drafts.tsx';
import { Duplicates } from './Duplicates.tsx';

/**
 * /pendataan: what data entry has to do next — the drafts awaiting verification (an operator's
 * own agency's), the likely duplicates (merged by administrators), and the progress per kecamatan
 * against the collection target. For administrators and operators.
 */
export default function PendataanPage() {
  const i = useI18n();
  const viewer = useViewer();
  const agencyId = useOwnAgencyId(viewer);
  let body = <Skeleton height={300} />;
  if (viewer.ready && !viewer.canWrite) {
    body = (
      <p className="state" role="note">
        {i.t('entry.writersOnly')}
      </p>
    );
  } else if (viewer.ready && agencyId !== undefined) {
    body = (
      <>
        <Drafts agencyId={agencyId} />
        <Duplicates canMerge={viewer.isAdmin} />
        <CollectionProgress />
      </>
    );
  }
  return (
    <>
      <PageHeader title={i.t('entry.title')} lead={i.t('pendataan.lead')} actions={<EntryNav />} />
      {body}
    </>
  );
}
