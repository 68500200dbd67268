import { type Kysely, sql } from 'kysely';
import { SHARD_TRIGGER_FUNCTIONS } from './analytics/shard-triggers.sql.ts';
import { TRIGGERS } from './analytics/triggers.sql.ts';

/*
 * Trigger functions that also run on Citus shards (./analytics/shard-triggers.sql.ts): those that
 * read a transition table in the statement writing a distributed table now read it first, alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of SHARD_TRIGGER_FUNCTIONS) await sql.raw(statement).execute(db);
}

/** The baseline's definitions of the same functions. */
export async function down(db: Kysely<any>): Promise<void> {
  const names = ['panel_inserted', 'panel_updated', 'panel_deleted', 'party_deleted', 'profile_deleted'];
  for (const name of names) {
    const original = TRIGGERS.find((s) => s.startsWith(`CREATE FUNCTION analytics_${name}()`));
    if (original) await sql.raw(original.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')).execute(db);
  }
}
