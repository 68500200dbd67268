import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';

/*
 * The statements that tell how far a streaming replica is behind its primary (read-replica.ts).
 * Positions are WAL positions (pg_lsn) in their text form, `16/B374D848`.
 */

/**
 * The primary's WAL insert position: every record of a transaction committed before this call
 * lies before it, even under synchronous_commit = off (pg_current_wal_lsn, the write position,
 * may then still be short of a commit record that is only inserted).
 */
export async function primaryWalPosition(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ lsn: string }>`SELECT pg_current_wal_insert_lsn()::text AS lsn`.execute(db);
  return (rows[0] as { lsn: string }).lsn;
}

/**
 * Whether the server is a standby (in recovery) and how far it has replayed the WAL it received
 * (null on a server that is not a standby).
 */
export async function standbyState(db: Kysely<Database>): Promise<{ inRecovery: boolean; replayLsn: string | null }> {
  const { rows } = await sql<{ in_recovery: boolean; replay_lsn: string | null }>`
    SELECT pg_is_in_recovery() AS in_recovery, pg_last_wal_replay_lsn()::text AS replay_lsn`.execute(db);
  const row = rows[0] as { in_recovery: boolean; replay_lsn: string | null };
  return { inRecovery: row.in_recovery, replayLsn: row.replay_lsn };
}
