// Builds the dashboard when dashboard/dist is missing or older than its sources; a fast no-op
// otherwise. Used by the browser tests, and by `pnpm start` (server/scripts/start.mjs; the server
// serves dist/), which builds one page at a time: `node ensure-built.mjs index`, the dashboard,
// before the server answers ready, then `node ensure-built.mjs explorer`, the API explorer.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dashboard = path.resolve(new URL('..', import.meta.url).pathname);
const root = path.dirname(dashboard);
const dist = path.join(dashboard, 'dist');

function newest(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

const inputs = [
  'src',
  'codegen.ts',
  'schema',
  'index.html',
  'explorer.html',
  'vite.config.ts',
  'package.json',
  '../schema/operations',
  '../schema/schema.graphql',
  // The Metodologi page bundles the measures' definitions.
  '../docs/metrics.md',
  '../docs/metrics-outcomes.md',
].map((p) => path.join(dashboard, p));
/** True when dist/ holds a production build newer than every source it is built from. */
export function dashboardIsFresh() {
  const built = Math.min(newest(path.join(dist, 'index.html')) || 0, newest(path.join(dist, 'explorer.html')) || 0);
  const sources = Math.max(...inputs.map(newest));
  // A bundle built by mistake in development mode (React's dev runtime) is never served.
  const assets = path.join(dist, 'assets');
  const devBuild = fs.existsSync(assets) && fs.readdirSync(assets).some((f) => f.startsWith('jsx-dev-runtime'));
  return Boolean(built) && built >= sources && !devBuild;
}

/**
 * Builds dist/ through the package manager that started this, all of it, or with `page` only that
 * page: 'index' (the dashboard, emptying dist/ first) or 'explorer' (added to it).
 */
function build(page) {
  // A test runner sets NODE_ENV=test; the served bundle must be React's production build.
  const env = { ...process.env, NODE_ENV: 'production', ...(page ? { DASHBOARD_PAGES: page } : {}) };
  // The package manager that started this is reused: pnpm (`pnpm start`; npx inside pnpm prints
  // npm config warnings), or npm (`npm start`, which runs the dashboard's build script in its own
  // folder, where pnpm's install put its tools). Neither: npx fetches pnpm (about 2 s more).
  const execpath = process.env.npm_execpath ?? '';
  const [command, args, cwd] = /pnpm\.c?js$/.test(execpath)
    ? [process.execPath, [execpath, '--filter', '@jejaring/dashboard', 'build'], root]
    : /npm-cli\.c?js$/.test(execpath)
      ? [process.execPath, [execpath, 'run', '--silent', 'build'], dashboard]
      : ['npx', ['-y', 'pnpm@10.34.9', '--filter', '@jejaring/dashboard', 'build'], root];
  execFileSync(command, args, { cwd, stdio: 'inherit', env });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `node ensure-built.mjs index|explorer` (server/scripts/start.mjs): that page, whatever its age.
  const page = process.argv[2];
  if (page) {
    process.stderr.write(`dashboard: building ${page === 'index' ? 'the dashboard' : 'the API explorer'} …\n`);
    build(page);
  } else if (dashboardIsFresh()) {
    process.stderr.write('dashboard: dist/ is up to date\n');
  } else {
    process.stderr.write('dashboard: building dist/ …\n');
    build();
  }
}
