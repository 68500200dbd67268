import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createUser } from '@jejaring/db/auth';
import { readImportSource, writeExport } from '@jejaring/db/import-jobs';
import { TEST_TENANT } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, TEST_PASSWORD } from '../support/accounts.ts';
import { API_BUNDLE, importApiBundle } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Rows per file of the API fixture bundle, counted from its CSV files. */
const API_ROWS: Record<string, number> = {
  'parties.csv': 93,
  'products.csv': 72,
  'memberships.csv': 16,
  'programs.csv': 12,
  'transactions.csv': 240,
  'snapshots.csv': 84,
  'assistance.csv': 30,
  'targets.csv': 5,
  'collection_targets.csv': 12,
};

const JOB = `id status fileName format sizeBytes allOrNothing errorCode errorMessage errorText { id en }
  progress { stage done total }
  report { committed dryRun allOrNothing rejectedTotal files { file rows inserted updated unchanged rejected }
           rejected { file line column reason reasonText { id en } code }
           warnings { file line column message messageText { id en } } }`;

interface Job {
  id: string;
  status: string;
  fileName: string;
  format: string;
  sizeBytes: number;
  allOrNothing: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  errorText: { id: string; en: string } | null;
  report: {
    committed: boolean;
    dryRun: boolean;
    rejectedTotal: number;
    files: Array<{
      file: string;
      rows: number;
      inserted: number;
      updated: number;
      unchanged: number;
      rejected: number;
    }>;
    rejected: Array<{ file: string; line: number; column: string | null; code: string }>;
  } | null;
}

/*
 * Two servers, each with its own upload folder: the first import of the bundle needs a database
 * nobody else writes to; every other test runs on one that holds the API bundle from the start and
 * compares with what it held before, so the tests pass in any order.
 */

let tmp: string;
let bundleZip: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jejaring-api-imports-'));
  bundleZip = path.join(tmp, 'api-bundle.zip');
  await writeExport(bundleZip, (await readImportSource(API_BUNDLE)).files);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A test server with its upload folder and the headers of its administrator and analyst. */
interface Harness {
  server: TestServer;
  uploads: string;
  admin: Record<string, string>;
  analyst: Record<string, string>;
}

async function startHarness(name: string, seed: 'empty' | 'api-bundle'): Promise<Harness> {
  const uploads = path.join(tmp, name);
  const server = await startTestServer({
    env: { IMPORT_DIR: uploads, MAX_UPLOAD_MB: '1' },
    seed: async (handle) => {
      if (seed === 'api-bundle') await importApiBundle(handle);
      for (const [username, role] of [
        ['admin', 'ADMIN'],
        ['analyst', 'ANALYST'],
      ] as const) {
        await createUser(handle.db, TEST_TENANT, { username, role, agencyCode: null, password: TEST_PASSWORD });
      }
    },
  });
  return {
    server,
    uploads,
    admin: bearer(await signIn(server, 'admin')),
    analyst: bearer(await signIn(server, 'analyst')),
  };
}

async function upload(
  h: Harness,
  body: Uint8Array | string,
  name: string,
  as: Record<string, string> = h.admin,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${h.server.url}/imports?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...as },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function step(h: Harness, mutation: 'startImport' | 'commitImport', id: string, extra = ''): Promise<Job> {
  const result = await h.server.gql<Record<string, Job>>(
    `mutation Step($id: ID!) { ${mutation}(id: $id${extra}) { ${JOB} } }`,
    { id },
    h.admin,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.[mutation] as Job;
}

/** Polls importJob until it leaves CHECKING / COMMITTING. */
async function settled(h: Harness, id: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    // On PGlite the import runs in the server's own thread and can hold its event loop for
    // seconds; a kept-alive connection may then be reset under a poll: poll again.
    const result = await h.server
      .gql<{ importJob: Job }>(`query Job($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id }, h.admin)
      .catch((error: unknown) => {
        if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNRESET') return { data: null };
        throw error;
      });
    const job = result.data?.importJob;
    if (job && job.status !== 'CHECKING' && job.status !== 'COMMITTING') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not settle`);
}

/** The files waiting in the upload folder (none before the first upload creates the folder). */
const waiting = async (h: Harness) =>
  (
    await fs.readdir(h.uploads).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    })
  ).sort();

const partyCount = async (h: Harness) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM party`.execute(h.server.database.db)).rows[0]?.n;
const counts = (job: Job) =>
  Object.fromEntries(job.report?.files.map((f) => [f.file, [f.inserted, f.unchanged, f.rejected]]) ?? []);

describe('the first import into an empty database, over HTTP and GraphQL', () => {
  let empty: Harness;
  beforeAll(async () => {
    empty = await startHarness('uploads-empty', 'empty');
  });
  afterAll(() => empty?.server.close());

  it('streams an upload to a 0600 file, checks it by a dry run (nothing stored), commits it, then re-imports it unchanged', async () => {
    const bytes = await fs.readFile(bundleZip);
    const uploaded = await upload(empty, bytes, 'kubu-raya.zip');
    expect(uploaded.status).toBe(201);
    expect(uploaded.json).toMatchObject({
      status: 'UPLOADED',
      fileName: 'kubu-raya.zip',
      format: 'zip',
      sizeBytes: bytes.length,
    });
    const id = uploaded.json.id as string;
    const [stored] = await fs.readdir(empty.uploads);
    expect((await fs.stat(path.join(empty.uploads, stored as string))).mode & 0o777).toBe(0o600);

    expect((await step(empty, 'startImport', id)).status).toBe('CHECKING');
    const checked = await settled(empty, id);
    expect(checked.status).toBe('CHECKED');
    expect(checked.report).toMatchObject({ committed: false, dryRun: true, rejectedTotal: 0 });
    for (const [file, rows] of Object.entries(API_ROWS)) expect(counts(checked)[file]).toEqual([rows, 0, 0]);
    expect(await partyCount(empty)).toBe(0);

    expect((await step(empty, 'commitImport', id)).status).toBe('COMMITTING');
    const committed = await settled(empty, id);
    expect(committed.status).toBe('COMMITTED');
    expect(committed.report).toMatchObject({ committed: true, dryRun: false });
    expect(await partyCount(empty)).toBe(93);
    expect(await fs.readdir(empty.uploads)).toEqual([]); // the upload is removed once stored

    const again = await empty.server.gql(`mutation { commitImport(id: "${id}") { id } }`, {}, empty.admin);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });

    const second = (await upload(empty, bytes, 'kubu-raya.zip')).json.id as string;
    await step(empty, 'startImport', second);
    await settled(empty, second);
    await step(empty, 'commitImport', second);
    const unchanged = await settled(empty, second);
    for (const [file, rows] of Object.entries(API_ROWS)) expect(counts(unchanged)[file]).toEqual([0, rows, 0]);
  });
});

describe('import jobs over HTTP and GraphQL, on a database holding the API bundle', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('uploads', 'api-bundle');
  });
  afterAll(() => h?.server.close());

  it('fails a zip holding a path outside its folder with ZIP_SLIP, storing nothing', async () => {
    const zip = await fs.readFile(bundleZip);
    // Rename parties.csv (11 characters) to ../arty.csv (11): a path leaving the archive's folder.
    const slip = Buffer.from(zip.toString('latin1').split('parties.csv').join('../arty.csv'), 'latin1');
    const before = await partyCount(h);
    const id = (await upload(h, slip, 'slip.zip')).json.id as string;
    await step(h, 'startImport', id);
    const job = await settled(h, id);
    expect(job).toMatchObject({ status: 'FAILED', errorCode: 'ZIP_SLIP', report: null });
    // The reason in each language, and both joined in errorMessage (what the CLI prints).
    const id_ = 'arsip memuat entri di luar foldernya ("../arty.csv"): ditolak, tidak ada yang diimpor';
    const en = 'the archive holds an entry outside its folder ("../arty.csv"): refused, nothing imported';
    expect(job.errorText).toEqual({ id: id_, en });
    expect(job.errorMessage).toBe(`${id_} / ${en}`);
    expect(await partyCount(h)).toBe(before);
  });

  it('all or nothing: a commit with a rejected row stores nothing and says ROLLED_BACK', async () => {
    const csv = 'ref,kind,name,region_code\nVE-NEW-1,VENDOR,CV Baru,61.12\nVE-NEW-2,VENDOR,CV Salah,99.99\n';
    const before = await partyCount(h);
    const id = (await upload(h, csv, 'parties.csv')).json.id as string;
    await step(h, 'startImport', id, ', allOrNothing: true');
    const checked = await settled(h, id);
    expect(checked.report?.rejected).toEqual([
      {
        file: 'parties.csv',
        line: 3,
        column: 'region_code',
        reason: 'kode wilayah 99.99 tidak dikenal / unknown region code 99.99',
        reasonText: { id: 'kode wilayah 99.99 tidak dikenal', en: 'unknown region code 99.99' },
        code: 'BAD_USER_INPUT',
      },
    ]);
    await step(h, 'commitImport', id);
    expect(await settled(h, id)).toMatchObject({
      status: 'FAILED',
      errorCode: 'ROLLED_BACK',
      allOrNothing: true,
      errorText: {
        id: 'ada baris yang ditolak dan pekerjaan ini semua-atau-tidak-sama-sekali: tidak ada yang disimpan',
        en: 'rows were rejected and the job is all-or-nothing: nothing stored',
      },
    });
    expect(await partyCount(h)).toBe(before);
  });

  it('refuses an upload without a name, of an unknown kind, or over MAX_UPLOAD_MB, keeping no file', async () => {
    const before = await waiting(h);
    expect((await upload(h, 'x', '')).status).toBe(400);
    const pdf = await upload(h, 'x', 'laporan.pdf');
    expect(pdf.status).toBe(400);
    expect(JSON.stringify(pdf.json)).toContain('unknown format');
    const big = await upload(h, new Uint8Array(1024 * 1024 + 1), 'big.csv');
    expect(big.status).toBe(413);
    expect((big.json as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(await waiting(h)).toEqual(before);
  });

  it('refuses uploads, jobs and downloads without sign-in (401), and uploads and jobs to readers (403)', async () => {
    const codeOf = async (response: Response) =>
      ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code;
    const anonymous = await fetch(`${h.server.url}/imports?name=parties.csv`, {
      method: 'POST',
      body: 'ref,kind,name\n',
    });
    expect([anonymous.status, await codeOf(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
    const reader = await upload(h, 'ref,kind,name\n', 'parties.csv', h.analyst);
    expect(reader.status).toBe(403);
    const download = await fetch(`${h.server.url}/exports/bundle.zip`);
    expect([download.status, await codeOf(download)]).toEqual([401, 'UNAUTHENTICATED']);
    for (const headers of [{}, h.analyst]) {
      const mutation = await h.server.gql('mutation { startImport(id: "1") { id } }', {}, headers);
      expect(mutation.errors?.[0]?.extensions?.code).toBe(
        Object.keys(headers).length ? 'FORBIDDEN' : 'UNAUTHENTICATED',
      );
      const query = await h.server.gql('query { importJob(id: "1") { id } }', {}, headers);
      expect(query.errors?.[0]?.extensions?.code).toBe(Object.keys(headers).length ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
  });

  it('takes an upload signed in by the session cookie (as the dashboard sends it), and refuses one with a form content type or none (CSRF) without reading it', async () => {
    const login = await fetch(`${h.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        variables: { u: 'admin', p: TEST_PASSWORD },
      }),
    });
    const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('jejaring_session='));
    expect(setCookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; /);
    const cookie = { cookie: setCookie!.split(';')[0]! };
    const before = await waiting(h);
    const codeOf = async (response: Response) =>
      ((await response.json()) as { errors: Array<{ extensions: { code: string; field: string } }> }).errors[0]
        ?.extensions;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]) {
      const forged = await fetch(`${h.server.url}/imports?name=parties.csv`, {
        method: 'POST',
        headers: { ...cookie, ...(type ? { 'content-type': type } : {}) },
        body: type ? 'ref,kind,name\n' : new Blob(['ref,kind,name\n']),
      });
      expect([type, forged.status, await codeOf(forged)]).toEqual([
        type,
        400,
        { code: 'BAD_REQUEST', field: 'content-type' },
      ]);
    }
    expect(await waiting(h)).toEqual(before);
    const accepted = await upload(h, 'ref,kind,name\n', 'parties.csv', cookie);
    expect(accepted.status).toBe(201);
    expect(accepted.json).toMatchObject({ status: 'UPLOADED', fileName: 'parties.csv', format: 'csv' });
  });

  it("downloads the bundle as a zip and as a workbook: a reader's without owners' names and NIKs (importable as it is), an admin's with them", async () => {
    for (const format of ['zip', 'xlsx']) {
      const response = await fetch(`${h.server.url}/exports/bundle.${format}`, { headers: h.analyst });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="?jejaring-61\\.12-[0-9-]{10}\\.${format}"?$`),
      );
      const file = path.join(tmp, `download.${format}`);
      await fs.writeFile(file, Buffer.from(await response.arrayBuffer()));
      const { files } = await readImportSource(file);
      const parties = files.find((f) => f.name === 'parties.csv');
      const header = parties?.parsed?.header ?? String(parties?.content).split('\n')[0]?.split(',');
      expect(header).toContain('nib');
      expect(header).not.toContain('owner_name');
      expect(header).not.toContain('owner_nik');
      // Imported back into the same database it changes nothing (names and NIKs stay as stored).
      const id = (await upload(h, await fs.readFile(file), `download.${format}`)).json.id as string;
      await step(h, 'startImport', id);
      const checked = await settled(h, id);
      expect(checked.report?.rejectedTotal).toBe(0);
      expect(checked.report?.files.every((f) => f.inserted === 0 && f.updated === 0)).toBe(true);
    }
    const owners = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM enterprise_profile WHERE owner_nik IS NOT NULL`.execute(h.server.database.db);
    expect(owners.rows[0]?.n).toBeGreaterThan(0); // the fixture has NIKs: leaving them out is a choice, not an accident
    const full = await fetch(`${h.server.url}/exports/bundle.zip`, { headers: h.admin });
    const file = path.join(tmp, 'admin.zip');
    await fs.writeFile(file, Buffer.from(await full.arrayBuffer()));
    const parties = (await readImportSource(file)).files.find((f) => f.name === 'parties.csv');
    expect(String(parties?.content).split('\n')[0]?.split(',')).toEqual(
      expect.arrayContaining(['owner_name', 'owner_nik']),
    );
  });

  it('answers importJob for an unknown job with null, and a malformed id with BAD_USER_INPUT', async () => {
    expect((await h.server.gql('query { importJob(id: "987654") { id } }', {}, h.admin)).data).toEqual({
      importJob: null,
    });
    const bad = await h.server.gql('query { importJob(id: "abc") { id } }', {}, h.admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
