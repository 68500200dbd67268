/**
 * First-start benchmark (`pnpm bench:start`, issue #11): how long the start takes on a fresh
 * clone, and how much memory the server it starts takes under load.
 *
 * Each run clones the current commit (HEAD: uncommitted changes are not measured) into a new
 * temporary folder, installs the dependencies (timed, reported apart: not part of the start), then
 * runs the README's start command (what follows the install in its "Start" block: `npm start`)
 * through `sh -c`, on an empty embedded database and
 * an empty temporary folder (no compiler cache from an earlier run), and measures the seconds until
 * `/readyz` answers ready; the dashboard and the demo data must then really be there, and it also
 * reports when the API explorer's page, built after the dashboard, is served. The last run
 * then puts the server under the dashboard's operation mix (tests/faults/mix.ts, 4 clients in a
 * closed loop) for `--load-seconds` and reads, from /proc, the resident memory (VmRSS, and its peak
 * VmHWM) of the serving process and of the whole process tree the start command made, with the load
 * average. Prints a summary against the 15 s target and writes bench-results/start.json.
 *
 *   pnpm bench:start [--runs 3] [--load-seconds 20]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mixBodies } from '../faults/mix.ts';
import { freePort } from './api/process.ts';
import { type ProcessMemory, processTree, treeMemory } from './start/procfs.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const OUT = path.join(ROOT, 'bench-results/start.json');
const PNPM = ['-y', 'pnpm@10.34.9'];
const TARGET_SECONDS = 15;
const SERVING = 'server/dist/src/main.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, 'load-seconds': { type: 'string', default: '20' } },
});
const RUNS = Number(values.runs);
const LOAD_SECONDS = Number(values['load-seconds']);

/** The README's start command after its install: the last `&&` part of the sh block under "### Start". */
function readmeStartCommand(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /### Start[\s\S]*?```sh\n([^\n]+)\n```/.exec(readme)?.[1];
  const command = block?.split('&&').at(-1)?.trim();
  if (!command) throw new Error('README.md has no start command under "### Start"');
  return command;
}
const START_COMMAND = readmeStartCommand();

const load1 = () => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
const round1 = (n: number) => Math.round(n * 10) / 10;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** A clone of `commit` with its dependencies installed; returns the folder and the install's seconds. */
function freshClone(base: string, commit: string): { dir: string; installSeconds: number } {
  const dir = path.join(base, 'jejaring');
  execFileSync('git', ['clone', '--quiet', '--no-checkout', ROOT, dir]);
  execFileSync('git', ['-C', dir, 'checkout', '--quiet', commit]);
  const started = performance.now();
  try {
    execFileSync('npx', [...PNPM, 'install', '--frozen-lockfile', '--offline'], { cwd: dir, stdio: 'pipe' });
  } catch {
    execFileSync('npx', [...PNPM, 'install', '--frozen-lockfile'], { cwd: dir, stdio: 'pipe' });
  }
  return { dir, installSeconds: (performance.now() - started) / 1000 };
}

/** The environment of the start: the user's, without a database, test or package-manager settings. */
function startEnv(port: number, tmp: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|PNPM_|VITEST|TSX_)/i.test(key)) continue;
    if (['DATABASE_URL', 'DATABASE_READ_URL', 'PGLITE_DIR', 'DEMO_DATA', 'NODE_ENV', 'DASHBOARD_DIR'].includes(key))
      continue;
    env[key] = value;
  }
  return {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TMPDIR: tmp,
    RATE_LIMIT_EXEMPT: '127.0.0.1,::1,::ffff:127.0.0.1',
  };
}

async function readyAfter(url: string, child: ChildProcess, started: number, log: string): Promise<number> {
  while (performance.now() - started < 600_000) {
    if (child.exitCode !== null) throw new Error(`the start command exited (${child.exitCode}); see ${log}`);
    const ready = await fetch(`${url}/readyz`).then(
      async (r) => r.status === 200 && ((await r.json()) as { status?: string }).status === 'ready',
      () => false,
    );
    if (ready) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready after 600 s; see ${log}`);
}

/**
 * When the API explorer's page is served: `npm start` builds it after the dashboard, while the
 * server already answers (server/scripts/start.mjs). Seconds since the start command.
 */
async function explorerAfter(url: string, started: number, log: string): Promise<number> {
  while (performance.now() - started < 600_000) {
    const status = await fetch(`${url}/explorer`, { headers: { accept: 'text/html' } }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return (performance.now() - started) / 1000;
    if (status !== 503) throw new Error(`GET /explorer answered ${status}; see ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the explorer was not served after 600 s; see ${log}`);
}

/** Ready must mean served: the dashboard's page and the demo data answer. */
async function checkServed(url: string): Promise<void> {
  const page = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
  const html = await page.text();
  if (page.status !== 200 || !html.includes('<div id="root">'))
    throw new Error(`GET / is not the dashboard: ${page.status}`);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ about { demoData lastTransactionOn } }' }),
  });
  const about = ((await response.json()) as { data?: { about?: { demoData: boolean; lastTransactionOn: string } } })
    .data?.about;
  if (!about?.demoData || !about.lastTransactionOn)
    throw new Error(`the demo data is not loaded: ${JSON.stringify(about)}`);
}

/** The dashboard's operation mix from 4 clients in a closed loop; samples the tree's memory every second. */
async function underLoad(url: string, root: number) {
  const bodies = mixBodies();
  const times: number[] = [];
  let errors = 0;
  let peakTreeRssMb = 0;
  const sampler = setInterval(() => {
    peakTreeRssMb = Math.max(
      peakTreeRssMb,
      treeMemory(root).reduce((sum, m) => sum + m.rssMb, 0),
    );
  }, 1000);
  const endAt = performance.now() + LOAD_SECONDS * 1000;
  let next = 0;
  const client = async () => {
    while (performance.now() < endAt) {
      const { body } = bodies[next++ % bodies.length] as { body: string };
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const json = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || json.errors?.length) errors++;
      times.push(performance.now() - started);
    }
  };
  await Promise.all([client(), client(), client(), client()]);
  clearInterval(sampler);
  const memory = treeMemory(root);
  const serving = memory.find((m) => m.command.includes(SERVING));
  const sorted = times.sort((a, b) => a - b);
  const mb = (m: ProcessMemory) => ({ ...m, rssMb: round1(m.rssMb), hwmMb: round1(m.hwmMb) });
  return {
    seconds: LOAD_SECONDS,
    clients: 4,
    requests: times.length,
    errors,
    p50ms: Math.round(percentile(sorted, 50)),
    p95ms: Math.round(percentile(sorted, 95)),
    load1: load1(),
    servingProcess: serving ? mb(serving) : null,
    tree: {
      rssMb: round1(memory.reduce((sum, m) => sum + m.rssMb, 0)),
      peakRssMb: round1(peakTreeRssMb),
      hwmMbSum: round1(memory.reduce((sum, m) => sum + m.hwmMb, 0)),
      processes: memory.map(mb),
    },
  };
}

const commandOf = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};

/**
 * Stops the start command through its launcher (node server/scripts/start.mjs, which passes SIGTERM to
 * the server) and waits until every process of the tree has exited; what is left after 30 s is killed.
 */
async function stop(child: ChildProcess): Promise<void> {
  const tree = processTree(child.pid as number);
  const launcher = tree.find((pid) => {
    const [command, ...args] = commandOf(pid);
    return /node$/.test(command ?? '') && args.some((arg) => arg.endsWith('server/scripts/start.mjs'));
  });
  process.kill(launcher ?? (child.pid as number), 'SIGTERM');
  const deadline = performance.now() + 30_000;
  while (tree.some((pid) => fs.existsSync(`/proc/${pid}`)) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const pid of tree.filter((p) => fs.existsSync(`/proc/${p}`))) process.kill(pid, 'SIGKILL');
}

async function run(index: number, commit: string, withLoad: boolean) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-start-'));
  try {
    const { dir, installSeconds } = freshClone(base, commit);
    const tmp = path.join(base, 'tmp');
    fs.mkdirSync(tmp);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const log = path.join(os.tmpdir(), `jejaring-start-run${index + 1}.log`);
    const out = fs.openSync(log, 'w');
    const loadAtStart = load1();
    const started = performance.now();
    const child = spawn('sh', ['-c', START_COMMAND], {
      cwd: dir,
      env: startEnv(port, tmp),
      stdio: ['ignore', out, out],
    });
    try {
      const readySeconds = await readyAfter(url, child, started, log);
      const loadAtReady = load1();
      await checkServed(url);
      // Before the load below, so that the tree measured under it holds no build.
      const explorerSeconds = await explorerAfter(url, started, log);
      const result = {
        run: index + 1,
        installSeconds: round1(installSeconds),
        readySeconds: round1(readySeconds),
        explorerSeconds: round1(explorerSeconds),
        load1AtStart: loadAtStart,
        load1AtReady: loadAtReady,
      };
      process.stderr.write(`run ${index + 1}: ${JSON.stringify(result)}\n`);
      return { ...result, load: withLoad ? await underLoad(url, child.pid as number) : undefined };
    } finally {
      await stop(child);
      fs.closeSync(out);
    }
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const commit = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  if (execFileSync('git', ['-C', ROOT, 'status', '--porcelain'], { encoding: 'utf8' }).trim()) {
    process.stderr.write('note: uncommitted changes are not measured (the benchmark clones HEAD)\n');
  }
  process.stderr.write(
    `first start of ${commit.slice(0, 10)} from a fresh clone ("${START_COMMAND}"), ${RUNS} runs (load ${load1()})\n`,
  );
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run(i, commit, i === RUNS - 1));
  const ready = runs.map((r) => r.readySeconds).sort((a, b) => a - b);
  const medianReadySeconds = ready[Math.floor(ready.length / 2)] as number;
  const load = runs.at(-1)?.load;
  const summary = {
    commit,
    command: START_COMMAND,
    medianReadySeconds,
    targetSeconds: TARGET_SECONDS,
    met: medianReadySeconds <= TARGET_SECONDS,
    readySeconds: runs.map((r) => r.readySeconds),
    explorerSeconds: runs.map((r) => r.explorerSeconds),
    installSeconds: runs.map((r) => r.installSeconds),
    load1AtStart: runs.map((r) => r.load1AtStart),
    underLoad: load && {
      requests: load.requests,
      errors: load.errors,
      p50ms: load.p50ms,
      p95ms: load.p95ms,
      servingRssMb: load.servingProcess?.rssMb,
      servingHwmMb: load.servingProcess?.hwmMb,
      treeRssMb: load.tree.rssMb,
      treePeakRssMb: load.tree.peakRssMb,
      treeHwmMbSum: load.tree.hwmMbSum,
      load1: load.load1,
    },
  };
  console.log(
    `\nfirst start (fresh clone → /readyz ready): median ${medianReadySeconds} s of ${summary.readySeconds.join(', ')} ` +
      `(target ≤ ${TARGET_SECONDS} s: ${summary.met ? 'met' : 'MISSED'}); install ${summary.installSeconds.join(', ')} s, ` +
      `not counted; load average at the starts ${summary.load1AtStart.join(', ')}`,
  );
  console.log(
    `the API explorer (built after the dashboard, while the server answers) served after ${summary.explorerSeconds.join(', ')} s`,
  );
  if (load) {
    console.log(
      `under load (${load.seconds} s, ${load.requests} requests, ${load.errors} errors, p95 ${load.p95ms} ms, load ${load.load1}): ` +
        `serving process RSS ${load.servingProcess?.rssMb} MB (peak ${load.servingProcess?.hwmMb} MB); ` +
        `process tree RSS ${load.tree.rssMb} MB (peak sampled ${load.tree.peakRssMb} MB) in ${load.tree.processes.length} processes`,
    );
    for (const p of load.tree.processes) console.log(`  ${String(p.rssMb).padStart(7)} MB  ${p.command.slice(0, 110)}`);
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${JSON.stringify({ summary, runs }, null, 2)}\n`);
  if (load?.errors) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
