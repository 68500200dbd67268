// The production build (docs/operations.md "Production build"): the server and the workspace
// package it imports (@jejaring/db) compiled to JavaScript with source maps, into server/dist and
// db/dist, so that `node server/dist/src/main.js` serves without any run-time TypeScript.
// Development, the tests and `pnpm typecheck` keep working on the sources.
//
//   node server/scripts/build.mjs              builds (what `pnpm build` runs)
//   node server/scripts/build.mjs --if-stale   builds only when a build is missing or older than its sources
//
// Each file is transpiled on its own, without type checking (`pnpm typecheck` checks), by Oxc
// through Vite's transformWithOxc: the transform the tests run the sources through, decorator
// metadata included (read from the nearest tsconfig.json, as in the tests), with relative `.ts`
// imports rewritten to `.js`. The files are those tsc would compile for each package's
// tsconfig.build.json. The decorator helpers the output imports come from @oxc-project/runtime,
// a dependency of the server. The workspace packages export their TypeScript sources
// (db/package.json "exports"), so the build rewrites the server's `@jejaring/db…` imports to
// relative paths into db/dist, following the same exports map.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('..', import.meta.url));
const ROOT = path.dirname(path.resolve(SERVER));
const DB = path.join(ROOT, 'db');
const STAMP = path.join(SERVER, 'dist', 'build.json');

/** What each package's build reads: a change to any of them makes the build stale. */
const INPUTS = [
  ...[
    'src',
    'migrations',
    'demo',
    'import',
    'auth',
    'reference',
    'package.json',
    'tsconfig.json',
    'tsconfig.build.json',
  ].map((p) => path.join(DB, p)),
  ...['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((p) => path.join(SERVER, p)),
  path.join(ROOT, 'tsconfig.base.json'),
];

function newest(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of fs.readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

/** True when server/dist and db/dist exist and are newer than every source they are built from. */
export function serverBuildIsFresh() {
  if (!fs.existsSync(STAMP) || !fs.existsSync(path.join(DB, 'dist'))) return false;
  return fs.statSync(STAMP).mtimeMs >= Math.max(...INPUTS.map(newest));
}

/**
 * A tsconfig file as tsc reads it: its `extends` chain merged (compilerOptions key by key, the
 * nearest `include` and `exclude`), each path resolved against the file that sets it. Read here
 * rather than through TypeScript's own parser, whose import alone costs over a second of CPU on
 * the first start (tests/start/build-plan.test.ts compares the two).
 */
function readTsconfig(file) {
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dir = path.dirname(file);
  const base = config.extends ? readTsconfig(path.resolve(dir, config.extends)) : { options: {} };
  const options = { ...base.options };
  for (const [key, value] of Object.entries(config.compilerOptions ?? {}))
    options[key] = ['outDir', 'rootDir'].includes(key) ? path.resolve(dir, value) : value;
  const patterns = (list) => list?.map((pattern) => path.resolve(dir, pattern));
  return {
    options,
    include: patterns(config.include) ?? base.include,
    exclude: patterns(config.exclude) ?? base.exclude,
  };
}

/** A tsconfig exclude pattern (`*`, `**`) as a regular expression over absolute paths. */
function globPattern(pattern) {
  const source = pattern
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}(?:/.*)?$`);
}

/** The TypeScript files (not declarations) under a folder, recursively. */
function sourcesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  if (!fs.statSync(dir).isDirectory()) return [dir];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** The files tsc would compile for a tsconfig.build.json, their root folder and output folder and the target. */
export function buildPlan(project) {
  const { options, include, exclude } = readTsconfig(project);
  const excluded = [...(exclude ?? []), options.outDir].filter(Boolean).map(globPattern);
  const files = [...new Set((include ?? []).flatMap(sourcesUnder))]
    .filter((file) => !excluded.some((re) => re.test(file)))
    .sort();
  return { files, rootDir: options.rootDir, outDir: options.outDir, target: options.target.toLowerCase() };
}

/** Transpiles one package (its tsconfig.build.json) into its outDir, each file with its source map. */
async function transpile(transformWithOxc, project) {
  const { files, rootDir, outDir, target } = buildPlan(project);
  await Promise.all(
    files.map(async (file) => {
      const out = path.join(outDir, path.relative(rootDir, file)).replace(/\.ts$/, '.js');
      const result = await transformWithOxc(fs.readFileSync(file, 'utf8'), file, {
        target,
        sourcemap: true,
        typescript: { rewriteImportExtensions: 'rewrite' },
      });
      const map = { ...result.map, file: path.basename(out), sources: [path.relative(path.dirname(out), file)] };
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${result.code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
      fs.writeFileSync(`${out}.map`, JSON.stringify(map));
    }),
  );
}

/** db/package.json's exports as a map from specifier to the compiled file, e.g. '@jejaring/db/demo' → db/dist/demo/load.js. */
function compiledExports() {
  const pkg = JSON.parse(fs.readFileSync(path.join(DB, 'package.json'), 'utf8'));
  const map = new Map();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    map.set(specifier, path.join(DB, 'dist', target.replace(/\.ts$/, '.js')));
  }
  return map;
}

const IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(@jejaring\/db(?:\/[\w./-]+)?)\2/g;

/** Points the compiled server's `@jejaring/db…` imports at db/dist (relative paths). */
function linkWorkspaceImports(dir, exportsMap) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) linkWorkspaceImports(file, exportsMap);
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = fs.readFileSync(file, 'utf8');
    const linked = code.replace(IMPORT, (_, keyword, quote, specifier) => {
      const target = exportsMap.get(specifier);
      if (!target) throw new Error(`${file}: ${specifier} is not in db/package.json "exports"`);
      if (!fs.existsSync(target)) throw new Error(`${file}: ${specifier} → ${target}, which the build did not emit`);
      const relative = path.relative(path.dirname(file), target);
      return `${keyword}${quote}${relative.startsWith('.') ? relative : `./${relative}`}${quote}`;
    });
    if (linked !== code) fs.writeFileSync(file, linked);
  }
}

async function buildServer() {
  const started = performance.now();
  for (const dir of [path.join(SERVER, 'dist'), path.join(DB, 'dist')])
    fs.rmSync(dir, { recursive: true, force: true });
  const require = createRequire(import.meta.url);
  const { transformWithOxc } = await import(require.resolve('vite'));
  await Promise.all([DB, SERVER].map((pkg) => transpile(transformWithOxc, path.join(pkg, 'tsconfig.build.json'))));
  linkWorkspaceImports(path.join(SERVER, 'dist'), compiledExports());
  fs.writeFileSync(STAMP, `${JSON.stringify({ builtAt: new Date().toISOString(), node: process.version })}\n`);
  return performance.now() - started;
}

/**
 * Runs `work` holding a lock file for this checkout, so that two builds started at once (two test
 * lanes, `pnpm start` beside a benchmark) do not delete each other's output. A lock whose process
 * is gone is taken over.
 */
async function withBuildLock(work) {
  const lock = path.join(
    os.tmpdir(),
    `jejaring-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`,
  );
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lock, 'utf8'));
      if (!isAlive(owner)) fs.rmSync(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Builds when `ifStale` is false or the build is stale; returns the milliseconds spent, 0 when it was up to date. */
export function ensureServerBuilt({ ifStale = true } = {}) {
  return withBuildLock(async () => (ifStale && serverBuildIsFresh() ? 0 : await buildServer()));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || !serverBuildIsFresh()) process.stderr.write('server: building dist/ …\n');
  const ms = await ensureServerBuilt({ ifStale });
  process.stderr.write(ms ? `server: built dist/ in ${(ms / 1000).toFixed(1)} s\n` : 'server: dist/ is up to date\n');
}
