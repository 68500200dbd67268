import { useMutation } from 'urql';
import { useViewer } from '../../data.ts';
import { LogoutDocument } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { reloadAt } from './session.ts';

/** The header's account corner: "Masuk" for PUBLIC; the user, its role and "Keluar" when signed in. */
export function UserMenu() {
  const { t } = useI18n();
  const viewer = useViewer();
  const [result, logout] = useMutation(LogoutDocument);
  if (!viewer.user) {
    return (
      <div className="user-menu" data-testid="user-menu">
        <Link className="button button-small" to="/masuk">
          {t('auth.signIn')}
        </Link>
      </div>
    );
  }
  const signOut = async () => {
    await logout({});
    reloadAt('/');
  };
  return (
    <section className="user-menu" aria-label={t('auth.account')} data-testid="user-menu">
      <span className="user-name">{viewer.user.displayName ?? viewer.user.username}</span>
      <span className="badge" data-testid="user-role">
        {t(`role.${viewer.role}` as never)}
      </span>
      <span className="user-exports" title={t('auth.exportHint')} data-testid="exports">
        {t('auth.export')}:{' '}
        <a href="/exports/bundle.zip" download>
          CSV
        </a>
        {' · '}
        <a href="/exports/bundle.xlsx" download>
          XLSX
        </a>
      </span>
      <button type="button" className="button button-small button-quiet" onClick={signOut} disabled={result.fetching}>
        {t('auth.signOut')}
      </button>
    </section>
  );
}
