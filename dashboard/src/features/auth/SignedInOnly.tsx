import type { ReactNode } from 'react';
import { Skeleton } from '../../components/States.tsx';
import { useViewer } from '../../data.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';

/**
 * A transaction list for signed-in readers only: the API refuses those lists to PUBLIC
 * (docs/security.md), so an anonymous visitor sees a card that says so, with a link to sign in,
 * instead of an error. `children` render only for a signed-in viewer.
 */
export function SignedInOnly({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const { t } = useI18n();
  const viewer = useViewer();
  if (!viewer.ready) return <Skeleton height={120} />;
  if (viewer.canReadTransactions) return <>{children}</>;
  const headingId = `${id}-title`;
  return (
    <section className="card" aria-labelledby={headingId} data-signed-in-only={id}>
      <header className="card-header">
        <h2 id={headingId}>{title}</h2>
      </header>
      <p className="state" role="note">
        {t('auth.transactionsSignedIn')} <Link to="/masuk">{t('auth.signIn')}</Link>
      </p>
    </section>
  );
}
