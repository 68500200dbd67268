import type { Database } from '@jejaring/db';
import { DATA_ENTRY_TIME_ZONE, type RuleContext, todayIn } from '@jejaring/db/rules';
import type { Kysely } from 'kysely';
import { findAllRegionCodes } from './region.queries.ts';

/** Region codes per database, read once: they are reference data, loaded before the server starts. */
const regionCodes = new WeakMap<Kysely<Database>, Promise<Set<string>>>();

/**
 * The shared rules' context on the server: today in WIB, and a region lookup that always knows
 * (the `region` table).
 */
export async function serverRuleContext(db: Kysely<Database>, now: Date = new Date()): Promise<RuleContext> {
  let codes = regionCodes.get(db);
  if (!codes) {
    codes = findAllRegionCodes(db).then((list) => new Set(list));
    codes.catch(() => regionCodes.delete(db));
    regionCodes.set(db, codes);
  }
  const known = await codes;
  return { today: todayIn(DATA_ENTRY_TIME_ZONE, now), regionExists: (code) => known.has(code) };
}
