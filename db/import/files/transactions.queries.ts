import { sql, type Transaction } from 'kysely';
import type { Database } from '../../src/database.ts';
import { arrayLiteral } from '../bulk.ts';

/* The keys (source, ref) of transactions.csv, checked batch by batch inside the import's transaction. */

export interface TransactionKey {
  readonly source: string;
  readonly ref: string;
}

/**
 * The refs this import has met so far, in a temporary table dropped with the transaction (commit,
 * rollback or a killed process alike), so spotting a duplicate ref far down a large file costs no
 * memory in the process.
 */
export async function createSeenKeys(trx: Transaction<Database>): Promise<void> {
  await sql`CREATE TEMPORARY TABLE IF NOT EXISTS jejaring_import_seen (
      source text NOT NULL, ref text NOT NULL, line integer NOT NULL, PRIMARY KEY (source, ref)
    ) ON COMMIT DROP`.execute(trx);
}

/** The first line of each key met in an earlier batch. */
export async function seenLines(
  trx: Transaction<Database>,
  keys: readonly TransactionKey[],
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const result = await sql<{ source: string; ref: string; line: number }>`
    SELECT s.source, s.ref, s.line FROM jejaring_import_seen s
    JOIN unnest(${arrayLiteral(keys.map((k) => k.source))}::text[], ${arrayLiteral(keys.map((k) => k.ref))}::text[]) AS k(source, ref)
      ON s.source = k.source AND s.ref = k.ref`.execute(trx);
  return new Map(result.rows.map((r) => [keyOf(r), Number(r.line)]));
}

export async function rememberKeys(
  trx: Transaction<Database>,
  keys: ReadonlyArray<TransactionKey & { readonly line: number }>,
): Promise<void> {
  if (keys.length === 0) return;
  await sql`INSERT INTO jejaring_import_seen (source, ref, line)
    SELECT * FROM unnest(${arrayLiteral(keys.map((k) => k.source))}::text[], ${arrayLiteral(keys.map((k) => k.ref))}::text[],
      ${arrayLiteral(keys.map((k) => k.line))}::integer[])
    ON CONFLICT DO NOTHING`.execute(trx);
}

/** The keys among `keys` of purchases that were voided: a re-import must leave them voided. */
export async function voidedKeys(
  trx: Transaction<Database>,
  tenantId: string,
  keys: readonly TransactionKey[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const result = await sql<TransactionKey>`
    SELECT v.source, v.source_ref AS ref FROM voided_transaction v
    JOIN unnest(${arrayLiteral(keys.map((k) => k.source))}::text[], ${arrayLiteral(keys.map((k) => k.ref))}::text[]) AS k(source, ref)
      ON v.source = k.source AND v.source_ref = k.ref
    WHERE v.tenant_id = ${tenantId}`.execute(trx);
  return new Set(result.rows.map(keyOf));
}

/** One string per key (NUL cannot occur in either part: the parser rejects it). */
export function keyOf(key: TransactionKey): string {
  return `${key.source}\u0000${key.ref}`;
}
