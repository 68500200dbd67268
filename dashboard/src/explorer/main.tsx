import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { tabs } from './examples.ts';
import './workers.ts';

// The API on this same origin; POST, so Apollo's CSRF prevention lets it through.
const fetcher = createGraphiQLFetcher({ url: `${window.location.origin}/graphql` });

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={tabs.map((t) => ({ query: t.query, variables: t.variables }))}
      defaultEditorToolsVisibility={tabs.some((t) => t.variables) ? 'variables' : false}
    >
      <GraphiQL.Logo>
        <a href="/" style={{ color: 'inherit', textDecoration: 'none' }}>
          Jejaring
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
