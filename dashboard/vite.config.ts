import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.JEJARING_API ?? `http://127.0.0.1:${process.env.PORT ?? 4000}`;

// Two pages: the dashboard (index.html) and the GraphiQL explorer (explorer.html), which is kept
// apart so its ~5 MB of editor never loads with the dashboard.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
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
      input: {
        index: new URL('./index.html', import.meta.url).pathname,
        explorer: new URL('./explorer.html', import.meta.url).pathname,
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': api, '/imports': api, '/exports': api, '/healthz': api, '/readyz': api },
  },
  worker: { format: 'es' },
});
