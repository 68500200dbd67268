import type { Database } from '@jejaring/db';
import { TEST_TENANT } from '@jejaring/db/testing';
import { type Kysely, sql } from 'kysely';

/*
 * The test oracle: a tenant's rows read straight from the tables (no API or server code involved),
 * the one raw-table reader of the tests. The API tests compute a list's expected content and order
 * from it in plain JavaScript; the reference measures (spend.ts, network.ts, outcomes.ts) compute
 * every measure from it naively. Names in the fixtures are ASCII, so JavaScript's code-unit order
 * is the database's C collation order.
 */

export interface OracleParty {
  id: number;
  ref: string;
  kind: string;
  name: string;
  region_code: string | null;
  parent_id: number | null;
  size_class: string | null;
  is_government: boolean;
  status: string;
  registered_on: string | null;
  agency_code: string | null;
  short_name: string | null;
  agency_type: string | null;
  unit_type: string | null;
  nib: string | null;
  kbli_code: string | null;
  capital: number | null;
  annual_revenue: number | null;
  employees: number | null;
  owner_nik: string | null;
  e_verification: string | null;
  coop_type: string | null;
  c_verification: string | null;
  registration_no: string | null;
}

export interface Oracle {
  /** The tenant's own region code (the regency). */
  tenantRegion: string;
  parties: OracleParty[];
  partyByRef: Map<string, OracleParty>;
  partyById: Map<number, OracleParty>;
  products: Array<{
    id: number;
    seller_id: number;
    name: string;
    category: string;
    unit_price: number | null;
    kbli_code: string | null;
  }>;
  programs: Array<{
    id: number;
    agency_id: number;
    code: string;
    name: string;
    fiscal_year: number;
    budget: number;
    local_target_share: number | null;
    /** local_target_share as the stored decimal text ("0.3000"), for exact comparisons. */
    target_text: string | null;
  }>;
  transactions: Array<{
    id: number;
    buyer_id: number;
    seller_id: number;
    program_id: number | null;
    product_id: number | null;
    category: string;
    account_code: string | null;
    funding_source: string | null;
    amount: number;
    occurred_on: string;
  }>;
  assistance: Array<{
    id: number;
    program_id: number | null;
    enterprise_id: number;
    kind: string;
    occurred_on: string;
  }>;
  snapshots: Array<{ enterprise_id: number; period: string; revenue: number | null; status: string }>;
  memberships: Array<{ cooperative_id: number; member_id: number }>;
  regions: Array<{ code: string; level: number; name: string; parent_code: string | null }>;
  kbliSection: Map<string, string>;
  targets: Array<{ metric: string; fiscal_year: number; agency_id: number | null; target_share: number; text: string }>;
  collectionTargets: Array<{ region_code: string; year: number; enterprises: number; cooperatives: number }>;
}

/** Reads every row of tenant `t` that a list or a measure can depend on. */
export async function loadOracle(handle: { db: Kysely<Database> }, t: string = TEST_TENANT): Promise<Oracle> {
  const db = handle.db;
  const tenant = await db.selectFrom('tenant').select('region_code').where('id', '=', t).executeTakeFirstOrThrow();
  const parties = (await db
    .selectFrom('party as p')
    .leftJoin('agency_profile as ap', (j) =>
      j.onRef('ap.tenant_id', '=', 'p.tenant_id').onRef('ap.party_id', '=', 'p.id'),
    )
    .leftJoin('network_unit_profile as np', (j) =>
      j.onRef('np.tenant_id', '=', 'p.tenant_id').onRef('np.party_id', '=', 'p.id'),
    )
    .leftJoin('enterprise_profile as ep', (j) =>
      j.onRef('ep.tenant_id', '=', 'p.tenant_id').onRef('ep.party_id', '=', 'p.id'),
    )
    .leftJoin('cooperative_profile as cp', (j) =>
      j.onRef('cp.tenant_id', '=', 'p.tenant_id').onRef('cp.party_id', '=', 'p.id'),
    )
    .select([
      'p.id',
      'p.ref',
      'p.kind',
      'p.name',
      'p.region_code',
      'p.parent_id',
      'p.size_class',
      'p.is_government',
      'p.status',
      'p.registered_on',
      'ap.code as agency_code',
      'ap.short_name',
      'ap.agency_type',
      'np.unit_type',
      'ep.nib',
      'ep.kbli_code',
      'ep.capital',
      'ep.annual_revenue',
      'ep.employees',
      'ep.owner_nik',
      'ep.verification as e_verification',
      'cp.coop_type',
      'cp.verification as c_verification',
      'cp.registration_no',
    ])
    .where('p.tenant_id', '=', t)
    .orderBy('p.id')
    .execute()) as OracleParty[];
  const products = await db
    .selectFrom('product')
    .select(['id', 'seller_id', 'name', 'category', 'unit_price', 'kbli_code'])
    .where('tenant_id', '=', t)
    .orderBy('id')
    .execute();
  const programs = await db
    .selectFrom('program')
    .select([
      'id',
      'agency_id',
      'code',
      'name',
      'fiscal_year',
      'budget',
      'local_target_share',
      sql<string | null>`local_target_share::text`.as('target_text'),
    ])
    .where('tenant_id', '=', t)
    .orderBy('id')
    .execute();
  const transactions = await db
    .selectFrom('transaction')
    .select([
      'id',
      'buyer_id',
      'seller_id',
      'program_id',
      'product_id',
      'category',
      'account_code',
      'funding_source',
      'amount',
      'occurred_on',
    ])
    .where('tenant_id', '=', t)
    .orderBy('id')
    .execute();
  const assistance = await db
    .selectFrom('assistance')
    .select(['id', 'program_id', 'enterprise_id', 'kind', 'occurred_on'])
    .where('tenant_id', '=', t)
    .orderBy('id')
    .execute();
  const snapshots = await db
    .selectFrom('enterprise_snapshot')
    .select(['enterprise_id', 'period', 'revenue', 'status'])
    .where('tenant_id', '=', t)
    .orderBy('enterprise_id')
    .orderBy('period')
    .execute();
  const memberships = await db
    .selectFrom('cooperative_membership')
    .select(['cooperative_id', 'member_id'])
    .where('tenant_id', '=', t)
    .execute();
  const regions = await db
    .selectFrom('region')
    .select(['code', 'level', 'name', 'parent_code'])
    .orderBy('code')
    .execute();
  const divisions = await db.selectFrom('kbli_division').select(['division', 'section']).execute();
  const targets = await db
    .selectFrom('policy_target')
    .select(['metric', 'fiscal_year', 'agency_id', 'target_share', sql<string>`target_share::text`.as('text')])
    .where('tenant_id', '=', t)
    .execute();
  const collectionTargets = await db
    .selectFrom('collection_target')
    .select(['region_code', 'year', 'enterprises', 'cooperatives'])
    .where('tenant_id', '=', t)
    .execute();
  return {
    tenantRegion: tenant.region_code,
    parties,
    partyByRef: new Map(parties.map((p) => [p.ref, p])),
    partyById: new Map(parties.map((p) => [p.id, p])),
    products,
    programs,
    transactions,
    assistance,
    snapshots,
    memberships,
    regions,
    kbliSection: new Map(divisions.map((d) => [d.division, d.section])),
    targets,
    collectionTargets,
  };
}

/** `code` is the region or lies inside it. */
export const within = (code: string | null, region: string) =>
  code !== null && (code === region || code.startsWith(`${region}.`));

/** Sorts by a key then by id, both ascending or both descending (the API's keyset order). */
export function sortBy<T extends { id: number }>(
  rows: readonly T[],
  key: (row: T) => string | number,
  descending = false,
): T[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return (a.id - b.id) * sign;
  });
}
