import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startAccountsServer } from '../support/accounts.ts';
import type { TestServer } from '../support/server.ts';

/*
 * An operator imports over HTTP (docs/imports.md, "Access"): its job writes only for its agency,
 * and only it and administrators see the job. op.dikbud is the operator of AG-DIKBUD in the API
 * fixture bundle; AG-DINKES is another agency.
 */

let server: TestServer;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  server = await startAccountsServer();
  for (const user of ['admin', 'op.dikbud', 'op.diskop']) as[user] = bearer(await signIn(server, user));
});
afterAll(() => server?.close());

async function upload(body: string, name: string, user: string) {
  const response = await fetch(`${server.url}/imports?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...as[user] },
    body,
  });
  return { status: response.status, json: (await response.json()) as { id?: string; errors?: unknown[] } };
}

const JOB = 'id status report { committed rejectedTotal rejected { file line column reason } files { file inserted } }';
type Job = {
  id: string;
  status: string;
  report: {
    committed: boolean;
    rejectedTotal: number;
    rejected: Array<{ file: string; line: number; column: string; reason: string }>;
    files: Array<{ file: string; inserted: number }>;
  } | null;
};

async function settled(id: string, user: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const result = await server
      .gql<{ importJob: Job | null }>(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id }, as[user])
      .catch(() => ({ data: null }));
    const job = result.data?.importJob;
    if (job && job.status !== 'CHECKING' && job.status !== 'COMMITTING') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not settle`);
}

const purchases = async (refs: string[]) =>
  (
    await sql<{
      ref: string;
    }>`SELECT source_ref AS ref FROM "transaction" WHERE source_ref = ANY(${refs}) ORDER BY 1`.execute(
      server.database.db,
    )
  ).rows.map((r) => r.ref);

describe("an operator's import over HTTP", () => {
  it("checks and commits its agency's purchases and rejects another agency's, which are never stored", async () => {
    const csv = `ref,buyer_ref,seller_ref,category,amount,occurred_on
OP-TX-1,AG-DIKBUD,EN-001,SNACKS,2500000,2025-03-03
OP-TX-2,AG-DINKES,EN-001,SNACKS,7500000,2025-03-04
`;
    const uploaded = await upload(csv, 'transactions.csv', 'op.dikbud');
    expect(uploaded.status).toBe(201);
    const id = uploaded.json.id as string;
    const started = await server.gql(`mutation($id: ID!) { startImport(id: $id) { id } }`, { id }, as['op.dikbud']);
    expect(started.errors).toBeUndefined();
    const checked = await settled(id, 'op.dikbud');
    expect(checked.status).toBe('CHECKED');
    expect(checked.report?.rejected).toEqual([
      {
        file: 'transactions.csv',
        line: 3,
        column: 'buyer_ref',
        reason:
          'operator hanya mengimpor pembelian perangkat daerahnya sendiri dan jaringannya / an operator imports only the purchases of its own agency and its network',
      },
    ]);
    expect(await purchases(['OP-TX-1', 'OP-TX-2'])).toEqual([]);
    const commit = await server.gql(`mutation($id: ID!) { commitImport(id: $id) { id } }`, { id }, as['op.dikbud']);
    expect(commit.errors).toBeUndefined();
    const committed = await settled(id, 'op.dikbud');
    expect(committed.status).toBe('COMMITTED');
    expect(committed.report?.files.find((f) => f.file === 'transactions.csv')?.inserted).toBe(1);
    expect(await purchases(['OP-TX-1', 'OP-TX-2'])).toEqual(['OP-TX-1']);
  });

  it("hides an operator's job from another agency's operator, not from an administrator", async () => {
    const uploaded = await upload('ref,kind,name\nOP-EN-9,ENTERPRISE,Usaha Sembilan\n', 'parties.csv', 'op.dikbud');
    const id = uploaded.json.id as string;
    const other = await server.gql<{ importJob: unknown }>(
      `query($id: ID!) { importJob(id: $id) { id } }`,
      { id },
      as['op.diskop'],
    );
    expect(other.errors).toBeUndefined();
    expect(other.data?.importJob).toBeNull();
    const start = await server.gql(`mutation($id: ID!) { startImport(id: $id) { id } }`, { id }, as['op.diskop']);
    expect(start.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const admin = await server.gql<{ importJob: { id: string } }>(
      `query($id: ID!) { importJob(id: $id) { id } }`,
      { id },
      as.admin,
    );
    expect(admin.data?.importJob?.id).toBe(id);
  });

  it('refuses LKPP or OCDS JSON from an operator (403 FORBIDDEN), not from an administrator', async () => {
    const operator = await upload('[]', 'RUP-MasterSatker.json', 'op.dikbud');
    expect(operator.status).toBe(403);
    expect(JSON.stringify(operator.json.errors)).toContain('FORBIDDEN');
    const admin = await upload('[]', 'RUP-MasterSatker.json', 'admin');
    expect(admin.status).toBe(201);
  });
});
