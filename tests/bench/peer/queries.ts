import { mulberry32 } from '@jejaring/db/testing';
import { decodeGlobalId } from '@jejaring/server/graphql/global-id';
import { ENTERPRISES, TRANSACTIONS } from '../api/scenarios.ts';

/*
 * The three list queries of the side-by-side benchmark, each written the natural way for each
 * server (ours: the API benchmark's two pages, asked without a filter, and the agency), and the
 * rows each answer holds (as "Type:id" keys), so the benchmark can check that both servers return
 * the same rows before it times them.
 */

type Data = Record<string, unknown>;
export type Post = (url: string, query: string, variables: Data) => Promise<Data>;

/** One request of a query, with the variables for each server. */
export interface Variant {
  readonly label: string;
  readonly ours: Data;
  readonly theirs: Data;
}

export interface PeerQuery {
  readonly name: string;
  readonly ours: string;
  readonly theirs: string;
  readonly variants: Variant[];
  /** The rows an answer holds, sorted ("Enterprise:12", "Product:40"…). */
  readonly oursRows: (data: Data) => string[];
  readonly theirsRows: (data: Data) => string[];
}

const THEIR_ENTERPRISES = `query PeerEnterprises($tenant: String!, $after: Cursor) {
  allParties(condition: { tenantId: $tenant, kind: "ENTERPRISE" }, orderBy: [NAME_ASC, ROW_ID_ASC], first: 50, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      rowId name sizeClass status
      enterpriseProfileByTenantIdAndPartyId { nib verification }
      regionByRegionCode { code name }
      productsByTenantIdAndSellerId(first: 5, orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { rowId name category unitPrice } }
    } }
  }
}`;

const THEIR_TRANSACTIONS = `query PeerTransactions($tenant: String!, $after: Cursor) {
  allTransactions(condition: { tenantId: $tenant }, orderBy: [OCCURRED_ON_DESC, ROW_ID_DESC], first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      rowId amount occurredOn category
      partyByTenantIdAndBuyerId { rowId name kind }
      partyByTenantIdAndSellerId { rowId name kind regionCode }
    } }
  }
}`;

// Our networkUnits reach every depth below the agency; the demo's networks are at most two levels
// deep (agency → unit → sub-unit) and 317 units large, so theirs asks two levels of children.
const OURS_AGENCY = `query PeerAgency($code: String!) {
  agency(code: $code) {
    id name code
    networkUnits(first: 500) { nodes { id name unitType members } }
  }
}`;

const THEIR_AGENCY = `query PeerAgency($tenant: String!, $code: String!) {
  agencyProfileByTenantIdAndCode(tenantId: $tenant, code: $code) {
    code
    partyByTenantIdAndPartyId {
      rowId name
      partiesByTenantIdAndParentId(orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes {
        rowId name networkUnitProfileByTenantIdAndPartyId { unitType members }
        partiesByTenantIdAndParentId(orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes {
          rowId name networkUnitProfileByTenantIdAndPartyId { unitType members }
        } }
      } }
    }
  }
}`;

const OUR_WALK = 'pageInfo { hasNextPage endCursor } edges { cursor node { id } }';
const THEIR_WALK = 'pageInfo { hasNextPage endCursor } edges { cursor node { rowId } }';

interface Node {
  id?: string;
  rowId?: string;
  [field: string]: unknown;
}

/** "Type:id" of one of our global ids. */
const ourKey = (id: string) => {
  const { type, id: rowId } = decodeGlobalId(id, 'id');
  return `${type}:${rowId}`;
};
const sorted = (keys: string[]) => keys.sort();
const edgesOf = (connection: unknown) => (connection as { edges: Array<{ node: Node }> }).edges.map((e) => e.node);
const nodesOf = (connection: unknown) => (connection as { nodes: Node[] }).nodes;

/** A cursor every `step` rows of a list, with the row it points at, walking it 500 rows at a time. */
async function walk(
  post: Post,
  url: string,
  list: string,
  variables: Data,
  limit: number,
  step: number,
  key: (node: Node) => string,
): Promise<Array<{ cursor: string; key: string }>> {
  const marks: Array<{ cursor: string; key: string }> = [];
  let after: string | null = null;
  for (let offset = 0; marks.length < limit; offset += 500) {
    const data = await post(url, list, { ...variables, after });
    const page = Object.values(data)[0] as {
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: Array<{ cursor: string; node: Node }>;
    };
    page.edges.forEach((edge, i) => {
      if ((offset + i) % step === step - 1) marks.push({ cursor: edge.cursor, key: key(edge.node) });
    });
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return marks;
}

/**
 * Page variants of a list: the first page and `count` pages starting after a row drawn at random
 * (seeded), with each server's own cursor for that row. Throws when the two lists are not in the
 * same order.
 */
async function pageVariants(
  post: Post,
  servers: { ours: string; theirs: string },
  lists: { ours: string; theirs: string; tenant: string },
  count: number,
  seed: number,
  prefix: string,
): Promise<Variant[]> {
  const limit = 1_000;
  const ours = await walk(post, servers.ours, lists.ours, {}, limit, 25, (n) => ourKey(n.id ?? ''));
  const theirs = await walk(post, servers.theirs, lists.theirs, { tenant: lists.tenant }, limit, 25, (n) => {
    return `${prefix}:${n.rowId}`;
  });
  const marks = Math.min(ours.length, theirs.length);
  for (let i = 0; i < marks; i++) {
    if (ours[i]?.key !== theirs[i]?.key)
      throw new Error(`the lists differ at row ${25 * (i + 1)}: ${ours[i]?.key} against ${theirs[i]?.key}`);
  }
  const random = mulberry32(seed);
  const variants: Variant[] = [{ label: 'first page', ours: {}, theirs: { tenant: lists.tenant } }];
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * marks);
    variants.push({
      label: `after row ${25 * (at + 1)}`,
      ours: { after: ours[at]?.cursor },
      theirs: { tenant: lists.tenant, after: theirs[at]?.cursor },
    });
  }
  return variants;
}

/** The three queries with their variants (`pages` page variants for each list). */
export async function buildPeerQueries(
  post: Post,
  servers: { ours: string; theirs: string },
  tenant: string,
  pages: number,
): Promise<PeerQuery[]> {
  const enterpriseVariants = await pageVariants(
    post,
    servers,
    {
      ours: `query($after: String) { enterprises(first: 500, after: $after) { ${OUR_WALK} } }`,
      theirs: `query($tenant: String!, $after: Cursor) { allParties(condition: { tenantId: $tenant, kind: "ENTERPRISE" }, orderBy: [NAME_ASC, ROW_ID_ASC], first: 500, after: $after) { ${THEIR_WALK} } }`,
      tenant,
    },
    pages,
    42,
    'Enterprise',
  );
  const transactionVariants = await pageVariants(
    post,
    servers,
    {
      ours: `query($after: String) { transactions(first: 500, after: $after) { ${OUR_WALK} } }`,
      theirs: `query($tenant: String!, $after: Cursor) { allTransactions(condition: { tenantId: $tenant }, orderBy: [OCCURRED_ON_DESC, ROW_ID_DESC], first: 500, after: $after) { ${THEIR_WALK} } }`,
      tenant,
    },
    pages,
    43,
    'Transaction',
  );
  const agencies = (await post(servers.ours, '{ agencies(first: 500) { nodes { code } } }', {})) as {
    agencies: { nodes: Array<{ code: string }> };
  };
  const agencyVariants = agencies.agencies.nodes.map((a) => ({
    label: a.code,
    ours: { code: a.code },
    theirs: { tenant, code: a.code },
  }));

  return [
    {
      name: '50 enterprises + region + products',
      ours: ENTERPRISES,
      theirs: THEIR_ENTERPRISES,
      variants: enterpriseVariants,
      oursRows: (data) =>
        sorted(
          edgesOf(data.enterprises).flatMap((n) => [
            ourKey(n.id ?? ''),
            ...nodesOf(n.products).map((p) => ourKey(p.id ?? '')),
          ]),
        ),
      theirsRows: (data) =>
        sorted(
          edgesOf(data.allParties).flatMap((n) => [
            `Enterprise:${n.rowId}`,
            ...nodesOf(n.productsByTenantIdAndSellerId).map((p) => `Product:${p.rowId}`),
          ]),
        ),
    },
    {
      name: '100 transactions + buyer + seller',
      ours: TRANSACTIONS,
      theirs: THEIR_TRANSACTIONS,
      variants: transactionVariants,
      oursRows: (data) =>
        sorted(
          edgesOf(data.transactions).map((n) => {
            const party = (field: string) => (n[field] as Node).id ?? '';
            return `${ourKey(n.id ?? '')}>${ourKey(party('buyer')).split(':')[1]}>${ourKey(party('seller')).split(':')[1]}`;
          }),
        ),
      theirsRows: (data) =>
        sorted(
          edgesOf(data.allTransactions).map((n) => {
            const party = (field: string) => (n[field] as Node).rowId ?? '';
            return `Transaction:${n.rowId}>${party('partyByTenantIdAndBuyerId')}>${party('partyByTenantIdAndSellerId')}`;
          }),
        ),
    },
    {
      name: 'an agency + its network units',
      ours: OURS_AGENCY,
      theirs: THEIR_AGENCY,
      variants: agencyVariants,
      oursRows: (data) => {
        const agency = data.agency as Node;
        return sorted([ourKey(agency.id ?? ''), ...nodesOf(agency.networkUnits).map((u) => ourKey(u.id ?? ''))]);
      },
      theirsRows: (data) => {
        const agency = (data.agencyProfileByTenantIdAndCode as Node).partyByTenantIdAndPartyId as Node;
        const units = nodesOf(agency.partiesByTenantIdAndParentId);
        const below = units.flatMap((u) => nodesOf(u.partiesByTenantIdAndParentId));
        return sorted([`Agency:${agency.rowId}`, ...[...units, ...below].map((u) => `NetworkUnit:${u.rowId}`)]);
      },
    },
  ];
}
