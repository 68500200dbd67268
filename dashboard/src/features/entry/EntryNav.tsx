import { useI18n } from '../../i18n/i18n.tsx';
import { Link, useLocation } from '../../router.tsx';

/** The Pendataan pages, side by side: the overview, the two forms and the upload. */
export function EntryNav() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const links = [
    { to: '/pendataan', label: t('entry.pendataan') },
    { to: '/pendataan/usaha/baru', label: t('entry.newEnterprise') },
    { to: '/pendataan/belanja/baru', label: t('entry.newPurchase') },
    { to: '/pendataan/unggah', label: t('entry.upload') },
  ];
  return (
    <nav className="entry-nav" aria-label={t('entry.title')}>
      {links.map((l) => (
        <Link key={l.to} to={l.to} aria-current={pathname === l.to ? 'page' : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
