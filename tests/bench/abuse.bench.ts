/**
 * Abuse benchmark (`pnpm bench:abuse`): replays the requests of docs/limits.md's attack table
 * against the server run as `pnpm start` runs it (the compiled server/dist in its own process,
 * production mode) on PGlite with the demo data, and prints each answer (status, code) and its
 * time, with the time /healthz took to answer while it ran. The demo directory is the one the
 * browser tests prepare (loaded on first use, about a minute).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { ROOT, startDemoServer } from '../e2e/support.ts';
import { COMPILED_SERVER_ARGS, ensureServerBuilt } from '../support/server-build.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startProduction(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  ensureServerBuilt(ROOT);
  const child = spawn(process.execPath, COMPILED_SERVER_ARGS, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PGLITE_DIR: dir, DEMO_DATA: 'off', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the server did not start');
}

const fragmentBomb = `{ ...F0 }\n${Array.from({ length: 10 }, (_, i) =>
  i < 9
    ? `fragment F${i} on Query { ${Array(10)
        .fill(`...F${i + 1}`)
        .join(' ')} }`
    : 'fragment F9 on Query { about { tenantId } }',
).join('\n')}`;
const aliases = `{ ${Array.from(
  { length: 2000 },
  (_, i) => `a${i}: enterprises(first: 0, filter: { search: "usaha" }) { totalCount }`,
).join(' ')} }`;
const defaults =
  'query($n: Int = 500) { enterprises(first: $n) { nodes { name products(first: $n) { nodes { name } } } } }';

const rows: Array<{ name: string; init: RequestInit & { path?: string } }> = [
  {
    name: 'nine fragments, each spreading the next ten times',
    init: { body: JSON.stringify({ query: fragmentBomb }) },
  },
  {
    name: '2,000 aliases of enterprises(first: 0, filter: {search}) { totalCount }',
    init: { body: JSON.stringify({ query: aliases }) },
  },
  {
    name: 'query($n: Int = 500) { enterprises(first: $n) { … products(first: $n) … } }',
    init: { body: JSON.stringify({ query: defaults }) },
  },
  { name: 'a body of `{`', init: { body: '{' } },
  // Sent as a client streaming it would: 30 MB announced, the first 64 KB sent (see postLarge).
  { name: '30 MB body', init: { body: 'LARGE' } },
  { name: 'headers of any response (GET /healthz)', init: { method: 'GET', path: '/healthz' } },
  {
    name: '`{ enterprize … }` typo',
    init: { body: JSON.stringify({ query: '{ enterprize(first: 1) { totalCount } }' }) },
  },
];

/**
 * POSTs a body announced as 30 MB (Content-Length) and sends its first 64 KB, as a streaming client
 * would; the server answers from the announced length and closes the connection, so the rest is
 * never sent (fetch would fail writing it, with EPIPE, after the answer came).
 */
function postLarge(url: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/graphql`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': 30_000_000 },
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        request.destroy();
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        resolve(new Response(Buffer.concat(chunks), { status: response.statusCode ?? 0, headers }));
      });
    });
    request.on('error', reject);
    request.write(`{"query":"{ about { tenantId } } #${'x'.repeat(64_000)}`);
  });
}

async function main(): Promise<void> {
  const demo = await startDemoServer();
  const dir = demo.running.database.location;
  await demo.stop();
  const { url, child } = await startProduction(dir);
  try {
    const lines = ['| request | answer | time |', '|---|---|---|'];
    for (const row of rows) {
      const health = (async () => {
        await new Promise((r) => setTimeout(r, 5));
        const started = performance.now();
        const response = await fetch(`${url}/healthz`);
        return { ok: response.ok, ms: performance.now() - started };
      })();
      const started = performance.now();
      const response =
        row.init.body === 'LARGE'
          ? await postLarge(url)
          : await fetch(`${url}${row.init.path ?? '/graphql'}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              ...row.init,
            });
      const text = await response.text();
      const ms = performance.now() - started;
      const healthz = await health;
      let answer: string;
      if (row.init.path === '/healthz') {
        const h = response.headers;
        answer = `${response.status}; CSP ${h.get('content-security-policy') ? 'with' : 'without'} frame-ancestors 'none': ${/frame-ancestors 'none'/.test(h.get('content-security-policy') ?? '')}, nosniff: ${h.get('x-content-type-options') === 'nosniff'}, Referrer-Policy: ${h.get('referrer-policy')}`;
      } else {
        const body = JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
        const error = body.errors?.[0];
        answer = `${response.status} ${error?.extensions?.code ?? ''} (JSON): ${error?.message.slice(0, 90) ?? ''}`;
      }
      lines.push(
        `| ${row.name} | ${answer} | ${ms.toFixed(1)} ms (/healthz ${healthz.ok ? 'answered' : 'FAILED'} in ${healthz.ms.toFixed(1)} ms) |`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    child.kill('SIGTERM');
  }
}

await main();
