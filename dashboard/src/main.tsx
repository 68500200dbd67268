import { type ReactNode, StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { useRegency } from './regency.ts';
// The stylesheets, in cascade order (later files may override earlier ones).
import './styles/base.css';
import './styles/header.css';
import './styles/controls.css';
import './styles/cards.css';
import './styles/tables.css';
import './styles/responsive-print.css';
import './styles/entry.css';
import { createApiClient } from './urql.ts';

/** The API client of the URL's regency: a new one (and an empty cache) when the regency changes. */
function RegencyClient({ children }: { children: ReactNode }) {
  const regency = useRegency();
  const client = useMemo(() => createApiClient('/graphql', regency), [regency]);
  return <Provider value={client}>{children}</Provider>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RegencyClient>
      <I18nProvider>
        <App />
      </I18nProvider>
    </RegencyClient>
  </StrictMode>,
);
