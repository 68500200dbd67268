import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
// The stylesheets, in cascade order (later files may override earlier ones).
import './styles/base.css';
import './styles/header.css';
import './styles/controls.css';
import './styles/cards.css';
import './styles/tables.css';
import './styles/responsive-print.css';
import './styles/entry.css';
import { createApiClient } from './urql.ts';

const client = createApiClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </Provider>
  </StrictMode>,
);
