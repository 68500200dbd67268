import type { Database, DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, TEST_TENANT } from '@jejaring/db/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { parseSpendFilter, type SpendScope } from '../../src/analytics/scope.ts';
import type { SpendFilter } from '../../src/analytics/spend-filter.input.ts';
import { encodeGlobalId } from '../../src/graphql/global-id.ts';
import { type Fixture, type LoadedFixture, loadFixture } from './fixtures.ts';

export interface FixtureDatabase {
  readonly db: Kysely<Database>;
  readonly tenantId: string;
  /** The database id of a fixture ref. */
  id(ref: string): number;
  /** The global id of an agency by its fixture ref. */
  agency(ref: string): string;
  /** A validated scope for a filter whose agencyIds are fixture refs. */
  scope(filter?: Omit<SpendFilter, 'agencyIds'> & { agencies?: string[] }): SpendScope;
}

/** A fresh test database (PGlite, or PostgreSQL with DATABASE_URL) holding one fixture, per test file. */
export function useFixture(fixture: Fixture): FixtureDatabase {
  let handle: DatabaseHandle | undefined;
  let loaded: LoadedFixture | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    loaded = await loadFixture(handle.db, TEST_TENANT, fixture);
  });
  afterAll(async () => {
    await handle?.close();
  });
  const id = (ref: string) => {
    if (!loaded) throw new Error('fixture not loaded yet');
    return loaded.id(ref);
  };
  return {
    get db() {
      if (!handle) throw new Error('database not open yet');
      return handle.db;
    },
    tenantId: TEST_TENANT,
    id,
    agency: (ref) => encodeGlobalId('Agency', id(ref)),
    scope: (filter = {}) => {
      const { agencies, ...rest } = filter;
      return parseSpendFilter(TEST_TENANT, {
        ...rest,
        ...(agencies ? { agencyIds: agencies.map((ref) => encodeGlobalId('Agency', id(ref))) } : {}),
      });
    },
  };
}
