import { type ComponentType, lazy, Suspense, useEffect } from 'react';
import { Skeleton } from './components/States.tsx';
import { useAbout, useViewer } from './data.ts';
import { UserMenu } from './features/auth/UserMenu.tsx';
import { RegencySwitcher } from './features/regency/RegencySwitcher.tsx';
import { FilterBar } from './filters/FilterBar.tsx';
import { type MessageKey, useI18n } from './i18n/i18n.tsx';
import { REGENCY_PARAM } from './regency.ts';
import { Link, matchPath, useLocation } from './router.tsx';

// Route-level code splitting: each page is its own chunk, loaded on first visit.
const OverviewPage = lazy(() => import('./features/overview/OverviewPage.tsx'));
const ScorecardPage = lazy(() => import('./features/agencies/ScorecardPage.tsx'));
const AgencyPage = lazy(() => import('./features/agencies/AgencyPage.tsx'));
const DominoPage = lazy(() => import('./features/domino/DominoPage.tsx'));
const ProgramsPage = lazy(() => import('./features/programs/ProgramsPage.tsx'));
const ProgramPage = lazy(() => import('./features/programs/ProgramPage.tsx'));
const ProgramReportPage = lazy(() => import('./features/programs/ProgramReportPage.tsx'));
const UmkmPage = lazy(() => import('./features/umkm/UmkmPage.tsx'));
const RegistryEntryPage = lazy(() => import('./features/umkm/RegistryEntryPage.tsx'));
const MethodologyPage = lazy(() => import('./features/methodology/MethodologyPage.tsx'));
const ProvincePage = lazy(() => import('./features/province/ProvincePage.tsx'));
const entry = () => import('./features/entry/EntryPages.tsx');
const NewEnterprisePage = lazy(() => entry().then((m) => ({ default: m.NewEnterprisePage })));
const EditEnterprisePage = lazy(() => entry().then((m) => ({ default: m.EditEnterprisePage })));
const NewPurchasePage = lazy(() => entry().then((m) => ({ default: m.NewPurchasePage })));
const PendataanPage = lazy(() => import('./features/pendataan/PendataanPage.tsx'));
const UploadPage = lazy(() => import('./features/entry/UploadPage.tsx'));
const LoginPage = lazy(() => import('./features/auth/LoginPage.tsx'));
const AdminPage = lazy(() => import('./features/auth/AdminPage.tsx'));

interface Route {
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: pages take their route params, or none
  page: ComponentType<any>;
  filters: boolean;
}

export const ROUTES: Route[] = [
  { path: '/', page: OverviewPage, filters: true },
  { path: '/skpd', page: ScorecardPage, filters: true },
  { path: '/skpd/:id', page: AgencyPage, filters: true },
  { path: '/efek-domino', page: DominoPage, filters: true },
  { path: '/program', page: ProgramsPage, filters: true },
  { path: '/program/cetak', page: ProgramReportPage, filters: false },
  { path: '/program/:id', page: ProgramPage, filters: false },
  { path: '/umkm', page: UmkmPage, filters: false },
  { path: '/umkm/:id', page: RegistryEntryPage, filters: false },
  { path: '/provinsi', page: ProvincePage, filters: false },
  { path: '/metodologi', page: MethodologyPage, filters: false },
  { path: '/pendataan', page: PendataanPage, filters: false },
  { path: '/pendataan/unggah', page: UploadPage, filters: false },
  { path: '/pendataan/usaha/baru', page: NewEnterprisePage, filters: false },
  { path: '/pendataan/usaha/:id', page: EditEnterprisePage, filters: false },
  { path: '/pendataan/belanja/baru', page: NewPurchasePage, filters: false },
  { path: '/masuk', page: LoginPage, filters: false },
  { path: '/admin', page: AdminPage, filters: false },
];

const NAV: Array<{ to: string; key: MessageKey; match: string; writers?: true }> = [
  { to: '/', key: 'nav.overview', match: '/' },
  { to: '/skpd', key: 'nav.agencies', match: '/skpd' },
  { to: '/efek-domino', key: 'nav.domino', match: '/efek-domino' },
  { to: '/program', key: 'nav.programs', match: '/program' },
  { to: '/umkm', key: 'nav.umkm', match: '/umkm' },
  { to: '/provinsi', key: 'nav.province', match: '/provinsi' },
  { to: '/metodologi', key: 'nav.methodology', match: '/metodologi' },
  { to: '/pendataan', key: 'nav.entry', match: '/pendataan', writers: true },
];

/** Only the filter parameters travel between pages (not a page's own state). */
function carry(search: string): string {
  const from = new URLSearchParams(search);
  const to = new URLSearchParams();
  for (const k of ['tahun', 'dari', 'sampai', 'skpd', 'kategori', 'jejaring', 'lang', REGENCY_PARAM]) {
    const v = from.get(k);
    if (v) to.set(k, v);
  }
  const text = to.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

function DemoBanner() {
  const { t } = useI18n();
  const about = useAbout();
  if (!about.data?.about.demoData) return null;
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <strong>Data contoh (sintetis)</strong>
      <span> — {t('app.demoBanner')}</span>
    </div>
  );
}

function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('app.language')}</legend>
      {(['id', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          className={`lang-button ${locale === l ? 'active' : ''}`}
          aria-pressed={locale === l}
          lang={l}
          onClick={() => setLocale(l)}
        >
          {l === 'id' ? 'Bahasa Indonesia' : 'English'}
        </button>
      ))}
    </fieldset>
  );
}

export function App() {
  const { t, locale } = useI18n();
  const { pathname, search } = useLocation();
  let route: Route | undefined;
  let params: Record<string, string> = {};
  for (const r of ROUTES) {
    const m = matchPath(r.path, pathname);
    if (m) {
      route = r;
      params = m;
      break;
    }
  }
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const Page = route?.page;
  const q = carry(search);
  const viewer = useViewer();
  const about = useAbout();
  const nav = viewer.isAdmin ? [...NAV, { to: '/admin', key: 'nav.admin' as const, match: '/admin' }] : NAV;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <DemoBanner />
      <header className="app-header no-print">
        <div className="brand">
          <Link to={`/${q}`} className="brand-link">
            <span className="brand-mark" aria-hidden="true" />
            <span>
              <span className="brand-name">{t('app.title')}</span>
              <span className="brand-sub" data-testid="regency-name">
                {t('app.subtitle')}
                {about.data ? ` · ${about.data.about.tenantName}` : ''}
              </span>
            </span>
          </Link>
        </div>
        <nav aria-label={t('app.mainNav')} className="main-nav">
          <ul>
            {nav
              .filter((n) => viewer.canWrite || !n.writers)
              .map((n) => {
                const active = n.match === '/' ? pathname === '/' : pathname.startsWith(n.match);
                return (
                  <li key={n.to}>
                    <Link to={`${n.to}${q}`} aria-current={active ? 'page' : undefined}>
                      {t(n.key)}
                    </Link>
                  </li>
                );
              })}
            <li>
              <a href="/explorer">{t('nav.explorer')}</a>
            </li>
          </ul>
        </nav>
        <div className="header-tools">
          <RegencySwitcher />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      {route?.filters ? <FilterBar /> : null}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Skeleton height={400} label={t('app.loadingPage')} />}>
          {Page ? (
            <Page {...params} />
          ) : (
            <div className="state">
              <h1>{t('app.notFound')}</h1>
              <Link to="/">{t('app.backHome')}</Link>
            </div>
          )}
        </Suspense>
      </main>
    </div>
  );
}
