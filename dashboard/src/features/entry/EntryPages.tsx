import { useApi } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataState } from '../../components/States.tsx';
import { GetEnterpriseForEditDocument } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';
import { PurchaseForm } from './PurchaseForm.tsx';

function EntryNav() {
  const { t } = useI18n();
  return (
    <nav className="entry-nav">
      <Link to="/pendataan/usaha/baru">{t('entry.newEnterprise')}</Link>
      <Link to="/pendataan/belanja/baru">{t('entry.newPurchase')}</Link>
    </nav>
  );
}

/** /pendataan/usaha/baru: register an enterprise. */
export function NewEnterprisePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('entry.newEnterprise')} lead={t('entry.lead')} actions={<EntryNav />} />
      <EnterpriseForm stored={null} />
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
      <DataState result={stored}>
        {() => (node?.__typename === 'Enterprise' ? <EnterpriseForm key={node.id} stored={node} /> : null)}
      </DataState>
    </>
  );
}

/** /pendataan/belanja/baru: record a purchase. */
export function NewPurchasePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('entry.newPurchase')} lead={t('entry.lead')} actions={<EntryNav />} />
      <PurchaseForm agencyId={null} />
    </>
  );
}
