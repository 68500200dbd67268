// `pnpm start`: serves the compiled server (`node server/dist/src/main.js`, docs/operations.md
// "Production build"), building first what is missing or older than its sources.
//
// When something must be built (a fresh clone, changed sources), the dashboard's build
// (dashboard/scripts/ensure-built.mjs) and the server's (build.mjs, about a second) start at once;
// the compiled server starts as soon as its own build is done, and prepares the database
// (migrations and, into an empty embedded database, the demo dataset) while the dashboard is still
// building. Started with DASHBOARD_BUILDING=1 and an IPC channel, it asks ('awaiting-dashboard')
// once the database is ready, and listens, and so answers /readyz, only after this process
// answers that the dashboard is built (server/src/main.ts); if that build fails, the server is
// stopped and `pnpm start` exits 1. The API explorer's page (GraphiQL and its editor: about two thirds
// of the whole build's CPU) is built only after that, while the server already answers: until it
// is built, /explorer says so and reloads itself (server/src/app.ts); if its build fails, the
// dashboard and the API are still served.
//
// The server runs in its own process group, so a Ctrl-C reaches it once, through this process,
// which passes SIGINT, SIGTERM and SIGHUP on and exits with the server's exit code.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dashboardIsFresh } from '../../dashboard/scripts/ensure-built.mjs';
import { serverBuildIsFresh } from './build.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SERVER_ARGS = ['--enable-source-maps', 'server/dist/src/main.js'];
const ENSURE_BUILT = path.join(ROOT, 'dashboard/scripts/ensure-built.mjs');
const builds = new Set();
let server;
let dashboardBuilt = false;
let serverAwaitsDashboard = false;

// The signals the server stops on (STOP_SIGNALS in server/src/shutdown.ts), passed on to it: SIGHUP
// too, which a closed terminal sends to this process group but not to the server's own, so that
// closing the terminal does not leave the server running, holding the port and the database.
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Runs a build in a child process; with `background`, at the lowest scheduling priority (nice 19,
 * inherited by the processes it starts), so that on a machine with few cores the server's chain,
 * the longer one, is not slowed by the dashboard's multi-threaded build: that gets what the server
 * leaves, and still ends first.
 */
function run(label, args, background = false) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    if (background) {
      try {
        os.setPriority(child.pid, 19);
      } catch {
        // Not permitted here: the build runs at the normal priority.
      }
    }
    builds.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      builds.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Tells the server the dashboard is built, once it is and the server asked; then builds the explorer. */
function releaseServer() {
  if (!dashboardBuilt || !serverAwaitsDashboard || !server.connected) return;
  server.send('dashboard-built');
  buildExplorer();
}

let explorerStarted = false;

/** Builds the explorer's page, in the background, once the server answers (see above). */
function buildExplorer() {
  if (explorerStarted) return;
  explorerStarted = true;
  const started = performance.now();
  run('explorer build', [ENSURE_BUILT, 'explorer'], true).then(
    () => process.stderr.write(`start: the API explorer is built (/explorer), in ${seconds(started)} s\n`),
    (error) =>
      process.stderr.write(`start: ${error.message}: the dashboard and the API are served, the explorer is not\n`),
  );
}

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

function stopBuilds() {
  for (const child of builds) child.kill('SIGTERM');
}

/** Starts the compiled server; with `dashboardBuilding`, it waits for a 'dashboard-built' message before it listens. */
function startServer(dashboardBuilding) {
  server = spawn(process.execPath, SERVER_ARGS, {
    cwd: ROOT,
    stdio: dashboardBuilding ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
    detached: true,
    env: dashboardBuilding ? { ...process.env, DASHBOARD_BUILDING: '1' } : process.env,
  });
  server.on('message', (message) => {
    if (message !== 'awaiting-dashboard') return;
    serverAwaitsDashboard = true;
    releaseServer();
  });
  server.on('exit', (code, signal) => {
    stopBuilds();
    process.exit(code ?? EXIT_CODES[signal] ?? 143);
  });
}

/** Stops the builds and passes `signal` on to the server, whose exit ends this process. */
function stop(signal) {
  stopBuilds();
  if (server) server.kill(signal);
  else process.exit(EXIT_CODES[signal]);
}

for (const signal of Object.keys(EXIT_CODES)) process.on(signal, () => stop(signal));
// `npm start` (and pnpm's) runs this script through `sh -c`, which passes no signal on: when npm
// alone is stopped (`kill <its pid>`), the shell ends and this process and the server would go on
// running, holding the port and the database. So, under a package manager's script, losing the
// parent that started it counts as SIGTERM. Started directly (`nohup node server/scripts/start.mjs`)
// it outlives its shell as before.
if (process.env.npm_lifecycle_event) {
  const parentAtStart = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid === parentAtStart) return;
    clearInterval(orphanWatch);
    stop('SIGTERM');
  }, 500);
  orphanWatch.unref();
}
// When the terminal or the pipe this process writes to is gone, writing fails (EPIPE, EIO): not a
// reason to stop passing signals on and waiting for the server.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

const dashboardStale = !dashboardIsFresh();
const serverStale = !serverBuildIsFresh();
if (!dashboardStale && !serverStale) {
  startServer(false);
} else {
  const started = performance.now();
  const stale = [dashboardStale && 'the dashboard', serverStale && 'the server'].filter(Boolean);
  process.stderr.write(`start: building ${stale.join(' and ')}; the server prepares the database meanwhile …\n`);
  const dashboard = dashboardStale ? run('dashboard build', [ENSURE_BUILT, 'index'], true) : Promise.resolve();
  try {
    await Promise.all([
      (serverStale
        ? run('server build', [path.join(ROOT, 'server/scripts/build.mjs'), '--if-stale'])
        : Promise.resolve()
      ).then(() => startServer(dashboardStale)),
      dashboard,
    ]);
  } catch (error) {
    process.stderr.write(`start: ${error.message}\n`);
    stopBuilds();
    if (server) {
      server.removeAllListeners('exit');
      server.kill('SIGTERM');
    }
    process.exit(1);
  }
  process.stderr.write(`start: built in ${seconds(started)} s\n`);
  dashboardBuilt = true;
  if (dashboardStale) releaseServer();
}
