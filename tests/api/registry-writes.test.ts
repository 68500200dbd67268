import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startAccountsServer } from '../support/accounts.ts';
import { globalId, rowId } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/*
 * The registry's other writes over real HTTP (docs/data-entry.md): network units, products,
 * assistance, monthly snapshots, policy and collection targets. Every test makes the rows it
 * reads, so the order of the tests does not matter.
 */

let server: TestServer;
const as: Record<string, Record<string, string>> = {};
const parties = new Map<string, number>();
const programs = new Map<string, number>();

beforeAll(async () => {
  server = await startAccountsServer();
  for (const user of ['admin', 'op.dikbud', 'op.diskop', 'analyst']) as[user] = bearer(await signIn(server, user));
  const db = server.database.db;
  for (const row of (await sql<{ ref: string; id: number }>`SELECT ref, id FROM party`.execute(db)).rows) {
    parties.set(row.ref, Number(row.id));
  }
  for (const row of (await sql<{ ref: string; id: number }>`SELECT ref, id FROM program`.execute(db)).rows) {
    programs.set(row.ref, Number(row.id));
  }
});
afterAll(() => server?.close());

const party = (ref: string, type: string) => globalId(type, parties.get(ref) as number);
const program = (ref: string) => globalId('Program', programs.get(ref) as number);
type Errors = Array<{ extensions?: Record<string, unknown> }> | undefined;
const code = (errors: Errors) => errors?.[0]?.extensions?.code;
const failedFields = (errors: Errors) =>
  ((errors?.[0]?.extensions?.failures ?? []) as Array<{ field: string; code: string }>).map((f) => f.field);

async function ok<T>(user: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await server.gql<T>(query, variables, as[user]);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** The audit rows of one entity, oldest first, with the account that wrote them. */
async function auditOf(entity: string, entityId: string) {
  const rows = await sql<{ action: string; username: string; details: unknown }>`
    SELECT a.action, u.username, a.details FROM audit_event a JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.user_id
    WHERE a.entity = ${entity} AND a.entity_id = ${entityId} ORDER BY a.id`.execute(server.database.db);
  return rows.rows.map((r) => ({ ...r, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details }));
}

/** Registers an enterprise as this operator (so its agency is the one that registered it). */
async function registerEnterprise(user: string, name: string): Promise<string> {
  const data = await ok<{ registerEnterprise: { enterprise: { id: string } } }>(
    user,
    'mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { enterprise { id } } }',
    { input: { name, regionCode: '61.12.01.2001', kbliCode: '10794', capital: 20_000_000 } },
  );
  return data.registerEnterprise.enterprise.id;
}

const rowIdOf = (id: string) => String(rowId(id));

const UNIT = `mutation($input: NetworkUnitInput!) { registerNetworkUnit(input: $input) {
  id name unitType members isGovernment region { code } } }`;

describe('registerNetworkUnit', () => {
  it("registers a school under the operator's agency and a canteen under that school, audited", async () => {
    const school = await ok<{ registerNetworkUnit: { id: string } & Record<string, unknown> }>('op.dikbud', UNIT, {
      input: {
        parentId: party('AG-DIKBUD', 'Agency'),
        name: 'SD Negeri 09 Sungai Raya',
        unitType: 'SCHOOL',
        isGovernment: true,
        regionCode: '61.12.01.2001',
        members: 240,
      },
    });
    expect(school.registerNetworkUnit).toMatchObject({
      name: 'SD Negeri 09 Sungai Raya',
      unitType: 'SCHOOL',
      members: 240,
      isGovernment: true,
      region: { code: '61.12.01.2001' },
    });
    const canteen = await ok<{ registerNetworkUnit: { id: string } }>('op.dikbud', UNIT, {
      input: {
        parentId: school.registerNetworkUnit.id,
        name: 'Koperasi Sekolah SDN 09',
        unitType: 'OTHER',
        isGovernment: false,
      },
    });
    const audit = await auditOf('party', rowIdOf(canteen.registerNetworkUnit.id));
    expect(audit.map((a) => [a.action, a.username])).toEqual([['network_unit.register', 'op.dikbud']]);
  });

  it("counts a new unit's purchases in its agency's network spending, to the rupiah", async () => {
    const spend = async () =>
      (
        await ok<{ spendSummary: { total: number } }>(
          'analyst',
          'query($f: SpendFilter) { spendSummary(filter: $f) { total } }',
          { f: { fiscalYear: 2026, agencyIds: [party('AG-DIKBUD', 'Agency')], includeNetwork: true } },
        )
      ).spendSummary.total;
    const before = await spend();
    const unit = await ok<{ registerNetworkUnit: { id: string } }>('op.dikbud', UNIT, {
      input: {
        parentId: party('AG-DIKBUD', 'Agency'),
        name: 'SMP Negeri 5 Sungai Raya',
        unitType: 'SCHOOL',
        isGovernment: true,
      },
    });
    await ok(
      'op.dikbud',
      'mutation($input: TransactionInput!) { recordTransaction(input: $input) { transaction { id } } }',
      {
        input: {
          buyerId: unit.registerNetworkUnit.id,
          sellerId: party('EN-001', 'Enterprise'),
          amount: 1_234_567,
          occurredOn: '2026-02-03',
          category: 'SNACKS',
        },
      },
    );
    expect((await spend()) - before).toBe(1_234_567);
  });

  it("is FORBIDDEN under another agency's unit and for a reader, NOT_FOUND under a unit that does not exist", async () => {
    const input = { name: 'Posyandu Melati', unitType: 'HEALTH_CENTER', isGovernment: true };
    const other = await server.gql(
      UNIT,
      { input: { ...input, parentId: party('NU-PKM-SR', 'NetworkUnit') } },
      as['op.dikbud'],
    );
    expect(code(other.errors)).toBe('FORBIDDEN');
    const reader = await server.gql(UNIT, { input: { ...input, parentId: party('AG-DINKES', 'Agency') } }, as.analyst);
    expect(code(reader.errors)).toBe('FORBIDDEN');
    const missing = await server.gql(
      UNIT,
      { input: { ...input, parentId: globalId('NetworkUnit', 999_999) } },
      as.admin,
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.parentId' });
  });

  it('refuses a blank name, an unknown region and a negative member count at once', async () => {
    const bad = await server.gql(
      UNIT,
      {
        input: {
          parentId: party('AG-DIKBUD', 'Agency'),
          name: ' ',
          unitType: 'SCHOOL',
          isGovernment: true,
          regionCode: '61.12.99',
          members: -3,
        },
      },
      as['op.dikbud'],
    );
    expect(code(bad.errors)).toBe('BAD_USER_INPUT');
    expect(failedFields(bad.errors)).toEqual(['input.name', 'input.regionCode', 'input.members']);
  });
});

const ADD = `mutation($s: ID!, $input: ProductInput!) { addProduct(sellerId: $s, input: $input) {
  id name category unit unitPrice kbliCode } }`;
const UPDATE = `mutation($id: ID!, $input: ProductInput!) { updateProduct(id: $id, input: $input) { id name unitPrice unit } }`;

describe('addProduct and updateProduct', () => {
  it('adds a product to an enterprise the operator registered, then changes its price; the audit keeps both prices', async () => {
    const seller = await registerEnterprise('op.dikbud', 'Keripik Pisang Bu Ani');
    const added = await ok<{ addProduct: { id: string } & Record<string, unknown> }>('op.dikbud', ADD, {
      s: seller,
      input: {
        name: 'Keripik Pisang 250 g',
        category: 'SNACKS',
        unit: 'bungkus',
        unitPrice: 15_000,
        kbliCode: '10794',
      },
    });
    expect(added.addProduct).toMatchObject({
      name: 'Keripik Pisang 250 g',
      category: 'SNACKS',
      unit: 'bungkus',
      unitPrice: 15_000,
      kbliCode: '10794',
    });
    const changed = await ok<{ updateProduct: Record<string, unknown> }>('op.dikbud', UPDATE, {
      id: added.addProduct.id,
      input: { name: 'Keripik Pisang 250 g', category: 'SNACKS', unit: 'bungkus', unitPrice: 17_500 },
    });
    expect(changed.updateProduct).toMatchObject({ unitPrice: 17_500, unit: 'bungkus' });
    const audit = await auditOf('product', rowIdOf(added.addProduct.id));
    expect(audit.map((a) => a.action)).toEqual(['product.add', 'product.update']);
    expect(audit[1]?.details).toMatchObject({ before: { unit_price: 15_000 }, after: { unit_price: 17_500 } });
  });

  it("is FORBIDDEN for another agency's enterprise, an imported enterprise and a vendor, which an administrator may change", async () => {
    const seller = await registerEnterprise('op.dikbud', 'Tenun Songket Kak Ros');
    const input = { name: 'Kain Songket', category: 'GARMENTS' };
    expect(code((await server.gql(ADD, { s: seller, input }, as['op.diskop'])).errors)).toBe('FORBIDDEN');
    expect(code((await server.gql(ADD, { s: party('EN-001', 'Enterprise'), input }, as['op.dikbud'])).errors)).toBe(
      'FORBIDDEN',
    );
    expect(code((await server.gql(ADD, { s: party('VE-ALKES', 'Vendor'), input }, as['op.dikbud'])).errors)).toBe(
      'FORBIDDEN',
    );
    const admin = await ok<{ addProduct: { name: string } }>('admin', ADD, { s: party('VE-ALKES', 'Vendor'), input });
    expect(admin.addProduct.name).toBe('Kain Songket');
  });

  it('refuses a blank name, a negative price and a KBLI code of no division at once, and NOT_FOUND for an unknown product', async () => {
    const seller = await registerEnterprise('op.dikbud', 'Madu Kelulut Pak Udin');
    const bad = await server.gql(
      ADD,
      { s: seller, input: { name: '', category: 'FOOD_STAPLES', unitPrice: -1, kbliCode: '04123' } },
      as['op.dikbud'],
    );
    expect(failedFields(bad.errors)).toEqual(['input.name', 'input.unitPrice', 'input.kbliCode']);
    const missing = await server.gql(
      UPDATE,
      { id: globalId('Product', 999_999), input: { name: 'Madu', category: 'FOOD_STAPLES' } },
      as.admin,
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});

const ASSIST = `mutation($input: AssistanceInput!) { recordAssistance(input: $input) { id kind occurredOn } }`;

describe('recordAssistance', () => {
  it("records training under the operator's own program, audited", async () => {
    const data = await ok<{ recordAssistance: { id: string; kind: string; occurredOn: string } }>('op.dikbud', ASSIST, {
      input: {
        enterpriseId: party('EN-003', 'Enterprise'),
        kind: 'TRAINING',
        occurredOn: '2023-05-02',
        programId: program('PG-1.01.02.2.01-2023'),
      },
    });
    expect(data.recordAssistance).toMatchObject({ kind: 'TRAINING', occurredOn: '2023-05-02' });
    const audit = await auditOf('assistance', rowIdOf(data.recordAssistance.id));
    expect(audit.map((a) => [a.action, a.username])).toEqual([['assistance.record', 'op.dikbud']]);
  });

  it("refuses a date outside the program's fiscal year or in the future", async () => {
    const input = {
      enterpriseId: party('EN-003', 'Enterprise'),
      kind: 'MENTORING',
      programId: program('PG-1.01.02.2.01-2023'),
    };
    const outside = await server.gql(ASSIST, { input: { ...input, occurredOn: '2024-01-02' } }, as['op.dikbud']);
    expect(outside.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.occurredOn',
      rule: 'DATE_OUTSIDE_FISCAL_YEAR',
    });
    const future = await server.gql(ASSIST, { input: { ...input, occurredOn: '2999-01-02' } }, as.admin);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DATE_IN_FUTURE' });
  });

  it("is FORBIDDEN under another agency's program and without a program for an operator, which an administrator may record", async () => {
    const input = { enterpriseId: party('EN-003', 'Enterprise'), kind: 'CERTIFICATION', occurredOn: '2023-06-01' };
    const other = await server.gql(
      ASSIST,
      { input: { ...input, programId: program('PG-1.02.02.2.02-2023') } },
      as['op.dikbud'],
    );
    expect(code(other.errors)).toBe('FORBIDDEN');
    expect(code((await server.gql(ASSIST, { input }, as['op.dikbud'])).errors)).toBe('FORBIDDEN');
    const admin = await ok<{ recordAssistance: { kind: string } }>('admin', ASSIST, { input });
    expect(admin.recordAssistance.kind).toBe('CERTIFICATION');
    const vendor = await server.gql(
      ASSIST,
      { input: { ...input, enterpriseId: globalId('Enterprise', parties.get('VE-ALKES') as number) } },
      as.admin,
    );
    expect(vendor.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.enterpriseId' });
  });
});

const SNAPSHOT = `mutation($input: EnterpriseSnapshotInput!) { recordSnapshot(input: $input) { period revenue employees status } }`;
const SNAPSHOTS = `query($id: ID!) { node(id: $id) { ... on Enterprise { snapshots(first: 10) { nodes { period revenue status } } } } }`;

describe('recordSnapshot', () => {
  it('records a month, and recording it again replaces it; the audit keeps the month before', async () => {
    const enterprise = await registerEnterprise('op.dikbud', 'Amplang Ikan Tenggiri Pak Jali');
    const month = { enterpriseId: enterprise, period: '2026-03-01', employees: 3, status: 'ACTIVE' };
    await ok('op.dikbud', SNAPSHOT, { input: { ...month, revenue: 5_000_000 } });
    const again = await ok<{ recordSnapshot: Record<string, unknown> }>('op.dikbud', SNAPSHOT, {
      input: { ...month, revenue: 6_500_000, status: 'DORMANT' },
    });
    expect(again.recordSnapshot).toEqual({ period: '2026-03-01', revenue: 6_500_000, employees: 3, status: 'DORMANT' });
    const stored = await ok<{ node: { snapshots: { nodes: unknown[] } } }>('admin', SNAPSHOTS, { id: enterprise });
    expect(stored.node.snapshots.nodes).toEqual([{ period: '2026-03-01', revenue: 6_500_000, status: 'DORMANT' }]);
    const audit = await auditOf('enterprise_snapshot', `${rowIdOf(enterprise)}:2026-03-01`);
    expect(audit.map((a) => a.action)).toEqual(['snapshot.record', 'snapshot.record']);
    expect(audit[0]?.details).toMatchObject({ before: null });
    expect(audit[1]?.details).toMatchObject({
      before: { revenue: 5_000_000, status: 'ACTIVE' },
      after: { revenue: 6_500_000 },
    });
  });

  it('refuses a day that is not the first of a month, a month to come and negative sales; FORBIDDEN for an imported enterprise', async () => {
    const enterprise = await registerEnterprise('op.dikbud', 'Lempok Durian Bu Siti');
    const input = { enterpriseId: enterprise, status: 'ACTIVE' };
    const midMonth = await server.gql(
      SNAPSHOT,
      { input: { ...input, period: '2026-03-15', revenue: -5 } },
      as['op.dikbud'],
    );
    expect(failedFields(midMonth.errors)).toEqual(['input.period', 'input.revenue']);
    expect(midMonth.errors?.[0]?.extensions?.rule).toBe('PERIOD_FIRST_OF_MONTH');
    const future = await server.gql(SNAPSHOT, { input: { ...input, period: '2999-01-01' } }, as['op.dikbud']);
    expect(future.errors?.[0]?.extensions?.rule).toBe('DATE_IN_FUTURE');
    const imported = await server.gql(
      SNAPSHOT,
      { input: { ...input, enterpriseId: party('EN-001', 'Enterprise'), period: '2026-03-01' } },
      as['op.dikbud'],
    );
    expect(code(imported.errors)).toBe('FORBIDDEN');
  });
});

const POLICY = `mutation($input: PolicyTargetInput!) { setPolicyTarget(input: $input) { id metric targetShare fiscalYear name } }`;
const COLLECTION = `mutation($input: CollectionTargetInput!) { setCollectionTarget(input: $input) { regionCode year enterprises cooperatives } }`;

describe('setPolicyTarget and setCollectionTarget', () => {
  it('sets a regency-wide target, and setting it again replaces the share of the same target', async () => {
    const input = { name: 'Target UMKM lokal 2031', metric: 'LOCAL_UMKM_SHARE', fiscalYear: 2031, targetShare: 0.45 };
    const first = await ok<{ setPolicyTarget: { id: string } }>('admin', POLICY, { input });
    const second = await ok<{ setPolicyTarget: { id: string; targetShare: number } }>('admin', POLICY, {
      input: { ...input, targetShare: 0.5 },
    });
    expect(second.setPolicyTarget).toMatchObject({ id: first.setPolicyTarget.id, targetShare: 0.5 });
    const listed = await ok<{ policyTargets: unknown[] }>(
      'admin',
      'query { policyTargets(fiscalYears: [2031]) { targetShare } }',
      {},
    );
    expect(listed.policyTargets).toEqual([{ targetShare: 0.5 }]);
    const audit = await auditOf('policy_target', rowIdOf(first.setPolicyTarget.id));
    expect(audit.map((a) => (a.details as { shareBefore: number | null }).shareBefore)).toEqual([null, 0.45]);
  });

  it("sets a district's collection target and replaces it; refuses the regency's code, a village's and an unknown one", async () => {
    await ok('admin', COLLECTION, { input: { regionCode: '61.12.03', year: 2031, enterprises: 20, cooperatives: 4 } });
    const again = await ok<{ setCollectionTarget: unknown }>('admin', COLLECTION, {
      input: { regionCode: '61.12.03', year: 2031, enterprises: 25, cooperatives: 5 },
    });
    expect(again.setCollectionTarget).toEqual({ regionCode: '61.12.03', year: 2031, enterprises: 25, cooperatives: 5 });
    const listed = await ok<{ collectionTargets: unknown[] }>(
      'admin',
      'query { collectionTargets(years: [2031]) { regionCode enterprises cooperatives } }',
      {},
    );
    expect(listed.collectionTargets).toEqual([{ regionCode: '61.12.03', enterprises: 25, cooperatives: 5 }]);
    for (const regionCode of ['61.12', '61.12.01.2001', '61.12.99']) {
      const bad = await server.gql(
        COLLECTION,
        { input: { regionCode, year: 2031, enterprises: 1, cooperatives: 0 } },
        as.admin,
      );
      expect(bad.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.regionCode',
        rule: 'REGION_NOT_DISTRICT',
      });
    }
  });

  it('refuses a share given as a percentage and a year out of range; FORBIDDEN for an operator', async () => {
    const bad = await server.gql(
      POLICY,
      { input: { name: 'Target', metric: 'UMK_SHARE', fiscalYear: 1999, targetShare: 40 } },
      as.admin,
    );
    expect(failedFields(bad.errors)).toEqual(['input.targetShare', 'input.fiscalYear']);
    const input = { name: 'Target UMK 2031', metric: 'UMK_SHARE', fiscalYear: 2031, targetShare: 0.4 };
    expect(code((await server.gql(POLICY, { input }, as['op.dikbud'])).errors)).toBe('FORBIDDEN');
    const collection = { regionCode: '61.12.01', year: 2031, enterprises: 1, cooperatives: 1 };
    expect(code((await server.gql(COLLECTION, { input: collection }, as['op.dikbud'])).errors)).toBe('FORBIDDEN');
  });
});
