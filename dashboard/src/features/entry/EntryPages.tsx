import type { ReactNode } from 'react';
import { useApi } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataState, Skeleton } from '../../components/States.tsx';
import { useOwnAgencyId, useViewer } from '../../data.ts';
import { GetEnterpriseForEditDocument } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';
import { EntryNav } from './EntryNav.tsx';
import { PurchaseForm } from './PurchaseForm.tsx';

/** The forms for those who may write (administrators, operators); a note for everyone else. */
function WritersOnly({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const viewer = useViewer();
  if (!viewer.ready) return <Skeleton height={200} />;
  if (!viewer.canWrite) {
    return (
      <p className="state" role="note">
        {t('entry.writersOnly')}
      </p>
    );
  }
  return <>{children}</>;
}

/** /pendataan/usaha/baru: register an enterprise. */
export function NewEnterprisePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('entry.newEnterprise')} lead={t('entry.lead')} actions={<EntryNav />} />
      <WritersOnly>
        <EnterpriseForm stored={null} />
      </WritersOnly>
    </>
  );
}

/** /pendataan/usaha/:id: edit an enterprise. */
export function EditEnterprisePage({ id }: { id: string }) {
  const { t } = useI18n();
  const stored = useApi(GetEnterpriseForEditDocument, { id }, { isEmpty: (d) => d.node?.__typename !== 'Enterprise' });
  const node = stored.data?.node;
  return (
    <>
      <PageHeader title={t('entry.editEnterprise')} lead={t('entry.lead')} actions={<EntryNav />} />
      <WritersOnly>
        <DataState result={stored}>
          {() => (node?.__typename === 'Enterprise' ? <EnterpriseForm key={node.id} stored={node} /> : null)}
        </DataState>
      </WritersOnly>
    </>
  );
}

/** /pendataan/belanja/baru: record a purchase. */
export function NewPurchasePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('entry.newPurchase')} lead={t('entry.lead')} actions={<EntryNav />} />
      <WritersOnly>
        <PurchaseFormFor />
      </WritersOnly>
    </>
  );
}

/** The purchase form: an operator records for its own agency; an administrator chooses one. */
function PurchaseFormFor() {
  const own = useOwnAgencyId(useViewer());
  if (own === undefined) return <Skeleton height={200} />;
  return <PurchaseForm agencyId={own} />;
}
