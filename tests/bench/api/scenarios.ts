import type { DatabaseHandle } from '@jejaring/db';
import { mulberry32 } from '@jejaring/db/testing';

/* What the API benchmark requests: two typical pages, with cursors and filters spread over the data. */

export type Gql = (
  query: string,
  variables: Record<string, unknown>,
  url?: string,
) => Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>;

export interface Request {
  readonly label: string;
  readonly variables: Record<string, unknown>;
}

export interface Scenario {
  readonly name: string;
  readonly query: string;
  readonly requests: Request[];
  /** Checks a response holds the page it should. */
  readonly rows: (data: Record<string, unknown>) => number;
}

/** A page of 50 enterprises with region and products (also the peer benchmark's, tests/bench/peer). */
export const ENTERPRISES = `query BenchEnterprises($after: String, $filter: EnterpriseFilter) {
  enterprises(first: 50, after: $after, filter: $filter) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id name nib sizeClass status verification
      region { code name }
      products(first: 5) { nodes { id name category unitPrice } }
    } }
  }
}`;

/** A page of 100 transactions with buyer and seller (also the peer benchmark's). */
export const TRANSACTIONS = `query BenchTransactions($after: String, $filter: TransactionFilter, $orderBy: TransactionOrder) {
  transactions(first: 100, after: $after, filter: $filter, orderBy: $orderBy) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id amount occurredOn category
      buyer { __typename id name kind }
      seller { __typename id name kind isLocal }
    } }
  }
}`;

/** What the database holds: party counts by kind, products, transactions and the demo's seed and scale. */
export async function describeDataset(db: DatabaseHandle['db'], tenant: string) {
  const counts = await db
    .selectFrom('party')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenant)
    .groupBy('kind')
    .execute();
  const transactionsCount = Number(
    (
      await db
        .selectFrom('transaction')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenant)
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const productsCount = Number(
    (
      await db
        .selectFrom('product')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenant)
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const tenantRow = await db
    .selectFrom('tenant')
    .select(['demo_seed', 'demo_scale'])
    .where('id', '=', tenant)
    .executeTakeFirst();
  const dataset = {
    tenant,
    demoSeed: tenantRow?.demo_seed ?? null,
    demoScale: tenantRow?.demo_scale ?? null,
    parties: Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)])),
    products: productsCount,
    transactions: transactionsCount,
  };
  return dataset;
}

/** Each scenario with its requests (`count` each), drawn with a fixed seed. */
export async function buildScenarios(
  gql: Gql,
  db: DatabaseHandle['db'],
  tenant: string,
  count: number,
): Promise<Scenario[]> {
  // Cursors to start pages from, spread over the whole list: walk it 500 rows at a time.
  process.stderr.write('collecting cursors and filters…\n');
  const walk = async (list: string, limit: number): Promise<string[]> => {
    const cursors: string[] = [];
    let after: string | null = null;
    while (cursors.length < limit) {
      const result = await gql(
        `query($after: String) { page: ${list}(first: 500, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor } } }`,
        {
          after,
        },
      );
      const page = result.data?.page as
        | { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ cursor: string }> }
        | undefined;
      if (!page) throw new Error(`walking ${list}: ${JSON.stringify(result.errors).slice(0, 500)}`);
      page.edges.forEach((edge, i) => {
        if (i % 25 === 0) cursors.push(edge.cursor);
      });
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return cursors;
  };
  const enterpriseCursors = await walk('enterprises', 2_000);
  const transactionCursors = await walk('transactions', 1_000);
  const regions = await gql(
    'query($t: String!) { regions(filter: { parentCode: $t }, first: 100) { nodes { code } } }',
    { t: tenant },
  );
  const districts = ((regions.data as { regions: { nodes: Array<{ code: string }> } }).regions.nodes ?? []).map(
    (n) => n.code,
  );
  const agencyList = await gql('{ agencies(first: 100) { nodes { id } } }', {});
  const agencies = (agencyList.data as { agencies: { nodes: Array<{ id: string }> } }).agencies.nodes.map((n) => n.id);
  const years = await db
    .selectFrom('transaction')
    .select((eb) => eb.fn.min('occurred_on').as('first'))
    .select((eb) => eb.fn.max('occurred_on').as('last'))
    .where('tenant_id', '=', tenant)
    .executeTakeFirstOrThrow();
  const firstYear = Number(String(years.first).slice(0, 4));
  const lastYear = Number(String(years.last).slice(0, 4));

  const random = mulberry32(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const enterpriseRequests: Request[] = Array.from({ length: count }, (_, i) => {
    switch (i % 4) {
      case 0:
      case 1:
        return { label: 'any page (cursor)', variables: { after: pick(enterpriseCursors) } };
      case 2:
        return { label: 'a district', variables: { filter: { regionCode: pick(districts) } } };
      default:
        return {
          label: 'micro and small of a district, verified',
          variables: {
            filter: { regionCode: pick(districts), sizeClasses: ['MICRO', 'SMALL'], verifications: ['VERIFIED'] },
          },
        };
    }
  });
  const categories = ['FOOD_STAPLES', 'SNACKS', 'GARMENTS', 'CATERING', 'PRINTING_STATIONERY', 'SERVICES'];
  const transactionRequests: Request[] = Array.from({ length: count }, (_, i) => {
    const year = firstYear + Math.floor(random() * (lastYear - firstYear + 1));
    switch (i % 5) {
      case 0:
      case 1:
        return { label: 'any page (cursor)', variables: { after: pick(transactionCursors) } };
      case 2:
        return {
          label: 'a fiscal year, largest first',
          variables: { filter: { fiscalYear: year }, orderBy: { field: 'AMOUNT', direction: 'DESC' } },
        };
      case 3: {
        const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
        return {
          label: 'a month and a category',
          variables: {
            filter: { from: `${year}-${month}-01`, to: `${year}-${month}-28`, categories: [pick(categories)] },
          },
        };
      }
      default:
        return {
          label: 'an agency with its network, local sellers',
          variables: {
            filter: { agencyIds: [pick(agencies)], includeNetwork: true, sellerLocal: true, fiscalYear: year },
          },
        };
    }
  });

  const scenarios: Scenario[] = [
    {
      name: '50 enterprises + region + products',
      query: ENTERPRISES,
      requests: enterpriseRequests,
      rows: (data) => (data.enterprises as { edges: unknown[] }).edges.length,
    },
    {
      name: '100 transactions + buyer + seller',
      query: TRANSACTIONS,
      requests: transactionRequests,
      rows: (data) => (data.transactions as { edges: unknown[] }).edges.length,
    },
  ];
  return scenarios;
}
