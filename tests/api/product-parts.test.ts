import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { analystWithStatements } from '../support/statement-recorder.ts';

/*
 * An enterprise page's products, fetched in the page's statement, select only the columns their
 * fields read (productColumnsAsked in server/src/modules/product/product.loaders.ts), and each
 * distinct value once in their rows' arrays (nestedColumn in server/src/graphql/keyset.queries.ts:
 * the ordering's name and id are columns the products select anyway). The answers are checked
 * against the database read directly.
 */

const { server: testServer, run } = analystWithStatements();

/** The values each nested product row's array holds, as written in the page's one statement. */
function productValues(statements: string[]): string {
  const pages = statements.filter((s) => s.includes('from "party" as "p"') && s.includes('from "product" as "pr"'));
  expect(pages).toHaveLength(1);
  const values = /json_build_array\((.*?)\) as "__row" from "product"/.exec(pages[0] as string)?.[1];
  expect(values).toBeDefined();
  return values as string;
}

interface ProductTruth {
  seller_id: number;
  name: string;
  unit: string;
  category: string;
  unit_price: number | null;
  kbli_code: string | null;
}

/** The first `perSeller` products (by name, then id) of the first `n` enterprises by name, as the tables hold them. */
async function productsOfFirstEnterprises(n: number, perSeller: number): Promise<Map<number, ProductTruth[]>> {
  const rows = await sql<ProductTruth & { rank: number }>`
    WITH e AS (SELECT id FROM party WHERE kind = 'ENTERPRISE' ORDER BY name, id LIMIT ${n})
    SELECT pr.seller_id, pr.name, pr.unit, pr.category, pr.unit_price::float8 AS unit_price, pr.kbli_code,
           row_number() OVER (PARTITION BY pr.seller_id ORDER BY pr.name, pr.id) AS rank
    FROM product pr JOIN e ON e.id = pr.seller_id
    ORDER BY pr.seller_id, pr.name, pr.id`.execute(testServer().database.db);
  const bySeller = new Map<number, ProductTruth[]>();
  for (const row of rows.rows) {
    if (Number(row.rank) > perSeller) continue;
    const list = bySeller.get(row.seller_id) ?? [];
    list.push(row);
    bySeller.set(row.seller_id, list);
  }
  return bySeller;
}

/**
 * The KBLI 2020 section of a code, from its first two digits (the divisions of each section, as
 * the KBLI publication lists them): an independent reference for `sector`.
 */
function kbliSection(code: string): string {
  const division = Number(code.slice(0, 2));
  const sections: Array<[number, string]> = [
    [3, 'A'],
    [9, 'B'],
    [33, 'C'],
    [35, 'D'],
    [39, 'E'],
    [43, 'F'],
    [47, 'G'],
    [53, 'H'],
    [56, 'I'],
    [63, 'J'],
    [66, 'K'],
    [68, 'L'],
    [75, 'M'],
    [82, 'N'],
    [84, 'O'],
    [85, 'P'],
    [88, 'Q'],
    [93, 'R'],
    [96, 'S'],
    [98, 'T'],
    [99, 'U'],
  ];
  const found = sections.find(([last]) => division <= last);
  if (!found) throw new Error(`KBLI code ${code} has no section`);
  return found[1];
}

type Page<P> = { enterprises: { nodes: Array<{ rowId: number; products: { nodes: P[] } }> } };

/** The page's `rowId` is not in the API: each enterprise's database id, in page order, read as the page is. */
async function enterpriseIds(n: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    SELECT id FROM party WHERE kind = 'ENTERPRISE' ORDER BY name, id LIMIT ${n}`.execute(testServer().database.db);
  return rows.rows.map((row) => row.id);
}

describe("an enterprise page's products select the columns asked of them", () => {
  it('asked for name and unit price: the rows hold id, name and unit price, each once, answered right', async () => {
    const { data, sql: statements } = await run<Omit<Page<{ name: string; unitPrice: number | null }>, 'rowId'>>(
      '{ enterprises(first: 30) { nodes { products(first: 3) { nodes { name unitPrice } } } } }',
    );
    expect(productValues(statements)).toBe('"pr"."id", "pr"."name", "pr"."unit_price"');
    const ids = await enterpriseIds(30);
    const truth = await productsOfFirstEnterprises(30, 3);
    expect(data.enterprises.nodes.map((e) => e.products.nodes)).toEqual(
      ids.map((id) => (truth.get(id) ?? []).map((p) => ({ name: p.name, unitPrice: p.unit_price }))),
    );
    expect([...truth.values()].flat().length).toBeGreaterThan(0);
  });

  it("a product's sector and seller: its KBLI code and seller id are selected, and answer right", async () => {
    type Product = { sector: { code: string } | null; seller: { id: string; name: string } };
    const { data, sql: statements } = await run<Page<Product>>(
      '{ enterprises(first: 20) { nodes { products(first: 2) { nodes { sector { code } seller { id name } } } } } }',
    );
    expect(productValues(statements)).toBe('"pr"."id", "pr"."seller_id", "pr"."kbli_code", "pr"."name"');
    const ids = await enterpriseIds(20);
    const truth = await productsOfFirstEnterprises(20, 2);
    const names = await sql<{ id: number; name: string }>`
      SELECT id, name FROM party WHERE id = ANY(${ids}::bigint[])`.execute(testServer().database.db);
    const nameOf = new Map(names.rows.map((row) => [row.id, row.name]));
    const answered = data.enterprises.nodes.map((e) =>
      e.products.nodes.map((p) => [p.sector?.code ?? null, p.seller.name]),
    );
    const expected = ids.map((id) =>
      (truth.get(id) ?? []).map((p) => [p.kbli_code === null ? null : kbliSection(p.kbli_code), nameOf.get(id)]),
    );
    expect(answered).toEqual(expected);
    expect(expected.flat().some(([section]) => section !== null)).toBe(true);
  });

  it("the page's products with fewer columns do not answer another selection of the same products", async () => {
    // The first enterprise's products asked by name in the page, and by unit and category through
    // enterpriseByNib in the same request (its own resolver, all columns): had the two shared the
    // request's nested loader, the second would find the page's rows without their units.
    const first = await sql<{ id: number; nib: string }>`
      SELECT p.id, ep.nib FROM party p JOIN enterprise_profile ep ON ep.tenant_id = p.tenant_id AND ep.party_id = p.id
      WHERE p.kind = 'ENTERPRISE' AND ep.nib IS NOT NULL
        AND EXISTS (SELECT 1 FROM product pr WHERE pr.seller_id = p.id)
      ORDER BY p.name, p.id LIMIT 1`.execute(testServer().database.db);
    const enterprise = first.rows[0];
    expect(enterprise).toBeDefined();
    const { id, nib } = enterprise as { id: number; nib: string };
    type Answer = {
      enterprises: { nodes: Array<{ products: { nodes: Array<{ name: string }> } }> };
      enterpriseByNib: { products: { nodes: Array<{ unit: string; category: string }> } };
    };
    const { data } = await run<Answer>(
      `query ($nib: String!) {
        enterprises(first: 10, filter: { search: $nib }) { nodes { products(first: 2) { nodes { name } } } }
        enterpriseByNib(nib: $nib) { products(first: 2) { nodes { unit category } } }
      }`,
      { nib },
    );
    const truth = await sql<{ name: string; unit: string; category: string }>`
      SELECT name, unit, category FROM product WHERE seller_id = ${id} ORDER BY name, id LIMIT 2`.execute(
      testServer().database.db,
    );
    expect(data.enterprises.nodes.map((e) => e.products.nodes)).toContainEqual(
      truth.rows.map((p) => ({ name: p.name })),
    );
    expect(data.enterpriseByNib.products.nodes).toEqual(
      truth.rows.map((p) => ({ unit: p.unit, category: p.category })),
    );
  });
});
