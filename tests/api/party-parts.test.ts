import { encodeGlobalId } from '@jejaring/server/graphql/global-id';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { analystWithStatements } from '../support/statement-recorder.ts';

/*
 * A party embedded in a list's statement joins only what the operation asks of it (PartyParts in
 * server/src/modules/party/party-select.queries.ts): a purchase's buyer asked for its name joins neither
 * its profile nor its region; an agency's network units asked without `region` are fetched without
 * their regions. The answers are checked against the database read directly, and a party fetched
 * without its profile must not answer another selection of the same request.
 */

const { server: testServer, run } = analystWithStatements();

/** The newest purchases as the database has them. */
async function newestPurchases(n: number) {
  const result = await sql<{
    buyer_name: string;
    buyer_kind: string;
    buyer_code: string | null;
    seller_name: string;
    seller_region: string | null;
  }>`
    SELECT b.name AS buyer_name, b.kind AS buyer_kind, ap.code AS buyer_code,
           s.name AS seller_name, rg.name AS seller_region
    FROM "transaction" t
    JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id
    LEFT JOIN agency_profile ap ON ap.tenant_id = b.tenant_id AND ap.party_id = b.id
    JOIN party s ON s.tenant_id = t.tenant_id AND s.id = t.seller_id
    LEFT JOIN region rg ON rg.code = s.region_code
    ORDER BY t.occurred_on DESC, t.id DESC
    LIMIT ${n}`.execute(testServer().database.db);
  return result.rows;
}

const pageStatement = (statements: string[]) => {
  const found = statements.filter((s) => s.includes('from "transaction" as "t"'));
  expect(found).toHaveLength(1);
  return found[0] as string;
};

type Purchases<Buyer, Seller> = { transactions: { nodes: Array<{ buyer: Buyer; seller: Seller }> } };

describe("a purchase's buyer and seller join what is asked of them", () => {
  it('names and kinds only: the page statement joins no profile and no region, and the names are right', async () => {
    const { data, sql: statements } = await run<Purchases<{ name: string; kind: string }, { name: string }>>(
      '{ transactions(first: 40) { nodes { buyer { name kind } seller { name } } } }',
    );
    const page = pageStatement(statements);
    for (const table of ['agency_profile', 'network_unit_profile', 'enterprise_profile', 'cooperative_profile']) {
      expect(page).not.toContain(`"${table}"`);
    }
    expect(page).not.toContain('"region"');
    const expected = await newestPurchases(40);
    expect(data.transactions.nodes).toEqual(
      expected.map((row) => ({
        buyer: { name: row.buyer_name, kind: row.buyer_kind },
        seller: { name: row.seller_name },
      })),
    );
  });

  it('a profile field or the region asked: the page statement joins them and answers them', async () => {
    const { data, sql: statements } = await run<
      Purchases<{ name: string; code?: string }, { name: string; region: { name: string } | null }>
    >(
      '{ transactions(first: 40) { nodes { buyer { name ... on Agency { code } } seller { name region { name } } } } }',
    );
    const page = pageStatement(statements);
    expect(page).toContain('"agency_profile"');
    expect(page).toContain('"region"');
    const expected = await newestPurchases(40);
    expect(data.transactions.nodes).toEqual(
      expected.map((row) => ({
        buyer: row.buyer_kind === 'AGENCY' ? { name: row.buyer_name, code: row.buyer_code } : { name: row.buyer_name },
        seller: { name: row.seller_name, region: row.seller_region === null ? null : { name: row.seller_region } },
      })),
    );
  });

  it('a buyer fetched by name only does not answer another selection of the same party', async () => {
    // A purchase of an agency under its own program: the program's agency is then loaded (by the
    // party loader, after the page) as the same party the page brought as a buyer, by name only.
    const found = await sql<{ buyer_id: number; program_id: number; name: string; code: string; agency_type: string }>`
      SELECT t.buyer_id, t.program_id, b.name, ap.code, ap.agency_type
      FROM "transaction" t
      JOIN program pr ON pr.tenant_id = t.tenant_id AND pr.id = t.program_id AND pr.agency_id = t.buyer_id
      JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id
      JOIN agency_profile ap ON ap.tenant_id = b.tenant_id AND ap.party_id = b.id
      ORDER BY t.id LIMIT 1`.execute(testServer().database.db);
    const purchase = found.rows[0];
    expect(purchase).toBeDefined();
    const { data } = await run<{
      transactions: {
        nodes: Array<{
          buyer: { name: string };
          program: { agency: { name: string; code: string; agencyType: string } };
        }>;
      };
    }>(
      `query($buyer: ID!, $program: ID!) {
        transactions(first: 1, filter: { buyerIds: [$buyer], programIds: [$program] }) { nodes {
          buyer { name } program { agency { name code agencyType } }
        } }
      }`,
      {
        buyer: encodeGlobalId('Agency', purchase?.buyer_id ?? 0),
        program: encodeGlobalId('Program', purchase?.program_id ?? 0),
      },
    );
    expect(data.transactions.nodes).toEqual([
      {
        buyer: { name: purchase?.name },
        program: { agency: { name: purchase?.name, code: purchase?.code, agencyType: purchase?.agency_type } },
      },
    ]);
  });
});

describe("an agency's network units join their regions only when asked", () => {
  const unitsOf = async (agencyId: number) =>
    (
      await sql<{ name: string; unit_type: string; region: string | null }>`
        WITH RECURSIVE tree(id) AS (
          SELECT id FROM party WHERE parent_id = ${agencyId}
          UNION SELECT p.id FROM party p JOIN tree ON p.parent_id = tree.id)
        SELECT p.name, np.unit_type, rg.name AS region
        FROM party p JOIN tree ON tree.id = p.id
        JOIN network_unit_profile np ON np.tenant_id = p.tenant_id AND np.party_id = p.id
        LEFT JOIN region rg ON rg.code = p.region_code
        ORDER BY p.name, p.id`.execute(testServer().database.db)
    ).rows;

  it('without region: one statement, no region joined; with region: joined, and both answers right', async () => {
    const agencies = await sql<{ id: number; code: string }>`
      SELECT p.id, ap.code FROM party p JOIN agency_profile ap ON ap.tenant_id = p.tenant_id AND ap.party_id = p.id
      WHERE EXISTS (SELECT 1 FROM party c WHERE c.parent_id = p.id) ORDER BY p.id LIMIT 1`.execute(
      testServer().database.db,
    );
    const agency = agencies.rows[0];
    expect(agency).toBeDefined();
    const expected = await unitsOf(agency?.id ?? 0);
    expect(expected.length).toBeGreaterThan(0);

    type Units<Row> = { agency: { networkUnits: { nodes: Row[] } } };
    const plain = await run<Units<{ name: string; unitType: string }>>(
      'query($code: String!) { agency(code: $code) { code networkUnits(first: 500) { nodes { name unitType } } } }',
      { code: agency?.code },
    );
    expect(plain.sql).toHaveLength(2); // the session, then the agency with its units
    expect(plain.sql[1]).not.toContain('"region"');
    expect(plain.data.agency.networkUnits.nodes).toEqual(
      expected.map((u) => ({ name: u.name, unitType: u.unit_type })),
    );

    const placed = await run<Units<{ name: string; region: { name: string } | null }>>(
      'query($code: String!) { agency(code: $code) { code networkUnits(first: 500) { nodes { name region { name } } } } }',
      { code: agency?.code },
    );
    expect(placed.sql).toHaveLength(2);
    expect(placed.sql[1]).toContain('"region"');
    expect(placed.data.agency.networkUnits.nodes).toEqual(
      expected.map((u) => ({ name: u.name, region: u.region === null ? null : { name: u.region } })),
    );
  });
});

describe("a party's own columns beyond id, kind, name and region code are selected only when asked", () => {
  /** The agency with the largest network, its units as the database has them (by name). */
  async function largestNetwork() {
    const agencies = await sql<{ id: number; code: string }>`
      SELECT p.id, ap.code FROM party p JOIN agency_profile ap ON ap.tenant_id = p.tenant_id AND ap.party_id = p.id
      ORDER BY (SELECT count(*) FROM party c WHERE c.parent_id = p.id) DESC, p.id LIMIT 1`.execute(
      testServer().database.db,
    );
    const agency = agencies.rows[0];
    if (!agency) throw new Error('the fixture has no agency');
    const units = await sql<{ id: number; name: string; unit_type: string; members: number | null; status: string }>`
      WITH RECURSIVE tree(id) AS (
        SELECT id FROM party WHERE parent_id = ${agency.id}
        UNION SELECT p.id FROM party p JOIN tree ON p.parent_id = tree.id)
      SELECT p.id, p.name, np.unit_type, np.members, p.status
      FROM party p JOIN tree ON tree.id = p.id
      JOIN network_unit_profile np ON np.tenant_id = p.tenant_id AND np.party_id = p.id
      ORDER BY p.name, p.id`.execute(testServer().database.db);
    expect(units.rows.length).toBeGreaterThan(0);
    return { code: agency.code, units: units.rows };
  }

  /** The select list of the network units' subquery in the agency's statement (json_build_array's arguments). */
  const unitColumns = (statement: string) =>
    statement.slice(statement.indexOf('array((select json_build_array('), statement.indexOf('"network_unit_profile"'));

  type Units<Row> = { agency: { networkUnits: { nodes: Row[] } } };

  it("an agency's units asked for names, types and members: no other own column selected, answers right", async () => {
    const { code, units } = await largestNetwork();
    const lean = await run<Units<{ name: string; unitType: string; members: number | null }>>(
      'query($code: String!) { agency(code: $code) { networkUnits(first: 500) { nodes { name unitType members } } } }',
      { code },
    );
    expect(lean.sql).toHaveLength(2); // the session, then the agency with its units
    const columns = unitColumns(lean.sql[1] as string);
    for (const column of ['"p"."id"', '"p"."kind"', '"p"."name"', '"p"."region_code"'])
      expect(columns).toContain(column);
    for (const column of ['parent_id', 'size_class', 'is_government', 'status', 'registered_on', 'npwp']) {
      expect(columns).not.toContain(`"p"."${column}"`);
    }
    expect(lean.data.agency.networkUnits.nodes).toEqual(
      units.map((u) => ({ name: u.name, unitType: u.unit_type, members: u.members })),
    );
  });

  it("an agency's units asked for their status: only that own column selected, answers right", async () => {
    const { code, units } = await largestNetwork();
    const asked = await run<Units<{ name: string; status: string }>>(
      'query($code: String!) { agency(code: $code) { networkUnits(first: 500) { nodes { name status } } } }',
      { code },
    );
    const columns = unitColumns(asked.sql[1] as string);
    expect(columns).toContain('"p"."status"');
    for (const column of ['parent_id', 'size_class', 'is_government', 'registered_on', 'npwp']) {
      expect(columns).not.toContain(`"p"."${column}"`);
    }
    expect(asked.data.agency.networkUnits.nodes).toEqual(units.map((u) => ({ name: u.name, status: u.status })));
  });

  it("a purchase's buyer asked for its name: the buyer's other own columns are not selected", async () => {
    const { sql: statements } = await run(
      '{ transactions(first: 10) { nodes { buyer { name } seller { name isLocal } } } }',
    );
    const page = pageStatement(statements);
    expect(page).toContain('"p"."region_code"');
    for (const column of ['parent_id', 'size_class', 'is_government', 'status', 'registered_on', 'npwp']) {
      expect(page).not.toContain(`"p"."${column}"`);
    }
  });
});

describe('a page of enterprises selects the columns asked of its rows', () => {
  /** The enterprises as the database has them, by name. */
  const enterprisesByName = async (n: number) =>
    (
      await sql<{
        id: number;
        name: string;
        nib: string | null;
        size_class: string | null;
        status: string;
        verification: string;
      }>`
        SELECT p.id, p.name, ep.nib, p.size_class, p.status, ep.verification
        FROM party p JOIN enterprise_profile ep ON ep.tenant_id = p.tenant_id AND ep.party_id = p.id
        WHERE p.kind = 'ENTERPRISE' ORDER BY p.name, p.id LIMIT ${n}`.execute(testServer().database.db)
    ).rows;

  const partyPage = (statements: string[]) => {
    const found = statements.filter((s) => s.includes('from "party" as "p"') && s.includes('"enterprise_profile"'));
    expect(found).toHaveLength(1);
    return found[0] as string;
  };

  const OTHER_COLUMNS = [
    '"p"."parent_id"',
    '"p"."is_government"',
    '"p"."registered_on"',
    '"p"."npwp"',
    '"ep"."owner_name"',
    '"ep"."owner_nik"',
    '"ep"."capital"',
    '"ep"."annual_revenue"',
    '"ep"."kbli_code"',
  ];

  it('asked for NIB, size, status and verification: those columns alone, answered right', async () => {
    type Page = {
      enterprises: {
        nodes: Array<{
          name: string;
          nib: string | null;
          sizeClass: string | null;
          status: string;
          verification: string;
        }>;
      };
    };
    const { data, sql: statements } = await run<Page>(
      '{ enterprises(first: 30) { nodes { name nib sizeClass status verification } } }',
    );
    const page = partyPage(statements);
    for (const column of ['"ep"."nib"', '"ep"."verification"', '"p"."size_class"', '"p"."status"'])
      expect(page).toContain(column);
    for (const column of OTHER_COLUMNS) expect(page).not.toContain(column);
    const expected = await enterprisesByName(30);
    expect(data.enterprises.nodes).toEqual(
      expected.map((e) => ({
        name: e.name,
        nib: e.nib,
        sizeClass: e.size_class,
        status: e.status,
        verification: e.verification,
      })),
    );
  });

  it("a field answered by its own resolver (the owner's name): the whole row is selected", async () => {
    const { sql: statements } = await run('{ enterprises(first: 5) { nodes { name ownerName } } }');
    const page = partyPage(statements);
    for (const column of OTHER_COLUMNS) expect(page).toContain(column);
  });

  it('an enterprise fetched with some columns does not answer its whole selection as a seller', async () => {
    // Each enterprise's first product's seller is the enterprise itself, loaded by the request's
    // party loader: had the page's rows (status and NIB only) primed it, capital would be missing.
    type Seller = { id: string; capital: number | null; employees: number | null };
    type Page = {
      enterprises: {
        nodes: Array<{ status: string; nib: string | null; products: { nodes: Array<{ seller: Seller }> } }>;
      };
    };
    const { data } = await run<Page>(
      `{ enterprises(first: 50) { nodes { status nib products(first: 1) { nodes {
          seller { ... on Enterprise { id capital employees } }
        } } } } }`,
    );
    const sellers = data.enterprises.nodes.flatMap((e) => e.products.nodes.map((p) => p.seller));
    const rows = await sql<{ id: number; capital: number | null; employees: number | null }>`
      SELECT p.id, ep.capital::float8 AS capital, ep.employees
      FROM party p JOIN enterprise_profile ep ON ep.tenant_id = p.tenant_id AND ep.party_id = p.id
      WHERE p.kind = 'ENTERPRISE'`.execute(testServer().database.db);
    const byId = new Map(rows.rows.map((row) => [encodeGlobalId('Enterprise', row.id), row]));
    expect(sellers.length).toBeGreaterThan(0);
    expect(sellers.some((s) => s.capital !== null)).toBe(true);
    expect(sellers).toEqual(
      sellers.map((s) => ({
        id: s.id,
        capital: byId.get(s.id)?.capital ?? null,
        employees: byId.get(s.id)?.employees ?? null,
      })),
    );
    for (const seller of sellers) expect(byId.has(seller.id)).toBe(true);
  });
});
