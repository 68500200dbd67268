import type {
  AssistanceKind,
  Database,
  PartyKind,
  PartyStatus,
  PolicyMetric,
  ProductCategory,
  SizeClass,
  UnitType,
  Verification,
} from '@jejaring/db';
import { type Kysely, sql } from 'kysely';

/*
 * Analytics fixtures: small named datasets written in the shape of the CSV bundle (db/import/README.md:
 * rows refer to each other by `ref`), inserted with Kysely. Dates are fixed.
 */

export interface FixtureParty {
  ref: string;
  kind: PartyKind;
  name?: string;
  region_code?: string | null;
  parent_ref?: string | null;
  is_government?: boolean;
  unit_type?: UnitType;
  agency_code?: string;
  kbli_code?: string | null;
  size_class?: SizeClass | null;
  status?: PartyStatus;
  verification?: Verification;
  registered_on?: string | null;
}
export interface FixtureProgram {
  ref: string;
  agency_ref: string;
  code?: string;
  name?: string;
  fiscal_year: number;
  budget: number;
  local_target_share?: number | null;
}
export interface FixtureTransaction {
  ref?: string;
  buyer_ref: string;
  seller_ref: string;
  program_ref?: string | null;
  category?: ProductCategory;
  account_code?: string | null;
  amount: number;
  occurred_on: string;
}
export interface FixtureSnapshot {
  party_ref: string;
  /** YYYY-MM */
  period: string;
  revenue: number | null;
  status?: PartyStatus;
}
export interface FixtureAssistance {
  ref?: string;
  program_ref?: string | null;
  party_ref: string;
  kind: AssistanceKind;
  occurred_on: string;
}
export interface FixtureTarget {
  ref?: string;
  metric: PolicyMetric;
  target_share: number;
  fiscal_year: number;
  agency_ref?: string | null;
}
export interface FixtureCollectionTarget {
  region_code: string;
  year: number;
  enterprises: number;
  cooperatives: number;
}
export interface Fixture {
  parties: FixtureParty[];
  /**
   * Parents set after loading, [child ref, parent ref]: a parent cycle cannot be imported (the CSV
   * importer rejects it), but a later edit can make one, and analytics must cope with it.
   */
  reparent?: Array<[string, string]>;
  programs?: FixtureProgram[];
  transactions?: FixtureTransaction[];
  snapshots?: FixtureSnapshot[];
  assistance?: FixtureAssistance[];
  targets?: FixtureTarget[];
  collection_targets?: FixtureCollectionTarget[];
}

/** Refs of a loaded fixture, resolved to database ids. */
export interface LoadedFixture {
  id(ref: string): number;
  readonly parties: Map<string, number>;
  readonly programs: Map<string, number>;
}

const CHUNK = 500;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Inserts a fixture into a migrated database for `tenantId`; returns its refs' ids. */
export async function loadFixture(db: Kysely<Database>, tenantId: string, fixture: Fixture): Promise<LoadedFixture> {
  const parties = new Map<string, number>();
  const programs = new Map<string, number>();
  const need = (map: Map<string, number>, ref: string, what: string) => {
    const id = map.get(ref);
    if (id === undefined) throw new Error(`fixture: unknown ${what} ref "${ref}"`);
    return id;
  };
  await db.transaction().execute(async (trx) => {
    await insertChunks(fixture.parties, async (chunk) => {
      const inserted = await trx
        .insertInto('party')
        .values(
          chunk.map((p) => ({
            tenant_id: tenantId,
            ref: p.ref,
            kind: p.kind,
            name: p.name ?? p.ref,
            region_code: p.region_code === undefined ? tenantId : p.region_code,
            size_class: p.size_class ?? null,
            is_government: p.is_government ?? p.kind === 'AGENCY',
            status: p.status ?? 'ACTIVE',
            registered_on: p.registered_on ?? null,
          })),
        )
        .returning(['id', 'ref'])
        .execute();
      for (const row of inserted) parties.set(row.ref, Number(row.id));
    });
    const parents = [
      ...fixture.parties.filter((p) => p.parent_ref).map((p) => [p.ref, p.parent_ref as string] as const),
      ...(fixture.reparent ?? []),
    ];
    for (const [child, parent] of parents) {
      await trx
        .updateTable('party')
        .set({ parent_id: need(parties, parent, 'party') })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', need(parties, child, 'party'))
        .execute();
    }
    const of = (kind: PartyKind) => fixture.parties.filter((p) => p.kind === kind);
    await insertChunks(of('AGENCY'), (chunk) =>
      trx
        .insertInto('agency_profile')
        .values(
          chunk.map((p) => ({
            tenant_id: tenantId,
            party_id: need(parties, p.ref, 'party'),
            code: p.agency_code ?? p.ref.replace(/[^0-9A-Za-z]/g, ''),
            agency_type: 'DINAS' as const,
          })),
        )
        .execute(),
    );
    await insertChunks(of('NETWORK_UNIT'), (chunk) =>
      trx
        .insertInto('network_unit_profile')
        .values(
          chunk.map((p) => ({
            tenant_id: tenantId,
            party_id: need(parties, p.ref, 'party'),
            unit_type: p.unit_type ?? 'OTHER',
          })),
        )
        .execute(),
    );
    await insertChunks(
      fixture.parties.filter((p) => p.kind === 'ENTERPRISE' || (p.kind === 'VENDOR' && p.kbli_code)),
      (chunk) =>
        trx
          .insertInto('enterprise_profile')
          .values(
            chunk.map((p) => ({
              tenant_id: tenantId,
              party_id: need(parties, p.ref, 'party'),
              kbli_code: p.kbli_code ?? null,
              verification: p.verification ?? 'DRAFT',
            })),
          )
          .execute(),
    );
    await insertChunks(of('COOPERATIVE'), (chunk) =>
      trx
        .insertInto('cooperative_profile')
        .values(
          chunk.map((p) => ({
            tenant_id: tenantId,
            party_id: need(parties, p.ref, 'party'),
            verification: p.verification ?? 'DRAFT',
          })),
        )
        .execute(),
    );
    await insertChunks(fixture.programs ?? [], async (chunk) => {
      const inserted = await trx
        .insertInto('program')
        .values(
          chunk.map((p) => ({
            tenant_id: tenantId,
            ref: p.ref,
            agency_id: need(parties, p.agency_ref, 'party'),
            code: p.code ?? p.ref,
            name: p.name ?? p.ref,
            fiscal_year: p.fiscal_year,
            budget: p.budget,
            local_target_share: p.local_target_share ?? null,
          })),
        )
        .returning(['id', 'ref'])
        .execute();
      for (const row of inserted) programs.set(row.ref, Number(row.id));
    });
    let n = 0;
    await insertChunks(fixture.transactions ?? [], (chunk) =>
      trx
        .insertInto('transaction')
        .values(
          chunk.map((t) => ({
            tenant_id: tenantId,
            buyer_id: need(parties, t.buyer_ref, 'party'),
            seller_id: need(parties, t.seller_ref, 'party'),
            program_id: t.program_ref ? need(programs, t.program_ref, 'program') : null,
            category: t.category ?? 'OTHER',
            account_code: t.account_code === undefined ? '5.1.02.01' : t.account_code,
            amount: t.amount,
            occurred_on: t.occurred_on,
            source: 'FIXTURE',
            source_ref: t.ref ?? `t${++n}`,
          })),
        )
        .execute(),
    );
    await insertChunks(fixture.snapshots ?? [], (chunk) =>
      trx
        .insertInto('enterprise_snapshot')
        .values(
          chunk.map((s) => ({
            tenant_id: tenantId,
            enterprise_id: need(parties, s.party_ref, 'party'),
            period: `${s.period}-01`,
            revenue: s.revenue,
            status: s.status ?? 'ACTIVE',
          })),
        )
        .execute(),
    );
    let a = 0;
    await insertChunks(fixture.assistance ?? [], (chunk) =>
      trx
        .insertInto('assistance')
        .values(
          chunk.map((x) => ({
            tenant_id: tenantId,
            ref: x.ref ?? `a${++a}`,
            program_id: x.program_ref ? need(programs, x.program_ref, 'program') : null,
            enterprise_id: need(parties, x.party_ref, 'party'),
            kind: x.kind,
            occurred_on: x.occurred_on,
          })),
        )
        .execute(),
    );
    let g = 0;
    await insertChunks(fixture.targets ?? [], (chunk) =>
      trx
        .insertInto('policy_target')
        .values(
          chunk.map((x) => ({
            tenant_id: tenantId,
            ref: x.ref ?? `g${++g}`,
            name: x.ref ?? `target ${g}`,
            metric: x.metric,
            target_share: x.target_share,
            fiscal_year: x.fiscal_year,
            agency_id: x.agency_ref ? need(parties, x.agency_ref, 'party') : null,
          })),
        )
        .execute(),
    );
    await insertChunks(fixture.collection_targets ?? [], (chunk) =>
      trx
        .insertInto('collection_target')
        .values(chunk.map((x) => ({ tenant_id: tenantId, ...x })))
        .execute(),
    );
  });
  return {
    parties,
    programs,
    id: (ref) => parties.get(ref) ?? need(programs, ref, 'party or program'),
  };
}

/** Removes every tenant-scoped row, so one database can hold one fixture after another. */
export async function clearTenant(db: Kysely<Database>, tenantId: string): Promise<void> {
  for (const table of [
    'collection_target',
    'policy_target',
    'enterprise_snapshot',
    'assistance',
    'transaction',
    'program',
    'product',
    'cooperative_membership',
    'cooperative_profile',
    'enterprise_profile',
    'network_unit_profile',
    'agency_profile',
  ] as const) {
    await db.deleteFrom(table).where('tenant_id', '=', tenantId).execute();
  }
  await sql`UPDATE party SET parent_id = NULL WHERE tenant_id = ${tenantId} AND parent_id IS NOT NULL`.execute(db);
  await db.deleteFrom('party').where('tenant_id', '=', tenantId).execute();
}
