import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../src/database.ts';
import type { BundleFile } from './csv-import.ts';
import { BUNDLE_FILES } from './files/index.ts';
import { neutraliseCell } from './sources/neutralise.ts';

/** Rows fetched per query: keeps a large tenant's export from holding every row object at once. */
const PAGE = 20_000;

type Row = Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutraliseCell(String(value));
}

function columnsOf(name: string): readonly string[] {
  const spec = BUNDLE_FILES.find((f) => f.name === name);
  if (!spec) throw new Error(`unknown bundle file ${name}`);
  return spec.columns;
}

/** Pages through a query by an increasing id, writing CSV as it goes. */
async function pagedCsv(name: string, fetch: (afterId: number, limit: number) => Promise<Row[]>): Promise<BundleFile> {
  const columns = columnsOf(name);
  const parts = [stringify([columns])];
  let after = 0;
  for (;;) {
    const rows = await fetch(after, PAGE);
    if (rows.length) parts.push(stringify(rows.map((r) => columns.map((c) => cell(r[c])))));
    if (rows.length < PAGE) break;
    after = rows.at(-1)?.id as number;
  }
  return { name, content: parts.join('') };
}

/** The personal columns of parties.csv, left empty unless the export includes personal data. */
const PERSONAL_COLUMNS = ['owner_name', 'owner_nik'] as const;

async function parties(trx: Transaction<Database>, tenantId: string, personalData: boolean): Promise<BundleFile> {
  const withoutPersonal = (rows: Row[]) =>
    personalData ? rows : rows.map((r) => ({ ...r, ...Object.fromEntries(PERSONAL_COLUMNS.map((c) => [c, null])) }));
  return pagedCsv('parties.csv', async (after, limit) =>
    withoutPersonal(
      await trx
        .selectFrom('party as p')
        .leftJoin('party as parent', (j) =>
          j.onRef('parent.tenant_id', '=', 'p.tenant_id').onRef('parent.id', '=', 'p.parent_id'),
        )
        // Each profile only for its own kind, so the file always imports back.
        .leftJoin('agency_profile as ap', (j) =>
          j.onRef('ap.tenant_id', '=', 'p.tenant_id').onRef('ap.party_id', '=', 'p.id').on('p.kind', '=', 'AGENCY'),
        )
        .leftJoin('network_unit_profile as nu', (j) =>
          j
            .onRef('nu.tenant_id', '=', 'p.tenant_id')
            .onRef('nu.party_id', '=', 'p.id')
            .on('p.kind', '=', 'NETWORK_UNIT'),
        )
        .leftJoin('enterprise_profile as ep', (j) =>
          j.onRef('ep.tenant_id', '=', 'p.tenant_id').onRef('ep.party_id', '=', 'p.id').on('p.kind', '=', 'ENTERPRISE'),
        )
        .leftJoin('cooperative_profile as cp', (j) =>
          j
            .onRef('cp.tenant_id', '=', 'p.tenant_id')
            .onRef('cp.party_id', '=', 'p.id')
            .on('p.kind', '=', 'COOPERATIVE'),
        )
        .select([
          'p.id',
          'p.ref',
          'p.kind',
          'p.name',
          'p.region_code',
          'parent.ref as parent_ref',
          'p.is_government',
          'nu.unit_type',
          'ap.code as agency_code',
          'ep.nib',
          'ep.kbli_code',
          'p.size_class',
          'ep.capital',
          'ep.annual_revenue',
          'ep.owner_name',
          'ep.owner_nik',
          'p.status',
          'p.registered_on',
          'ap.short_name',
          'ap.agency_type',
          'nu.members',
          'ep.owner_gender',
          'ep.founded_year',
          'ep.employees',
          'cp.registration_no',
          'cp.coop_type',
          'cp.members_count',
        ])
        .select(sql<string | null>`coalesce(ep.verification, cp.verification)`.as('verification'))
        .where('p.tenant_id', '=', tenantId)
        .where('p.id', '>', after)
        .orderBy('p.id')
        .limit(limit)
        .execute(),
    ),
  );
}

async function products(trx: Transaction<Database>, tenantId: string): Promise<BundleFile> {
  return pagedCsv('products.csv', (after, limit) =>
    trx
      .selectFrom('product as x')
      .innerJoin('party as s', (j) => j.onRef('s.tenant_id', '=', 'x.tenant_id').onRef('s.id', '=', 'x.seller_id'))
      .select(['x.id', 'x.ref', 's.ref as seller_ref', 'x.name', 'x.category', 'x.unit', 'x.unit_price', 'x.kbli_code'])
      .where('x.tenant_id', '=', tenantId)
      .where('x.id', '>', after)
      .orderBy('x.id')
      .limit(limit)
      .execute(),
  );
}

async function programs(trx: Transaction<Database>, tenantId: string): Promise<BundleFile> {
  return pagedCsv('programs.csv', (after, limit) =>
    trx
      .selectFrom('program as x')
      .innerJoin('party as a', (j) => j.onRef('a.tenant_id', '=', 'x.tenant_id').onRef('a.id', '=', 'x.agency_id'))
      .select([
        'x.id',
        'x.ref',
        'a.ref as agency_ref',
        'x.code',
        'x.name',
        'x.fiscal_year',
        'x.budget',
        'x.local_target_share',
      ])
      .where('x.tenant_id', '=', tenantId)
      .where('x.id', '>', after)
      .orderBy('x.id')
      .limit(limit)
      .execute(),
  );
}

async function transactions(trx: Transaction<Database>, tenantId: string): Promise<BundleFile> {
  return pagedCsv('transactions.csv', (after, limit) =>
    trx
      .selectFrom('transaction as x')
      .innerJoin('party as b', (j) => j.onRef('b.tenant_id', '=', 'x.tenant_id').onRef('b.id', '=', 'x.buyer_id'))
      .innerJoin('party as s', (j) => j.onRef('s.tenant_id', '=', 'x.tenant_id').onRef('s.id', '=', 'x.seller_id'))
      .leftJoin('program as g', (j) => j.onRef('g.tenant_id', '=', 'x.tenant_id').onRef('g.id', '=', 'x.program_id'))
      .leftJoin('product as d', (j) => j.onRef('d.tenant_id', '=', 'x.tenant_id').onRef('d.id', '=', 'x.product_id'))
      .select([
        'x.id',
        'x.source_ref as ref',
        'b.ref as buyer_ref',
        's.ref as seller_ref',
        'g.ref as program_ref',
        'x.category',
        'x.account_code',
        'x.funding_source',
        'x.amount',
        'x.quantity',
        'x.occurred_on',
        'x.source',
        'd.ref as product_ref',
      ])
      .where('x.tenant_id', '=', tenantId)
      .where('x.id', '>', after)
      .orderBy('x.id')
      .limit(limit)
      .execute(),
  );
}

async function assistance(trx: Transaction<Database>, tenantId: string): Promise<BundleFile> {
  return pagedCsv('assistance.csv', (after, limit) =>
    trx
      .selectFrom('assistance as x')
      .innerJoin('party as e', (j) => j.onRef('e.tenant_id', '=', 'x.tenant_id').onRef('e.id', '=', 'x.enterprise_id'))
      .leftJoin('program as g', (j) => j.onRef('g.tenant_id', '=', 'x.tenant_id').onRef('g.id', '=', 'x.program_id'))
      .select(['x.id', 'x.ref', 'g.ref as program_ref', 'e.ref as party_ref', 'x.kind', 'x.occurred_on'])
      .where('x.tenant_id', '=', tenantId)
      .where('x.id', '>', after)
      .orderBy('x.id')
      .limit(limit)
      .execute(),
  );
}

async function targets(trx: Transaction<Database>, tenantId: string): Promise<BundleFile> {
  return pagedCsv('targets.csv', (after, limit) =>
    trx
      .selectFrom('policy_target as x')
      .leftJoin('party as a', (j) => j.onRef('a.tenant_id', '=', 'x.tenant_id').onRef('a.id', '=', 'x.agency_id'))
      .select([
        'x.id',
        'x.ref',
        'x.name',
        'x.legal_basis',
        'x.metric',
        'x.target_share',
        'x.fiscal_year',
        'a.ref as agency_ref',
      ])
      .where('x.tenant_id', '=', tenantId)
      .where('x.id', '>', after)
      .orderBy('x.id')
      .limit(limit)
      .execute(),
  );
}

/** Snapshots have no id: paged by their key (enterprise, period) instead. */
async function snapshots(trx: Transaction<Database>, tenantId: string): Promise<BundleFile> {
  const columns = columnsOf('snapshots.csv');
  const parts = [stringify([columns])];
  let after: { enterprise_id: number; period: string } | null = null;
  for (;;) {
    let query = trx
      .selectFrom('enterprise_snapshot as x')
      .innerJoin('party as e', (j) => j.onRef('e.tenant_id', '=', 'x.tenant_id').onRef('e.id', '=', 'x.enterprise_id'))
      .select(['x.enterprise_id', 'x.period', 'e.ref as party_ref', 'x.revenue', 'x.employees', 'x.status'])
      .where('x.tenant_id', '=', tenantId);
    if (after)
      query = query.where(sql<boolean>`(x.enterprise_id, x.period) > (${after.enterprise_id}, ${after.period}::date)`);
    const rows = await query.orderBy('x.enterprise_id').orderBy('x.period').limit(PAGE).execute();
    const out = rows.map((r) => ({ ...r, period: r.period.slice(0, 7) }));
    if (rows.length) parts.push(stringify(out.map((r) => columns.map((c) => cell((r as Row)[c])))));
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = { enterprise_id: last.enterprise_id, period: last.period };
  }
  return { name: 'snapshots.csv', content: parts.join('') };
}

async function memberships(trx: Transaction<Database>, tenantId: string): Promise<BundleFile> {
  const rows = await trx
    .selectFrom('cooperative_membership as x')
    .innerJoin('party as c', (j) => j.onRef('c.tenant_id', '=', 'x.tenant_id').onRef('c.id', '=', 'x.cooperative_id'))
    .innerJoin('party as m', (j) => j.onRef('m.tenant_id', '=', 'x.tenant_id').onRef('m.id', '=', 'x.member_id'))
    .select(['c.ref as cooperative_ref', 'm.ref as member_ref', 'x.joined_on'])
    .where('x.tenant_id', '=', tenantId)
    .orderBy('x.cooperative_id')
    .orderBy('x.member_id')
    .execute();
  const columns = columnsOf('memberships.csv');
  return {
    name: 'memberships.csv',
    content: stringify([columns, ...rows.map((r) => columns.map((c) => cell((r as Row)[c])))]),
  };
}

async function collectionTargets(trx: Transaction<Database>, tenantId: string): Promise<BundleFile> {
  const rows = await trx
    .selectFrom('collection_target')
    .select(['region_code', 'year', 'enterprises', 'cooperatives'])
    .where('tenant_id', '=', tenantId)
    .orderBy('year')
    .orderBy('region_code')
    .execute();
  const columns = columnsOf('collection_targets.csv');
  return {
    name: 'collection_targets.csv',
    content: stringify([columns, ...rows.map((r) => columns.map((c) => cell((r as Row)[c])))]),
  };
}

/**
 * The tenant's data as a CSV bundle: every file the importer reads (optional ones included), rows
 * pointing at each other by ref, so importing it into an empty database reproduces the same rows.
 * Read in one repeatable-read transaction: a consistent snapshot while imports go on.
 * Owners' names and NIKs (personal data) only with `personalData: true` (the CLI's
 * --include-personal-data); otherwise those columns are empty, and importing such a bundle onto the
 * database it came from would empty them there too.
 */
export async function exportCsvBundle(
  db: Kysely<Database>,
  tenantId: string,
  options: { personalData?: boolean } = {},
): Promise<BundleFile[]> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const files: BundleFile[] = [];
      // One after another: PGlite has a single connection, and so does a transaction.
      files.push(await parties(trx, tenantId, options.personalData ?? false));
      for (const write of [
        products,
        memberships,
        programs,
        transactions,
        snapshots,
        assistance,
        targets,
        collectionTargets,
      ]) {
        files.push(await write(trx, tenantId));
      }
      return files;
    });
}

/**
 * Writes a bundle's files into a folder (created if needed), replacing files of the same name.
 * Files get mode 0600 and a new folder 0700: the bundle holds personal data.
 */
export async function writeBundleDir(dir: string, files: readonly BundleFile[]): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  for (const file of files) {
    // Only the base name: a file named ../x.csv must not escape the folder.
    const target = path.join(dir, path.basename(file.name));
    await fs.writeFile(target, file.content, { mode: 0o600 });
    await fs.chmod(target, 0o600); // a file that existed keeps its old mode otherwise
  }
}
