import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.JEJARING_API ?? `http://127.0.0.1:${process.env.PORT ?? 4000}`;

// Two pages: the dashboard (index.html) and the GraphiQL explorer (explorer.html), which is kept
// apart so its ~5 MB of editor never loads with the dashboard.
const PAGES = {
  index: new URL('./index.html', import.meta.url).pathname,
  explorer: new URL('./explorer.html', import.meta.url).pathname,
};

// DASHBOARD_PAGES (scripts/ensure-built.mjs) builds one page into dist/: `pnpm start` builds the
// dashboard before the server answers ready and the explorer after (docs/start-and-memory.md). The
// dashboard's build empties dist/ first; the explorer's adds to it.
const only = process.env.DASHBOARD_PAGES as keyof typeof PAGES | undefined;
if (only && !(only in PAGES))
  throw new Error(`DASHBOARD_PAGES: ${only} is not one of ${Object.keys(PAGES).join(', ')}`);

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    emptyOutDir: only !== 'explorer',
    chunkSizeWarningLimit: 6000,
    // No gzip size per file in the report: compressing every asset again costs the build (which
    // `pnpm start` runs on a fresh clone) 0.4-0.6 s of CPU, for a column nobody reads there.
    reportCompressedSize: false,
    rollupOptions: {
      // React-compiler directives inside graphiql's build: harmless, and hundreds of lines of noise.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: only ? { [only]: PAGES[only] } : PAGES,
    },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': api, '/imports': api, '/exports': api, '/healthz': api, '/readyz': api },
  },
  worker: { format: 'es' },
});
