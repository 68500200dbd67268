import { useApi } from '../../api.ts';
import { useAbout } from '../../data.ts';
import { ListRegenciesDocument } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { switchRegency } from '../../regency.ts';
import { navigate, useLocation } from '../../router.tsx';

/** The regencies the switcher offers: those with purchases, and the one shown (even when empty). */
export function useRegencies(current: string | null) {
  const list = useApi(ListRegenciesDocument, {});
  const regencies = (list.data?.regencies ?? []).filter((r) => r.hasData || r.code === current);
  return { list, regencies };
}

/**
 * The header's regency switcher: the page and its filters stay, the regency in the URL changes
 * (a shareable link); hidden while the server holds one regency only.
 */
export function RegencySwitcher() {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const about = useAbout();
  const current = about.data?.about.tenantId ?? null;
  const { regencies } = useRegencies(current);
  if (!current || regencies.length < 2) return null;
  return (
    <label className="regency-switch">
      <span className="regency-label">{t('regency.label')}</span>
      <select
        value={current}
        data-testid="regency-switch"
        onChange={(event) => navigate(switchRegency(pathname, search, event.target.value))}
      >
        {regencies.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
