import type { Database } from '@jejaring/db';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  isWholeRow,
  keptPartyShapes,
  type PartyColumn,
  type PartyRow,
  selectParties,
} from '../../src/modules/party/party-select.queries.ts';

/*
 * isWholeRow decides which party rows may prime the request's party loader (toPartyPrimed): only
 * rows with every own column and their kind's profile, never one fetched lean for one selection.
 */

const unit = (columns: Partial<PartyRow>): PartyRow =>
  ({ id: 7, kind: 'NETWORK_UNIT', name: 'SDN 1 Sungai Raya', region_code: '61.12.01', ...columns }) as PartyRow;

const OWN = {
  parent_id: 3,
  size_class: null,
  is_government: true,
  status: 'ACTIVE',
  registered_on: null,
  npwp: null,
} as const;

describe('isWholeRow', () => {
  it('a unit with every own column and its profile is whole', () => {
    expect(isWholeRow(unit({ ...OWN, unit_type: 'SCHOOL', unit_members: 12 }))).toBe(true);
  });

  it('a unit with its profile but only the lean own columns is not', () => {
    expect(isWholeRow(unit({ unit_type: 'SCHOOL', unit_members: 12 }))).toBe(false);
  });

  it('a unit with every own column but no profile is not', () => {
    expect(isWholeRow(unit(OWN))).toBe(false);
  });

  it('a vendor (no profile table) with every own column is whole, a lean one is not', () => {
    expect(isWholeRow(unit({ ...OWN, kind: 'VENDOR' }))).toBe(true);
    expect(isWholeRow(unit({ kind: 'VENDOR' }))).toBe(false);
  });

  it('an enterprise with every own column and its profile, nulls included, is whole', () => {
    const profile = {
      nib: '9162962991796',
      kbli_code: null,
      owner_name: null,
      owner_nik: null,
      registering_agency_id: null,
      owner_gender: null,
      founded_year: null,
      employees: null,
      capital: null,
      annual_revenue: null,
      size_basis: null,
      enterprise_verification: 'DRAFT',
    } as const;
    expect(isWholeRow(unit({ ...OWN, ...profile, kind: 'ENTERPRISE' }))).toBe(true);
  });

  it('rows with some of their own and profile columns, as a page asks them, are not whole', () => {
    // A page of enterprises asked for their status, size, NIB and verification selects only these.
    const asked = { status: 'ACTIVE', size_class: 'MICRO', nib: '9162962991796', enterprise_verification: 'VERIFIED' };
    expect(isWholeRow(unit({ ...asked, kind: 'ENTERPRISE' } as Partial<PartyRow>))).toBe(false);
    expect(isWholeRow(unit({ ...OWN, nib: '9162962991796', kind: 'ENTERPRISE' }))).toBe(false);
    expect(isWholeRow(unit({ status: 'ACTIVE', unit_type: 'SCHOOL', unit_members: 12 }))).toBe(false);
  });
});

describe('selectParties', () => {
  // A Kysely that compiles for PostgreSQL and connects to nothing: the statements are only compiled.
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const PROFILE = ['nib', 'kbli_code', 'owner_gender', 'founded_year', 'employees', 'capital', 'annual_revenue'];
  const OWN = ['parent_id', 'size_class', 'is_government', 'status', 'registered_on', 'npwp'];
  const CHOSEN = [...OWN, ...PROFILE] as PartyColumn[];

  it('keeps at most 256 shapes however many column sets clients ask, and builds every one right', () => {
    // 300 distinct column sets (every subset's bits of 13 columns), as varied field selections make them.
    for (let set = 1; set <= 300; set++) {
      const columns = CHOSEN.filter((_, bit) => (set >> bit) & 1);
      const compiled = selectParties(db, '61.12', ['ENTERPRISE'], { profiles: true, region: false, columns }).compile()
        .sql;
      for (const column of CHOSEN) {
        const alias = `as "${column}"`;
        if (columns.includes(column)) expect(compiled).toContain(alias);
        else expect(compiled).not.toContain(alias);
      }
    }
    expect(keptPartyShapes(db)).toBe(256);
  });
});
