import { configDefaults, defineConfig } from 'vitest/config';

// Decorator metadata (type-graphql) is emitted only for files inside a tsconfig's include.
const graphqlAlias = { graphql: 'graphql/index.js' };

// Files that test the embedded database itself whatever DATABASE_URL says (PGlite directories: their
// lock, durability and settings; the server process on one): they run in the PGlite run of the test
// command and not a second time, unchanged, when DATABASE_URL points the other tests at PostgreSQL.
const onPostgres = Boolean(process.env.DATABASE_URL);
const embeddedOnly = (files: string[]) => [...configDefaults.exclude, ...(onPostgres ? files : [])];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'db',
          // Test files of a worker share its imported modules (vitest's isolate: false): importing
          // them again for every file was a fifth of the lanes' time in CI. Safe for the db, server
          // and API projects: no mocks, no environment changes, and module-level state is keyed by
          // database or belongs to one server instance.
          isolate: false,
          root: './db',
          include: ['test/**/*.test.ts'],
          exclude: embeddedOnly(['test/durability.test.ts', 'test/lock.test.ts', 'test/pglite-params.test.ts']),
          // A guard against a hang, not a speed check: with CI's lanes side by side (load 6-11 on two
          // cores) an import of 30,000 purchases into PGlite took 62 s and three runs of the CLI 103 s.
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'server',
          isolate: false,
          root: './server',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'tests',
          isolate: false,
          root: './tests',
          include: ['api/**/*.test.ts'],
          exclude: embeddedOnly(['api/process.test.ts']),
          // The process tests run the compiled server, as `pnpm start` does: built once, first.
          globalSetup: ['./support/build-server.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'dashboard',
          root: './dashboard',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Rendering a whole page in happy-dom took 5-7 s on a busy 2-core machine (load 20-40),
          // and 28-35 s with CI's three lanes side by side at load 30-44 (.ci/run): a guard against a
          // hang, not a speed check.
          testTimeout: 60_000,
          setupFiles: ['./src/test/setup.ts'],
        },
      },
      {
        // The Citus lane (`pnpm test:citus`, tests/citus/lane.ts): API tests on a Citus cluster,
        // one file at a time (each makes a database on every node).
        resolve: { alias: graphqlAlias },
        test: {
          name: 'citus',
          root: './tests',
          include: ['api/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        // The fault and load suite (`pnpm test:faults`, docs/faults-and-ci.md "The fault and load
        // suite"): one file at a time, so a load case never shares the two cores with another case.
        resolve: { alias: graphqlAlias },
        test: {
          name: 'faults',
          root: './tests',
          include: ['faults/**/*.faults.ts'],
          globalSetup: ['./support/build-server.setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'e2e',
          root: './tests',
          include: ['e2e/**/*.e2e.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
