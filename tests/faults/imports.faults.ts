import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@jejaring/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitWithin, type ServerProcess, spawnServer } from '../support/process.ts';
import { adminHeaders, preparePgliteDir, TENANT } from './pglite-dir.ts';
import { post, reportFigures, round, sleep, succeeded } from './support.ts';

/** Enterprises in the generated parties.csv: enough for the commit to run for seconds. */
const ROWS = 50_000;
const HEADER =
  'ref,kind,name,region_code,parent_ref,is_government,unit_type,agency_code,nib,kbli_code,size_class,capital,annual_revenue,owner_name,owner_nik,status,verification,registered_on,short_name,agency_type,members,owner_gender,founded_year,employees,registration_no,coop_type,members_count';
const JOB = 'id status errorCode errorMessage errorText { id en } progress { stage done total }';

interface Job {
  id: string;
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
  errorText: { id: string; en: string } | null;
  progress: { stage: string; done: number; total: number } | null;
}

function partiesCsv(prefix: string): string {
  const lines = [HEADER];
  for (let i = 1; i <= ROWS; i++) {
    const n = String(i).padStart(5, '0');
    lines.push(
      `${prefix}-${n},ENTERPRISE,Usaha Impor ${prefix} ${n},61.12,,,,,,,,,,,,ACTIVE,DRAFT,2024-01-02,,,,,,,,,`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// An import stopped half-way, by SIGTERM (cancelled cleanly) or kill -9 (the transaction dies with
// the process): nothing of it is stored, and the same job then runs to the end.
describe('imports stopped half-way (PGlite, like pnpm start)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-import-faults-'));
  const dir = path.join(root, 'pglite');
  const uploads = path.join(root, 'uploads');
  let server: ServerProcess | undefined;
  let url: string;
  let headers: Record<string, string>;

  const started: ServerProcess[] = [];
  const start = async () => {
    server = spawnServer({ PGLITE_DIR: dir, IMPORT_DIR: uploads, LOG_LEVEL: 'info', MAX_UPLOAD_MB: '50' });
    started.push(server);
    url = await server.url;
    headers = await adminHeaders(url);
  };

  const gql = async (query: string, variables: Record<string, unknown>) => {
    const outcome = await post(`${url}/graphql`, JSON.stringify({ query, variables }), headers, 60_000);
    if (!succeeded(outcome) || outcome.kind !== 'answer') throw new Error(`GraphQL failed: ${JSON.stringify(outcome)}`);
    return (outcome.json as { data: Record<string, Job> }).data;
  };
  const job = async (id: string) =>
    (await gql(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id })).importJob as Job;
  const step = async (mutation: 'startImport' | 'commitImport', id: string) =>
    (await gql(`mutation($id: ID!) { ${mutation}(id: $id) { ${JOB} } }`, { id }))[mutation] as Job;
  const until = async (id: string, done: (j: Job) => boolean) => {
    let last: Job | null = null;
    for (let i = 0; i < 1_200; i++) {
      const current = await job(id).catch(() => null); // PGlite may hold the event loop: poll again
      if (current && done(current)) return current;
      last = current ?? last;
      await sleep(100);
    }
    throw new Error(`import job ${id} never got there: ${JSON.stringify(last)}`);
  };
  const upload = async (name: string, body: string) => {
    const response = await fetch(`${url}/imports?name=${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  /**
   * Checks the job, commits it, and resolves once the server logs the commit's first batch of rows
   * stored (its transaction open, more batches to come). Not by polling the API: on PGlite the
   * commit's transaction holds the one connection, so a poll (its session is checked in the
   * database) is answered only after the commit; it used to see COMMITTING only when it slipped in
   * before the transaction began.
   */
  const committing = async (id: string) => {
    await step('startImport', id);
    expect((await until(id, (j) => j.status !== 'CHECKING')).status).toBe('CHECKED');
    await step('commitImport', id);
    const storing = (line: Record<string, unknown>) =>
      line.msg === 'import job progress' &&
      line.importJob === Number(id) &&
      line.step === 'commit' &&
      line.stage === 'parties.csv';
    for (let i = 0; i < 6_000; i++) {
      const line = server?.logs().find(storing);
      if (line) return { progress: { stage: line.stage, done: line.done, total: line.total } };
      await sleep(10);
    }
    throw new Error(`import job ${id}: no log of its commit storing rows within 60 s`);
  };
  /** With the server stopped: the job's row and how many of the bundle's enterprises are stored. */
  const stored = async (id: string, prefix: string) => {
    const handle = await openDatabase({ engine: 'pglite', dir });
    try {
      const row = await handle.db
        .selectFrom('import_job')
        .select(['status', 'error_code', 'progress'])
        .where('tenant_id', '=', TENANT)
        .where('id', '=', Number(id))
        .executeTakeFirstOrThrow();
      const parties = await handle.db
        .selectFrom('party')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', TENANT)
        .where('ref', 'like', `${prefix}-%`)
        .executeTakeFirstOrThrow();
      return { status: row.status, errorCode: row.error_code, parties: Number(parties.n), progress: row.progress };
    } finally {
      await handle.close();
    }
  };
  const commitToEnd = async (id: string) => {
    await step('startImport', id);
    expect((await until(id, (j) => j.status !== 'CHECKING')).status).toBe('CHECKED');
    await step('commitImport', id);
    return until(id, (j) => j.status !== 'COMMITTING');
  };

  beforeAll(async () => {
    await preparePgliteDir(dir);
  });
  afterAll(async () => {
    // Every server a case started, not only the last: one a failed case left running would hold
    // the directory's lock (and live on after the suite).
    for (const left of started) {
      if (left.child.exitCode !== null || left.child.signalCode !== null) continue;
      left.child.kill('SIGTERM');
      if ((await exitWithin(left, 20_000)) === 'timeout') left.child.kill('SIGKILL');
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('SIGTERM during a commit: rolled back, the job CANCELLED, exit 0 in time; the same job then commits', async () => {
    await start();
    const id = await upload('parties.csv', partiesCsv('EN-T'));
    const seen = await committing(id);
    const signalledAt = performance.now();
    server?.child.kill('SIGTERM');
    const code = await exitWithin(server as ServerProcess, 20_000);
    const exitMs = performance.now() - signalledAt;
    const logs = server?.logs() ?? [];
    const after = await stored(id, 'EN-T');

    await start();
    const again = await commitToEnd(id);
    server?.child.kill('SIGTERM');
    expect(await exitWithin(server as ServerProcess, 20_000)).toBe(0);
    const finally_ = await stored(id, 'EN-T');
    reportFigures('import-sigterm', {
      rows: ROWS,
      progressSeenWhenSignalled: seen.progress,
      progressWhenCancelled: after.progress,
      exitCode: code,
      exitMsAfterSigterm: round(exitMs),
      jobAfterSigterm: after,
      jobAfterRetry: finally_,
    });
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(10_000 + 5_000); // SHUTDOWN_TIMEOUT_MS, and closing
    expect(logs.some((line) => line.msg === 'import jobs cancelled (rolled back)')).toBe(true);
    expect(after).toMatchObject({ status: 'CANCELLED', errorCode: 'CANCELLED', parties: 0 });
    expect(again.status).toBe('COMMITTED');
    expect(finally_).toMatchObject({ status: 'COMMITTED', errorCode: null, parties: ROWS });
  });

  it('kill -9 during a commit: nothing stored, the job FAILED (INTERRUPTED) at restart; the same job then commits', async () => {
    await start();
    const id = await upload('parties.csv', partiesCsv('EN-K'));
    const seen = await committing(id);
    server?.child.kill('SIGKILL');
    expect(await exitWithin(server as ServerProcess, 10_000)).toBeNull();
    // Before any restart: the directory holds none of it (the transaction never committed).
    const afterKill = await stored(id, 'EN-K');

    await start();
    const reported = await job(id);
    const again = await commitToEnd(id);
    server?.child.kill('SIGTERM');
    expect(await exitWithin(server as ServerProcess, 20_000)).toBe(0);
    const finally_ = await stored(id, 'EN-K');
    reportFigures('import-kill-9', {
      rows: ROWS,
      progressSeenWhenKilled: seen.progress,
      jobAfterKill: afterKill,
      jobAtRestart: { status: reported.status, errorCode: reported.errorCode },
      jobAfterRetry: finally_,
    });
    expect(afterKill).toMatchObject({ status: 'COMMITTING', errorCode: null, parties: 0 });
    expect(reported).toMatchObject({
      status: 'FAILED',
      errorCode: 'INTERRUPTED',
      errorText: {
        id: 'server berhenti saat pekerjaan ini berjalan; tidak ada yang disimpan: mulai lagi',
        en: 'the server stopped while this job ran; nothing of it was stored: start it again',
      },
    });
    expect(again.status).toBe('COMMITTED');
    expect(finally_).toMatchObject({ status: 'COMMITTED', errorCode: null, parties: ROWS });
  });
});
