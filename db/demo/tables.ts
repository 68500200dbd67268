import type { FundingSource } from '../src/database.ts';

/*
 * The tables the demo writes, their columns (tenant_id excluded: the loader adds it) with the
 * PostgreSQL array types the loader casts to, and which columns hold ids of which table (so the
 * loader can shift ids when another tenant already uses 1…n).
 */

export type IdSpace = 'party' | 'product' | 'program' | 'transaction' | 'assistance' | 'policy_target';
export type Value = string | number | boolean | null;
export type Row = readonly Value[];

/**
 * A transaction row as transactions.ts generates it, in the column order of TABLE_SPECS.transaction:
 * id, buyer_id, seller_id, program_id, product_id, category, account_code, funding_source, amount,
 * quantity, occurred_on, source, source_ref.
 */
export type TransactionRow = [
  number,
  number,
  number,
  number | null,
  number | null,
  string,
  string | null,
  FundingSource | null,
  number,
  number | null,
  string,
  string,
  string,
];

export interface TableSpec {
  readonly columns: readonly string[];
  readonly types: readonly string[];
  /** Column name → the id space it refers to (its own id included). */
  readonly ids: Readonly<Record<string, IdSpace>>;
}

const spec = (columns: Array<[string, string]>, ids: Record<string, IdSpace>): TableSpec => ({
  columns: columns.map(([c]) => c),
  types: columns.map(([, t]) => t),
  ids,
});

export const TABLE_SPECS = {
  party: spec(
    [
      ['id', 'bigint'],
      ['ref', 'text'],
      ['kind', 'text'],
      ['name', 'text'],
      ['region_code', 'text'],
      ['parent_id', 'bigint'],
      ['size_class', 'text'],
      ['is_government', 'boolean'],
      ['status', 'text'],
      ['registered_on', 'date'],
    ],
    { id: 'party', parent_id: 'party' },
  ),
  agency_profile: spec(
    [
      ['party_id', 'bigint'],
      ['code', 'text'],
      ['short_name', 'text'],
      ['agency_type', 'text'],
    ],
    { party_id: 'party' },
  ),
  network_unit_profile: spec(
    [
      ['party_id', 'bigint'],
      ['unit_type', 'text'],
      ['members', 'integer'],
    ],
    { party_id: 'party' },
  ),
  enterprise_profile: spec(
    [
      ['party_id', 'bigint'],
      ['nib', 'text'],
      ['kbli_code', 'text'],
      ['owner_name', 'text'],
      ['owner_nik', 'text'],
      ['owner_gender', 'text'],
      ['founded_year', 'smallint'],
      ['employees', 'integer'],
      ['capital', 'bigint'],
      ['annual_revenue', 'bigint'],
      ['size_basis', 'text'],
      ['verification', 'text'],
    ],
    { party_id: 'party' },
  ),
  cooperative_profile: spec(
    [
      ['party_id', 'bigint'],
      ['registration_no', 'text'],
      ['coop_type', 'text'],
      ['members_count', 'integer'],
      ['verification', 'text'],
    ],
    { party_id: 'party' },
  ),
  cooperative_membership: spec(
    [
      ['cooperative_id', 'bigint'],
      ['member_id', 'bigint'],
      ['joined_on', 'date'],
    ],
    { cooperative_id: 'party', member_id: 'party' },
  ),
  product: spec(
    [
      ['id', 'bigint'],
      ['ref', 'text'],
      ['seller_id', 'bigint'],
      ['name', 'text'],
      ['category', 'text'],
      ['unit', 'text'],
      ['unit_price', 'bigint'],
      ['kbli_code', 'text'],
    ],
    { id: 'product', seller_id: 'party' },
  ),
  program: spec(
    [
      ['id', 'bigint'],
      ['ref', 'text'],
      ['agency_id', 'bigint'],
      ['code', 'text'],
      ['name', 'text'],
      ['fiscal_year', 'smallint'],
      ['budget', 'bigint'],
      ['local_target_share', 'numeric'],
    ],
    { id: 'program', agency_id: 'party' },
  ),
  policy_target: spec(
    [
      ['id', 'bigint'],
      ['ref', 'text'],
      ['name', 'text'],
      ['legal_basis', 'text'],
      ['metric', 'text'],
      ['target_share', 'numeric'],
      ['fiscal_year', 'smallint'],
      ['agency_id', 'bigint'],
    ],
    { id: 'policy_target', agency_id: 'party' },
  ),
  collection_target: spec(
    [
      ['region_code', 'text'],
      ['year', 'smallint'],
      ['enterprises', 'integer'],
      ['cooperatives', 'integer'],
    ],
    {},
  ),
  assistance: spec(
    [
      ['id', 'bigint'],
      ['ref', 'text'],
      ['program_id', 'bigint'],
      ['enterprise_id', 'bigint'],
      ['kind', 'text'],
      ['occurred_on', 'date'],
    ],
    { id: 'assistance', program_id: 'program', enterprise_id: 'party' },
  ),
  enterprise_snapshot: spec(
    [
      ['enterprise_id', 'bigint'],
      ['period', 'date'],
      ['revenue', 'bigint'],
      ['employees', 'integer'],
      ['status', 'text'],
    ],
    { enterprise_id: 'party' },
  ),
  transaction: spec(
    [
      ['id', 'bigint'],
      ['buyer_id', 'bigint'],
      ['seller_id', 'bigint'],
      ['program_id', 'bigint'],
      ['product_id', 'bigint'],
      ['category', 'text'],
      ['account_code', 'text'],
      ['funding_source', 'text'],
      ['amount', 'bigint'],
      ['quantity', 'numeric'],
      ['occurred_on', 'date'],
      ['source', 'text'],
      ['source_ref', 'text'],
    ],
    { id: 'transaction', buyer_id: 'party', seller_id: 'party', program_id: 'program', product_id: 'product' },
  ),
} as const satisfies Record<string, TableSpec>;

export type DemoTable = keyof typeof TABLE_SPECS;

/** The order the generator yields tables in (it satisfies every foreign key). */
export const DEMO_TABLES = Object.keys(TABLE_SPECS) as DemoTable[];

/** The tables with an identity id column, whose sequences the loader resets. */
export const ID_TABLES: readonly IdSpace[] = [
  'party',
  'product',
  'program',
  'transaction',
  'assistance',
  'policy_target',
];

/** A text value that must be escaped inside a PostgreSQL array literal. */
const NEEDS_ESCAPE = /["\\]/;

/**
 * One column of a chunk as a PostgreSQL array literal: {1,2,NULL} or {"a","b \"c\""}, with
 * numbers shifted by `offset` (ids). This runs for millions of values: each value's text goes into
 * an array, joined once (about half the time of appending to one string, whose pieces V8 must
 * flatten later: 0.6-0.8 s against 1.1-1.3 s for the demo at scale 1).
 */
function columnLiteral(rows: readonly Row[], c: number, offset: number): string {
  const values = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as Row)[c];
    if (v === null || v === undefined) values[i] = 'NULL';
    else if (typeof v === 'number') values[i] = String(offset ? v + offset : v);
    else if (typeof v === 'boolean') values[i] = v ? 't' : 'f';
    else if (NEEDS_ESCAPE.test(v)) values[i] = `"${v.replace(/["\\]/g, '\\$&')}"`;
    else values[i] = `"${v}"`;
  }
  return `{${values.join(',')}}`;
}

/**
 * The rows of a chunk as one PostgreSQL array literal per column (what the loader binds to
 * unnest), with ids shifted by `offsets` when another tenant already uses low ids.
 */
export function columnLiterals(
  table: DemoTable,
  rows: readonly Row[],
  offsets?: Readonly<Record<IdSpace, number>>,
): string[] {
  const spec: TableSpec = TABLE_SPECS[table];
  return spec.columns.map((column, c) => {
    const space = spec.ids[column];
    return columnLiteral(rows, c, space && offsets ? offsets[space] : 0);
  });
}
