import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';
import { badInput } from '../errors.ts';
import type { SpendFilter } from './spend-filter.input.ts';
import { parseSpendFilter, type SpendScope } from './spend-scope.ts';

/** Throws BAD_USER_INPUT naming `field` unless every id is an agency of the tenant. */
export async function assertAgencies(
  db: Kysely<Database>,
  tenantId: string,
  ids: readonly number[],
  field: string,
): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('party')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'AGENCY')
    .where('id', 'in', [...ids])
    .execute();
  if (found.length !== ids.length) {
    const known = new Set(found.map((r) => r.id));
    const missing = ids.filter((id) => !known.has(id));
    throw badInput(field, {
      id: `tidak ada perangkat daerah dengan id ${missing.join(', ')} di kabupaten/kota ini`,
      en: `no agency with id ${missing.join(', ')} in this regency`,
    });
  }
}

/** Parses the filter and checks that its agencies exist. */
export async function resolveSpendScope(
  db: Kysely<Database>,
  tenantId: string,
  filter: SpendFilter | null | undefined,
): Promise<SpendScope> {
  const scope = parseSpendFilter(tenantId, filter);
  if (scope.agencyIds) await assertAgencies(db, tenantId, scope.agencyIds, 'agencyIds');
  return scope;
}
