import fs from 'node:fs';
import path from 'node:path';
import { type DatabaseHandle, migrateToLatest } from '@jejaring/db';
import { createUser } from '@jejaring/db/auth';
import { importCsvBundle, readBundleDir } from '@jejaring/db/import';
import { testEngine } from '@jejaring/db/testing';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_BUNDLE, globalId } from '../support/fixtures.ts';
import { ROOT } from '../support/process.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { StatementRecorder } from '../support/statement-recorder.ts';

/*
 * A regency's dashboard reads no other regency's rows. Three regencies hold the same small bundle
 * (tests/fixtures/bundles/api); an administrator of Pontianak (61.71) runs every read operation of
 * the dashboard (schema/operations/dashboard) against the API. Every statement the server sends is
 * recorded (a Kysely plugin on its database handle) and planned again by the database with its own
 * parameters (EXPLAIN VERBOSE): every scan of a table that has a tenant_id must carry the condition
 * tenant_id = '61.71' (written, or derived by the planner from a join on tenant_id), and no other
 * regency's code may appear. A statement that forgot its tenant filter, or joined a table without
 * tenant_id in the join, fails here. Then the other regencies' data is changed and every answer
 * must stay the same.
 */

const REGENCY = '61.71';
const OTHERS = ['61.12', '61.72'];
const HEADERS = { 'jejaring-regency': REGENCY };
const PASSWORD = 'isolation-password-2026';

/** The credential lookup finds a session by its secret's hash whatever the regency (auth/auth.sql.ts): the one exception, by design. */
const CREDENTIAL_LOOKUP = /from "(user_session|api_key)" as "[sk]" inner join "app_user"/;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

/** Conditions of a scan: its own, and those of the index scans under a bitmap heap scan. */
function conditions(node: PlanNode): string {
  const own = [node['Index Cond'], node.Filter, node['Recheck Cond']].filter(Boolean).join(' AND ');
  const below = (node.Plans ?? []).filter((p) => !p['Relation Name']).map(conditions);
  return [own, ...below].join(' AND ');
}

/** Scans of tenant tables in a plan that are not restricted to `regency`. */
function unrestrictedScans(plan: PlanNode, tenantTables: ReadonlySet<string>, regency: string): string[] {
  const found: string[] = [];
  const wanted = new RegExp(`tenant_id = '${regency.replace('.', '\\.')}'::text`);
  const walk = (node: PlanNode) => {
    const table = node['Relation Name'];
    // A ModifyTable node writes the rows its children produce (their scans are checked) or the
    // statement's VALUES (whose parameters are checked for other regencies' codes below).
    const scan = node['Node Type'] !== 'ModifyTable';
    if (scan && table && tenantTables.has(table) && !wanted.test(conditions(node))) {
      found.push(`${node['Node Type']} on ${table} (${conditions(node) || 'no condition'})`);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return found;
}

/** The dashboard's read operations (every query of schema/operations/dashboard) with the variables its pages send. */
function readOperations(ids: Record<string, string>): Array<[string, Record<string, unknown>]> {
  const filter = { fiscalYear: 2024 };
  const variables: Record<string, Record<string, unknown>> = {
    GetAgency: { id: ids.agency },
    GetAgencyScorecard: { filter },
    GetBuyerOptions: { agencyId: ids.agency, fiscalYear: 2024 },
    GetDataCollectionProgress: { year: 2024 },
    GetDominoEffect: { filter },
    GetEnterpriseForEdit: { id: ids.enterprise },
    GetImportJobProgress: { id: ids.importJob },
    GetImportJobReport: { id: ids.importJob },
    GetMarketAccessEffect: { cohortYear: 2023 },
    GetNetworkReach: { agencyId: ids.agency, filter: { ...filter, includeNetwork: true } },
    GetPlannedVsRealised: { fiscalYear: 2024, includeNetwork: true },
    GetProgram: { id: ids.program },
    GetProgramOutcomes: { fiscalYear: 2024 },
    GetRecoveryIndex: { groupBy: 'DISTRICT' },
    GetRegistryEntry: { id: ids.enterprise },
    GetSpendByDistrict: { filter },
    GetSpendFlows: { filter, levels: ['AGENCY', 'CATEGORY', 'SELLER_CLASS', 'SELLER_DISTRICT', 'SECTOR'] },
    GetSpendSummary: { filter },
    GetSpendTrend: { filter: { includeNetwork: true }, interval: 'MONTH' },
    GetLikelyDuplicates: {},
    ListDrafts: {},
    ListEnterprises: { first: 50 },
    ListCooperatives: { first: 50 },
    ListGovernmentOrders: { first: 50 },
    SearchSellers: { search: 'a' },
  };
  const dir = path.join(ROOT, 'schema/operations/dashboard');
  const names = fs
    .readdirSync(dir)
    .map((f) => f.replace(/\.graphql$/, ''))
    .filter((name) => /^query /m.test(fs.readFileSync(path.join(dir, `${name}.graphql`), 'utf8')))
    // The regency directory and the province overview read every regency by design (docs/api.md "Regencies").
    .filter((name) => name !== 'ListRegencies' && name !== 'GetProvinceOverview');
  return names.map((name) => [name, variables[name] ?? {}]);
}

describe(`a regency's dashboard reads no other regency's rows (${testEngine})`, () => {
  const recorder = new StatementRecorder();
  let server: TestServer;
  let database: DatabaseHandle;
  let tenantTables: Set<string>;
  let signedIn: Record<string, string>;
  let ids: Record<string, string>;
  const answers = new Map<string, unknown>();

  beforeAll(async () => {
    server = await startTestServer({
      seed: async (handle) => {
        const bundle = await readBundleDir(API_BUNDLE);
        for (const regency of ['61.12', REGENCY, '61.72']) {
          await migrateToLatest(handle.db, regency);
          const report = await importCsvBundle(handle.db, regency, bundle);
          if (!report.committed) throw new Error(`the bundle did not import into ${regency}`);
        }
        await createUser(handle.db, REGENCY, {
          username: 'admin.iso',
          role: 'ADMIN',
          agencyCode: null,
          password: PASSWORD,
        });
      },
      instrument: (handle) => ({ ...handle, db: handle.db.withPlugin(recorder) }),
    });
    database = server.database;
    const columns = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'tenant_id'`.execute(database.db);
    tenantTables = new Set(columns.rows.map((r) => r.table_name));
    const login = await server.gql<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'admin.iso', p: PASSWORD },
      HEADERS,
    );
    signedIn = { ...HEADERS, authorization: `Bearer ${login.data?.login.token}` };
    const first = async (kind: string) =>
      Number(
        (
          await sql<{
            id: string;
          }>`SELECT min(id) AS id FROM party WHERE tenant_id = ${REGENCY} AND kind = ${kind}`.execute(database.db)
        ).rows[0]?.id,
      );
    const program = await sql<{ id: string }>`SELECT min(id) AS id FROM program WHERE tenant_id = ${REGENCY}`.execute(
      database.db,
    );
    ids = {
      agency: globalId('Agency', await first('AGENCY')),
      enterprise: globalId('Enterprise', await first('ENTERPRISE')),
      program: globalId('Program', Number(program.rows[0]?.id)),
      importJob: globalId('ImportJob', 1),
    };
  });
  afterAll(() => server?.close());

  async function run(name: string, variables: Record<string, unknown>) {
    const query = fs.readFileSync(path.join(ROOT, 'schema/operations/dashboard', `${name}.graphql`), 'utf8');
    recorder.statements.length = 0;
    const result = await server.gql(query, variables, signedIn);
    return { result, statements: [...recorder.statements] };
  }

  it('every statement of every read operation is restricted to the regency', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [name, variables] of readOperations(ids)) {
      const { result, statements } = await run(name, variables);
      if (!name.startsWith('GetImportJob')) expect(result.errors, name).toBeUndefined();
      answers.set(name, result.data);
      for (const statement of statements) {
        const text = statement.sql.trim();
        if (!/^(select|with)\b/i.test(text) || CREDENTIAL_LOOKUP.test(text)) continue;
        const explained = await database.db.executeQuery<{ 'QUERY PLAN': unknown }>(
          CompiledQuery.raw(`EXPLAIN (VERBOSE, FORMAT JSON) ${text}`, [...statement.parameters]),
        );
        const raw = explained.rows[0]?.['QUERY PLAN'];
        const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
        const planText = JSON.stringify(plan);
        checked++;
        for (const scan of unrestrictedScans(plan[0]?.Plan as PlanNode, tenantTables, REGENCY)) {
          problems.push(`${name}: ${scan}\n  ${text.slice(0, 300)}`);
        }
        for (const other of OTHERS) {
          if (planText.includes(`'${other}'`) || statement.parameters.includes(other)) {
            problems.push(`${name}: names regency ${other}\n  ${text.slice(0, 300)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it("gives the same answers after the other regencies' purchases and names change", async () => {
    expect(answers.size).toBeGreaterThan(20);
    await sql`UPDATE "transaction" SET amount = amount * 3 WHERE tenant_id IN (${sql.join(OTHERS)})`.execute(
      database.db,
    );
    await sql`UPDATE party SET name = name || ' (lain)' WHERE tenant_id IN (${sql.join(OTHERS)})`.execute(database.db);
    for (const [name, variables] of readOperations(ids)) {
      const { result } = await run(name, variables);
      expect(result.data, name).toEqual(answers.get(name));
    }
  });
});
