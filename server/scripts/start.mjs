// `pnpm start`: serves the compiled server (`node server/dist/src/main.js`, docs/operations.md
// "Production build"), building first what is missing or older than its sources.
//
// When something must be built (a fresh clone, changed sources), three child processes run at once:
// the dashboard's build (dashboard/scripts/ensure-built.mjs), the server's (build.mjs) and the
// database's preparation from the sources (server/src/prepare.ts: migrations and, into an empty
// embedded database, the demo dataset). The compiled server then starts on a prepared database.
// The preparation is only a head start: if it fails, the server does the same work itself and
// reports what went wrong as it always does.
//
// The server runs in its own process group, so a Ctrl-C reaches it once, through this process,
// which passes SIGINT and SIGTERM on and exits with the server's exit code.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dashboardIsFresh } from '../../dashboard/scripts/ensure-built.mjs';
import { serverBuildIsFresh } from './build.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const children = new Set();
let server;
let stopping = false;

function run(label, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server) {
      server.kill(signal);
      return;
    }
    // Still building: stop the builds and the preparation, and go.
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

const stale = [!dashboardIsFresh() && 'the dashboard', !serverBuildIsFresh() && 'the server'].filter(Boolean);
if (stale.length) {
  const started = performance.now();
  process.stderr.write(`start: building ${stale.join(' and ')} while the database is prepared …\n`);
  const preparation = run('database preparation', ['--import', 'tsx/esm', 'server/src/prepare.ts'], {
    ...process.env,
    TSX_TSCONFIG_PATH: 'server/tsconfig.json',
  }).catch((error) => {
    if (!stopping) process.stderr.write(`start: ${error.message}; the server will prepare the database itself\n`);
  });
  try {
    await Promise.all([
      run('dashboard build', [path.join(ROOT, 'dashboard/scripts/ensure-built.mjs')]),
      run('server build', [path.join(ROOT, 'server/scripts/build.mjs'), '--if-stale']),
      preparation,
    ]);
  } catch (error) {
    process.stderr.write(`start: ${error.message}\n`);
    for (const child of children) child.kill('SIGTERM');
    process.exit(1);
  }
  process.stderr.write(`start: built and prepared in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

server = spawn(process.execPath, ['--enable-source-maps', 'server/dist/src/main.js'], {
  cwd: ROOT,
  stdio: 'inherit',
  detached: true,
});
server.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
