import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';

/** One write, as the audit trail keeps it (docs/data-entry.md, "Audit"). */
export interface AuditRecord {
  /** What was done: enterprise.register, transaction.void, party.merge… */
  readonly action: string;
  /** The table of the row written: party, transaction… */
  readonly entity: string;
  readonly entityId: number | string;
  /** What changed, without personal data (owner names and NIKs are recorded as changed, never as values). */
  readonly details: Record<string, unknown>;
}

/** Records a write in audit_event; call it inside the write's own database transaction. */
export async function insertAuditEvent(
  trx: Kysely<Database>,
  tenantId: string,
  who: { userId: number | null; requestId: string },
  record: AuditRecord,
): Promise<void> {
  await trx
    .insertInto('audit_event')
    .values({
      tenant_id: tenantId,
      user_id: who.userId,
      action: record.action,
      entity: record.entity,
      entity_id: String(record.entityId),
      request_id: who.requestId,
      details: JSON.stringify(record.details),
    })
    .execute();
}

/** The audit trail of one row, oldest first. */
export async function findAuditEvents(
  db: Kysely<Database>,
  tenantId: string,
  entity: string,
  entityId: number | string,
): Promise<Array<{ id: number; occurred_at: Date; user_id: number | null; action: string; details: unknown }>> {
  return db
    .selectFrom('audit_event')
    .select(['id', 'occurred_at', 'user_id', 'action', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
}
